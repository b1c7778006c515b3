"""Writing an article's export to a file, or to text for standard output."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from reader.core.analysis.pipeline import Analysis, analyse
from reader.core.article.files import NotRegularFile, read_regular
from reader.core.article.model import Document
from reader.core.article.text import printable_json
from reader.core.errors import InputError, ReaderError
from reader.core.export.annotations import to_web_annotations
from reader.core.export.markdown import render
from reader.core.export.merging import MergeRefused, merge
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


@dataclass
class Written:
    """Where an export went; with `--force` over a file that could not be merged, where
    the previous file was kept and why it could not be merged."""

    path: Path
    backup: Path | None = None
    refused: str | None = None


def write_export(path: Path, render_text, force: bool = False) -> Written:
    """Write (or re-export over) a file atomically; `render_text(existing)` makes the text.

    An earlier export is read only if it is a regular file: never through a symbolic
    link, a FIFO or a device. When it cannot be merged (MergeRefused), it is left
    byte-identical and the error names the line; with `force`, it is copied to a
    `.bak` file first and a fresh export written in its place.

    Raises:
        ReaderError: naming the file (InputError for a link, FIFO or device).
    """
    try:
        raw: bytes | None = read_regular(path, follow_symlinks=False)
    except FileNotFoundError:
        raw = None
    except NotRegularFile as exc:
        raise InputError(f"{exc}; reader never reads or writes an export through it (give a plain file)") from None
    except OSError as exc:
        raise ReaderError(f"{path}: cannot read the earlier export ({exc.strerror or exc})") from None
    written = Written(path)
    try:
        existing = None if raw is None else _decode(raw)
        text = render_text(existing)
    except MergeRefused as exc:
        if not force:
            raise ReaderError(
                f"{path}, {exc}; the file is left as it was (fix it, or export with --force to rewrite it, "
                f"keeping the old file as {_backup_for(path).name})"
            ) from None
        assert raw is not None
        written.backup, written.refused = _backup_for(path), str(exc)
        atomic_write(written.backup, raw)
        existing, text = None, render_text(None)
    if text != existing:
        atomic_write(path, text.encode("utf-8"))
    return written


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise MergeRefused("not UTF-8 text, so not an earlier export of reader") from None


def _backup_for(path: Path) -> Path:
    """FILE.bak, or FILE.bak.2, .3 ... when that is taken: an older backup is never overwritten."""
    backup = path.with_name(path.name + ".bak")
    n = 1
    while os.path.lexists(backup):
        n += 1
        backup = path.with_name(f"{path.name}.bak.{n}")
    return backup
