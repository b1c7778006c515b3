"""Where a library entity is named: each mention with a line of context (keyword in context).

The cross-article view lists, for one person, organisation or place, the
articles that name it and the words around each mention, read from the articles'
cached analyses and search texts (no article is parsed or analysed again).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.library.search import Snippet, snippet

if TYPE_CHECKING:
    from reader.core.library.identity import Cluster
    from reader.core.library.library import Library

KWIC_SIDE = 50
"""Characters of context on each side of a mention, at most."""


@dataclass(frozen=True, slots=True)
class InContext:
    """One mention of a library entity in one article, with the words around it."""

    article: str
    """The article's library id."""
    title: str
    block: int
    start: int
    end: int
    snippet: Snippet


def mentions_in_context(library: Library, entity: Cluster, side: int = KWIC_SIDE) -> list[InContext]:
    """Every mention of a library entity: article by article (most mentions first), in reading order.

    An article whose analysis or text can no longer be read is left out.
    """
    kept = {a.id: a for a in library.articles()}
    names: dict[str, set[str]] = {}
    for member in entity.members:
        names.setdefault(member.article, set()).add(_flat(member.name))
    found: list[InContext] = []
    for article_id in entity.articles:
        article = kept.get(article_id)
        if article is None:
            continue
        data = library.stored_analysis_data(article)
        text = library.search_text(article)
        if data is None or text is None:
            continue
        spans = set()
        for e in data.get("entities", []):
            if not isinstance(e, dict) or _flat(str(e.get("name", ""))) not in names[article_id]:
                continue
            for m in e.get("mentions", []):
                try:
                    block, start, end = int(m["block"]), int(m["start"]), int(m["end"])
                except (KeyError, TypeError, ValueError):
                    continue
                if 0 <= block < len(text.blocks) and 0 <= start <= end <= len(text.blocks[block]):
                    spans.add((block, start, end))
        for block, start, end in sorted(spans):
            found.append(
                InContext(article_id, article.title, block, start, end, snippet(text.blocks[block], start, end, side))
            )
    return found


def _flat(text: str) -> str:
    return " ".join(text.split())
