"""The reading screen's movement: paragraphs, pages, quotations and topics.

ReaderScreen mixes this in. The cursor is a (block, offset) place; where the next
quotation or topic lies is computed by `reader.core.article.navigation` (`step`),
which also says when a jump wrapped round the article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.article import Document, Position, shorten, step
from reader.ui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from reader.core.analysis import Analysis
    from reader.ui.widgets.side_panel import SidePanel
    from reader.ui.widgets.status_line import StatusLine


class MovementMixin:
    """Movement for ReaderScreen (which provides document, article, panel, status and the analysis)."""

    document: Document
    analysis: Analysis | None
    cursor: Position
    quote_positions: list[Position]
    topic_positions: list[tuple[Position, str]]
    article: ArticleView
    panel: SidePanel
    status: StatusLine

    def on_article_view_current_changed(self, event: ArticleView.CurrentChanged) -> None:
        self.status.position = event.index
        if event.index != self.cursor[0]:
            self.cursor = (event.index, -1)

    def _go_block(self, index: int) -> None:
        self.article.go_to(index)
        self.cursor = (self.article.current, -1)
        self.status.position = self.article.current  # now, not a message later
        self.status.extra = ""  # "match 6 of 10" no longer says where the reader is

    def action_next_block(self) -> None:
        self._go_block(self.article.current + 1)

    def action_previous_block(self) -> None:
        self._go_block(self.article.current - 1)

    def action_first_block(self) -> None:
        self._go_block(0)
        self.article.scroll_home(animate=False, immediate=True)

    def action_last_block(self) -> None:
        self._go_block(len(self.document.blocks) - 1)
        self.article.scroll_end(animate=False, immediate=True)

    def action_next_page(self) -> None:
        view = self.article
        page = max(1, view.scrollable_content_region.height - 2)
        at_end = view.scroll_y >= view.max_scroll_y
        view.scroll_to(y=view.scroll_y + page, animate=False, immediate=True)
        if at_end or view.scroll_y >= view.max_scroll_y:
            target = len(self.document.blocks) - 1
        else:
            target = view.first_visible_block()
        view.current = max(view.current, target) if not at_end else target
        self.cursor = (view.current, -1)

    def action_previous_page(self) -> None:
        view = self.article
        page = max(1, view.scrollable_content_region.height - 2)
        view.scroll_to(y=view.scroll_y - page, animate=False, immediate=True)
        view.current = view.first_visible_block() if view.scroll_y > 0 else 0
        self.cursor = (view.current, -1)

    def _jump(self, block: int, start: int) -> None:
        self.article.go_to(block, offset=max(0, start))
        self.cursor = (block, start)
        self.status.position = block

    def _step(self, positions: list[Position], forward: bool, what: str) -> int | None:
        index, wrapped = step(positions, self.cursor, forward)
        if index is None:
            return None
        if wrapped:
            self.notify(f"Wrapped to the {'first' if forward else 'last'} {what}", timeout=2)
        return index

    def action_next_quote(self, forward: bool = True) -> None:
        if self.analysis is None:
            return
        i = self._step(self.quote_positions, forward, "quotation")
        if i is None:
            return
        block, start = self.quote_positions[i]
        quote = next(q for q in self.analysis.quotes if (q.block, q.start) == (block, start))
        self._jump(block, start)
        who = quote.speaker or "unattributed"
        self.status.extra = f"quote {i + 1} of {len(self.quote_positions)} · {who}"
        self.panel.highlight("quote", quote.id)

    def action_previous_quote(self) -> None:
        self.action_next_quote(forward=False)

    def action_next_topic(self, forward: bool = True) -> None:
        positions = [p for p, _ in self.topic_positions]
        i = self._step(positions, forward, "topic")
        if i is None:
            return
        (block, k), title = self.topic_positions[i]
        self._jump(block, 0)
        self.cursor = (block, k)  # the next } goes on to a topic that starts on the same paragraph
        short = shorten(title, 40)
        self.status.extra = f"topic {i + 1} of {len(positions)} · {short}"

    def action_previous_topic(self) -> None:
        self.action_next_topic(forward=False)
