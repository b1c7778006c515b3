"""Topics: the article's sections, and 5 to 10 keyword topics.

Sections are its headings and detected subheads, each with the blocks it heads.
Keyword topics are statistical key phrases: runs of content words (stopwords,
numbers and entity names left out) counted as one- to three-word phrases, with a
light suffix-stripping key so "licenziamento" and "licenziamenti" count together.
Phrases score by frequency, length and how widely they spread through the article;
words in the title and subheads count extra. A word already inside a chosen phrase
is not chosen again on its own.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from reader.core.analysis import lexicon
from reader.core.analysis.lexicon import strip_endings
from reader.core.analysis.results import Entity, Topic
from reader.core.analysis.tokens import Token
from reader.core.article.model import Document

MIN_TOPICS = 5
MAX_TOPICS = 10
MIN_WORD_LEN = 3


def find_topics(doc: Document, tokens: list[list[Token]], entities: list[Entity], language: str) -> list[Topic]:
    """The article's sections, then its keyword topics, numbered in that order."""
    topics = sections(doc) + keywords(doc, tokens, entities, language)
    return [replace(t, id=f"t{n}") for n, t in enumerate(topics, 1)]


def sections(doc: Document) -> list[Topic]:
    """One topic per heading after the title, holding the blocks up to the next heading."""
    heads = [b for b in doc.blocks if b.kind == "heading" and not (b.index == 0 and b.level <= 1)]
    out: list[Topic] = []
    for k, h in enumerate(heads):
        end = len(doc.blocks)
        for later in heads[k + 1 :]:
            # A heading straight after another (a subhead and its deck) belongs to it.
            if later.level <= h.level and later.index > h.index + 1:
                end = later.index
                break
        out.append(Topic("", "section", h.text, tuple(range(h.index, end))))
    return out


def keywords(doc: Document, tokens: list[list[Token]], entities: list[Entity], code: str) -> list[Topic]:
    lang = lexicon.get(code)
    stop = lang.stopwords | lang.months | lang.weekdays | lang.speech_verbs | lang.demonyms
    # Character ranges covered by entity mentions, per block.
    covered: dict[int, list[tuple[int, int]]] = defaultdict(list)
    names = set()
    for e in entities:
        for form in e.forms:
            names.add(form.casefold())
        for m in e.mentions:
            covered[m.block].append((m.start, m.end))

    stem_of: dict[str, str] = {}

    def stem(word: str) -> str:
        """The word's stem, worked out once per word (an article repeats its words)."""
        found = stem_of.get(word)
        if found is None:
            found = stem_of[word] = strip_endings(word, lang.stemming)
        return found

    counts: Counter = Counter()
    where: dict[tuple, set[int]] = defaultdict(set)
    surfaces: dict[tuple, Counter] = defaultdict(Counter)
    boost: Counter = Counter()
    for block, toks in zip(doc.blocks, tokens):
        named = _Covered(covered.get(block.index, ()))
        text = block.text
        run: list[Token] = []
        runs: list[list[Token]] = []
        prev: Token | None = None
        for tok in toks:
            content = (
                len(tok.text) >= MIN_WORD_LEN
                and tok.text[0].isalpha()
                and tok.text[-1] not in "'’"
                and tok.lower not in stop
                and not tok.is_acronym
                and not named.holds(tok.start)
            )
            joined = prev is not None and text[prev.end : tok.start] in (" ", "")
            if content and (not run or joined):
                run.append(tok)
            else:
                if run:
                    runs.append(run)
                run = [tok] if content else []
            prev = tok
        if run:
            runs.append(run)
        for run in runs:
            stems = [stem(t.lower) for t in run]
            for size in (1, 2, 3):
                for i in range(len(run) - size + 1):
                    key = tuple(stems[i : i + size])
                    counts[key] += 1
                    where[key].add(block.index)
                    surface = " ".join(t.text for t in run[i : i + size])
                    surfaces[key][surface] += 1
                    if block.kind == "heading":
                        boost[key] += 1

    total_blocks = max(1, len(doc.blocks))
    n_words = doc.word_count
    min_count = 2 if n_words < 3000 else 3

    def score(key: tuple) -> float:
        c = counts[key]
        spread = len(where[key]) / total_blocks
        return c * (len(key) ** 1.3) * (1 + 2 * spread) * (1.5 if boost[key] else 1.0)

    candidates = [k for k, c in counts.items() if c >= min_count and (len(k) == 1 or c >= 2)]
    candidates = [k for k in candidates if _display(surfaces[k]).casefold() not in names]
    candidates.sort(key=lambda k: (-score(k), k))
    wanted = max(MIN_TOPICS, min(MAX_TOPICS, n_words // 150))
    chosen: list[tuple] = []
    for key in candidates:
        if len(chosen) >= wanted:
            break
        # Skip a phrase that repeats a chosen one (inside it, or holding it).
        if any(_overlaps(key, other) for other in chosen):
            continue
        chosen.append(key)
    return [Topic("", "keyword", _display(surfaces[k]), tuple(sorted(where[k]))) for k in chosen]


class _Covered:
    """Character ranges of a block (entity mentions), asked about one position at a time.

    The ranges are merged and sorted once, so each question is a binary search
    instead of a scan: it is asked for every content word of the article.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def holds(self, pos: int) -> bool:
        """Whether a range covers character `pos` (start included, end not)."""
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def _overlaps(a: tuple, b: tuple) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _display(surfaces: Counter) -> str:
    """The form to show: lower case unless the phrase is always capitalised."""
    form = max(surfaces, key=lambda s: (surfaces[s], s.islower(), s))
    if any(s.islower() for s in surfaces):
        form = max((s for s in surfaces if s.islower()), key=lambda s: (surfaces[s], s))
    return form
