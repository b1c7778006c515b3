"""The gazetteers in lang/: places, cities, organisations, given names, family names,
products, and each language's common words.

Unlike the word lists of lexicon.py they belong to no language: "Berlino",
"Berlin" and "Berlín" are rows of one table, and a name is looked up whatever the
article's language. Each table is read on first use and kept; the common words of
a language (words_<code>.tsv) are read only for an article in that language.
"""

from __future__ import annotations

from bisect import bisect_left
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
def _cities() -> list[str]:
    """The rows of cities.tsv (GeoNames), sorted by name: looked up by bisection, so
    its hundred thousand names cost no table to build."""
    return _read_lines("cities.tsv")


def known_city(name: str) -> tuple[int, str] | None:
    """(population in thousands, country code) of a city of 5,000 people or more of that
    name, the largest if several share it; None if there is none."""
    rows = _cities()
    key = name + "\t"
    i = bisect_left(rows, key)
    if i < len(rows) and rows[i].startswith(key):
        cols = rows[i].split("\t")
        return int(cols[1]), cols[2]
    return None


@cache
def common_words(code: str) -> dict[str, int]:
    """A language's common words (casefolded) -> Zipf frequency times ten (35 and more),
    from words_<code>.tsv (wordfreq's data); empty for a language without a file."""
    out: dict[str, int] = {}
    for line in _read_lines(f"words_{code}.tsv"):
        word, _, zipf = line.partition("\t")
        out[word] = int(zipf)
    return out


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
        out.setdefault(fold_accents(name), name)
    return out


def _lookup(table: str, name: str) -> tuple[str, str] | None:
    source = organisations() if table == "orgs" else places()
    if name in source:
        return source[name]
    folded = _folded(table).get(fold_accents(name))
    return source[folded] if folded else None


def known_org(name: str) -> tuple[str, str] | None:
    """(canonical name, kind) of a known organisation, accents optional (Wikipédia)."""
    return _lookup("orgs", name)


def known_place(name: str) -> tuple[str, str] | None:
    """(kind, canonical English name) of a known place, accents optional."""
    return _lookup("places", name)


def known(name: str) -> bool:
    """A name the organisation or the place gazetteer knows."""
    return known_org(name) is not None or known_place(name) is not None
