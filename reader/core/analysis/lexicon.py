"""Every language rule as data: the word lists and settings of lang/<code>.toml.

A language is a file: lang/<code>.toml (common.toml is not one). Its keys are read
into a Lexicon, the one object the analysers ask about words; lang/README.md
documents each key. There are four kinds:

- the article's lists (stopwords, speech verbs, titles...): a language's own, or,
  for a language without a file (Portuguese, Dutch), the union of every file's,
  so such an article still gets titles and particles from its neighbours;
- lists read in every language whatever the article's (months, demonyms,
  compass points...): foreign ones turn up in quotations and names;
- lists a language lends to every other (`lends`: English titles and
  organisation words, "Chief AI Officer", "Acme Inc");
- settings (every noun capitalised, where a name's head stands, stemming
  endings): a file's own, else common.toml's [fallback].

common.toml also holds what belongs to no language: how names from anywhere are
written (particles, company forms, saints' titles).
"""

from __future__ import annotations

import threading
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "lang"
COMMON = "common"
"""lang/common.toml: what belongs to no one language."""
UNDETERMINED = "und"
"""The code of no known language (BCP 47)."""
APOSTROPHES = "'’"
"""The apostrophes typed text uses: straight and typographic."""

ARTICLE_KEYS = (
    "stopwords",
    "speech_verbs",
    "person_titles",
    "role_nouns",
    "org_words",
    "place_words",
    "particles",
    "titles_case_words",
    "indefinites",
    "pronouns",
    "org_cues",
    "place_cues",
    "conjunctions",
    "auxiliaries",
    "prepositions",
    "opening_attribution",
    "affiliates",
    "statement_nouns",
    "determiners",
)
"""Lists of the article's language (the union of every file's for a language without one)."""
EVERYWHERE_KEYS = (
    "months",
    "weekdays",
    "demonyms",
    "elisions",
    "possessives",
    "abbreviations",
    "articles",
    "leading_articles",
    "compass_words",
    "inhabitant_words",
    "state_words",
    "place_particles",
    "in_prepositions",
    "elided_particles",
    "example_words",
    "platform_prepositions",
    "employer_prepositions",
    "attribution_after",
    "pronoun_suffixes",
)
"""Lists read whatever the article's language: the union of every file's."""
SETTING_KEYS = (
    "capitalises_nouns",
    "head_final_compounds",
    "name_heads",
    "head_before",
    "stemming",
    "compound_inflections",
)
"""A language's settings: its file's; for a language without a file, common.toml's
[borrowed.<code>] (a relative's file) and then [fallback]."""
COMMON_KEYS = (
    "name_articles",
    "name_particles",
    "strong_particles",
    "particles_anywhere",
    "org_suffixes",
    "saints",
    "hyphenated_saints",
    "web_domains",
)
"""Lists of common.toml, compared as written."""


@dataclass(frozen=True)
class Ending:
    """One ending a word may lose: "ies" becomes "y" if at least min_stem letters are left."""

    ending: str
    becomes: str = ""
    min_stem: int = 0


Endings = tuple[tuple[Ending, ...], ...]
"""Steps of endings: each step strips the first of its endings that applies."""


def strip_endings(word: str, steps: Endings) -> str:
    """The word after every step of endings ("parties" -> "party", "grandes" -> "grand")."""
    for step in steps:
        for e in step:
            if word.endswith(e.ending) and len(word) - len(e.ending) >= e.min_stem:
                word = word[: len(word) - len(e.ending)] + e.becomes
                break
    return word


@cache
def languages() -> tuple[str, ...]:
    """The codes of the languages with a file of their own, lang/<code>.toml."""
    return tuple(sorted(p.stem for p in DATA.glob("*.toml") if p.stem != COMMON))


@dataclass(frozen=True)
class Lexicon:
    """What the analysers know about the words of one language.

    For a language without a file of its own, each list of the article's language
    is the union of every file's (stopwords excepted: the function words of five
    languages would hide real words of a sixth).
    """

    code: str
    """The language's code ("it"), as the language detection gave it."""

    # -- the article's language --
    stopwords: frozenset[str]
    """Function words and very frequent light words: never names, never topics."""
    speech_verbs: frozenset[str]
    """Verb forms that attribute speech or writing ("detto", "said", "sagte")."""
    attribution: tuple[tuple[str, ...], ...]
    """Phrases that introduce a source before a name, as token tuples ("according", "to"),
    longest first."""
    person_titles: frozenset[str]
    """Titles, roles and honorifics that stand next to a person's name ("ministro", "ceo")."""
    role_nouns: frozenset[str]
    """Roles that can stand alone as the subject of a speech verb ("il portavoce ha detto")."""
    org_words: frozenset[str]
    """Words that make a capitalised name an organisation's ("Partito", "Bank", "Inc")."""
    place_words: frozenset[str]
    """Words that make a capitalised name a place's ("Lago", "River", "Straße")."""
    particles: frozenset[str]
    """Lower-case words inside person or organisation names ("di", "de", "of", "von")."""
    titles_case_words: frozenset[str]
    """Words headlines capitalise that are not names ("breaking", "neue")."""
    indefinites: frozenset[str]
    """Words that open an unnamed subject ("un ex ricercatore", "someone")."""
    pronouns: frozenset[str]
    """Third-person subject pronouns, which refer back to the last person named."""
    org_cues: frozenset[str]
    """Common nouns that, right before a name, make it an organisation ("l'azienda Meta");
    as a speech verb's subject they stand for an organisation named before ("the company said")."""
    place_cues: frozenset[str]
    """Prepositions that, right before a name, suggest a place ("a Roma", "in Italia")."""
    conjunctions: frozenset[str]
    """"and" words: names joined by them are a list, and usually share a kind."""
    auxiliaries: frozenset[str]
    """Auxiliary verbs and negations: a name before the first of them is a subject."""
    prepositions: frozenset[str]
    """A name right after one is an object, not a subject."""
    opening_attribution: frozenset[str]
    """Words that give the source only when they open the sentence ("Pour X, « … »")."""
    affiliates: frozenset[str]
    """People named after what they belong to ("Google engineers", "Scientology officials")."""
    statement_nouns: frozenset[str]
    """What a statement is given in ("dichiarazione", "statement"): the name after it
    and a preposition is the speaker ("una dichiarazione di X: «…»")."""
    determiners: frozenset[str]
    """Articles and determiners; where every noun is capitalised, a capitalised word after
    one is a noun, not a name ("dem Koalitionspartner")."""

    # -- every language, whatever the article's --
    months: frozenset[str]
    """Month names and their abbreviations: a capitalised one is a date, not a name."""
    weekdays: frozenset[str]
    """Day names and their abbreviations."""
    demonyms: frozenset[str]
    """Nationality and origin words ("italiani", "French"): never names on their own."""
    elisions: frozenset[str]
    """Elided words, without their apostrophe, that the tokeniser splits off the word
    after them ("l'ONU" -> "l'" + "ONU", "dell'azienda", "qu'il")."""
    possessives: frozenset[str]
    """Possessive endings after an apostrophe, which the tokeniser cuts off a name
    ("Meta's" -> "Meta")."""
    abbreviations: frozenset[str]
    """Abbreviations whose full stop ends no sentence ("Dr. Smith", "Sig. Rossi")."""
    articles: frozenset[str]
    """Definite articles: inside a name only after another particle ("de la", "von der"),
    and kept at its start in mid-sentence ("The Globe and Mail")."""
    leading_articles: frozenset[str]
    """Articles a name may be written with or without ("The Church of Scientology")."""
    compass_words: frozenset[str]
    """Points of the compass, which make a name a place's ("East Los Angeles", "Kowloon West")."""
    inhabitant_words: frozenset[str]
    """The people, mayor or kind of a town: before "of" they make a place of the name
    after ("gli abitanti di Esino Lario", "the mayor of Springfield")."""
    state_words: frozenset[str]
    """Kinds of state, also inside compounds ("Volksrepublik"): a state's name, not a noun."""
    place_particles: frozenset[str]
    """Particles inside place names before a known place ("Frankfurt am Main")."""
    in_prepositions: frozenset[str]
    """"in" before a place ("in Italia", "nel Lazio", "en France"): a stronger cue than others."""
    elided_particles: frozenset[str]
    """Elided particles inside names, with either apostrophe ("Banca d'Italia")."""
    example_words: frozenset[str]
    """Words that introduce examples: after an organisation cue, the name is one
    ("aziende come Meta", "companies such as Apple")."""
    platform_prepositions: frozenset[str]
    """Prepositions before a web platform: a lone "X" after one is the network ("su X")."""
    employer_prepositions: frozenset[str]
    """Between a title and an employer ("vicepresidente di OpenAI", "a researcher at Google")."""
    attribution_after: frozenset[str]
    """Words that give the source right after it ("dem Sprecher zufolge")."""
    pronoun_suffixes: frozenset[str]
    """Subject pronouns joined to an inverted verb ("a-t-il ajouté", "explique-t-elle")."""

    # -- settings --
    capitalises_nouns: bool
    """Every noun is capitalised (German): a capital proves less, a lone capitalised word
    is a name only with more evidence, and "in" before one proves less ("im Amt")."""
    head_final_compounds: bool
    """Compounds end in their head (German "Staatspräsident", "Zentralbank"): a word ending
    in a title, organisation or place word is one."""
    name_heads: frozenset[int]
    """Where a name's head word stands, which says most about its kind: -1 last ("Civic
    Party"), 0 first ("Banco de España"); both where unknown."""
    head_before: tuple[str, ...]
    """Words that follow a name's head, which then is the word before the first of them
    ("Church of Scientology", "Bank of England")."""
    stemming: Endings
    """The endings keyword topics strip, so a word's forms count as one
    ("licenziamento", "licenziamenti"); none where unknown."""
    compound_inflections: Endings
    """Endings stripped from a compound before its end is compared with a title
    ("Staatspräsidenten" -> "Staatspräsident")."""

    # -- names from anywhere (common.toml) --
    name_articles: frozenset[str]
    """The Arabic article as news writes it before a name, in lower case ("al-Assad")."""
    name_particles: frozenset[str]
    """Particles of people's names from anywhere, which join a first name to what follows
    ("Charles de Gaulle", "Lula da Silva", "Ursula von der Leyen")."""
    strong_particles: frozenset[str]
    """Name particles that join a name wherever they stand, after one name ("van Gogh",
    "bin Salman")."""
    particles_anywhere: frozenset[str]
    """Name particles that are particles in every language, but join only after a first
    name, being prepositions too where they come from ("von", "zu")."""
    org_suffixes: frozenset[str]
    """Company forms at the end of a name ("Inc", "GmbH", "SpA")."""
    saints: frozenset[str]
    """A saint's title before a first name: one place name ("San Donato", "São Paulo")."""
    hyphenated_saints: frozenset[str]
    """Saints' titles joined to the name by a hyphen in place names ("Saint-Denis")."""
    web_domains: frozenset[str]
    """Top-level domains: a name ending in one is a website's ("Repubblica.it")."""

    def is_title(self, word: str) -> bool:
        """A title or role word; where compounds end in their head, also a compound
        ending in one ("Staatspräsident", "Staatspräsidenten")."""
        if word in self.person_titles:
            return True
        head, sep, last = word.rpartition("-")
        if sep and head and last in self.person_titles:
            return True  # "sub-secretário", "vice-presidente"
        if self.head_final_compounds and len(word) > 6:
            stem = strip_endings(word, self.compound_inflections)
            return any(stem.endswith(t) or word.endswith(t) for t in self.person_titles if len(t) >= 5)
        return False

    def ends_with_org_word(self, word: str) -> bool:
        """A compound on an organisation word: "Zentralbank", "Bundespartei", "Wikitribune"."""
        return len(word) > 6 and any(word.endswith(w) for w in self.org_words if len(w) >= 4)

    def ends_with_place_word(self, word: str) -> bool:
        """A compound on a place word: "Volksrepublik", "Nordseeküste", "Altstadt"."""
        return len(word) > 6 and any(word.endswith(w) for w in self.place_words if len(w) >= 5)


_lock = threading.Lock()


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


@cache
def _raw(code: str) -> dict:
    return _read_toml(DATA / f"{code}.toml")


def _words(values) -> frozenset[str]:
    return frozenset(v.casefold() for v in values or ())


@cache
def get(code: str) -> Lexicon:
    """The lexicon of a language code; codes without a file get the union of every file's lists."""
    with _lock:
        everyone = languages()
        own = code in everyone
        raws = [_raw(code)] if own else [_raw(c) for c in everyone]
        # Field name -> value, for Lexicon(**fields): the keys are data, the types vary.
        lists: dict[str, Any] = {key: _union(raws, key) for key in ARTICLE_KEYS}
        if not own:
            # Function words of five languages would hide real words of a sixth.
            lists["stopwords"] = frozenset()
        else:
            # What another language lends is used in this one too ("Chief AI Officer",
            # "Meta Superintelligence Labs", "Acme Inc" in an Italian article).
            for lender in everyone:
                for key in _raw(lender).get("lends", ()):
                    lists[key] = lists[key] | _words(_raw(lender).get(key))
        every = [_raw(c) for c in everyone]
        lists.update({key: _union(every, key) for key in EVERYWHERE_KEYS})
        # Typed text writes the apostrophe either way: "d'Italia", "d’Italia".
        lists["elided_particles"] = frozenset(
            form for p in lists["elided_particles"] for form in (p, p.replace("'", APOSTROPHES[1]))
        )
        common = _raw(COMMON)
        lists.update({key: frozenset(common.get(key, ())) for key in COMMON_KEYS})
        fallback = common.get("fallback", {})
        if own:
            settings = _settings(_raw(code), fallback)
        else:
            borrowed = common.get("borrowed", {}).get(code, {})
            settings = _settings({key: _raw(lender).get(key) for key, lender in borrowed.items()}, fallback)
        attribution = tuple(
            sorted(
                {tuple(p.casefold().replace("'", "' ").split()) for r in raws for p in r.get("attribution", ())},
                key=len,
                reverse=True,
            )
        )
        return Lexicon(code=code, attribution=attribution, **lists, **settings)


def _settings(own: dict, fallback: dict) -> dict:
    """A language's settings, typed: its own, else the fallback's."""
    raw = {key: fallback.get(key) if own.get(key) is None else own.get(key) for key in SETTING_KEYS}
    return {
        "capitalises_nouns": bool(raw["capitalises_nouns"]),
        "head_final_compounds": bool(raw["head_final_compounds"]),
        "name_heads": frozenset(int(k) for k in raw["name_heads"] or ()),
        "head_before": tuple(w.casefold() for w in raw["head_before"] or ()),
        "stemming": _endings(raw["stemming"]),
        "compound_inflections": _endings(raw["compound_inflections"]),
    }


def _endings(steps) -> Endings:
    return tuple(tuple(Ending(**e) for e in step) for step in steps or ())


def possessive_at(text: str, i: int, lang: Lexicon) -> int:
    """The length of the possessive ending ("'s") at text[i], 0 if there is none."""
    for a in APOSTROPHES:
        for p in lang.possessives:
            if text.startswith(a + p, i):
                return len(a + p)
    return 0


def any_language() -> Lexicon:
    """The lexicon for text in no known language: every file's lists at once."""
    return get(UNDETERMINED)


def _union(raws: list[dict], key: str) -> frozenset[str]:
    return frozenset().union(*(_words(r.get(key)) for r in raws))
