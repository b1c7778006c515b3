"""The reading window's footer: every key that applies at wide widths, the essential ones when narrow."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

NARROW_HIDDEN = frozenset(
    {"next_block", "next_topic", "export", *(f"show_tab('{tab}')" for tab in ("entities", "quotes", "topics", "notes"))}
)
"""Actions left out of the footer below `narrow` columns (help lists them), so that
Help and Quit, and the keys that apply just now (next match, next mention), fit."""


class ReaderFooter(Footer):
    """A Footer that keeps the important keys in view at 80 columns."""

    def __init__(self, narrow: int) -> None:
        super().__init__()
        self.narrow = narrow

    def compose(self) -> ComposeResult:
        small = self.app.size.width < self.narrow
        self.compact = small
        self.show_command_palette = not small  # ctrl+p still works; help lists it
        for widget in super().compose():
            # A group's label ("1234 Tabs") comes after its keys, as a FooterLabel.
            if small and (getattr(widget, "action", None) in NARROW_HIDDEN or type(widget).__name__ == "FooterLabel"):
                continue
            yield widget
