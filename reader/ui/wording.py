"""Small wording helpers for what the window says."""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 mention", "2 mentions", "0 notes"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
