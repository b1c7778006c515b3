"""ReaderApp, and the build_app() factory shared by the command line and the tests."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from reader.core.document import Document


class ReaderApp(App):
    """The terminal reader: one article, or a library of articles to choose from."""

    CSS_PATH = "app.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, document: Document | None = None, library: list[Path] | None = None) -> None:
        super().__init__()
        self.document = document
        self.library = library

    def get_theme_variable_defaults(self) -> dict[str, str]:
        from reader.ui.theming import VARIABLE_DEFAULTS

        return dict(VARIABLE_DEFAULTS)

    def on_mount(self) -> None:
        if self.document is not None:
            from reader.ui.screens.reader import ReaderScreen

            self.push_screen(ReaderScreen(self.document))
        else:
            from reader.ui.screens.library import LibraryScreen

            self.push_screen(LibraryScreen(self.library or []))


def build_app(document: Document | None = None, library: list[Path] | None = None) -> ReaderApp:
    """Build the app for an article or a library; the CLI and the tests both use this."""
    return ReaderApp(document=document, library=library)
