"""The library's index of people, organisations and places, built from the cached analyses.

The index is derived data, never migrated: it is rebuilt whenever the articles or
their analyses change (its signature says which it was built from), and a file
that cannot be read is simply built again. Two files:

    entities.json        the clusters (identity.py): what a query reads; each
                         cluster's members are one string, split only when asked for
    entity-parts.json    each article's entities as its analysis has them, so a
                         rebuild reads again only the analyses that changed

An article is indexed from its newest cached analysis, even one by an older
analyser: the index never waits for a re-analysis, nor loses an article to one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.article.search import fold_query
from reader.core.library.cache import analysis_path, read_derived, write_derived
from reader.core.library.identity import IDENTITY_VERSION, Cluster, EntityRef, cluster

INDEX_FORMAT = 2

Source = tuple[str, str, int]
"""What an article is indexed from: (sha256 of its text, its format, the analyser version)."""


def signature(sources: Mapping[str, Source]) -> str:
    """Names exactly which analyses, and which rules, an index was built from."""
    lines = [f"identity {IDENTITY_VERSION} format {INDEX_FORMAT}"]
    lines += [f"{article} {sha} {fmt} {version}" for article, (sha, fmt, version) in sorted(sources.items())]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class _Row:
    """A library entity as the index file keeps it: its members as lines of text, read when needed."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    articles: int
    mentions: int
    members: str
    """One line per member: article id, name, kind, mentions, tab-separated."""

    def cluster(self) -> Cluster:
        members = []
        for line in self.members.split("\n"):
            article, name, kind, mentions = line.split("\t")
            members.append(EntityRef(article, name, kind, (), int(mentions)))
        return Cluster(self.name, self.kind, self.aliases, tuple(members))


def _row(c: Cluster) -> _Row:
    lines = "\n".join(f"{m.article}\t{_flat(m.name)}\t{m.kind}\t{m.mentions}" for m in c.members)
    return _Row(c.name, c.kind, c.aliases, len(set(c.articles)), c.mentions, lines)


def _flat(text: str) -> str:
    return " ".join(text.split())


class EntityIndex:
    """The people, organisations and places of the library, each with the articles that name it.

    Built to be asked quickly: the entities' names are read at once, and who names
    each (thousands of members in a big library) only for the entities asked for.
    """

    def __init__(self, rows: list[_Row], titles: Mapping[str, str] | None = None) -> None:
        self._rows = rows
        """Most articles first, then most mentions."""
        self.titles = dict(titles or {})
        """Article id -> title, for showing the articles."""
        self._folded: list[str] | None = None
        self._made: dict[int, Cluster] = {}
        self._of_article: dict[str, dict[str, int]] = {}

    @classmethod
    def of_clusters(cls, clusters: list[Cluster], titles: Mapping[str, str] | None = None) -> EntityIndex:
        return cls([_row(c) for c in clusters], titles)

    def __len__(self) -> int:
        return len(self._rows)

    def _cluster(self, i: int) -> Cluster:
        found = self._made.get(i)
        if found is None:
            found = self._made[i] = self._rows[i].cluster()
        return found

    @property
    def clusters(self) -> list[Cluster]:
        """Every library entity, most articles first, then most mentions."""
        return [self._cluster(i) for i in range(len(self._rows))]

    def find(self, query: str = "", kinds: Iterable[str] | None = None) -> list[Cluster]:
        """The entities whose name or an alias holds `query` (case and accents ignored); all without one.

        A name that is the query itself comes first, then names that start with it.
        """
        wanted = set(kinds) if kinds else None
        q = fold_query(query.strip()) if query.strip() else ""
        if q and self._folded is None:
            self._folded = ["\n".join(fold_query(f) for f in (r.name, *r.aliases)) for r in self._rows]
        found = []
        for i, row in enumerate(self._rows):
            if wanted is not None and row.kind not in wanted:
                continue
            if q and q not in self._folded[i]:  # type: ignore[index]
                continue
            found.append(i)
        if q:
            names = {i: fold_query(self._rows[i].name) for i in found}
            found.sort(key=lambda i: (names[i] != q, not names[i].startswith(q)))
        return [self._cluster(i) for i in found]

    def of(self, article: str, name: str) -> Cluster | None:
        """The library entity that an article's entity (by its name there) belongs to."""
        names = self._of_article.get(article)
        if names is None:
            names = self._of_article[article] = {}
            head = article + "\t"
            for i, row in enumerate(self._rows):
                for line in row.members.split("\n") if head in row.members else ():
                    if line.startswith(head):
                        names.setdefault(line.split("\t")[1], i)
        found = names.get(_flat(name))
        return None if found is None else self._cluster(found)

    def elsewhere(self, article: str, name: str) -> int:
        """In how many other articles the library finds this article's entity."""
        found = self.of(article, name)
        if found is None:
            return 0
        return len({m.article for m in found.members if m.article != article})


def refs_from_stored(article: str, data: Any) -> list[EntityRef]:
    """An article's entities, from its stored analysis (any analyser version)."""
    refs = []
    for e in data.get("entities", []) if isinstance(data, dict) else []:
        try:
            refs.append(
                EntityRef(
                    article, str(e["name"]), str(e["kind"]), tuple(str(a) for a in e["aliases"]), len(e["mentions"])
                )
            )
        except (KeyError, TypeError):
            continue
    return refs


def load_index(folder: Path, derived: Path, sources: Mapping[str, Source], titles: Mapping[str, str]) -> EntityIndex:
    """The index for these articles: read if it is up to date, else rebuilt (and kept) first."""
    sig = signature(sources)
    data = read_derived(folder / "entities.json")
    if isinstance(data, dict) and data.get("signature") == sig:
        rows = _rows_from(data.get("entities"))
        if rows is not None:
            return EntityIndex(rows, titles)
    return rebuild(folder, derived, sources, titles)


def rebuild(folder: Path, derived: Path, sources: Mapping[str, Source], titles: Mapping[str, str]) -> EntityIndex:
    """Build the index again, reading only the analyses that changed since the last build."""
    old = read_derived(folder / "entity-parts.json")
    old_parts = old.get("parts", {}) if isinstance(old, dict) and old.get("format") == INDEX_FORMAT else {}
    parts: dict[str, list] = {}
    refs: list[EntityRef] = []
    for article, (sha, fmt, version) in sorted(sources.items()):
        part = old_parts.get(article)
        if isinstance(part, list) and len(part) == 4 and part[:3] == [sha, fmt, version]:
            found = [EntityRef(article, str(n), str(k), tuple(a), int(m)) for n, k, a, m in part[3]]
        else:
            found = refs_from_stored(article, read_derived(analysis_path(derived, sha, fmt, version)))
        parts[article] = [sha, fmt, version, [[r.name, r.kind, list(r.aliases), r.mentions] for r in found]]
        refs.extend(found)
    rows = [_row(c) for c in cluster(refs)]
    write_derived(folder / "entity-parts.json", {"format": INDEX_FORMAT, "parts": parts})
    stored = [[r.name, r.kind, list(r.aliases), r.articles, r.mentions, r.members] for r in rows]
    index = {"format": INDEX_FORMAT, "signature": signature(sources), "entities": stored}
    write_derived(folder / "entities.json", index)
    return EntityIndex(rows, titles)


def _rows_from(data: Any) -> list[_Row] | None:
    try:
        return [
            _Row(str(name), str(kind), tuple(str(a) for a in aliases), int(articles), int(mentions), str(members))
            for name, kind, aliases, articles, mentions, members in data
        ]
    except (TypeError, ValueError):
        return None
