"""Analysis results as decoration layers for the article view."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from reader.core.analysis import NAMED_KINDS
from reader.ui.widgets.article_view import Decoration

COLOR_GLYPH = {"yellow": "●", "green": "◆", "blue": "■", "pink": "▲", "purple": "★"}
"""Each colour has its own mark, so a note's colour never relies on colour alone."""


def spans_layer(spans: Iterable[tuple[int, int, int]], style: str) -> dict[int, list[Decoration]]:
    """(block, start, end) ranges, all in one style."""
    layer: dict[int, list[Decoration]] = defaultdict(list)
    for block, start, end in spans:
        layer[block].append(Decoration(start, end, style))
    return dict(layer)


def entity_layer(entities) -> dict[int, list[Decoration]]:
    layer: dict[int, list[Decoration]] = defaultdict(list)
    for e in entities:
        if e.kind not in NAMED_KINDS:
            continue
        style = f".article--{e.kind.slug}"
        for m in e.mentions:
            layer[m.block].append(Decoration(m.start, m.end, style))
    return dict(layer)


def quote_layer(quotes) -> dict[int, list[Decoration]]:
    layer: dict[int, list[Decoration]] = defaultdict(list)
    for q in quotes:
        if q.nested_in is not None:
            continue
        for p in q.parts:
            layer[p.block].append(Decoration(p.start, p.end, ".article--quote"))
    return dict(layer)
