"""Where the article's lines are: each block wrapped once per width, and its lines cached.

ArticleView mixes this in. `_ensure_layout` wraps every block for the view's width
(block_layout does the wrapping) and notes the virtual line each block starts on, so
finding the block on a line is a bisection; a resize keeps the line at the top of
the view in place. `_block_lines` cuts a block's styled Content into the pieces of
each line, cached per width, for painting.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Size

from reader.core.article import Block
from reader.ui.block_layout import BlockLayout, Link, layout_block

if TYPE_CHECKING:
    from textual.cache import LRUCache
    from textual.strip import Strip

GUTTER = 3
"""Cells left of the text: the current-paragraph bar, a note mark, a space."""
MAX_TEXT_WIDTH = 90
"""A comfortable measure: longer lines are hard to read. A wider view centres the
column, with the spare room split on both sides."""


class LayoutMixin:
    """The layout of ArticleView's lines (ArticleView provides blocks, the scroll state and the caches)."""

    blocks: list[Block]
    _layout_width: int
    _text_width: int
    _pad: int
    _tops: list[int]
    _layouts: list[BlockLayout]
    _links: dict[int, tuple[Link, ...]]
    _lines_cache: LRUCache[tuple[int, int], list[list[tuple[Content, int | None]]]]
    _strip_cache: LRUCache[tuple[int, int, bool], Strip]

    def expect_width(self, width: int) -> None:
        """Lay the text out for the view's coming width (with its scrollbar) before it is
        first drawn: the first frame then has its length, and its scrollbar, from the
        start, and is not drawn a second time once the length is known."""
        if width > 0 and not self._tops:
            self._ensure_layout(width - self.styles.scrollbar_size_vertical, before_shown=True)

    def _ensure_layout(self, width: int | None = None, before_shown: bool = False) -> None:
        if width is None:
            width = self.scrollable_content_region.width
        if width <= 0 or width == self._layout_width:
            return
        anchor = self._anchor()
        self._layout_width = width
        self._text_width = max(10, min(MAX_TEXT_WIDTH, width - GUTTER - 1))
        self._pad = max(0, (width - GUTTER - self._text_width) // 2)
        tops: list[int] = []
        layouts: list[BlockLayout] = []
        y = 0
        text_width = self._text_width
        links = self._links
        blocks = self.blocks
        for index, block in enumerate(blocks):
            tops.append(y)
            layout = layout_block(block, text_width, links.get(index, ()))
            layouts.append(layout)
            y += layout.height + self._gap(index)
        self._tops = tops
        self._layouts = layouts
        self._lines_cache.clear()
        self._strip_cache.clear()
        if before_shown:  # nothing to refresh yet: the first layout reads it
            self.set_reactive(type(self).virtual_size, Size(width, max(0, y - 1)))
            return
        self.virtual_size = Size(width, max(0, y - 1))
        if anchor is not None:
            block, line = anchor
            y = self._tops[block] + min(line, self._layouts[block].height - 1)
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
        if self.is_mounted and 0 <= self.current < len(self.blocks):
            # The paragraph being read stays in view, even when the view was at the top
            # (a short article whose end was current before the window narrowed).
            self.show_block(self.current)

    def _anchor(self) -> tuple[int, int] | None:
        """The block and line at the top of the view, to keep it there across a resize.

        Reads the layout as it was: called while the layout is being remade, it must
        not ask for the layout (block_at_line would remake it, and so on forever).
        """
        if not self._tops:
            return None
        y = round(self.scroll_y)
        if y <= 0:
            return None
        block = max(0, min(len(self._tops) - 1, bisect_right(self._tops, y) - 1))
        return block, y - self._tops[block]

    def block_at_line(self, y: int) -> int:
        """The block shown on virtual line `y` (the block above, on a blank line)."""
        self._ensure_layout()
        if not self._tops:
            return 0
        return max(0, min(len(self._tops) - 1, bisect_right(self._tops, y) - 1))

    def line_of_offset(self, index: int, offset: int) -> int:
        """The virtual line showing character `offset` of block `index`."""
        self._ensure_layout()
        return self._tops[index] + self._layouts[index].line_of(offset)

    def _gap(self, index: int) -> int:
        """Blank lines after a block: none between the items of a list, else one."""
        blocks = self.blocks
        if index + 1 < len(blocks) and blocks[index].kind == "list_item" == blocks[index + 1].kind:
            return 0
        return 1

    def first_visible_block(self) -> int:
        return self.block_at_line(round(self.scroll_y))

    def _block_lines(self, index: int) -> list[list[tuple[Content, int | None]]]:
        """The block's lines as pieces to paint: styled text with the offset of its
        first character in the block, or decoration (offset None)."""
        key = (index, self._layout_width)
        lines = self._lines_cache.get(key)
        if lines is not None:
            return lines
        layout = self._layouts[index]
        content = self._block_content(index)
        if layout.offsets is not None:
            starts = [0, *layout.offsets]
            lines = [[(line.rstrip(), start)] for line, start in zip(content.divide(layout.offsets), starts)]
        else:
            assert layout.lines is not None
            lines = []
            for pieces in layout.lines:
                line: list[tuple[Content, int | None]] = []
                last_text = max((k for k, (a, _) in enumerate(pieces) if isinstance(a, int)), default=-1)
                for k, (a, b) in enumerate(pieces):
                    if isinstance(a, int) and isinstance(b, int):
                        piece = content[a:b]
                        line.append((piece.rstrip() if k == last_text else piece, a))
                    else:
                        line.append((Content.styled(str(a), str(b)) if b else Content(str(a)), None))
                lines.append(line)
        self._lines_cache[key] = lines
        return lines


def number_links(blocks: list[Block]) -> dict[int, tuple[Link, ...]]:
    """Each block's links with footnote numbers through the article (one per address)."""
    numbers: dict[str, int] = {}
    links: dict[int, tuple[Link, ...]] = {}
    for block in blocks:
        found = []
        for span in block.spans:
            if span.kind == "link" and span.href:
                number = numbers.setdefault(span.href, len(numbers) + 1)
                found.append(Link(span.end, number, span.href))
        if found:
            links[block.index] = tuple(found)
    return links
