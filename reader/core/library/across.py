"""What the library knows across its articles: the entity index, stored analyses,
search texts and the search of every article and note.

Library mixes this in; it provides the store, the folders and the articles.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import ReaderError

if TYPE_CHECKING:
    from reader.core.article.model import Document
    from reader.core.library.cache import SearchText
    from reader.core.library.index import EntityIndex
    from reader.core.library.records import LibraryArticle
    from reader.core.library.search import Hit
    from reader.core.notes.store import NoteStore


class AcrossArticles:
    """The library's reading across articles (Library provides store, folder, derived,
    articles and document)."""

    store: NoteStore
    folder: Path
    derived: Path

    if TYPE_CHECKING:

        def articles(self, with_notes: bool = False) -> list[LibraryArticle]: ...

        def document(self, article: LibraryArticle) -> Document: ...

    def entity_index(self, articles: list[LibraryArticle] | None = None) -> EntityIndex:
        """The people, organisations and places across the library (rebuilt first if out of date)."""
        from reader.core.library.cache import newest_versions
        from reader.core.library.index import load_index

        articles = self.articles() if articles is None else articles
        versions = newest_versions(self.derived)
        sources = {}
        for a in articles:
            version = versions.get((a.sha256, a.format))
            if version:
                sources[a.id] = (a.sha256, a.format, version)
        return load_index(self.folder, self.derived, sources, {a.id: a.title for a in articles})

    def stored_analysis_data(self, article: LibraryArticle) -> dict | None:
        """The newest stored analysis of an article, as JSON data (any analyser version)."""
        from reader.core.library.cache import analysis_path, newest_versions, read_derived

        version = newest_versions(self.derived).get((article.sha256, article.format))
        if not version:
            return None
        data = read_derived(analysis_path(self.derived, article.sha256, article.format, version))
        return data if isinstance(data, dict) else None

    def search_text(self, article: LibraryArticle) -> SearchText | None:
        """An article's blocks as search reads them (made again from its copy if missing)."""
        from reader.core.library.cache import read_search, write_search

        found = read_search(self.derived, article.sha256, article.format)
        if found is None:
            try:
                found = write_search(self.derived, article.sha256, self.document(article))
            except (ReaderError, OSError):
                return None
        return found

    def search(self, query: str, limit: int | None = None, notes: bool = True) -> list[Hit]:
        """Every match of `query` in the articles' texts and notes (case and accents ignored).

        Hits come article by article (most recently added first), each article's
        text in reading order, then its notes.
        """
        from reader.core.library.search import Hit, find_in_note, search_articles, snippet

        articles = self.articles()
        readers = [(a.id, functools.partial(self.search_text, a)) for a in articles]
        hits = search_articles(readers, query, limit)
        if not notes or (limit is not None and len(hits) >= limit):
            return hits
        ids = {a.key: a.id for a in articles}
        order = {a.id: i for i, a in enumerate(articles)}
        for note in self.store.all_notes():
            article_id = ids.get(note.article)
            if article_id is None:
                continue  # an article annotated before the library kept it, never opened since
            for start, end, text in find_in_note(note.body, note.tags, query):
                hits.append(Hit(article_id, note.anchor.block, start, end, snippet(text, start, end), note.id))
        hits.sort(key=lambda h: (order[h.article], h.note is not None, h.block, h.start))
        return hits if limit is None else hits[:limit]
