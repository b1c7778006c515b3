"""The library: every article opened or added, kept with its text and analysis.

It lives beside the notes, in the same store and through the same storage (atomic
writes, one lock, every record checked when read, damaged files reported and left
alone):

    notes.json                       the notes' index (articles, places, settings)
    notes.notes/...                  the notes
    notes.library/articles-<h>.json  the library's records, by the first digit of
                                     their key: saving one rewrites a sixteenth
    notes.library/texts/<sha256>.txt the texts, each kept once (texts.py)
    notes.library/analyses/...       analyses and search texts (cache.py)
    notes.library/entities.json      the index of entities (index.py)

An article's key is its notes' key (notes.article_key: its path, address or
title), so notes written before an article entered the library are its notes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tinydb import Query, TinyDB

from reader.core.errors import InputError, ReaderError
from reader.core.library.across import AcrossArticles
from reader.core.library.records import LIBRARY_SCHEMA, LibraryArticle, article_problem, short_id
from reader.core.notes.model import article_key, article_record, is_url, now
from reader.core.notes.storage import DamagedStore
from reader.core.notes.store import NoteStore
from reader.core.notes.validation import Validator, table_validator

if TYPE_CHECKING:
    from reader.core.analysis.results import Analysis
    from reader.core.article.model import Document

TOP_ENTITIES = 3
"""How many of an article's entities its record names (the library table shows them)."""
_SHARD_DIGITS = "0123456789abcdef"


@dataclass(frozen=True)
class Kept:
    """What keeping an article did."""

    article: LibraryArticle
    new: bool
    """It was not in the library before."""
    changed: bool
    """It was, with another text (a corrected article): its analysis is to be made again."""


class Library(AcrossArticles):
    """The articles kept in a notes store's folder."""

    def __init__(self, store: NoteStore) -> None:
        self.store = store
        self.folder = store.path.with_name(store.path.stem + ".library")
        self.texts = self.folder / "texts"
        self.derived = self.folder / "analyses"
        self._write = threading.Lock()
        """Threads of one process take turns to change records (the store's lock is per file open)."""

    # -- record files -----------------------------------------------------------------

    def _shard(self, key: str) -> Path:
        return self.folder / f"articles-{key[0]}.json"

    def _shards(self) -> list[Path]:
        return [p for p in (self.folder / f"articles-{d}.json" for d in _SHARD_DIGITS) if p.is_file()]

    @contextmanager
    def _open(self, path: Path, write: bool) -> Iterator[TinyDB]:
        with self.store.open_file(path, write, _validator(path.stem[-1]), LIBRARY_SCHEMA) as db:
            yield db

    def _records(self, path: Path) -> list[LibraryArticle]:
        try:
            with self._open(path, write=False) as db:
                return [LibraryArticle.from_record(r) for r in db.table("articles").all()]
        except DamagedStore:
            return []  # noted in store.problems, named once by whoever shows them

    def problems(self) -> list[str]:
        """What is wrong with the library's record files met so far (each left as it is)."""
        return [message for path, message in self.store.problems.items() if path.parent == self.folder]

    # -- articles --------------------------------------------------------------------

    def has_articles(self) -> bool:
        """Whether any article is kept: cheap, for choosing what `reader` opens."""
        return any(p.stat().st_size > 64 and self._records(p) for p in self._shards())

    def articles(self, with_notes: bool = False) -> list[LibraryArticle]:
        """Every article kept, most recently added first (with their notes counted, if asked)."""
        found = [a for path in self._shards() for a in self._records(path)]
        if with_notes:
            counts = self.store.note_counts()
            for a in found:
                a.notes = counts.get(a.key, 0)
        found.sort(key=lambda a: (a.added, a.id), reverse=True)
        return found

    def get(self, key: str) -> LibraryArticle | None:
        """The article with this key, if kept."""
        path = self._shard(key)
        if not path.is_file():
            return None
        return next((a for a in self._records(path) if a.key == key), None)

    def find(self, ident: str) -> LibraryArticle:
        """The article an id names: its id, or the unique start of one (4 digits at least).

        Raises:
            InputError: no such article, or the start of several ids.
        """
        ident = ident.strip().lower()
        if len(ident) < 4 or not all(c in _SHARD_DIGITS for c in ident):
            raise InputError(f"{ident}: not a library id (reader library lists them)")
        path = self._shard(ident)
        candidates = self._records(path) if path.is_file() else []
        exact = [a for a in candidates if a.id == ident]
        if exact:
            return exact[0]
        starting = [a for a in candidates if a.id.startswith(ident)]
        if len(starting) == 1:
            return starting[0]
        if starting:
            ids = ", ".join(sorted(a.id for a in starting))
            raise InputError(f"{ident}: the start of several library ids ({ids}); give more of it")
        raise InputError(f"{ident}: no such article in the library (reader library lists them)")

    def keep(
        self,
        doc: Document,
        *,
        origin: str | None = None,
        feed: str = "",
        site: str = "",
        author: str = "",
        published: str = "",
        partial: bool | None = None,
    ) -> Kept:
        """Keep an article: a copy of its text, and its record (made, or brought up to date).

        Keeping an article already kept with the same text changes nothing; with
        another text (a corrected article) its record takes the new text, and the
        old copy goes when no other article has it.

        Args:
            origin: "file", "stdin", "url" or "feed" (if None: as kept before, else guessed
                from `doc.source`).
            feed, site, author, published, partial: what a web page or a feed says of it
                (`partial` None: as kept before while the text is the same, else False).

        Raises:
            InputError: an article with no text to keep.
            StoreError: the copy or the record cannot be written.
        """
        from reader.core.library.cache import write_search
        from reader.core.library.texts import write_copy

        if not doc.text.strip():
            raise InputError(f"{doc.title or doc.source}: no text to keep")
        guessed = "stdin" if doc.source in ("", "-") else "url" if is_url(doc.source) else "file"
        sha = write_copy(self.texts, doc.text)
        key = article_key(doc)
        source = article_record(doc).source or "-"
        with self._changing(key) as table:
            records = [LibraryArticle.from_record(r) for r in table.all()]
            old = next((a for a in records if a.key == key), None)
            # A feed's item opened as the feed gave it stays the feed's, and partial.
            same_text = old is not None and old.sha256 == sha
            fields = {
                "title": doc.title,
                "source": source,
                "sha256": sha,
                "origin": origin or (old.origin if old is not None else guessed),
                "format": doc.format,
                "words": doc.word_count,
                "blocks": len(doc.blocks),
                "partial": partial if partial is not None else same_text and old is not None and old.partial,
            }
            fields.update((k, v) for k, v in (("feed", feed), ("site", site), ("author", author),
                                                ("published", published)) if v)
            if old is None:
                taken = {a.id for a in records}
                article = LibraryArticle(id=short_id(key, taken), key=key, added=now(), **fields)  # type: ignore[arg-type]
            else:
                article = replace(old, **fields)  # type: ignore[arg-type]
                if old.sha256 != sha:
                    article.analysed = 0
            if old is None or article.to_record() != old.to_record():
                table.upsert(article.to_record(), Query().key == key)
        if old is None or old.sha256 != sha:
            write_search(self.derived, sha, doc)
        if old is not None and old.sha256 != sha:
            self._drop_text_if_unused(old.sha256)
        return Kept(article, old is None, old is not None and old.sha256 != sha)

    @contextmanager
    def _changing(self, key: str) -> Iterator:
        """The records table of a key's file, open to change (under the lock)."""
        with self._write, self._open(self._shard(key), write=True) as db:
            yield db.table("articles")

    def update(self, key: str, **changes) -> LibraryArticle | None:
        """Change some fields of a kept article's record; returns it (None if not kept)."""
        with self._changing(key) as table:
            found = table.get(Query().key == key)
            if found is None:
                return None
            article = replace(LibraryArticle.from_record(dict(found)), **changes)
            if article.to_record() != dict(found):
                table.upsert(article.to_record(), Query().key == key)
            return article

    def opened(self, key: str, block: int | None = None) -> LibraryArticle | None:
        """Note that an article was opened (now), and read up to `block` if given."""
        with self._changing(key) as table:
            found = table.get(Query().key == key)
            if found is None:
                return None
            article = LibraryArticle.from_record(dict(found))
            article.opened = now()
            if block is not None and article.blocks:
                article.progress = max(article.progress, min(1.0, round((block + 1) / article.blocks, 4)))
                article.read = article.read or article.progress >= 1.0
            table.upsert(article.to_record(), Query().key == key)
            return article

    def read_up_to(self, key: str, block: int) -> LibraryArticle | None:
        """Raise an article's progress to `block` (never lowers it); None when nothing changed."""
        article = self.get(key)
        if article is None or not article.blocks:
            return None
        progress = min(1.0, round((block + 1) / article.blocks, 4))
        if progress <= article.progress:
            return None
        return self.update(key, progress=progress, read=article.read or progress >= 1.0)

    def remove(self, article: LibraryArticle, with_notes: bool = False) -> int:
        """Remove an article from the library; returns how many of its notes were removed.

        Its notes are never removed silently: with notes and without `with_notes`,
        nothing is removed.

        Raises:
            InputError: it has notes and `with_notes` is false.
            DamagedStore: some of its notes cannot be read (nothing is removed).
        """
        notes = self.store.notes_for(article.key)
        damage = self.store.notes_problem(article.key)
        if damage:
            raise DamagedStore(f"{damage}; {article.id} is not removed, since some of its notes cannot be read")
        if notes and not with_notes:
            raise InputError(
                f"{article.id} has {len(notes)} note{'s' if len(notes) != 1 else ''}: not removed "
                "(export them first, or remove them too with --with-notes)"
            )
        removed = self.store.remove_notes(article.key) if notes else 0
        with self._changing(article.key) as table:
            table.remove(Query().key == article.key)
        with suppress(DamagedStore):  # notes.json is damaged: it keeps the place; that is reported elsewhere
            self.store.forget_article(article.key)
        self._drop_text_if_unused(article.sha256)
        return removed

    def _drop_text_if_unused(self, sha: str) -> None:
        """Remove a text copy, and what was derived from it, once no article has that text."""
        from reader.core.library.cache import remove_derived
        from reader.core.library.texts import copy_path

        if any(a.sha256 == sha for a in self.articles()):
            return
        with suppress(OSError):
            copy_path(self.texts, sha).unlink()
        remove_derived(self.derived, sha)

    # -- texts and analyses ----------------------------------------------------------

    def document(self, article: LibraryArticle) -> Document:
        """The article as kept: parsed from the library's copy, its source as recorded.

        Raises:
            TextCopyError: the copy is missing or damaged.
        """
        from reader.core.article.loader import parse
        from reader.core.library.texts import read_copy

        text = read_copy(self.texts, article.sha256)
        return parse(text, markdown=article.format == "markdown", source=article.source)

    def cached_analysis(self, doc: Document) -> Analysis | None:
        """The analysis kept for this text by this analyser, if any: no analysis runs."""
        from reader.core.library.cache import read_analysis
        from reader.core.library.texts import digest

        if not doc.text:
            return None
        return read_analysis(self.derived, digest(doc.text), doc)

    def analyse(self, article: LibraryArticle, doc: Document | None = None) -> Analysis:
        """The article's analysis: the one kept, else made now and kept (with its record updated)."""
        from reader.core.analysis.pipeline import analyse
        from reader.core.library.cache import read_analysis

        doc = doc if doc is not None else self.document(article)
        found = read_analysis(self.derived, article.sha256, doc)
        if found is None:
            found = analyse(doc)
        self.remember_analysis(article, found)
        return found

    def remember_analysis(self, article: LibraryArticle, analysis: Analysis) -> LibraryArticle | None:
        """Keep an article's analysis, and what its record says of it (language, top entities)."""
        from reader.core.analysis.kinds import NAMED_KINDS
        from reader.core.analysis.stored import ANALYSER_VERSION
        from reader.core.library.cache import analysis_path, search_path, write_analysis, write_search
        from reader.core.library.texts import digest

        doc = analysis.document
        sha = digest(doc.text) if doc.text else article.sha256
        if sha != article.sha256:
            return None  # the article was corrected since: this analysis is of its old text
        if not analysis_path(self.derived, sha, doc.format).is_file():
            write_analysis(self.derived, sha, analysis)
        if not search_path(self.derived, sha, doc.format).is_file():
            write_search(self.derived, sha, doc)
        named = sorted(
            (e for e in analysis.entities if e.kind in NAMED_KINDS), key=lambda e: (-len(e.mentions), e.name)
        )
        top = [e.name for e in named[:TOP_ENTITIES]]
        if (article.language, article.top, article.analysed) == (analysis.language, top, ANALYSER_VERSION):
            return article
        return self.update(article.key, language=analysis.language, top=top, analysed=ANALYSER_VERSION)

    def pending(self, articles: list[LibraryArticle] | None = None) -> list[LibraryArticle]:
        """The articles with no analysis by this analyser yet."""
        from reader.core.analysis.stored import ANALYSER_VERSION
        from reader.core.library.cache import newest_versions

        versions = newest_versions(self.derived)
        return [
            a
            for a in (self.articles() if articles is None else articles)
            if versions.get((a.sha256, a.format), 0) != ANALYSER_VERSION or a.analysed != ANALYSER_VERSION
        ]

    def analyse_all(
        self,
        articles: list[LibraryArticle],
        progress: Callable[[int, int, LibraryArticle], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[tuple[LibraryArticle, ReaderError]]:
        """Analyse articles one after another (those already analysed cost a file read).

        Args:
            progress: called before each article with (done, total, article).
            cancelled: asked before each article; True stops the run there.

        Returns:
            The articles that could not be analysed, each with why.
        """
        failed: list[tuple[LibraryArticle, ReaderError]] = []
        for done, article in enumerate(articles):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                progress(done, len(articles), article)
            try:
                self.analyse(article)
            except ReaderError as exc:
                failed.append((article, exc))
        return failed


def _validator(shard: str) -> Validator:
    """The check of one record file: every record valid, and in the file its key names."""

    def record_problem(record: dict) -> str | None:
        problem = article_problem(record)
        if problem is None and not record["key"].startswith(shard):
            return f"key {record['key']} does not belong in articles-{shard}.json"
        return problem

    return table_validator({"articles": record_problem}, LIBRARY_SCHEMA)


def open_library(db: str | Path | None = None) -> Library:
    """The library of the store at `db` (--db or READER_DB), else in the user data folder."""
    from reader.core.notes.store import open_store

    return Library(open_store(db))
