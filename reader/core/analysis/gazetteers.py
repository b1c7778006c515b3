"""The gazetteers in lang/: places, cities, organisations, given names, family names,
products, and each language's common words.

Unlike the word lists of lexicon.py they belong to no language: "Berlino",
"Berlin" and "Berlín" are rows of one table, and a name is looked up whatever the
article's language. Each table is read on first use and kept; the common words of
a language (words_<code>.tsv) are read only for an article in that language.
"""

from __future__ import annotations

from functools import cache

from reader.core.analysis.lexicon import DATA
from reader.core.article.text import fold_accents


def _read_lines(name: str) -> list[str]:
    try:
        text = (DATA / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def places() -> dict[str, tuple[str, str]]:
    """Place name (as written) -> (kind, canonical English name)."""
    out: dict[str, tuple[str, str]] = {}
    for line in _read_lines("places.tsv")[1:]:
        cols = line.split("\t")
        if len(cols) >= 4:
            out.setdefault(cols[0], (cols[1], cols[3]))
    return out


class _Names(frozenset):
    """A set of names that also finds a name written with accents the list lacks (Luís)."""

    def __contains__(self, name: object) -> bool:
        if frozenset.__contains__(self, name):
            return True
        return isinstance(name, str) and not name.isascii() and frozenset.__contains__(self, fold_accents(name))


@cache
def first_names() -> frozenset[str]:
    """Given names: the hand-made list and the world's (first_names_world.txt, from Faker)."""
    return _Names(_read_lines("first_names.txt") + _read_lines("first_names_world.txt"))


@cache
def listed_first_names() -> frozenset[str]:
    """The hand-made given names only (first_names.txt): the world's list is there to type
    full names ("Giorgos Papadopoulos") and also holds words ("Esteri", "Corona")."""
    return _Names(_read_lines("first_names.txt"))


class SortedRows:
    """A tab-separated file sorted by its first column, looked up by bisection over its
    text: a hundred thousand rows cost one read and no table ("# " lines first)."""

    def __init__(self, text: str):
        body = text.find("\n", text.rfind("\n#", 0, 4096) + 1) + 1 if text.startswith("#") else 0
        self.text = text
        self.lo = body

    def get(self, key: str) -> list[str] | None:
        """The other columns of the row whose first column is `key`, or None."""
        text, want = self.text, key + "\t"
        lo, hi = self.lo, len(text)
        while lo < hi:
            mid = (lo + hi) // 2
            start = max(text.rfind("\n", max(self.lo - 1, 0), mid) + 1, self.lo)
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            line = text[start:end]
            if line.startswith(want):
                return line[len(want) :].split("\t")
            if line < want:  # rows are sorted, and a tab sorts before any character of a name
                lo = end + 1
            else:
                hi = start
        return None


@cache
def _rows(name: str) -> SortedRows:
    try:
        return SortedRows((DATA / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return SortedRows("")


def known_city(name: str) -> tuple[int, str] | None:
    """(population in thousands, country code) of a city of 5,000 people or more of that
    name (cities.tsv, from GeoNames), the largest if several share it; None if none."""
    row = _rows("cities.tsv").get(name)
    return (int(row[0]), row[1]) if row else None


COMMON_ZIPF = 40
"""A word this common (Zipf 4, once in 100,000 words, times ten) is a common word first."""


def zipf(code: str, word: str) -> int:
    """How common a casefolded word is in a language: its Zipf frequency times ten
    (words_<code>.tsv, from wordfreq; 35 and more), 0 for a rarer word or a language
    without a list. Only the article's language's list is ever read."""
    row = _rows(f"words_{code}.tsv").get(word)
    return int(row[0]) if row else 0


@cache
def surnames() -> frozenset[str]:
    """Common family names worldwide (single words; "De Jong" style names are split off)."""
    return frozenset(n for n in _read_lines("surnames.txt") if " " not in n)


@cache
def organisations() -> dict[str, tuple[str, str]]:
    """Organisation name or alias (as written) -> (canonical name, kind)."""
    out: dict[str, tuple[str, str]] = {}
    for line in _read_lines("orgs.tsv")[1:]:
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        name, kind = cols[0], cols[1]
        out.setdefault(name, (name, kind))
        if len(cols) > 2:
            for alias in cols[2].split("|"):
                if alias.strip():
                    out.setdefault(alias.strip(), (name, kind))
    return out


@cache
def products() -> frozenset[str]:
    return frozenset(_read_lines("products.txt"))


@cache
def generic_acronyms() -> frozenset[str]:
    return frozenset(_read_lines("generic_acronyms.txt"))


@cache
def _folded(table: str) -> dict[str, str]:
    source = organisations() if table == "orgs" else places()
    out: dict[str, str] = {}
    for name in source:
        out.setdefault(name if name.isascii() else fold_accents(name), name)  # ASCII has no accents
    return out


@cache
def _longest(table: str) -> int:
    return max((len(name) for name in _folded(table)), default=0)


def _lookup(table: str, name: str) -> tuple[str, str] | None:
    source = organisations() if table == "orgs" else places()
    if name in source:
        return source[name]
    # Folding keeps every ASCII character: a name with more of them than the longest
    # name of the table has is none of its names (and a page-long word is not folded).
    if len(name.encode("ascii", "ignore")) > _longest(table):
        return None
    folded = _folded(table).get(name if name.isascii() else fold_accents(name))
    if folded is None or (folded.isascii() and not name[-1:].isascii()):
        return None  # an accent on the last letter makes another word: "Metà" is not Meta
    return source[folded]


def known_org(name: str) -> tuple[str, str] | None:
    """(canonical name, kind) of a known organisation, accents optional (Wikipédia), but
    on the last letter, where an accent makes another word ("Metà" is not Meta)."""
    return _lookup("orgs", name)


def known_place(name: str) -> tuple[str, str] | None:
    """(kind, canonical English name) of a known place, accents optional."""
    return _lookup("places", name)


def known(name: str) -> bool:
    """A name the organisation or the place gazetteer knows."""
    return known_org(name) is not None or known_place(name) is not None
