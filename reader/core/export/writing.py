"""Writing an article's export to a file, or to text for standard output."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.analysis.pipeline import Analysis, analyse
from reader.core.article.model import Document
from reader.core.article.text import printable_json
from reader.core.errors import ReaderError
from reader.core.export.annotations import to_web_annotations
from reader.core.export.markdown import render
from reader.core.export.merging import merge
from reader.core.notes.model import article_key, article_record
from reader.core.notes.storage import atomic_write
from reader.core.notes.store import NoteStore


def export_article(
    store: NoteStore, doc: Document, fmt: str = "md", existing: str | None = None, analysis: Analysis | None = None
) -> str:
    """The export text of one article's notes (merged into `existing` if given)."""
    notes = store.notes_for(article_key(doc))
    source = article_record(doc).source
    if fmt == "json":
        return printable_json(json.dumps(to_web_annotations(doc, notes, source), ensure_ascii=False, indent=1)) + "\n"
    analysis = analysis or analyse(doc)
    if existing:
        return merge(existing, analysis, notes, source)
    return render(analysis, notes, source)


def write_export(path: Path, render_text) -> Path:
    """Write (or re-export over) a file atomically; `render_text(existing)` makes the text."""
    try:
        existing = path.read_text(encoding="utf-8") if path.exists() else None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReaderError(f"{path}: cannot read the earlier export ({exc})") from None
    text = render_text(existing)
    if text != existing:
        atomic_write(path, text.encode("utf-8"))
    return path
