"""The notes store: notes, reading positions and settings, kept in TinyDB.

Layout, chosen so that saving a note stays fast however many notes exist:

    notes.json                  articles index, reading positions, settings
    notes.notes/<key>-<n>.json  an annotated article's notes, 500 to a file

Saving a note rewrites only one file of at most 500 notes (a plain single TinyDB
file rewrites every note on every save: 18 ms with 10,000 notes). Every operation
takes the store's lock, reads the files afresh, changes them and writes them back
atomically (see storage.py), so two reader windows never lose each other's notes.
Each file carries a schema version; older versions are migrated (migrations.py),
newer ones are left alone.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from reader.core import paths
from reader.core.notes.anchoring import Anchor
from reader.core.notes.migrations import SCHEMA, migrate, notes_table_records, schema_of
from reader.core.notes.model import ArticleRecord, Note, now
from reader.core.notes.storage import AtomicJSONStorage, FileLock, StoreError

SHARD_SIZE = 500


class NoteStore:
    """Notes, reading positions and settings in a folder of TinyDB files."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self.notes_dir = self.path.with_name(self.path.stem + ".notes")
        self._lock = FileLock(self.path.with_name(self.path.name + ".lock"))

    # -- files ------------------------------------------------------------------

    def _shards(self, key: str) -> list[Path]:
        """An article's note files, oldest first."""
        if not key or not all(c in "0123456789abcdef" for c in key):
            raise StoreError(f"bad article key {key!r}")
        if not self.notes_dir.is_dir():
            return []
        found = []
        for path in self.notes_dir.glob(f"{key}-*.json"):
            number = path.stem[len(key) + 1 :]
            if number.isdigit():
                found.append((int(number), path))
        return [p for _, p in sorted(found)]

    def _shard(self, key: str, n: int) -> Path:
        return self.notes_dir / f"{key}-{n}.json"

    @contextmanager
    def _open(self, path: Path, write: bool) -> Iterator[TinyDB]:
        """Open one file under the lock, migrated to the current schema."""
        with self._lock.held():
            db = TinyDB(path, storage=AtomicJSONStorage, cache=True)
            try:
                version = schema_of(db)
                if version > SCHEMA:
                    if write:
                        raise StoreError(
                            f"{path}: written by a newer version of reader (schema {version}); not changed"
                        )
                elif version < SCHEMA and write:
                    migrate(db, version)
                yield db
                if write and db.table("_meta").all() == []:
                    db.table("_meta").insert({"schema": SCHEMA})
            finally:
                db.close()

    # -- notes ------------------------------------------------------------------

    def notes_for(self, key: str) -> list[Note]:
        """The notes of one article, in the order they were saved."""
        records: list[dict] = []
        for path in self._shards(key):
            with self._open(path, write=False) as db:
                records.extend(notes_table_records(db))
        return [Note.from_record(r) for r in records]

    def add(self, note: Note, article: ArticleRecord | None = None) -> Note:
        """Save a new note (or restore a deleted one with its id); returns it."""
        if article is not None:
            self.remember_article(article)
        shards = self._shards(note.article)
        path = shards[-1] if shards else self._shard(note.article, 1)
        with self._open(path, write=True) as db:
            table = db.table("notes")
            full = len(table) >= SHARD_SIZE
            if not full:
                if not note.id or table.contains(Query().id == note.id):
                    note.id = self._new_id(table)
                table.insert(note.to_record())
        if full:  # the last file is full: start the next one
            with self._open(self._shard(note.article, len(shards) + 1), write=True) as db:
                table = db.table("notes")
                if not note.id:
                    note.id = self._new_id(table)
                table.insert(note.to_record())
        return note

    def update(self, note: Note) -> Note:
        note.updated = now()
        for path in reversed(self._shards(note.article)):
            with self._open(path, write=True) as db:
                if db.table("notes").update(note.to_record(), Query().id == note.id):
                    return note
        raise StoreError(f"note {note.id} is no longer in the store")

    def delete(self, note_id: str, key: str | None = None) -> Note:
        """Delete a note by id (searching all articles when key is None); returns it."""
        keys = [key] if key else self._article_keys()
        for k in keys:
            for path in reversed(self._shards(k)):
                with self._open(path, write=False) as db:
                    if not db.table("notes").contains(Query().id == note_id):
                        continue
                with self._open(path, write=True) as db:
                    table = db.table("notes")
                    found = table.get(Query().id == note_id)
                    if found is None:
                        continue
                    table.remove(Query().id == note_id)
                return Note.from_record(found)
        raise StoreError(f"no note with id {note_id}")

    def find(self, note_id: str) -> Note | None:
        for k in self._article_keys():
            for note in self.notes_for(k):
                if note.id == note_id:
                    return note
        return None

    def all_notes(self) -> Iterator[Note]:
        for k in self._article_keys():
            yield from self.notes_for(k)

    def _article_keys(self) -> list[str]:
        if not self.notes_dir.is_dir():
            return []
        return sorted({p.stem.rsplit("-", 1)[0] for p in self.notes_dir.glob("*-*.json") if not p.name.startswith(".")})

    @staticmethod
    def _new_id(table) -> str:
        # 48 random bits: a clash with another file of the same article is about as
        # likely as a disk error; the file being written is checked anyway.
        while True:
            candidate = secrets.token_hex(6)
            if not table.contains(Query().id == candidate):
                return candidate

    # -- articles, positions, settings ---------------------------------------------------

    def articles(self) -> list[ArticleRecord]:
        with self._open(self.path, write=False) as db:
            records = db.table("articles").all()
        return [
            ArticleRecord(
                r["key"], r.get("title", ""), r.get("source", ""), r.get("language", "und"), r.get("updated", "")
            )
            for r in records
        ]

    def remember_article(self, article: ArticleRecord) -> None:
        """Record an article's title and source (kept for export and listings)."""
        with self._open(self.path, write=True) as db:
            table = db.table("articles")
            existing: dict[str, Any] = table.get(Query().key == article.key) or {}
            record = {
                "key": article.key,
                "title": article.title,
                "source": article.source,
                "language": article.language,
                "updated": existing.get("updated", now()),
            }
            if {k: existing.get(k) for k in record} != record:
                table.upsert(record, Query().key == article.key)

    def position(self, key: str) -> Anchor | None:
        with self._open(self.path, write=False) as db:
            found = db.table("positions").get(Query().key == key)
        return Anchor.from_dict(found["anchor"]) if found else None

    def set_position(self, key: str, anchor: Anchor) -> None:
        with self._open(self.path, write=True) as db:
            db.table("positions").upsert({"key": key, "anchor": anchor.to_dict()}, Query().key == key)

    def setting(self, name: str, default=None):
        with self._open(self.path, write=False) as db:
            found = db.table("settings").get(Query().name == name)
        return found["value"] if found else default

    def set_setting(self, name: str, value) -> None:
        with self._open(self.path, write=True) as db:
            db.table("settings").upsert({"name": name, "value": value}, Query().name == name)


def open_store(db: str | Path | None = None) -> NoteStore:
    """The store at `db` (--db or READER_DB), else in the user data folder."""
    return NoteStore(Path(db).expanduser() if db else paths.default_db_path())
