"""Name candidates: runs of capitalised words, trimmed of what capitals do not prove.

A capital letter proves little on its own: every sentence, quotation and headline
starts with one, and some languages (German) capitalise every noun. So a run of
capitalised words (runs.py) becomes a candidate only where the capitals are
informative (not in headings or shouted lines); it is trimmed (trimming.py) of a
sentence-initial word without evidence, of titles and of function words; known
names the gazetteers spell in full replace the runs they overlap; and the words
around each candidate are read for evidence of its kind (context.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from reader.core.analysis import gazetteers, lexicon
from reader.core.analysis.context import read_context
from reader.core.analysis.evidence import Evidence
from reader.core.analysis.lexicon import Lexicon
from reader.core.analysis.runs import find_runs, split_run
from reader.core.analysis.tokens import Token, tokenize
from reader.core.analysis.trimming import Kept, trim
from reader.core.article.model import Document


@dataclass(frozen=True)
class Candidate:
    """One occurrence of a possible name, with the context that hints at its kind."""

    block: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    index: int
    """Position of the first token in the block's token list."""
    sentence_start: bool
    evidence: Evidence
    titles: tuple[str, ...] = ()
    """Titles seen right before or after it ("ministro", "ceo")."""


@dataclass(frozen=True)
class DocStats:
    """What the whole document says about each word's capitalisation."""

    lower_seen: set[str]
    """Words (casefolded) the document writes in lower case somewhere."""
    cap_mid: Counter
    """Capitalised words -> times seen capitalised in mid-sentence."""
    shouty: set[int]
    """Blocks whose capitals say nothing: headings, lines in capitals or Title Case."""


def doc_stats(doc: Document, tokens: list[list[Token]], lang: Lexicon) -> DocStats:
    lower_seen: set[str] = set()
    cap_mid: Counter = Counter()
    shouty: set[int] = set()
    for block, toks in zip(doc.blocks, tokens):
        words = [t for t in toks if t.text[0].isalpha()]
        if block.kind == "heading" or _shouted(words, lang):
            shouty.add(block.index)
        for t in words:
            if t.text.islower():
                lower_seen.add(t.lower)
            elif block.index not in shouty and not t.sentence_start and t.text[0].isupper():
                cap_mid[t.text] += 1
    return DocStats(lower_seen, cap_mid, shouty)


def _shouted(words: list[Token], lang: Lexicon) -> bool:
    """A line in capitals, or in Title Case (its function words capitalised too)."""
    if len(words) < 4:
        return False
    if sum(1 for t in words if t.is_acronym) >= 0.7 * len(words):
        return True
    inner = [t for t in words if not t.sentence_start and t.lower in lang.stopwords]
    capped = sum(1 for t in inner if t.text[0].isupper())
    return len(inner) >= 2 and capped >= 0.5 * len(inner)


def find_candidates(doc: Document, tokens: list[list[Token]], lang: Lexicon, stats: DocStats) -> list[Candidate]:
    """Name candidates in reading order, with their context evidence."""
    out: list[Candidate] = []
    for block, toks in zip(doc.blocks, tokens):
        if block.index in stats.shouty:
            continue
        text = block.text
        toks = _unmark_short_quotes(text, toks)
        found: list[Kept] = []
        for run in find_runs(text, toks, lang):
            for sub in split_run(toks, run, lang):
                kept = trim(text, toks, sub, lang, stats)
                if kept is not None:
                    found.append(kept)
        for kept in _merge_known_spans(found, _known_spans(text, toks), lang):
            out.append(_candidate(block.index, text, toks, kept, lang))
    return out


def _candidate(block: int, text: str, toks: list[Token], kept: Kept, lang: Lexicon) -> Candidate:
    words = toks[kept.first : kept.stop]
    evidence, titles = read_context(text, toks, kept.first, kept.stop, lang)
    evidence.weak = int(kept.weak)
    evidence.capitalised_nouns = int(kept.capitalised_nouns)
    start, end = words[0].start, words[-1].end
    if words[-1].is_dotted and text[end : end + 1] == ".":
        end += 1  # "U.S.", "L.A.": the abbreviation's last dot, which the tokens leave out
    return Candidate(
        block, start, end, text[start:end], tuple(words), kept.first, words[0].sentence_start, evidence, titles
    )


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, dict[tuple[str, ...], str]]:
    """Known organisation and place names (multi-word, or not capitalised) as token
    tuples, indexed by their first token."""
    table: dict[str, dict[tuple[str, ...], str]] = {}
    stop = frozenset().union(*(lexicon.get(c).stopwords for c in lexicon.languages()))
    for name in [*gazetteers.organisations(), *gazetteers.places()]:
        if name[:1].isupper() and name.isalnum():
            continue  # one capitalised word (most names): found as a run, no need to tokenise it
        key = tuple(t.text for t in tokenize(name))
        if not key or (len(key) == 1 and key[0][:1].isupper()):
            continue  # single capitalised names are found as runs already
        if len("".join(key)) < len(name.replace(" ", "").rstrip(".")) - name.count("-") - name.count("'"):
            continue  # a name our tokens cannot spell ("e&")
        if len(key) == 1 and (len(key[0]) < 3 or key[0].casefold() in stop):
            continue
        table.setdefault(key[0], {})[key] = name
    return table


def _known_spans(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges of known names written in full ("The Globe and Mail", "4chan")."""
    table = _gazetteer()
    spans: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        names = table.get(toks[i].text)
        if names:
            for key in sorted(names, key=len, reverse=True):
                size = len(key)
                if i + size <= n and tuple(t.text for t in toks[i : i + size]) == key and all(
                    text[a.end : b.start] in (" ", "", "-") for a, b in zip(toks[i : i + size], toks[i + 1 : i + size])
                ):
                    spans.append((i, i + size))
                    i += size
                    break
            else:
                i += 1
            continue
        i += 1
    return spans


def _merge_known_spans(found: list[Kept], spans: list[tuple[int, int]], lang: Lexicon) -> list[Kept]:
    """Known full names replace the runs they overlap; a longer run that holds a known
    name keeps it ("Meta Superintelligence Labs"), except a capitalised noun before it
    where every noun is capitalised ("der Regierungspartei Partidul Național Liberal")."""
    out = list(found)
    for lo, hi in spans:
        holders = [c for c in out if c.first <= lo and c.stop >= hi and c.stop - c.first > hi - lo]
        if holders and not (lang.capitalises_nouns and holders[0].stop == hi):
            continue
        out = [c for c in out if c.stop <= lo or c.first >= hi]
        out.append(Kept(lo, hi))
    return sorted(out, key=lambda c: c.first)


_OPEN_MARKS = "\"“„«‹‚‘'»"
_CLOSE_MARKS = "\"”“»«›’'"


def _unmark_short_quotes(text: str, toks: list[Token]) -> list[Token]:
    """A capital after an opening mark is not a sentence start when the quoted words are
    a short term in mid-sentence (the team "Prodotti AI"): such terms are names."""
    out = list(toks)
    for i, tok in enumerate(toks):
        if not tok.sentence_start or i == 0:
            continue
        gap = text[toks[i - 1].end : tok.start].rstrip()
        if not gap or gap[-1] not in _OPEN_MARKS or any(ch in gap for ch in ".!?:…"):
            continue
        for k in range(i, min(i + 4, len(toks))):
            after = text[toks[k].end : toks[k + 1].start] if k + 1 < len(toks) else text[toks[k].end :]
            if after[:1] in _CLOSE_MARKS:
                out[i] = Token(tok.text, tok.start, tok.end, False)
                break
            if after.strip():
                break
    return out
