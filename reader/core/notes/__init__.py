"""The reader's notes: the model, anchoring to passages, the store and its storage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.notes.anchoring import Anchor, Placement, make_anchor, resolve
    from reader.core.notes.migrations import SCHEMA
    from reader.core.notes.model import (
        COLORS,
        ArticleRecord,
        Note,
        article_key,
        article_record,
        clean_tags,
        is_url,
        note_label,
        parse_tags,
    )
    from reader.core.notes.storage import DamagedStore, StoreError, atomic_write, ensure_private_dir
    from reader.core.notes.store import NoteStore, open_store

_EXPORTS = {
    "COLORS": "model",
    "ArticleRecord": "model",
    "Note": "model",
    "article_key": "model",
    "article_record": "model",
    "clean_tags": "model",
    "is_url": "model",
    "note_label": "model",
    "parse_tags": "model",
    "Anchor": "anchoring",
    "Placement": "anchoring",
    "make_anchor": "anchoring",
    "resolve": "anchoring",
    "NoteStore": "store",
    "open_store": "store",
    "DamagedStore": "storage",
    "StoreError": "storage",
    "atomic_write": "storage",
    "ensure_private_dir": "storage",
    "SCHEMA": "migrations",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
