"""The reader's own theme variables and their fallbacks for any Textual theme."""

from __future__ import annotations

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
}
"""Values used where a theme does not set a reader variable (Textual's built-in
themes do not know them). Themes override them in their [variables] table."""
