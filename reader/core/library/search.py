"""Search across the library: every article's text and every note, case and accents ignored.

Each article's blocks are read from the search text kept beside its copy (folded
once, when it was kept: cache.py), so a search reads files and compares strings,
and never parses or folds an article again. A match is reported with its article,
its paragraph and a snippet of the words around it, cut at word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.core.article.search import fold, fold_fast, fold_query
from reader.core.library.cache import SearchText

_SPACES = re.compile(r"\s+")
SNIPPET_SIDE = 40
"""Characters of context on each side of a match, at most."""


@dataclass(frozen=True, slots=True)
class Snippet:
    """A match with the words around it, on one line: `before` + `match` + `after`."""

    before: str
    match: str
    after: str

    @property
    def text(self) -> str:
        return self.before + self.match + self.after


def snippet(text: str, start: int, end: int, side: int = SNIPPET_SIDE) -> Snippet:
    """The words around text[start:end], whitespace made single spaces, cut at word ends with "…"."""
    left = text[max(0, start - side) : start]
    right = text[end : end + side]
    if start - side > 0:
        cut = left.find(" ")
        left = "…" + (left[cut + 1 :] if 0 <= cut < len(left) - 1 else left)
    if end + side < len(text):
        cut = right.rfind(" ")
        right = (right[:cut] if cut > 0 else right) + "…"
    return Snippet(_one_line(left), _one_line(text[start:end]), _one_line(right))


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text)


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: in an article's text (`note` None), or in one of its notes."""

    article: str
    """The article's library id."""
    block: int
    """The paragraph, from 0 (for a note, the paragraph it is on)."""
    start: int
    end: int
    """Offsets of the match in the block's text, or in the note's body."""
    snippet: Snippet
    note: str | None = None
    """The note's id, for a match in a note."""


def find_in_text(found: SearchText, query: str) -> list[tuple[int, int, int]]:
    """(block, start, end) of every match of a query in an article's search text."""
    q = fold_query(query.strip())
    if not q:
        return []
    out = []
    for index, folded in enumerate(found.folded):
        pos = folded.find(q)
        if pos < 0:
            continue
        text = found.blocks[index]
        origin = fold(text)[1] if index in found.uneven else None
        while pos >= 0:
            if origin is None:
                out.append((index, pos, pos + len(q)))
            else:
                after = pos + len(q)
                last = origin[after - 1]
                while origin[after] == last:
                    after += 1
                out.append((index, origin[pos], origin[after]))
            pos = folded.find(q, pos + len(q))
    return out


def find_in_note(body: str, tags: Iterable[str], query: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the matches of a query in a note's body, then its tags (as "#tag")."""
    q = fold_query(query.strip())
    if not q:
        return []
    out = []
    for text in (body, " ".join(f"#{t}" for t in tags)):
        folded, origin = fold_fast(text)
        pos = folded.find(q)
        while pos >= 0:
            if origin is None:
                out.append((pos, pos + len(q), text))
            else:
                out.append((origin[pos], origin[min(len(origin) - 1, pos + len(q))], text))
            pos = folded.find(q, pos + len(q))
    return out


def search_articles(
    articles: Iterable[tuple[str, Callable[[], SearchText | None]]], query: str, limit: int | None = None
) -> list[Hit]:
    """Matches in the articles' texts, article by article, in reading order within each.

    Args:
        articles: (article id, a function that reads its search text) pairs.
        limit: stop after this many matches (None: all).
    """
    hits: list[Hit] = []
    for article, read in articles:
        found = read()
        if found is None:
            continue
        for block, start, end in find_in_text(found, query):
            hits.append(Hit(article, block, start, end, snippet(found.blocks[block], start, end)))
            if limit is not None and len(hits) >= limit:
                return hits
    return hits
