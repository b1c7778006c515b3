"""The gazetteers in lang/: places, organisations, given names, family names, products.

Unlike the word lists of lexicon.py they belong to no language: "Berlino",
"Berlin" and "Berlín" are rows of one table, and a name is looked up whatever the
article's language. Each table is read on first use and kept.
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
    return _Names(_read_lines("first_names.txt"))


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
