"""Keeping many new articles at once: what a first refresh of a hundred feeds brings.

`Library.keep` makes one article durable at a time: its copy and its record each
written and synced (about 15 ms). A first refresh of 100 feeds brings 2,000 items,
which that way would take half a minute. Here the copies are written first, each
whole (a temporary file renamed over its name), then synced together once; only
then are the records written, one write per record file (at most 16). A record
never names a copy that is not on disk, and a copy torn by a crash is caught when
read (its content no longer matches its name), so nothing is half-kept.
"""

from __future__ import annotations

import contextlib
import os
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.notes.model import article_key, now
from reader.core.notes.storage import StoreError, ensure_private_dir

if TYPE_CHECKING:
    from reader.core.article.model import Document
    from reader.core.library.library import Library
    from reader.core.library.records import LibraryArticle


@dataclass(frozen=True)
class NewArticle:
    """An article to keep, with what its record says beyond its text."""

    document: Document
    origin: str = "feed"
    feed: str = ""
    site: str = ""
    author: str = ""
    published: str = ""
    partial: bool = False


def keep_new(library: Library, articles: list[NewArticle]) -> list[LibraryArticle]:
    """Keep articles the library does not have yet (any it has are left as they are).

    Returns:
        The records of the articles kept now.

    Raises:
        StoreError: a copy or a record file cannot be written (the records written
            before it stay; none names a missing copy).
    """
    from reader.core.library.cache import write_search, write_whole
    from reader.core.library.texts import copy_path, digest

    if not articles:
        return []
    shas = []
    try:
        ensure_private_dir(library.texts)
        for new in articles:
            sha = digest(new.document.text)
            path = copy_path(library.texts, sha)
            if not path.is_file():
                write_whole(path, new.document.text.encode("utf-8", "surrogatepass"))
            shas.append(sha)
        os.sync()  # every copy on disk before any record names it
    except OSError as exc:
        raise StoreError(f"{library.texts}: cannot write ({exc.strerror or exc})") from None
    by_file: dict[str, list[tuple[NewArticle, str, str]]] = defaultdict(list)
    documents = {}
    for new, sha in zip(articles, shas):
        key = article_key(new.document)
        by_file[key[0]].append((new, key, sha))
        documents[key] = new.document
    kept: list[LibraryArticle] = []
    for group in by_file.values():
        kept += _records(library, group)
    for article in kept:
        # A feed's summary is replaced by its full article when opened: its search
        # text (derived) is left for the first search to make, halving the files written.
        if not article.partial:
            with contextlib.suppress(OSError):
                write_search(library.derived, article.sha256, documents[article.key])
    return kept


def _records(library: Library, group: list[tuple[NewArticle, str, str]]) -> list[LibraryArticle]:
    """Write the records of one record file's new articles, in one write."""
    from reader.core.library.records import LibraryArticle, short_id

    # The library's own lock and checked open of the file: the same path `keep` takes.
    with library._changing(group[0][1]) as table:
        existing = table.all()
        have = {r["key"] for r in existing}
        taken = {r["id"] for r in existing}
        stamp = now()
        made = []
        for new, key, sha in group:
            if key in have:
                continue
            have.add(key)
            doc = new.document
            article = LibraryArticle(
                id=short_id(key, taken), key=key, title=doc.title, source=doc.source, sha256=sha, origin=new.origin,
                format=doc.format, words=doc.word_count, blocks=len(doc.blocks), added=stamp, feed=new.feed,
                site=new.site, author=new.author, published=new.published, partial=new.partial,
            )
            taken.add(article.id)
            made.append(article)
        if made:
            table.insert_multiple(a.to_record() for a in made)
    return made
