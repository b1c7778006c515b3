"""An article as the reader holds it: the model, loading, parsing, search and navigation.

This package imports nothing else of the core but its errors: everything else builds on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.article.decoding import MAX_BYTES, DecodedText, clean, decode, read_file, read_source
    from reader.core.article.files import NotRegularFile, read_regular
    from reader.core.article.loader import MARKDOWN_SUFFIXES, load, looks_like_markdown, parse
    from reader.core.article.model import Block, BlockKind, Document, InlineSpan
    from reader.core.article.navigation import Position, spread_map, step
    from reader.core.article.prose import without_code
    from reader.core.article.search import Match, SearchIndex, fold, fold_query
    from reader.core.article.text import fold_accents, printable, printable_json, shorten

_EXPORTS = {
    "Block": "model",
    "BlockKind": "model",
    "Document": "model",
    "InlineSpan": "model",
    "MARKDOWN_SUFFIXES": "loader",
    "load": "loader",
    "looks_like_markdown": "loader",
    "parse": "loader",
    "MAX_BYTES": "decoding",
    "DecodedText": "decoding",
    "clean": "decoding",
    "decode": "decoding",
    "read_file": "decoding",
    "read_source": "decoding",
    "NotRegularFile": "files",
    "read_regular": "files",
    "Match": "search",
    "SearchIndex": "search",
    "fold": "search",
    "fold_query": "search",
    "without_code": "prose",
    "Position": "navigation",
    "spread_map": "navigation",
    "step": "navigation",
    "fold_accents": "text",
    "shorten": "text",
    "printable": "text",
    "printable_json": "text",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
