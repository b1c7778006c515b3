"""The reading screen: the article, a status line and the footer."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from reader.core.document import Document
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.status_line import StatusLine


class ReaderScreen(Screen):
    """Reads one article."""

    BINDINGS = [
        Binding("j,down", "next_block", "Next ¶", id="reader.next_paragraph"),
        Binding("k,up", "previous_block", "Prev ¶", id="reader.previous_paragraph"),
        Binding("space,pagedown", "next_page", "Page down", show=False, id="reader.next_page"),
        Binding("b,pageup", "previous_page", "Page up", show=False, id="reader.previous_page"),
        Binding("g,home", "first_block", "Top", show=False, id="reader.top"),
        Binding("G,end", "last_block", "End", show=False, id="reader.end"),
    ]

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document

    def compose(self) -> ComposeResult:
        yield StatusLine(self.document)
        yield ArticleView(self.document, id="article")
        yield Footer()

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        self.article.focus()
        self.analyse()

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False, description="analysing the article")
    def analyse(self) -> None:
        from reader.core.analysis import analyse

        result = analyse(self.document)
        self.app.call_from_thread(self._analysis_ready, result)

    def _analysis_ready(self, result) -> None:
        self.query_one(StatusLine).language = self.document.language

    @on(ArticleView.CurrentChanged)
    def _current_changed(self, event: ArticleView.CurrentChanged) -> None:
        self.query_one(StatusLine).position = event.index

    # -- movement -----------------------------------------------------------

    def action_next_block(self) -> None:
        self.article.go_to(self.article.current + 1)

    def action_previous_block(self) -> None:
        self.article.go_to(self.article.current - 1)

    def action_first_block(self) -> None:
        self.article.go_to(0)
        self.article.scroll_home(animate=False, immediate=True)

    def action_last_block(self) -> None:
        self.article.go_to(len(self.document.blocks) - 1)
        self.article.scroll_end(animate=False, immediate=True)

    def action_next_page(self) -> None:
        view = self.article
        height = view.scrollable_content_region.height
        view.scroll_to(y=view.scroll_y + max(1, height - 2), animate=False, immediate=True)
        view.current = max(view.current, view.first_visible_block()) if view.scroll_y < view.max_scroll_y else len(self.document.blocks) - 1

    def action_previous_page(self) -> None:
        view = self.article
        height = view.scrollable_content_region.height
        view.scroll_to(y=view.scroll_y - max(1, height - 2), animate=False, immediate=True)
        view.current = view.first_visible_block() if view.scroll_y > 0 else 0
