"""The feeds subscribed to and the pages fetched, kept in the library's folder.

One file, `notes.library/news.json`, opened through the store's `open_file` like
every other file of the store: atomic writes under the store's one lock, every
record checked when read, a damaged file reported once and never written.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from tinydb import Query, TinyDB

from reader.core.library.library import Library
from reader.core.news.records import NEWS_SCHEMA, FeedRecord, PageRecord, feed_problem, page_problem
from reader.core.notes.storage import DamagedStore
from reader.core.notes.validation import table_validator

_VALIDATOR = table_validator({"feeds": feed_problem, "pages": page_problem}, NEWS_SCHEMA)
_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_LOCK = threading.Lock()


def _lock_for(path: Path) -> threading.Lock:
    """One lock per news file in this process: the store's file lock does not keep threads apart."""
    with _LOCKS_LOCK:
        return _LOCKS.setdefault(path.resolve(), threading.Lock())


class NewsStore:
    """Feeds and pages of one library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.path = library.folder / "news.json"
        self._write = _lock_for(self.path)

    @contextmanager
    def _open(self, write: bool) -> Iterator[TinyDB]:
        if write:
            with self._write, self.library.store.open_file(self.path, True, _VALIDATOR, NEWS_SCHEMA) as db:
                yield db
        else:
            with self.library.store.open_file(self.path, False, _VALIDATOR, NEWS_SCHEMA) as db:
                yield db

    def problem(self) -> str | None:
        """What is wrong with the news file, if it was found damaged."""
        return self.library.store.problems.get(self.path)

    # -- feeds -----------------------------------------------------------------------

    def feeds(self) -> list[FeedRecord]:
        """Every feed subscribed to, in the order they were added (none if the file is damaged)."""
        if not self.path.is_file():
            return []
        try:
            with self._open(write=False) as db:
                return [FeedRecord.from_record(dict(r)) for r in db.table("feeds").all()]
        except DamagedStore:
            return []

    def feed(self, url: str) -> FeedRecord | None:
        return next((f for f in self.feeds() if f.url == url), None)

    def add_feeds(self, records: Iterable[FeedRecord]) -> list[FeedRecord]:
        """Subscribe to feeds not subscribed yet, in one write; returns those added."""
        with self._open(write=True) as db:
            table = db.table("feeds")
            have = {r["url"] for r in table.all()}
            added = []
            for record in records:
                if record.url not in have:
                    have.add(record.url)
                    added.append(record)
            if added:
                table.insert_multiple(r.to_record() for r in added)
            return added

    def save_feeds(self, records: Iterable[FeedRecord]) -> None:
        """Write feeds' records as they are now (those still subscribed), in one write."""
        by_url = {r.url: r for r in records}
        if not by_url:
            return
        with self._open(write=True) as db:
            table = db.table("feeds")
            for doc in table.all():
                record = by_url.get(doc["url"])
                if record is not None and record.to_record() != dict(doc):
                    table.update(record.to_record(), doc_ids=[doc.doc_id])

    def update_feed(self, url: str, **changes) -> FeedRecord | None:
        """Change some fields of a feed's record; returns it (None if not subscribed)."""
        with self._open(write=True) as db:
            table = db.table("feeds")
            found = table.get(Query().url == url)
            if found is None:
                return None
            record = replace(FeedRecord.from_record(dict(found)), **changes)
            table.update(record.to_record(), doc_ids=[found.doc_id])
            return record

    def remove_feed(self, url: str) -> bool:
        """Unsubscribe; whether the feed was subscribed."""
        if not self.path.is_file():
            return False
        with self._open(write=True) as db:
            return bool(db.table("feeds").remove(Query().url == url))

    # -- pages -----------------------------------------------------------------------

    def page(self, key: str) -> PageRecord | None:
        if not self.path.is_file():
            return None
        try:
            with self._open(write=False) as db:
                found = db.table("pages").get(Query().key == key)
        except DamagedStore:
            return None
        return None if found is None else PageRecord.from_record(dict(found))

    def save_page(self, page: PageRecord) -> None:
        with self._open(write=True) as db:
            db.table("pages").upsert(page.to_record(), Query().key == page.key)
