"""What a command's argument names: a web address, or a saved web page (cheap: imports nothing)."""

from __future__ import annotations

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def is_address(arg: str) -> bool:
    """Whether a command-line argument names a web address rather than a file (any scheme://)."""
    head = arg.strip()[:16].lower()
    return "://" in head and head.split("://", 1)[0].isalpha()


def is_saved_page(path: str) -> bool:
    """Whether a file is a saved web page, by its name."""
    return path.lower().endswith(HTML_SUFFIXES)
