"""Painting the article: one Strip per line on screen, cached, with its margin and selection.

ArticleView mixes this in. `render_line` finds the block and line for a row of the
view and paints it: the centring pad, the current-paragraph bar, a note's mark,
then the line's pieces (text styled by article_styling, or decoration such as
quote bars and bullets) with the mouse selection over them. A blank line between
two quoted blocks keeps their bars. Strips are cached while nothing is selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as VisualStyle

from reader.core.article import Block
from reader.ui.block_layout import BlockLayout, quote_bars
from reader.ui.widgets.article_layout import GUTTER

if TYPE_CHECKING:
    from textual.cache import LRUCache


class PaintingMixin:
    """The painting of ArticleView's lines (ArticleView provides blocks, current, the layout and the styles)."""

    blocks: list[Block]
    current: int
    _pad: int
    _tops: list[int]
    _layouts: list[BlockLayout]
    _marks: dict[int, str]
    _glyphs: dict[int, str]
    _strip_cache: LRUCache[tuple[int, int, bool], Strip]

    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        scroll_y = self.scroll_offset.y
        width = self.scrollable_content_region.width
        line_no = scroll_y + y
        base = self.visual_style
        if not self._tops or line_no >= self.virtual_size.height:
            return Strip.blank(width, base.rich_style)
        index = self.block_at_line(line_no)
        row = line_no - self._tops[index]
        selection = self.text_selection
        key = (line_no, width, index == self.current)
        if selection is None and (strip := self._strip_cache.get(key)) is not None:
            return strip
        if row >= self._layouts[index].height:
            strip = self._paint_gap(index, width)
        else:
            strip = self._paint(index, row, width, selection)
        if selection is None:
            self._strip_cache[key] = strip
        return strip

    def _paint(self, index: int, row: int, width: int, selection: Selection | None) -> Strip:
        base = self.visual_style
        get_style = self._span_style
        segments: list[Segment] = [Segment(" " * self._pad, base.rich_style)] if self._pad else []
        if index == self.current:
            bar = base + get_style(".article--current-bar")
            segments.append(Segment("▎", bar.rich_style))
        else:
            segments.append(Segment(" ", base.rich_style))
        mark = self._marks.get(index)
        if mark and row == 0:
            glyph = self._glyphs.get(index, "●")
            segments.append(Segment(glyph, (base + get_style(mark)).rich_style))
        else:
            segments.append(Segment(" ", base.rich_style))
        segments.append(Segment(" ", base.rich_style))
        span = selection.get_span(index) if selection is not None else None
        for piece, x in self._block_lines(index)[row]:
            if x is None:  # decoration: bars, bullets, rules, marks; no character of the text
                for text, style in piece.render(base, end="", parse_style=get_style):
                    segments.append(Segment(text, (base + style).rich_style))
                continue
            if span is not None:
                start, end = span
                end = len(self.blocks[index].text) if end == -1 else end
                lo, hi = max(start - x, 0), min(end - x, len(piece.plain))
                if hi > lo:
                    piece = piece.stylize(self._selection_style(), lo, hi)
            for text, style in piece.render(base, end="", parse_style=get_style):
                segments.append(Segment(text, (base + style).rich_style_with_offset(x, index)))
                x += len(text)
        strip = Strip(segments)
        return strip.crop_extend(0, width, base.rich_style)

    def _paint_gap(self, index: int, width: int) -> Strip:
        """The blank line after a block; between two quoted blocks it keeps their bars."""
        base = self.visual_style
        after = self.blocks[index + 1].quote_depth if index + 1 < len(self.blocks) else 0
        depth = min(self.blocks[index].quote_depth, after)
        if not depth:
            return Strip.blank(width, base.rich_style)
        segments = [Segment(" " * (self._pad + GUTTER), base.rich_style)]
        for text, style in quote_bars(depth):
            segments.append(Segment(str(text).rstrip(), (base + self._span_style(style)).rich_style))
        return Strip(segments).crop_extend(0, width, base.rich_style)

    def _selection_style(self) -> VisualStyle:
        return VisualStyle.from_styles(self.screen.get_component_styles("screen--selection"))
