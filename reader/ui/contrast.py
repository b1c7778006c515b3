"""Readable colours in every theme: WCAG contrast kept for what the reader paints.

The reader draws text in many colours (names, quotations, links, marks, muted
text, footer keys) on many backgrounds (the page, the panels, five note colours,
search matches, the chosen name, the highlighted row). A theme file, one of
Textual's own themes or a user's theme may set any of them; this module takes a
theme's final variables and moves the colours that fall short just far enough:
text away from its backgrounds, highlights away from the text on them, toward
black or white, hue kept. A bundled theme already meets it and comes out unchanged
(a test checks that), so what its file says is what is shown.

Targets: 4.5:1 (WCAG AA for text), 7:1 (AAA) for the high-contrast theme.
"""

from __future__ import annotations

from textual.color import Color, ColorParseError

AA = 4.5
AAA = 7.0

BASES = ("background", "surface", "panel", "footer-background")
"""Backgrounds text is drawn on everywhere."""
BODY_TEXT = ("foreground", "footer-description-foreground")
TEXT = (
    "reader-heading",
    "reader-person",
    "reader-org",
    "reader-place",
    "reader-quote",
    "reader-link",
    "reader-current-bar",
    "reader-key",
    "reader-muted",
    "reader-error",
    "note-yellow-mark",
    "note-green-mark",
    "note-blue-mark",
    "note-pink-mark",
    "note-purple-mark",
)
"""The reader's text colours, all drawn on every base."""
MARKS = ("note-yellow-mark", "note-green-mark", "note-blue-mark", "note-pink-mark", "note-purple-mark")
IN_ARTICLE = (
    "foreground", "reader-heading", "reader-person", "reader-org", "reader-place", "reader-quote", "reader-link",
)
"""What the article paints its text in, so what must read on each of its highlights."""
IN_ROWS = (
    "foreground", "reader-person", "reader-org", "reader-place", "reader-quote", "reader-link",
    "reader-current-bar", "reader-muted", *MARKS,
)
"""What a list row paints (names, counts, maps, speakers, marks, muted text): on the cursors."""
HIGHLIGHTS = (
    "note-yellow",
    "note-green",
    "note-blue",
    "note-pink",
    "note-purple",
    "reader-match",
    "reader-match-current",
    "reader-selected",
)
"""Backgrounds under the article's text: everything the article paints must read on them."""
CURSORS = ("reader-row-cursor", "reader-row-cursor-blurred")
"""The highlighted row of a list (focused, and not): under every colour a row uses."""
DERIVED = ("reader-key", "reader-muted", "reader-error", *CURSORS)
"""Reader variables a theme may leave out: made from its own colours, then kept readable."""


def target(theme_name: str) -> float:
    """The contrast a theme keeps: 7:1 for a high-contrast theme, else 4.5:1."""
    return AAA if "high-contrast" in theme_name else AA


def luminance(color: Color) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def ratio(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _toward(color: Color, end: Color, amount: float) -> Color:
    return color.blend(end, amount).clamped


def _push(color: Color, others: list[Color], need: float, end: Color) -> Color:
    """`color` moved toward `end` (black or white) the least that reads at `need` on all `others`."""
    if not others or min(ratio(color, o) for o in others) >= need:
        return color
    if min(ratio(_toward(color, end, 1.0), o) for o in others) < need:
        return _toward(color, end, 1.0)  # as far as it goes; what is on it moves next
    low, high = 0.0, 1.0
    for _ in range(20):
        middle = (low + high) / 2
        if min(ratio(_toward(color, end, middle), o) for o in others) >= need:
            high = middle
        else:
            low = middle
    return _toward(color, end, high)


def _parse(value: str | None, under: Color | None = None) -> Color | None:
    if value is None:
        return None
    try:
        color = Color.parse(value)
    except ColorParseError:
        return None
    if color.a < 1:
        if under is None:
            return None
        color = under.blend(color.with_alpha(1), color.a)
    return color


_made: dict[tuple, dict[str, str]] = {}
"""What `readable` made of each theme's variables: Textual asks for them more than
once as the window starts, and again at every change of theme."""


def readable(
    variables: dict[str, str], *, dark: bool, need: float, fixed: frozenset[str] = frozenset()
) -> dict[str, str]:
    """A theme's CSS variables with every reader colour pair at `need`:1 or better.

    Variables the theme does not set itself (not in `fixed`) among DERIVED are made
    from its colours first: footer keys from the accent, muted text between the
    text and the page, error messages from its error colour, list cursors from the
    primary colour.
    """
    key = (tuple(variables.items()), dark, need, fixed)
    if key not in _made:
        _made[key] = _readable(variables, dark=dark, need=need, fixed=fixed)
    return dict(_made[key])


def _readable(variables: dict[str, str], *, dark: bool, need: float, fixed: frozenset[str]) -> dict[str, str]:
    out = dict(variables)
    page = _parse(out.get("background")) or Color(0, 0, 0)
    ansi = page.ansi is not None
    """An ANSI theme: the terminal's palette decides the page and its text, so only
    the reader's own colours (names on highlights, marks on cursors) are kept."""
    colors: dict[str, Color] = {"background": page}
    for name in ("surface", "panel", "footer-background"):
        colors[name] = _parse(out.get(name), page) or page
    colors["footer-background"] = _parse(out.get("footer-background"), colors["panel"]) or colors["panel"]
    for name in (*BODY_TEXT, *TEXT, *HIGHLIGHTS, *CURSORS, "primary", "accent", "error"):
        parsed = _parse(out.get(name), page)
        if parsed is not None and parsed.ansi is None:
            colors[name] = parsed
    fg = colors.get("foreground") or (Color(224, 224, 224) if dark else Color(31, 31, 31))
    colors["foreground"] = fg
    colors.setdefault("footer-description-foreground", fg)
    primary = colors.get("primary", fg)
    if ansi:  # nothing is known of the page: start from the reader's own fallbacks
        page = Color(0, 0, 0) if dark else Color(255, 255, 255)
    if "reader-key" not in fixed:
        colors["reader-key"] = colors.get("accent", primary)
    if "reader-muted" not in fixed:
        colors["reader-muted"] = fg.blend(page, 0.3)
    if "reader-error" not in fixed:
        colors["reader-error"] = colors.get("error", fg)
    if "reader-row-cursor" not in fixed:
        colors["reader-row-cursor"] = page.blend(primary, 0.65)

    light_end, dark_end = Color(255, 255, 255), Color(0, 0, 0)
    text_end, back_end = (light_end, dark_end) if dark else (dark_end, light_end)
    on_highlights = [name for name in IN_ARTICLE if name in colors and not (ansi and name in BODY_TEXT)]
    on_cursors = [name for name in IN_ROWS if name in colors and not (ansi and name in BODY_TEXT)]
    for _ in range(3):
        # A focused widget tints its background with 5% of the text colour.
        bases = [colors[name] for name in BASES] + [colors[name].blend(colors["foreground"], 0.05) for name in BASES]
        if not ansi:
            for name in (*BODY_TEXT, *TEXT):
                if name in colors:
                    colors[name] = _push(colors[name], bases, need, text_end)
            # A base that even the lightest (darkest) text cannot read on moves itself:
            # Solarized's footer is mid-blue under white.
            texts = [colors[name] for name in (*BODY_TEXT, *TEXT) if name in colors]
            for name in BASES:
                colors[name] = _push(colors[name], texts, need, back_end)
        for name in HIGHLIGHTS:
            if name in colors:
                colors[name] = _push(colors[name], [colors[t] for t in on_highlights], need, back_end)
        focused = colors["reader-row-cursor"] = _push(
            colors["reader-row-cursor"], [colors[t] for t in on_cursors], need, back_end
        )
        if "reader-row-cursor-blurred" not in fixed:
            # Half way from the panel to the focused cursor: plainly weaker, as readable.
            colors["reader-row-cursor-blurred"] = colors["surface"].blend(focused, 0.5)
        colors["reader-row-cursor-blurred"] = _push(
            colors["reader-row-cursor-blurred"], [colors[t] for t in on_cursors], need, back_end
        )
        # A highlight that went as far as it can leaves the text on it to move.
        for name in on_highlights:
            colors[name] = _push(colors[name], [colors[h] for h in HIGHLIGHTS if h in colors], need, text_end)
        for name in on_cursors:
            colors[name] = _push(colors[name], [colors[c] for c in CURSORS], need, text_end)
    for name in (*BASES, *BODY_TEXT, *TEXT, *HIGHLIGHTS, *CURSORS):
        if name not in colors or (ansi and name in (*BASES, *BODY_TEXT)):
            continue
        before = _parse(out.get(name), page)
        if before is None or before.hex6 != colors[name].hex6 or name not in fixed:
            out[name] = colors[name].hex6
    return out
