"""The per-language word lists and gazetteers in lang/, loaded on demand.

Each language file holds closed word classes (stopwords, speech verbs, titles...);
places, first names, organisations and products are shared across languages. For a
language without its own file the union of all of them is used, so an article in
Portuguese or Dutch still gets months, titles and particles from its neighbours.
"""

from __future__ import annotations

import threading
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "lang"
LANGUAGES = ("it", "en", "fr", "de", "es")

# Word lists the analysers use whatever the article's language.
STRONG_PARTICLES = frozenset(["van", "ter", "ten", "bin", "ibn", "al", "el", "ben", "bint", "dos", "das", "du"])
""""von" and "zu" are also German prepositions: they join only after a first name."""
# Particles inside people's names (Charles de Gaulle, Lula da Silva, Ursula von der
# Leyen); "of", "at" and the like join only organisation and place names.
NAME_PARTICLES = frozenset(
    ["von", "vom", "zu", "zur", "van", "der", "den", "de", "di", "da", "del", "della", "du", "des", "dos", "das", "do", "la", "le", "bin", "ibn", "al", "el", "ben", "ter", "ten", "y"]
)
# Articles join only after another particle: "de la", "von der", "van den".
ARTICLES = frozenset(["the", "la", "le", "les", "el", "los", "las", "der", "den", "dem", "des", "die", "das", "lo", "il"])
COMPASS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "nord", "sud", "est", "ovest", "ouest", "süd", "ost", "norte", "sur", "este", "oeste", "centrale"]
)
INHABITANTS = frozenset(
    ["abitanti", "residenti", "cittadini", "sindaco", "comune", "città", "paese", "provincia", "regione", "residents", "inhabitants", "mayor", "town", "city", "village", "county", "province", "habitants", "maire", "ville", "commune", "einwohner", "bürgermeister", "stadt", "gemeinde", "habitantes", "alcalde", "ciudad", "municipio", "pueblo"]
)
PLACE_PARTICLES = frozenset(["bei", "am", "an", "ob", "im", "sur", "upon", "on"])
"""Particles inside place names: Garching bei München, Frankfurt am Main, Stratford-upon-Avon."""
IN_WORDS = frozenset(["in", "nel", "nella", "nei", "nelle", "im", "en", "au", "aux"])
DETERMINERS_DE = frozenset(
    ["der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines", "kein", "keine", "seine", "ihre", "ihrem", "ihren"]
)
# Elided particles, written with their apostrophe as tokens (d'Italia, dell'Interno).
ELIDED_PARTICLES = frozenset(["d'", "d’", "dell'", "dell’", "l'", "l’", "all'", "all’"])
ORG_SUFFIX_TOKENS = frozenset(["AI", "AG", "SA", "SpA", "S.p.A", "GmbH", "NV", "BV", "AB", "Inc", "Ltd", "PLC", "plc", "LLC", "SE", "Co"])
CONNECTORS = frozenset(["come", "like", "such", "as", "wie", "comme", "como", "tipo", "including", "incluso", "inclusi"])
SAINTS = frozenset({"San", "Santa", "Santo", "São", "Saint", "Sainte", "Sankt", "St"})
"""A saint's title makes one name of the first name after it, as in so many places."""

_LIST_KEYS = (
    "stopwords",
    "months",
    "weekdays",
    "speech_verbs",
    "person_titles",
    "role_nouns",
    "org_words",
    "place_words",
    "particles",
    "demonyms",
    "titles_case_words",
)
_CUE_KEYS = (
    "indefinites",
    "pronouns",
    "org_cues",
    "place_cues",
    "conjunctions",
    "auxiliaries",
    "prepositions",
    "opening_attribution",
    "affiliates",
)


@dataclass(frozen=True)
class LangData:
    """Word classes for one language (or the union of all, for other languages)."""

    code: str
    stopwords: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    speech_verbs: frozenset[str]
    attribution: tuple[tuple[str, ...], ...]
    """Phrases that introduce a source before a name, as token tuples ("according", "to")."""
    person_titles: frozenset[str]
    role_nouns: frozenset[str]
    org_words: frozenset[str]
    place_words: frozenset[str]
    particles: frozenset[str]
    demonyms: frozenset[str]
    titles_case_words: frozenset[str]
    indefinites: frozenset[str]
    pronouns: frozenset[str]
    org_cues: frozenset[str]
    place_cues: frozenset[str]
    conjunctions: frozenset[str]
    auxiliaries: frozenset[str]
    prepositions: frozenset[str]
    opening_attribution: frozenset[str]
    affiliates: frozenset[str]
    """People named after what they belong to ("Google engineers", "Scientology officials")."""
    """Words that give the source only when they open the sentence ("Pour X, « … »")."""


_lock = threading.Lock()


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


@cache
def _raw(code: str) -> dict:
    data = _read_toml(DATA / f"{code}.toml")
    cues = _read_toml(DATA / "cues.toml").get(code, {})
    return {**data, **cues}


def _words(values) -> frozenset[str]:
    return frozenset(v.casefold() for v in values or ())


@cache
def get(code: str) -> LangData:
    """Word classes for a language code; unknown codes get the union of all languages."""
    with _lock:
        codes = (code,) if code in LANGUAGES else LANGUAGES
        raws = [_raw(c) for c in codes]
        merged = {
            key: frozenset().union(*(_words(r.get(key)) for r in raws))
            for key in (*_LIST_KEYS, *_CUE_KEYS)
        }
        # Month and weekday names and demonyms are never entities, whatever the
        # article's language: foreign ones turn up in quotations and names.
        everywhere = [_raw(c) for c in LANGUAGES]
        for key in ("months", "weekdays", "demonyms"):
            merged[key] = frozenset().union(*(_words(r.get(key)) for r in everywhere))
        if code not in LANGUAGES:
            # Function words of five languages would hide real words of a sixth.
            merged["stopwords"] = frozenset()
        elif code != "en":
            # English titles and organisation words are borrowed everywhere ("Chief AI
            # Officer", "Meta Superintelligence Labs", "Acme Inc").
            english = _raw("en")
            for key in ("person_titles", "org_words"):
                merged[key] = merged[key] | _words(english.get(key))
        attribution = tuple(
            sorted(
                {tuple(p.casefold().replace("'", "' ").split()) for r in raws for p in r.get("attribution", ())},
                key=len,
                reverse=True,
            )
        )
        return LangData(code=code, attribution=attribution, **merged)
