"""The article itself: a Line API widget that paints only the lines on screen.

One widget per paragraph does not scale (a 5,000-paragraph article takes seconds to
mount), so the whole article is one ScrollView. Each block is wrapped once per
width; `render_line` slices the block's styled Content for the requested line.

Styles come from component classes (``article--person`` and so on, styled in
app.tcss with theme variables), so a theme switch restyles everything.

This module holds the widget itself: its state, the current block and bringing it
into view, clicks, and the text of a mouse selection. Three mixins do the rest:
article_layout (where each line lies), article_styling (how each character looks:
markup and the decoration layers) and article_painting (the strips on screen).
"""

from __future__ import annotations

from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as VisualStyle

from reader.core.article import Block, Document
from reader.ui.block_layout import BlockLayout
from reader.ui.widgets.article_layout import GUTTER, MAX_TEXT_WIDTH, LayoutMixin, number_links
from reader.ui.widgets.article_painting import PaintingMixin
from reader.ui.widgets.article_styling import LAYERS, Decoration, StylingMixin

__all__ = ["GUTTER", "MAX_TEXT_WIDTH", "ArticleView", "Decoration"]


class ArticleView(PaintingMixin, StylingMixin, LayoutMixin, ScrollView, can_focus=True, inherit_bindings=False):
    """Shows a Document block by block, with a current block and decorations.

    | Component class | Styles |
    |---|---|
    | `article--title`, `article--heading`, `article--heading-3`, `-4` | headings by level |
    | `article--rule` | the rule under a level 1 or 2 heading |
    | `article--blockquote`, `article--quote-bar` | quoted blocks and their bars |
    | `article--list-item`, `article--list-marker` | list items and their bullets or numbers |
    | `article--code-block` | code blocks |
    | `article--table-header`, `article--table-rule` | a table's header and rules |
    | `article--em`, `article--strong`, `article--link`, `article--code`, `article--image` | inline markup |
    | `article--footnote-mark`, `article--footnote` | a link's numbered mark, and its address below |
    | `article--image-mark` | the mark before an image's alt text |
    | `article--current-bar` | the bar beside the current block |
    | `article--person`, `article--org`, `article--place` | entity mentions |
    | `article--quote` | quotations |
    | `article--match`, `article--match-current` | search matches |
    | `article--selected` | the mention or item chosen in the side panel |
    """

    COMPONENT_CLASSES = {
        "article--title",
        "article--heading",
        "article--heading-3",
        "article--heading-4",
        "article--rule",
        "article--blockquote",
        "article--quote-bar",
        "article--list-item",
        "article--list-marker",
        "article--code-block",
        "article--table-header",
        "article--table-rule",
        "article--em",
        "article--strong",
        "article--link",
        "article--code",
        "article--image",
        "article--image-mark",
        "article--footnote",
        "article--footnote-mark",
        "article--current-bar",
        "article--person",
        "article--org",
        "article--place",
        "article--quote",
        "article--match",
        "article--match-current",
        "article--selected",
        "article--note-yellow",
        "article--note-green",
        "article--note-blue",
        "article--note-pink",
        "article--note-purple",
        "article--mark-yellow",
        "article--mark-green",
        "article--mark-blue",
        "article--mark-pink",
        "article--mark-purple",
    }

    BINDINGS = []
    """Keys belong to the reading screen; the scroll bindings of ScrollView are not used."""

    current: reactive[int] = reactive(0, init=False)
    """Index of the current block."""

    class CurrentChanged(Message):
        """The current block changed (by key, click or scroll)."""

        def __init__(self, view: ArticleView, index: int) -> None:
            super().__init__()
            self.view = view
            self.index = index

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(self, document: Document, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.blocks: list[Block] = document.blocks
        self._layers: dict[str, dict[int, list[Decoration]]] = {name: {} for name in LAYERS}
        self._marks: dict[int, str] = {}
        self._glyphs: dict[int, str] = {}
        self._class_styles: dict[str, VisualStyle] = {}
        self._content_cache: dict[int, Content] = {}
        self._lines_cache: LRUCache[tuple[int, int], list[list[tuple[Content, int | None]]]] = LRUCache(512)
        self._strip_cache: LRUCache[tuple[int, int, bool], Strip] = LRUCache(1024)
        self._layout_width = -1
        self._text_width = 0
        self._pad = 0
        """Blank columns left of the gutter, centring the text in a wide view."""
        self._tops: list[int] = []
        self._layouts: list[BlockLayout] = []
        self._links = number_links(self.blocks)
        """Each block's links, numbered through the article, for their footnote marks."""

    # -- layout (the rest is in article_layout) ---------------------------------

    def on_resize(self) -> None:
        self._ensure_layout()

    # -- selection (mouse) ---------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text; selection offsets are (character, block index)."""
        start, end = selection
        first = start.y if start is not None else 0
        last = end.y if end is not None else len(self.blocks) - 1
        parts: list[str] = []
        for index in range(max(0, first), min(last, len(self.blocks) - 1) + 1):
            text = self.blocks[index].text
            lo = start.x if start is not None and index == start.y else 0
            hi = end.x if end is not None and index == end.y else len(text)
            parts.append(text[lo:hi])
        return "\n".join(parts), "\n"

    def selection_updated(self, _selection: Selection | None) -> None:
        self._strip_cache.clear()
        self.refresh()

    # -- current block -----------------------------------------------------------

    def watch_current(self, old: int, new: int) -> None:
        # Only the two blocks whose margin bar changes need painting again; cached
        # lines are keyed by whether they belong to the current block.
        for index in (old, new):
            if 0 <= index < len(self.blocks) and self._tops:
                self.refresh_lines(self._tops[index], self._layouts[index].height)
        self.post_message(self.CurrentChanged(self, new))

    def go_to(self, index: int, *, offset: int | None = None, top: bool = False) -> None:
        """Make block `index` current and bring it (or the line at `offset`) into view."""
        if not self.blocks:
            return
        index = max(0, min(len(self.blocks) - 1, index))
        self.current = index
        self.show_block(index, offset=offset, top=top)

    def show_block(self, index: int, *, offset: int | None = None, top: bool = False) -> None:
        self._ensure_layout()
        if not self._tops:
            return
        height = self.scrollable_content_region.height
        block_top = self._tops[index]
        block_bottom = block_top + self._layouts[index].height - 1
        target = self.line_of_offset(index, offset) if offset is not None else block_top
        view_top = round(self.scroll_y)
        view_bottom = view_top + height - 1
        if top:
            new_top = max(0, target - (2 if offset is not None else 0))
        elif target < view_top or target > view_bottom:
            # Off screen: put it a little below the top, so context shows above.
            new_top = max(0, target - max(1, height // 4))
        elif offset is None and block_bottom > view_bottom and block_bottom - block_top < height:
            new_top = view_top + (block_bottom - view_bottom)
        else:
            return
        # force: right after the layout changes, the scrollbars (which allow scrolling)
        # are not computed yet, and the reading place restored on opening was lost.
        self.scroll_to(y=new_top, animate=False, immediate=True, force=True)

    async def on_click(self, event: events.Click) -> None:
        if event.button != 1:
            return
        line = round(self.scroll_y) + event.y
        if 0 <= line < self.virtual_size.height:
            self.current = self.block_at_line(line)
