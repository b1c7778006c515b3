"""File names for exports, valid on Windows, macOS and Linux, and as targets of vault links."""

from __future__ import annotations

import re

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_filename(title: str, suffix: str = ".md", limit: int = 100) -> str:
    """A file name from a title, valid on Windows, macOS and Linux, and in vault links.

    Besides what file systems refuse, `#`, `^`, `[`, `]` and `|` go too: a wikilink
    (`[[name]]`) cannot point at a file whose name holds them.
    """
    name = re.sub(r"[\x00-\x1f\x7f<>:\"/\\|?*#^\[\]]+", " ", title)
    name = re.sub(r"\s+", " ", name).strip().strip(".")
    name = name.replace("..", ".")
    if len(name) > limit:
        cut = name.rfind(" ", 0, limit)
        name = name[: cut if cut > limit // 2 else limit].rstrip(" .")
    if not name or name.split(".")[0].casefold() in _RESERVED:
        name = f"article {name}".strip()
    return name + suffix
