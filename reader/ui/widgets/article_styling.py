"""What each character of the article looks like: its markup, its decorations, its margin mark.

ArticleView mixes this in. A block's styled Content carries component classes for
its kind and inline markup (app.tcss styles them with theme variables, so a theme
switch restyles everything), then the decoration layers on top: quotations,
entities, notes, the chosen item, search matches. `_span_style` resolves an
".article--" class to exactly the rules its CSS sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content, Span
from textual.style import Style as VisualStyle

from reader.core.article import Block
from reader.ui.private_api import widget_style

if TYPE_CHECKING:
    from textual.cache import LRUCache
    from textual.strip import Strip

LAYERS = ("quotes", "entities", "notes", "selected", "search")
"""Decoration layers, bottom to top: a later layer's style wins where they overlap."""

_INLINE_CLASSES = {
    "em": ".article--em",
    "strong": ".article--strong",
    "link": ".article--link",
    "code": ".article--code",
    "image": ".article--image",
}
_HEADING_CLASSES = {1: ".article--title", 2: ".article--heading", 3: ".article--heading-3"}
"""Heading levels, each its own style; 4 to 6 share .article--heading-4."""
_KIND_CLASSES = {
    "blockquote": ".article--blockquote",
    "list_item": ".article--list-item",
    "code": ".article--code-block",
}


@dataclass(frozen=True, slots=True)
class Decoration:
    """A styled range in one block: an entity mention, a quotation, a note, a match."""

    start: int
    end: int
    style: str
    """A component class (".article--person") or a style string."""


class StylingMixin:
    """The styles of ArticleView's text (ArticleView provides blocks and the caches)."""

    blocks: list[Block]
    _layers: dict[str, dict[int, list[Decoration]]]
    _marks: dict[int, str]
    _glyphs: dict[int, str]
    _class_styles: dict[str, VisualStyle]
    _content_cache: dict[int, Content]
    _lines_cache: LRUCache[tuple[int, int], list[list[tuple[Content, int | None]]]]
    _strip_cache: LRUCache[tuple[int, int, bool], Strip]

    def set_layer(self, name: str, decorations: dict[int, list[Decoration]]) -> None:
        """Replace one layer of decorations (entities, quotes, notes, search...)."""
        old = self._layers.get(name, {})
        if decorations == old:
            return  # drawn as it is: the lines already painted stay
        self._layers[name] = decorations
        self._invalidate(set(old) | set(decorations))

    def set_marks(self, marks: dict[int, str], glyphs: dict[int, str] | None = None) -> None:
        """Margin marks: block index to a style (a note's colour) and its glyph."""
        if marks == self._marks and (glyphs or {}) == self._glyphs:
            return
        self._marks = dict(marks)
        self._glyphs = dict(glyphs or {})
        self._strip_cache.clear()
        self.refresh()

    def _invalidate(self, blocks) -> None:
        for index in blocks:
            self._content_cache.pop(index, None)
        self._lines_cache.clear()
        self._strip_cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._class_styles.clear()
        self._strip_cache.clear()

    def _span_style(self, style: VisualStyle | str) -> VisualStyle:
        """The style of a span, a margin mark or the bar: ".article--x" resolved ourselves.

        Textual's partial component styles drop an opaque background (it is blended
        with factor 1 - alpha = 0), which would hide notes, matches and the chosen
        mentions; here a class gives exactly the rules its CSS sets. Any other style
        resolves as Textual's own Content rendering would.
        """
        if isinstance(style, str) and style.startswith(".article--"):
            cached = self._class_styles.get(style)
            if cached is None:
                cached = self._class_styles[style] = self._component_style(style[1:])
            return cached
        return widget_style(self, style)

    def _component_style(self, name: str) -> VisualStyle:
        styles = self.get_component_styles(name)
        has = styles.has_rule
        text = styles.text_style if has("text_style") else None
        return VisualStyle(
            styles.background if has("background") else None,
            styles.color if has("color") else None,
            bold=text.bold if text and text.bold else None,
            italic=text.italic if text and text.italic else None,
            underline=text.underline if text and text.underline else None,
            strike=text.strike if text and text.strike else None,
            reverse=text.reverse if text and text.reverse else None,
        )

    def _block_content(self, index: int) -> Content:
        cached = self._content_cache.get(index)
        if cached is not None:
            return cached
        block = self.blocks[index]
        spans: list[Span] = []
        if block.kind == "heading":
            spans.append(Span(0, len(block.text), _HEADING_CLASSES.get(max(1, block.level), ".article--heading-4")))
        elif block.kind in _KIND_CLASSES:
            spans.append(Span(0, len(block.text), _KIND_CLASSES[block.kind]))
        elif block.kind == "table" and block.header_rows and block.cells:
            end = block.cells[block.header_rows - 1][-1][1]
            spans.append(Span(0, end, ".article--table-header"))
        if block.quote_depth and block.kind != "blockquote":
            spans.append(Span(0, len(block.text), ".article--blockquote"))
        for inline in block.spans:
            spans.append(Span(inline.start, inline.end, _INLINE_CLASSES[inline.kind]))
        # Layers in insertion order: later layers (notes, search) paint over earlier ones.
        for layer in self._layers.values():
            for deco in layer.get(index, ()):
                spans.append(Span(deco.start, deco.end, deco.style))
        content = Content(block.text, spans)
        self._content_cache[index] = content
        return content
