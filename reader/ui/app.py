"""ReaderApp, and the build_app() factory shared by the command line and the tests."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import Binding

from reader.core.article import Document
from reader.core.notes import NoteStore
from reader.core.settings import Settings, load_settings
from reader.ui.private_api import check_bindings, dispatch_key

if TYPE_CHECKING:
    from reader.core.library import Library


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
        theme: str | None = None,
        whole_library: bool = False,
    ) -> None:
        super().__init__()
        self.document = document
        self.library = library
        self.whole_library = whole_library
        """No article given, and the library holds some: the library's table opens."""
        self._kept: Library | None = None
        self.settings = settings or Settings()
        self.store = store
        self.keymap: dict[str, str] = {}
        """The user's key overrides that are in force (binding id -> keys)."""
        self.problems: list[str] = list(self.settings.problems)
        self._apply_keymap()
        self._register_themes()
        self.theme = self._starting_theme(theme)

    @property
    def kept(self) -> Library | None:
        """The library of the notes store (every article opened is kept in it); None without a store."""
        if self._kept is None and self.store is not None:
            from reader.core.library import Library

            self._kept = Library(self.store)
        return self._kept

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

    def _register_themes(self) -> None:
        from reader.ui.theming import reader_themes

        themes, self.theme_specs, problems = reader_themes()
        for theme in themes:
            self.register_theme(theme)
        self.problems.extend(problems)

    def _article_theme_key(self) -> str | None:
        if self.document is None:
            return None
        from reader.core.notes import article_key

        return f"theme:{article_key(self.document)}"

    def _starting_theme(self, requested: str | None) -> str:
        """--theme, else the theme last chosen for this article, else the last chosen."""
        from reader.ui.theming import DEFAULT_THEME

        if requested and requested not in self.available_themes:
            from reader.core.errors import InputError

            raise InputError(f"--theme {requested}: no such theme (reader themes lists them)")
        candidates = [requested]
        if self.store is not None:
            try:
                key = self._article_theme_key()
                if key:
                    candidates.append(self.store.setting(key))
                candidates.append(self.store.setting("theme"))
            except Exception:  # a damaged store is reported when the notes load
                pass
        candidates.append(DEFAULT_THEME)
        for name in candidates:
            if name and name in self.available_themes:
                return name
        return "textual-dark"

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, with every colour pair the reader paints kept readable.

        See reader/ui/contrast.py: 4.5:1 (7:1 in a high-contrast theme) for text on
        every background it is drawn on, in every theme, Textual's own included.
        """
        from reader.ui.contrast import readable, target

        theme = self.current_theme
        variables = readable(
            super().get_css_variables(), dark=theme.dark, need=target(theme.name), fixed=frozenset(theme.variables)
        )
        self.theme_variables = variables
        return variables

    def notify(self, message: str, *, title: str = "", **kwargs) -> None:
        """Every notification goes through the one sanitiser: messages quote file names,
        config values and note text, whose control characters must never reach the terminal."""
        from reader.core.article import printable

        super().notify(printable(message, multiline=True), title=printable(title), **kwargs)

    def _unsaved_note(self) -> bool:
        from reader.ui.screens.note_editor import NoteEditor

        return any(isinstance(s, NoteEditor) and s._changed() for s in self.screen_stack)

    async def action_quit(self) -> None:
        """q quits at once, even while the analysis runs; never over a note being written."""
        if self._unsaved_note():
            self.notify("A note is being written: ctrl+s saves it, escape cancels it; then quit", severity="warning")
            return
        for screen in self.screen_stack:  # a running analysis would slow the shutdown down
            cancel = getattr(screen, "cancel_analysis", None)
            if cancel is not None:
                cancel()
        self.exit()

    async def action_help_quit(self) -> None:
        """ctrl+c (with no text selected to copy) quits too, as a reader expects."""
        await self.action_quit()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        from reader.ui.theming import LIGHT_DEFAULTS, VARIABLE_DEFAULTS

        # Called while a theme is applied: Textual's light themes get light fallbacks.
        try:
            dark = self.current_theme.dark
        except Exception:
            dark = True
        return dict(VARIABLE_DEFAULTS if dark else LIGHT_DEFAULTS)

    def action_change_theme(self) -> None:
        """ctrl+t and the palette's Theme command: a picker that previews as you move."""
        from reader.ui.screens.theme_picker import ThemePicker
        from reader.ui.theming import theme_listing

        rows = [r for r in theme_listing(self.theme_specs) if r[0] in self.available_themes]

        def chosen(name: str | None) -> None:
            if name:
                self.remember_theme(name)

        self.push_screen(ThemePicker(rows), chosen)

    def remember_theme(self, name: str) -> None:
        """Keep the chosen theme, for this article and as the default for others."""
        if self.store is None:
            return
        try:
            self.store.set_setting("theme", name)
            key = self._article_theme_key()
            if key:
                self.store.set_setting(key, name)
        except Exception as exc:
            self.notify(f"Theme not remembered: {exc}", severity="warning", markup=False)

    async def on_key(self, event: events.Key) -> None:
        """A key that reached the app unhandled, in the order it was typed.

        Keys go to whatever had focus when they arrived; typed faster than the
        window draws, the letters after / or a reach the article before the search
        line or the note editor is open. They come here in order behind the key that
        opened it, and the screen puts them where the reader was typing. Then the
        bindings run, and a key whose action is disabled says why.
        """
        event.prevent_default()  # App._on_key, which this replaces, must not run too
        screen = self.screen
        take = getattr(screen, "take_typed_ahead", None)
        if take is not None and take(event):
            return
        if await check_bindings(self, event.key):
            return
        explain = getattr(screen, "explain_key", None)
        if explain is not None and explain(event.key):
            return
        await dispatch_key(self, event)

    def on_mount(self) -> None:
        self._watch_terminal()
        # The command line starts the window with the garbage collector off (see
        # reader/cli/open_article.py); on again once the first frames are drawn.
        self.set_timer(1.0, gc.enable)
        for problem in self.problems:
            self.notify(problem, title="Config", severity="warning", timeout=8, markup=False)
        if self.document is not None:
            for warning in self.document.warnings:  # e.g. a feed's item shown without its full article
                self.notify(warning, title="Article", severity="warning", timeout=10, markup=False)

    def get_default_screen(self):
        """The first screen: the article, the library's table, or a folder's articles.

        It is the bottom of the stack itself, not pushed over Textual's blank default
        screen: one screen to build and lay out before the first frame, not two."""
        if self.document is not None:
            from reader.ui.screens.reader import ReaderScreen

            return ReaderScreen(self.document, self.store)
        if self.whole_library:
            from reader.ui.screens.library_table import LibraryTableScreen

            return LibraryTableScreen()
        from reader.ui.screens.library import LibraryScreen

        return LibraryScreen(self.library or [])

    def _watch_terminal(self) -> None:
        """Quit when the terminal goes away (a closed window, a dropped SSH link).

        Textual's input thread otherwise spins on the dead terminal at full CPU
        whenever no hang-up signal reaches us (as under `make run`).
        """
        import sys

        try:
            import termios

            fd = sys.__stdin__.fileno()
            termios.tcgetattr(fd)
        except Exception:
            return  # not a terminal (tests, pipes): nothing to watch

        def check() -> None:
            try:
                termios.tcgetattr(fd)
            except (termios.error, OSError):
                self.exit(return_code=1)

        self.set_interval(1.0, check)


def build_app(
    document: Document | None = None,
    library: list[Path] | None = None,
    settings: Settings | None = None,
    store: NoteStore | None = None,
    theme: str | None = None,
    whole_library: bool = False,
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
    return ReaderApp(
        document=document, library=library, settings=settings, store=store, theme=theme, whole_library=whole_library
    )
