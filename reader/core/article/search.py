"""Case- and accent-insensitive search that reports offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.article.model import Document
from reader.core.article.text import fold_accents

# Characters whose folding changes the text's length: combining marks standing
# alone, and letters that case-fold to two (ß -> ss, the ligatures).
_UNEVEN = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\ufe20-\ufe2fßẞİŉǰΐΰﬀ-ﬆ]")


def fold_fast(text: str) -> tuple[str, list[int] | None]:
    """Like `fold`, but returns origin None when offsets are unchanged (most text)."""
    if text.isascii():
        return text.lower(), None
    folded = fold_accents(text).casefold()
    if len(folded) == len(text) and not _UNEVEN.search(text):
        return folded, None
    return fold(text)


def fold(text: str) -> tuple[str, list[int]]:
    """Fold text for matching (no accents, case-folded), with a map back to offsets.

    Returns:
        (folded, origin): origin[i] is the offset in `text` of folded character i,
        and origin[len(folded)] == len(text).
    """
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        piece = ch.lower() if ch.isascii() else fold_accents(ch).casefold()
        for c in piece:
            out.append(c)
            origin.append(i)
    origin.append(len(text))
    return "".join(out), origin


def fold_query(query: str) -> str:
    return fold(query)[0]


@dataclass(frozen=True, slots=True)
class Match:
    block: int
    start: int
    end: int


class SearchIndex:
    """Folded copies of a document's blocks, made once, searched per keystroke."""

    def __init__(self, doc: Document) -> None:
        self._folded = [fold_fast(b.text) for b in doc.blocks]

    def find(self, query: str, limit: int = 100_000) -> list[Match]:
        q = fold_query(query.strip())
        if not q:
            return []
        matches: list[Match] = []
        for index, (folded, origin) in enumerate(self._folded):
            pos = folded.find(q)
            end = 0
            while pos >= 0:
                if origin is None:
                    start, end = pos, pos + len(q)
                elif origin[pos] < end:
                    # Inside a letter the last match took whole ("s" twice in "ß" -> "ss").
                    pos = folded.find(q, pos + len(q))
                    continue
                else:
                    # The match ends where the next letter begins: the rest of the last
                    # letter's folding and its combining marks ("cafe" in "cafe\u0301").
                    last, after = origin[pos + len(q) - 1], pos + len(q)
                    while origin[after] == last:
                        after += 1
                    start, end = origin[pos], origin[after]
                matches.append(Match(index, start, end))
                if len(matches) >= limit:
                    return matches
                pos = folded.find(q, pos + len(q))
        return matches
