"""One-line messages on standard error, as every command writes them."""

from __future__ import annotations

import sys


def error(message: str) -> None:
    print(f"reader: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"reader: warning: {message}", file=sys.stderr)
