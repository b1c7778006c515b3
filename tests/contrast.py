"""WCAG contrast of what a running app actually paints: colours read from its rendered strips."""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from rich.color import Color as RichColor
from rich.style import Style
from textual.geometry import Region

GRAPHICS = [(0x2500, 0x259F), (0x2800, 0x28FF)]
"""Box drawing and block elements (rules, bars, scrollbars) and braille: graphics,
not text; WCAG asks 3:1 of them, and this module checks text."""


def luminance(rgb: tuple[int, int, int]) -> float:
    channels = [c / 255 for c in rgb]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_text(ch: str) -> bool:
    """A character a reader must read: letters, digits, punctuation, symbols and marks."""
    if ch.isspace():
        return False
    code = ord(ch)
    if any(lo <= code <= hi for lo, hi in GRAPHICS):
        return False
    return unicodedata.category(ch)[0] in "LNPS"


def _rgb(color: RichColor | None) -> tuple[int, int, int] | None:
    if color is None or color.is_default:
        return None
    triplet = color.get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


def painted_colours(style: Style) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The foreground and background a cell is painted in (reverse and dim applied)."""
    fg, bg = _rgb(style.color), _rgb(style.bgcolor)
    if fg is None or bg is None:
        return None  # the terminal's own colours: not the theme's to answer for
    if style.reverse:
        fg, bg = bg, fg
    if style.dim:  # terminals draw dim text about halfway to the background
        fg = tuple((f + b) // 2 for f, b in zip(fg, bg))  # type: ignore[assignment]
    return fg, bg


def screen_cells(app):
    """(x, y, text, style) of every segment the screen paints, modal screens over their background."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens, simplify=True)
    for y, strips in enumerate(update.strips):
        x = 0
        for strip in strips:
            for segment in strip:
                if segment.control:
                    continue
                yield x, y, segment.text, segment.style or Style()
                x += len(segment.text)


def low_contrast(app, need: float, regions: list[Region] | None = None) -> dict[str, float]:
    """Text painted below `need`:1, as "«sample» #fg on #bg" -> its ratio."""
    found: dict[tuple, list[str]] = defaultdict(list)
    worst: dict[tuple, float] = {}
    for x, y, text, style in screen_cells(app):
        if regions is not None and not any(r.contains(x, y) for r in regions):
            continue
        shown = "".join(ch for ch in text if is_text(ch))
        if not shown:
            continue
        colours = painted_colours(style)
        if colours is None:
            continue
        value = ratio(*colours)
        if value < need:
            found[colours].append(shown)
            worst[colours] = value
    return {f"«{' '.join(found[c])[:40]}» {_hex(c[0])} on {_hex(c[1])}": round(worst[c], 2) for c in found}


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb)
