"""Small text helpers shared by every part of reader: shortening and accent folding."""

from __future__ import annotations

import unicodedata


def shorten(text: str, width: int, *, at_word: bool = False) -> str:
    """Text cut to at most `width` characters, ending in "…" when something was cut.

    With `at_word`, the cut falls between words when one ends in the last
    three quarters of the width.
    """
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = width - 1
    if at_word:
        space = text.rfind(" ", 0, cut)
        if space > width // 4:
            cut = space
    return text[:cut].rstrip() + "…"


def fold_accents(text: str) -> str:
    """Text without its combining marks: "Luís" -> "Luis", "Wikipédia" -> "Wikipedia"."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
