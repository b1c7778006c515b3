"""What the library adds to an article's screen.

Every article opened is kept in the library (its text copied, its record made or
brought up to date, its analysis cached), after the first paint and in the
analysis thread. A second open reads the cached analysis instead of analysing
again. Once the library's index is read, the side panel says of each entity in how
many other articles it is named, and o opens the cross-article view of the one
chosen; ctrl+f searches the whole library. The reading progress is kept in the
article's record.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from reader.core.analysis import Analysis, Entity
    from reader.core.library import EntityIndex, Library, LibraryArticle

LIBRARY_BINDINGS = [
    Binding("o", "other_articles", "Other articles", tooltip="The chosen entity in other articles",
            id="reader.other_articles"),
    Binding("ctrl+f", "library_search", "Search all", tooltip="Search every article and note",
            show=False, id="reader.library_search"),
]


class LibraryLinksMixin:
    """The library's part of ReaderScreen (which provides document, analysis, panel, cursor, app)."""

    def init_library(self, at: tuple[int, int] | None) -> None:
        self.start_at = at
        """Where to open the article (a mention, a search match), over the place last read."""
        self.kept_article: LibraryArticle | None = None
        self.library_index: EntityIndex | None = None
        self.elsewhere: dict[str, int] = {}
        """Entity id -> in how many other articles of the library it is named."""
        self._progress = 0.0

    @property
    def library(self) -> Library | None:
        return getattr(self.app, "kept", None)

    # -- in the analysis thread ----------------------------------------------------------

    def cached_analysis(self, library: Library | None) -> Analysis | None:
        """The analysis kept for this very text, if any (a damaged cache is analysed again)."""
        if library is None:
            return None
        try:
            return library.cached_analysis(self.document)
        except Exception:
            return None

    def keep_in_library(self, library: Library, analysis: Analysis, app) -> None:
        """Keep the article and its analysis, then read the index (in the analysis thread).

        Whatever fails here leaves the article readable as it is: the library is
        an addition to reading, never a condition of it.
        """
        try:
            kept = library.keep(self.document)
            article = library.opened(kept.article.key, self.cursor[0]) or kept.article
            article = library.remember_analysis(article, analysis) or article
            index = library.entity_index()
            elsewhere = {e.id: index.elsewhere(article.id, e.name) for e in analysis.entities}
        except Exception:
            return
        with contextlib.suppress(RuntimeError):  # the window has closed meanwhile
            app.call_from_thread(self._library_ready, article, index, elsewhere)

    def _library_ready(self, article: LibraryArticle, index: EntityIndex, elsewhere: dict[str, int]) -> None:
        if not self.is_attached:
            return
        self.kept_article, self.library_index, self.elsewhere = article, index, elsewhere
        self._progress = article.progress
        if self.analysis is not None:  # else the panel is filled, with these, when the analysis is shown
            self._fill_panel()
        self.refresh_bindings()
        self.save_progress()

    # -- place and progress --------------------------------------------------------------

    def go_to_start(self) -> None:
        """Open at the place asked for (after the saved place was restored)."""
        if self.start_at is not None:
            block, start = self.start_at
            if 0 <= block < len(self.document.blocks):
                self._jump(block, start)

    def save_progress(self) -> None:
        """Raise the article's reading progress to the current paragraph (never lowers it)."""
        article, library = self.kept_article, self.library
        if article is None or library is None or not article.blocks:
            return
        block = self.cursor[0]
        if (block + 1) / article.blocks <= self._progress:
            return
        self._progress = (block + 1) / article.blocks
        with contextlib.suppress(Exception):  # progress is a convenience: never interrupt reading for it
            library.read_up_to(article.key, block)

    def show_background(self) -> None:
        """The library's background analysis, if it runs, at the end of the status line."""
        background = getattr(self.app, "background", None)
        shown = ""
        if background is not None and background.running and background.total:
            shown = f"library {min(background.done + 1, background.total)}/{background.total}"
        self.status.background = shown

    # -- keys ------------------------------------------------------------------------------

    def _panel_entity(self) -> Entity | None:
        """The entity highlighted in the panel's Entities tab (the one last chosen stays highlighted)."""
        from textual.widgets import OptionList

        analysis = self.analysis
        if analysis is None or not self.query("#list-entities"):
            return None
        option = self.query_one("#list-entities", OptionList).highlighted_option
        key = (option.id or "").removeprefix("entity:") if option is not None else ""
        return next((e for e in analysis.entities if e.id == key), None)

    def library_disabled_reason(self, action: str) -> str | None:
        if action == "library_search":  # asked as the footer is drawn: no library is opened for it
            return None if getattr(self.app, "store", None) is not None else "no library without a notes store"
        if action != "other_articles":
            return None
        if self.analysis is None:
            return "the analysis is still running"
        if self.library_index is None:
            return "the library is still being read"
        entity = self._panel_entity()
        if entity is None:
            return "choose an entity in the side panel first"
        if not self.elsewhere.get(entity.id):
            return f"no other article of the library names {entity.name}"
        return None

    def action_other_articles(self) -> None:
        from reader.ui.screens.entity_across import EntityAcrossScreen

        entity = self._panel_entity()
        if entity is None or self.library_index is None or self.kept_article is None:
            return
        cluster = self.library_index.of(self.kept_article.id, entity.name)
        if cluster is not None:
            self.app.push_screen(EntityAcrossScreen(cluster, here=self.kept_article.id))

    def action_library_search(self) -> None:
        from reader.ui.screens.library_search import LibrarySearchScreen

        self.app.push_screen(LibrarySearchScreen())
