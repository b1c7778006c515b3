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

A damaged file (validation.py) is reported by name, once, in `problems`, and left
byte-identical and read-only: reads skip what cannot be read and go on, writes to
it are refused, and every other file keeps working. Reads take no lock, so a store
in a read-only folder can be read; its writes say why they cannot be done.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from reader.core import paths
from reader.core.notes.anchoring import Anchor
from reader.core.notes.migrations import SCHEMA, migrate, notes_table_records, schema_of
from reader.core.notes.model import ArticleRecord, Note, now
from reader.core.notes.storage import AtomicJSONStorage, DamagedStore, FileLock, StoreError
from reader.core.notes.validation import Validator, index_problems, notes_problems

SHARD_SIZE = 500
_HEX_KEY = re.compile(r"[0-9a-f]{16}")


class NoteStore:
    """Notes, reading positions and settings in a folder of TinyDB files."""

    def __init__(self, path: str | Path, lock_timeout: float | None = None) -> None:
        self.path = Path(path).expanduser()
        self.notes_dir = self.path.with_name(self.path.stem + ".notes")
        self._lock = FileLock(self.path.with_name(self.path.name + ".lock"), lock_timeout)
        self.problems: dict[Path, str] = {}
        """Every damaged file met so far, with what is wrong with it (one message each)."""
        self._known_good: dict[Path, tuple] = {}
        """Files found valid (or written) by this store, by version: not checked again."""

    # -- damage -----------------------------------------------------------------------

    def read_only_reason(self) -> str | None:
        """Why nothing can be saved in this store (a read-only folder, say), or None.

        Probes the store's folders by creating and removing a temporary file: the
        only test that holds for every user, root included, and every file system.
        """
        for folder in (self.path.parent, self.notes_dir):
            if not folder.is_dir():
                continue
            try:
                fd, probe = tempfile.mkstemp(prefix=f".probe.{os.getpid()}.", suffix=".tmp", dir=folder)
                os.close(fd)
                os.unlink(probe)
            except OSError as exc:
                return f"{folder}: cannot write here ({exc.strerror or exc}): the notes can be read, not saved"
        return None

    def index_problem(self) -> str | None:
        """What is wrong with notes.json (articles, positions, settings), if it was found damaged."""
        return self.problems.get(self.path)

    def notes_problem(self, key: str) -> str | None:
        """What is wrong with one of this article's notes files, if one was found damaged."""
        mine = (m for p, m in self.problems.items() if p.parent == self.notes_dir and p.name.startswith(key + "-"))
        return next(mine, None)

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

    def _validator(self, path: Path) -> Validator:
        if path == self.path:
            return index_problems
        return notes_problems(path.stem.rsplit("-", 1)[0])

    @contextmanager
    def _open(self, path: Path, write: bool, timeout: float | None = None) -> Iterator[TinyDB]:
        """Open one notes or index file, migrated to the current schema; under the lock to write it."""
        with self.open_file(path, write, self._validator(path), SCHEMA, migrate, timeout) as db:
            yield db

    @contextmanager
    def open_file(
        self,
        path: Path,
        write: bool,
        validator: Validator,
        schema: int,
        migrate_file: Callable[[TinyDB, int], None] | None = None,
        timeout: float | None = None,
    ) -> Iterator[TinyDB]:
        """Open one file of this store, checked by `validator`; under the store's lock to write it.

        Every file of the store (notes, the index, the library's records) goes
        through here: atomic writes, one lock for all, damage reported once in
        `problems` and the damaged file left alone. A file older than `schema` is
        brought up to it by `migrate_file` when written; a newer one is never written.

        Raises:
            DamagedStore: the file is damaged (it is also noted in `problems`); for a
                write, also when only some of its records are.
        """
        with self._lock.held(timeout) if write else nullcontext():
            db = TinyDB(path, storage=AtomicJSONStorage, cache=True, validator=validator, known_good=self._known_good)
            try:
                try:
                    version = schema_of(db)
                except DamagedStore as exc:
                    self.problems.setdefault(path, str(exc))
                    raise
                damage = getattr(db.storage, "damage", None)
                if damage:
                    self.problems.setdefault(path, damage)
                    if write:
                        raise DamagedStore(damage)
                if version > schema:
                    if write:
                        raise StoreError(
                            f"{path}: written by a newer version of reader (schema {version}); not changed"
                        )
                elif version < schema and write and migrate_file is not None:
                    migrate_file(db, version)
                yield db
                if write and db.table("_meta").all() == []:
                    db.table("_meta").insert({"schema": schema})
            finally:
                db.close()

    # -- notes ------------------------------------------------------------------

    def notes_for(self, key: str) -> list[Note]:
        """The notes of one article that can be read, in the order they were saved.

        A damaged file's good notes are read; what cannot be is noted in `problems`.
        """
        records: list[dict] = []
        for path in self._shards(key):
            try:
                with self._open(path, write=False) as db:
                    records.extend(notes_table_records(db))
            except DamagedStore:
                continue
        return [Note.from_record(r) for r in records]

    def add(self, note: Note, article: ArticleRecord | None = None) -> Note:
        """Save a new note (or restore a deleted one with its id); returns it.

        A damaged notes.json does not stop it (the article's title and source are
        then not recorded); a damaged notes file of this article does.
        """
        if article is not None:
            with suppress(DamagedStore):  # noted in problems; the note itself goes to its own file
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

    def _holding(self, key: str, note_id: str) -> Iterator[Path]:
        """The files of an article that hold a note, newest first; damaged ones are skipped."""
        for path in reversed(self._shards(key)):
            try:
                with self._open(path, write=False) as db:
                    if db.table("notes").contains(Query().id == note_id):
                        yield path
            except DamagedStore:
                continue

    def _gone(self, note_id: str, keys: list[str], missing: str) -> StoreError:
        """The error for a note not found: the damage that may hide it, else `missing`."""
        for k in keys:
            damage = self.notes_problem(k)
            if damage:
                return DamagedStore(f"{damage}; note {note_id} may be in it")
        return StoreError(missing)

    def update(self, note: Note) -> Note:
        note.updated = now()
        for path in self._holding(note.article, note.id):
            with self._open(path, write=True) as db:
                if db.table("notes").update(note.to_record(), Query().id == note.id):
                    return note
        raise self._gone(note.id, [note.article], f"note {note.id} is no longer in the store")

    def delete(self, note_id: str, key: str | None = None) -> Note:
        """Delete a note by id (searching all articles when key is None); returns it."""
        keys = [key] if key else self._article_keys()
        for k in keys:
            for path in self._holding(k, note_id):
                with self._open(path, write=True) as db:
                    table = db.table("notes")
                    found = table.get(Query().id == note_id)
                    if found is None:
                        continue
                    table.remove(Query().id == note_id)
                return Note.from_record(found)
        raise self._gone(note_id, keys, f"no note with id {note_id}")

    def find(self, note_id: str) -> Note | None:
        for k in self._article_keys():
            for note in self.notes_for(k):
                if note.id == note_id:
                    return note
        return None

    def all_notes(self) -> Iterator[Note]:
        for k in self._article_keys():
            yield from self.notes_for(k)

    def note_counts(self) -> dict[str, int]:
        """How many notes each annotated article has (those that can be read), by article key."""
        counts: dict[str, int] = {}
        for key in self._article_keys():
            for path in self._shards(key):
                try:
                    with self._open(path, write=False) as db:
                        counts[key] = counts.get(key, 0) + len(db.table("notes"))
                except DamagedStore:
                    continue
        return counts

    def remove_notes(self, key: str) -> int:
        """Delete every note of one article (its notes files, under the lock); how many there were.

        Raises:
            DamagedStore: one of its notes files cannot be read whole; nothing is removed.
        """
        notes = self.notes_for(key)
        damage = self.notes_problem(key)
        if damage:
            raise DamagedStore(f"{damage}; its notes are not removed")
        with self._lock.held():
            for path in self._shards(key):
                try:
                    path.unlink()
                except FileNotFoundError:
                    continue
                except OSError as exc:
                    raise StoreError(f"{path}: cannot remove ({exc.strerror or exc})") from None
        return len(notes)

    def forget_article(self, key: str) -> None:
        """Forget what notes.json keeps about an article: its title and source, place and theme."""
        with self._open(self.path, write=True) as db:
            db.table("articles").remove(Query().key == key)
            db.table("positions").remove(Query().key == key)
            db.table("settings").remove(Query().name == f"theme:{key}")

    def _article_keys(self) -> list[str]:
        if not self.notes_dir.is_dir():
            return []
        keys = {p.stem.rsplit("-", 1)[0] for p in self.notes_dir.glob("*-*.json") if not p.name.startswith(".")}
        return sorted(k for k in keys if _HEX_KEY.fullmatch(k))

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
        """The articles recorded in notes.json (none when it cannot be read)."""
        try:
            with self._open(self.path, write=False) as db:
                records = db.table("articles").all()
        except DamagedStore:
            return []
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
        try:
            with self._open(self.path, write=False) as db:
                found = db.table("positions").get(Query().key == key)
        except DamagedStore:
            return None
        return Anchor.from_dict(found["anchor"]) if found else None

    def set_position(self, key: str, anchor: Anchor, timeout: float | None = None) -> None:
        """Remember the reading place; `timeout` for the lock (the window waits little for it)."""
        with self._open(self.path, write=True, timeout=timeout) as db:
            db.table("positions").upsert({"key": key, "anchor": anchor.to_dict()}, Query().key == key)

    def setting(self, name: str, default=None):
        try:
            with self._open(self.path, write=False) as db:
                found = db.table("settings").get(Query().name == name)
        except DamagedStore:
            return default
        return found["value"] if found else default

    def set_setting(self, name: str, value) -> None:
        with self._open(self.path, write=True) as db:
            db.table("settings").upsert({"name": name, "value": value}, Query().name == name)


def open_store(db: str | Path | None = None) -> NoteStore:
    """The store at `db` (--db or READER_DB), else in the user data folder."""
    return NoteStore(Path(db).expanduser() if db else paths.default_db_path())
