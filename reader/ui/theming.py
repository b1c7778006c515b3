"""Themes for the app: bundled and user theme files, Textual's own, and fallbacks."""

from __future__ import annotations

from textual.color import Color, ColorParseError
from textual.theme import BUILTIN_THEMES, Theme

from reader.core import paths
from reader.core.themes import ThemeSpec, load_themes

DEFAULT_THEME = "reader-dark"

VARIABLE_DEFAULTS: dict[str, str] = {
    "reader-heading": "#e0e0e0",
    "reader-current-bar": "#4ea1ff",
    "reader-person": "#7cc7ff",
    "reader-org": "#ffb86c",
    "reader-place": "#8be28b",
    "reader-quote": "#e6d28a",
    "reader-link": "#8ab4f8",
    "reader-match": "#5a4a00",
    "reader-match-current": "#8a6d00",
    "reader-selected": "#3a3f58",
    "note-yellow": "#5c5000",
    "note-green": "#1f4d2a",
    "note-blue": "#1f3a5c",
    "note-pink": "#5c2346",
    "note-purple": "#3f2a5c",
    "note-yellow-mark": "#f2d13a",
    "note-green-mark": "#5fd07a",
    "note-blue-mark": "#5fa8ff",
    "note-pink-mark": "#ff7ac6",
    "note-purple-mark": "#b58cff",
    "reader-key": "#f2b45c",
    "reader-muted": "#a0a8b4",
    "reader-error": "#ff7b7b",
    "reader-row-cursor": "#2f4a6e",
    "reader-row-cursor-blurred": "#283244",
}
"""Values used where a theme does not set a reader variable (Textual's built-in
themes do not know them). Dark-theme values; light themes get LIGHT_DEFAULTS. Where
they fall short of contrast on a theme's own colours, reader/ui/contrast.py moves
them (and it makes the keys, muted text and list cursors from the theme's colours)."""

LIGHT_DEFAULTS: dict[str, str] = {
    "reader-heading": "#1a1a1a",
    "reader-current-bar": "#1f5fbf",
    "reader-person": "#0b5394",
    "reader-org": "#8a4b00",
    "reader-place": "#1d6b2a",
    "reader-quote": "#6b4f00",
    "reader-link": "#1f4fbf",
    "reader-match": "#ffe680",
    "reader-match-current": "#ffc940",
    "reader-selected": "#cfe0ff",
    "note-yellow": "#fff2a8",
    "note-green": "#cdeccf",
    "note-blue": "#cfe3ff",
    "note-pink": "#ffd6e8",
    "note-purple": "#e6d9ff",
    "note-yellow-mark": "#8a6d00",
    "note-green-mark": "#1d6b2a",
    "note-blue-mark": "#1f4fbf",
    "note-pink-mark": "#a3195b",
    "note-purple-mark": "#5b2a9e",
    "reader-key": "#8a4b00",
    "reader-muted": "#555555",
    "reader-error": "#a8201a",
    "reader-row-cursor": "#c4d8f4",
    "reader-row-cursor-blurred": "#e0e6ee",
}


def to_textual(spec: ThemeSpec) -> Theme:
    """A Textual Theme from a theme file's data; raises ValueError on a bad colour."""
    for key, value in [*spec.colors.items(), *spec.variables.items()]:
        if isinstance(value, str):
            try:
                Color.parse(value)
            except ColorParseError:
                where = spec.path.name if spec.path else spec.name
                raise ValueError(f"{where}: bad colour {key} = {value!r}") from None
    from reader.ui.contrast import DERIVED

    # Keys, muted text, errors and list cursors a theme leaves out are made from its
    # own colours (reader/ui/contrast.py), not taken from the generic fallbacks.
    defaults = {k: v for k, v in (VARIABLE_DEFAULTS if spec.dark else LIGHT_DEFAULTS).items() if k not in DERIVED}
    return Theme(name=spec.name, dark=spec.dark, variables={**defaults, **spec.variables}, **spec.colors)


def reader_themes() -> tuple[list[Theme], list[ThemeSpec], list[str]]:
    """Bundled and user themes as Textual themes, their specs, and problems to report."""
    specs, problems = load_themes([(paths.bundled_themes_dir(), "bundled"), (paths.user_themes_dir(), "user")])
    themes: list[Theme] = []
    good: list[ThemeSpec] = []
    for spec in specs:
        try:
            themes.append(to_textual(spec))
            good.append(spec)
        except ValueError as exc:
            problems.append(f"theme {exc}")
    return themes, good, problems


def theme_listing(specs: list[ThemeSpec]) -> list[tuple[str, str, str]]:
    """(name, "dark"/"light", where it comes from) for the given themes and Textual's own."""
    rows = [(s.name, "dark" if s.dark else "light", str(s.path) if s.source == "user" else "bundled") for s in specs]
    ours = {s.name for s in specs}
    for name, theme in sorted(BUILTIN_THEMES.items()):
        if name not in ours:
            rows.append((name, "dark" if theme.dark else "light", "Textual"))
    return rows
