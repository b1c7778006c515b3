"""ReaderApp, and the build_app() factory shared by the command line and the tests."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from reader.core.document import Document
from reader.core.notes import NoteStore
from reader.core.settings import Settings, load_settings


class ReaderApp(App):
    """The terminal reader: one article, or a library of articles to choose from."""

    CSS_PATH = "app.tcss"
    TITLE = "reader"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+t", "change_theme", "Theme", show=False, id="app.theme"),
    ]

    def __init__(
        self,
        document: Document | None = None,
        library: list[Path] | None = None,
        settings: Settings | None = None,
        store: NoteStore | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.library = library
        self.settings = settings or Settings()
        self.store = store
        self.keymap: dict[str, str] = {}
        """The user's key overrides that are in force (binding id -> keys)."""
        self.problems: list[str] = list(self.settings.problems)
        self._apply_keymap()

    def _apply_keymap(self) -> None:
        from reader.ui.keys import check_keymap
        from reader.ui.screens.reader import ReaderScreen
        from reader.ui.widgets.article_view import ArticleView

        scopes = {"reading window": [*self.BINDINGS, *ReaderScreen.BINDINGS, *ArticleView.BINDINGS]}
        usable, problems = check_keymap(self.settings.keys, scopes)
        self.keymap = usable
        self.problems.extend(problems)
        if usable:
            self.set_keymap(usable)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        from reader.ui.theming import VARIABLE_DEFAULTS

        return dict(VARIABLE_DEFAULTS)

    def on_mount(self) -> None:
        for problem in self.problems:
            self.notify(problem, title="Config", severity="warning", timeout=8, markup=False)
        if self.document is not None:
            from reader.ui.screens.reader import ReaderScreen

            self.push_screen(ReaderScreen(self.document, self.store))
        else:
            from reader.ui.screens.library import LibraryScreen

            self.push_screen(LibraryScreen(self.library or []))


def build_app(
    document: Document | None = None,
    library: list[Path] | None = None,
    settings: Settings | None = None,
    store: NoteStore | None = None,
) -> ReaderApp:
    """Build the app for an article or a library; the CLI and the tests both use this.

    With no settings given, the user's config file is read; with no store, the
    notes database at its default place (READER_DB, else the user data folder).
    """
    from reader.core import paths

    if settings is None:
        settings = load_settings(paths.config_file())
    if store is None:
        store = NoteStore(paths.default_db_path())
    return ReaderApp(document=document, library=library, settings=settings, store=store)
