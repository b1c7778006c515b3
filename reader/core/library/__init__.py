"""The library: every article opened or added, kept with its text and analysis; the
people, organisations and places across all of them; search across everything.

The public names below are what the command line, the window and the web build on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.library.cache import SearchText
    from reader.core.library.context import InContext, mentions_in_context
    from reader.core.library.identity import IDENTITY_VERSION, Cluster, EntityRef, cluster, normalise
    from reader.core.library.index import EntityIndex
    from reader.core.library.library import Kept, Library, open_library
    from reader.core.library.records import ORIGINS, LibraryArticle
    from reader.core.library.search import Hit, Snippet, snippet
    from reader.core.library.texts import TextCopyError, digest
    from reader.core.library.vault import INDEX_NOTE, index_note

_EXPORTS = {
    "Library": "library",
    "Kept": "library",
    "open_library": "library",
    "LibraryArticle": "records",
    "ORIGINS": "records",
    "EntityIndex": "index",
    "Cluster": "identity",
    "EntityRef": "identity",
    "IDENTITY_VERSION": "identity",
    "cluster": "identity",
    "normalise": "identity",
    "Hit": "search",
    "Snippet": "search",
    "snippet": "search",
    "SearchText": "cache",
    "InContext": "context",
    "mentions_in_context": "context",
    "TextCopyError": "texts",
    "digest": "texts",
    "INDEX_NOTE": "vault",
    "index_note": "vault",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
