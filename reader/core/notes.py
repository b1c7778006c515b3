"""The notes store: notes, reading positions and settings, kept in TinyDB.

Layout, chosen so that saving a note stays fast however many notes exist:

    notes.json                  articles index, reading positions, settings
    notes.notes/<key>-<n>.json  an annotated article's notes, 500 to a file

Saving a note rewrites only one file of at most 500 notes (a plain single TinyDB
file rewrites every note on every save: 18 ms with 10,000 notes). Every operation takes the store's lock, reads
the files afresh, changes them and writes them back atomically (see storage.py),
so two reader windows never lose each other's notes. Each file carries a schema
version; older versions are migrated when read, newer ones are left alone.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from tinydb import Query, TinyDB

from reader.core.anchoring import Anchor
from reader.core.document import Document
from reader.core.storage import AtomicJSONStorage, DamagedStore, FileLock, StoreError

COLORS = ("yellow", "green", "blue", "pink", "purple")
SHARD_SIZE = 500
SCHEMA = 1
"""Version of the files written now. Version 0 (no `_meta` table) held the anchor
as flat fields and had no tags, colour or times; it is migrated on read."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Note:
    """A reader's note on a passage of an article."""

    id: str
    article: str
    """The article's key (see `article_key`)."""
    anchor: Anchor
    body: str = ""
    """Markdown; empty for a plain highlight."""
    tags: list[str] = field(default_factory=list)
    color: str = "yellow"
    created: str = field(default_factory=now)
    updated: str = field(default_factory=now)

    def to_record(self) -> dict:
        return {
            "id": self.id,
            "article": self.article,
            "anchor": self.anchor.to_dict(),
            "body": self.body,
            "tags": list(self.tags),
            "color": self.color,
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_record(cls, data: dict) -> Note:
        return cls(
            id=str(data["id"]),
            article=str(data["article"]),
            anchor=Anchor.from_dict(data["anchor"]),
            body=str(data.get("body", "")),
            tags=[str(t) for t in data.get("tags", [])],
            color=str(data.get("color", "yellow")) if data.get("color") in COLORS else "yellow",
            created=str(data.get("created", "")),
            updated=str(data.get("updated", "")),
        )


@dataclass
class ArticleRecord:
    key: str
    title: str
    source: str
    language: str = "und"
    updated: str = ""


def article_record(doc: Document) -> ArticleRecord:
    """What the store keeps about an annotated article (its source as an absolute path)."""
    source = doc.source if doc.source in ("", "-") else str(Path(doc.source).expanduser().resolve())
    return ArticleRecord(article_key(doc), doc.title, source, doc.language)


def article_key(doc: Document) -> str:
    """A stable key for an article: its absolute path, or its title for stdin."""
    if doc.source and doc.source != "-":
        ident = "path:" + str(Path(doc.source).expanduser().resolve())
    else:
        ident = "title:" + doc.title
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:16]


def clean_tags(tags) -> list[str]:
    """Tags as the user typed them: "#a, b c" -> ["a", "b", "c"], without duplicates."""
    out: list[str] = []
    for raw in tags:
        for part in str(raw).replace(",", " ").split():
            tag = part.lstrip("#").strip()
            if tag and tag not in out:
                out.append(tag)
    return out


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
                version = self._schema_of(db, path)
                if version > SCHEMA:
                    if write:
                        raise StoreError(
                            f"{path}: written by a newer version of reader (schema {version}); not changed"
                        )
                elif version < SCHEMA and write:
                    _migrate(db, version)
                yield db
                if write and db.table("_meta").all() == []:
                    db.table("_meta").insert({"schema": SCHEMA})
            finally:
                db.close()

    @staticmethod
    def _schema_of(db: TinyDB, path: Path) -> int:
        data = db.storage.read()
        if not data:
            return SCHEMA
        meta = data.get("_meta", {})
        for record in meta.values():
            if isinstance(record, dict) and isinstance(record.get("schema"), int):
                return record["schema"]
        return 0

    # -- notes ------------------------------------------------------------------

    def notes_for(self, key: str) -> list[Note]:
        """The notes of one article, in the order they were saved."""
        records: list[dict] = []
        for path in self._shards(key):
            with self._open(path, write=False) as db:
                records.extend(_notes_table_records(db))
        return [Note.from_record(r) for r in records]

    def add(self, note: Note, article: ArticleRecord | None = None) -> Note:
        """Save a new note (or restore a deleted one with its id); returns it."""
        if article is not None:
            self.remember_article(article)
        shards = self._shards(note.article)
        path = shards[-1] if shards else self._shard(note.article, 1)
        with self._open(path, write=True) as db:
            table = db.table("notes")
            if len(table) >= SHARD_SIZE:
                path = None
            else:
                if not note.id or table.contains(Query().id == note.id):
                    note.id = self._new_id(table)
                table.insert(note.to_record())
        if path is None:  # the last file is full: start the next one
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
            ArticleRecord(r["key"], r.get("title", ""), r.get("source", ""), r.get("language", "und"), r.get("updated", ""))
            for r in records
        ]

    def remember_article(self, article: ArticleRecord) -> None:
        """Record an article's title and source (kept for export and listings)."""
        with self._open(self.path, write=True) as db:
            table = db.table("articles")
            existing = table.get(Query().key == article.key) or {}
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


def _notes_table_records(db: TinyDB) -> list[dict]:
    """Note records, whatever the file's schema (old ones are converted in memory)."""
    records = db.table("notes").all()
    version = NoteStore._schema_of(db, Path(""))
    if version == 0:
        return [_v0_to_v1(r) for r in records]
    return [dict(r) for r in records]


def _v0_to_v1(record: dict) -> dict:
    anchor = record.get("anchor") or {
        "block": record.get("block", 0),
        "start": record.get("start", 0),
        "end": record.get("end", 0),
        "exact": record.get("text", ""),
    }
    return {
        "id": record.get("id") or secrets.token_hex(5),
        "article": record.get("article", ""),
        "anchor": anchor,
        "body": record.get("body", record.get("note", "")),
        "tags": record.get("tags", []),
        "color": record.get("color", "yellow"),
        "created": record.get("created", now()),
        "updated": record.get("updated", record.get("created", now())),
    }


def _migrate(db: TinyDB, version: int) -> None:
    """Bring a file up to SCHEMA in place (it is then written atomically)."""
    if version == 0:
        table = db.table("notes")
        records = [_v0_to_v1(r) for r in table.all()]
        table.truncate()
        table.insert_multiple(records)
    meta = db.table("_meta")
    meta.truncate()
    meta.insert({"schema": SCHEMA})


__all__ = [
    "COLORS",
    "ArticleRecord",
    "DamagedStore",
    "Note",
    "NoteStore",
    "StoreError",
    "article_key",
    "clean_tags",
]
