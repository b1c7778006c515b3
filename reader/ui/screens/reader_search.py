"""The reading screen's search: / opens the search line, matches as you type, n / N step.

ReaderScreen mixes this in. Matches are found by the article's SearchIndex
(`reader.core.article`), case- and accent-insensitive; the first shown is the
first at or after where the search began, and escape goes back there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.article import Document, Position, SearchIndex, step
from reader.ui.decorations import spans_layer
from reader.ui.widgets.article_view import Decoration
from reader.ui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.status_line import StatusLine


class SearchMixin:
    """Search for ReaderScreen (which provides document, article, status and the cursor)."""

    document: Document
    cursor: Position
    search_index: SearchIndex | None
    matches: list
    match_index: int
    _search_origin: Position | None
    article: ArticleView
    status: StatusLine

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        self._search_origin = self.cursor
        bar.display = True
        bar.value = ""
        self.set_focus(bar)

    def on_search_bar_query_changed(self, event: SearchBar.QueryChanged) -> None:
        bar = self.query_one(SearchBar)
        if bar.is_open and event.query == bar.value:  # else a late echo of a closed or older query
            self._apply_query(event.query)

    def _apply_query(self, query: str) -> None:
        if self.search_index is None:
            self.search_index = SearchIndex(self.document)
        self.matches = self.search_index.find(query) if query.strip() else []
        self.match_index = -1
        origin = self._search_origin or self.cursor
        if self.matches:
            positions = [(m.block, m.start) for m in self.matches]
            i, _ = step(positions, (origin[0], origin[1] - 1), True)
            self._show_match(i or 0, move_cursor=False)
        else:
            self.article.set_layer("search", {})
            self.status.extra = "no matches" if query.strip() else ""
        self.refresh_bindings()

    def close_search(self, query: str, keep: bool) -> None:
        """Close the search line at once, keeping the matches of `query` or dropping them."""
        bar = self.query_one(SearchBar)
        bar.display = False
        self.set_focus(self.article)
        if keep:
            self._apply_query(query)  # the line's last change may not have been seen yet
        if not keep or not self.matches:
            self._clear_matches()
            if self._search_origin is not None and not keep:
                self._go_block(self._search_origin[0])
        elif self.match_index >= 0:
            m = self.matches[self.match_index]
            self.cursor = (m.block, m.start)
        self.refresh_bindings()

    def _clear_matches(self) -> None:
        self.matches = []
        self.match_index = -1
        self.article.set_layer("search", {})
        self.status.extra = ""
        self.refresh_bindings()

    def _show_match(self, i: int, move_cursor: bool = True) -> None:
        self.match_index = i
        m = self.matches[i]
        layer = spans_layer([(x.block, x.start, x.end) for x in self.matches], ".article--match")
        layer[m.block].append(Decoration(m.start, m.end, ".article--match-current"))
        self.article.set_layer("search", layer)
        self.article.go_to(m.block, offset=m.start)
        if move_cursor:
            self.cursor = (m.block, m.start)
        self.status.extra = f"match {i + 1} of {len(self.matches)}"

    def action_next_match(self, forward: bool = True) -> None:
        positions = [(m.block, m.start) for m in self.matches]
        i = self._step(positions, forward, "match")
        if i is not None:
            self._show_match(i)

    def action_previous_match(self) -> None:
        self.action_next_match(forward=False)
