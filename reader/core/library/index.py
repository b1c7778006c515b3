"""The library's index of people, organisations and places, built from the cached analyses.

The index is derived data, never migrated: it is rebuilt whenever the articles or
their analyses change (its signature says which it was built from), and a file
that cannot be read is simply built again. Two files:

    entities.json        the clusters (identity.py): what a query reads
    entity-parts.json    each article's entities as its analysis has them, so a
                         rebuild reads again only the analyses that changed

An article is indexed from its newest cached analysis, even one by an older
analyser: the index never waits for a re-analysis, nor loses an article to one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from reader.core.article.search import fold_query
from reader.core.library.cache import analysis_path, read_derived, write_derived
from reader.core.library.identity import IDENTITY_VERSION, Cluster, EntityRef, cluster

INDEX_FORMAT = 1

Source = tuple[str, str, int]
"""What an article is indexed from: (sha256 of its text, its format, the analyser version)."""


def signature(sources: Mapping[str, Source]) -> str:
    """Names exactly which analyses, and which rules, an index was built from."""
    lines = [f"identity {IDENTITY_VERSION} format {INDEX_FORMAT}"]
    lines += [f"{article} {sha} {fmt} {version}" for article, (sha, fmt, version) in sorted(sources.items())]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


class EntityIndex:
    """The people, organisations and places of the library, each with the articles that name it."""

    def __init__(self, clusters: list[Cluster], titles: Mapping[str, str] | None = None) -> None:
        self.clusters = clusters
        """Most articles first, then most mentions."""
        self.titles = dict(titles or {})
        """Article id -> title, for showing the articles."""
        self._by_member: dict[tuple[str, str], Cluster] = {}
        for c in clusters:
            for m in c.members:
                self._by_member.setdefault((m.article, m.name), c)
        self._folded: list[str] | None = None

    def __len__(self) -> int:
        return len(self.clusters)

    def find(self, query: str = "", kinds: Iterable[str] | None = None) -> list[Cluster]:
        """The entities whose name or an alias holds `query` (case and accents ignored); all without one."""
        wanted = set(kinds) if kinds else None
        q = fold_query(query.strip()) if query.strip() else ""
        if q and self._folded is None:
            self._folded = ["\n".join(fold_query(f) for f in (c.name, *c.aliases)) for c in self.clusters]
        out = []
        for i, c in enumerate(self.clusters):
            if wanted is not None and c.kind not in wanted:
                continue
            if q and q not in self._folded[i]:  # type: ignore[index]
                continue
            out.append(c)
        if q:  # a name that is the query itself first, then one that starts with it
            out.sort(key=lambda c: (fold_query(c.name) != q, not fold_query(c.name).startswith(q)))
        return out

    def of(self, article: str, name: str) -> Cluster | None:
        """The library entity that an article's entity (by its name there) belongs to."""
        return self._by_member.get((article, name))

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
        clusters = _clusters_from(data.get("clusters"))
        if clusters is not None:
            return EntityIndex(clusters, titles)
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
    clusters = cluster(refs)
    write_derived(folder / "entity-parts.json", {"format": INDEX_FORMAT, "parts": parts})
    stored = [
        [c.name, c.kind, list(c.aliases), [[m.article, m.name, m.kind, m.mentions] for m in c.members]]
        for c in clusters
    ]
    index = {"format": INDEX_FORMAT, "signature": signature(sources), "clusters": stored}
    write_derived(folder / "entities.json", index)
    return EntityIndex(clusters, titles)


def _clusters_from(data: Any) -> list[Cluster] | None:
    try:
        return [
            Cluster(
                str(name),
                str(kind),
                tuple(str(a) for a in aliases),
                tuple(EntityRef(str(a), str(n), str(k), (), int(m)) for a, n, k, m in members),
            )
            for name, kind, aliases, members in data
        ]
    except (TypeError, ValueError):
        return None
