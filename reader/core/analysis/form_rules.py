"""What one written form of a name says about its kind: the form rules.

Each rule looks at a form ("Banco de España", "MSL", "Zuckerberg") and adds points
to the kinds its shape and the gazetteers argue for: a known organisation or
place, a first name before it, an organisation or place word at its head, a
company form, an acronym, CamelCase, a web address, a family name. The kind rules
(kind_rules.py) add up what every form of a name and every mention's context say.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from reader.core.analysis import gazetteers
from reader.core.analysis.evidence import Evidence
from reader.core.analysis.gazetteers import COMMON_ZIPF
from reader.core.analysis.grouping import singular
from reader.core.analysis.lexicon import Lexicon

_CODE = re.compile(r"-\d")
"""A hyphen then a digit: a code, not a name ("STS-135", "COVID-19")."""
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


@dataclass(frozen=True)
class Form:
    """One written form of a name, split the ways the rules look at it."""

    surface: str
    words: list[str]
    folded: list[str]
    """The words casefolded, to compare with the word lists."""
    lang: Lexicon

    @classmethod
    def of(cls, surface: str, lang: Lexicon) -> Form:
        words = surface.split()
        return cls(surface, words, [w.casefold() for w in words], lang)


FormRule = Callable[[Form, Evidence], None]


def listed_product(form: Form, s: Evidence) -> None:
    """A listed product leans OTHER, though context can still win: "Meta AI", "ChatGPT"."""
    if form.surface in gazetteers.products():
        s.other += 3  # "il reparto Meta AI" (ORG) vs "l'assistente Meta AI" (OTHER)


def known_organisation(form: Form, s: Evidence) -> None:
    """The organisation gazetteer knows it, in any of its written forms: "ONU", "l'Onu"."""
    if any(gazetteers.known_org(f) for f in _lookup_forms(form.surface)):
        s.org += 5


def known_place(form: Form, s: Evidence) -> None:
    """The place gazetteer knows it, in any of its written forms: "Roma", "WASHINGTON"."""
    if any(gazetteers.known_place(f) for f in _lookup_forms(form.surface)):
        s.place += 5


def known_city(form: Form, s: Evidence) -> None:
    """A city of 5,000 people or more (GeoNames) the place gazetteer lacks: "Irving",
    "Chapel Hill". A large one counts almost as a known place; a small one, or one named
    like a common word or a person ("Mobile", "Irving"), leaves the context to decide."""
    if any(gazetteers.known_place(f) for f in _lookup_forms(form.surface)):
        return
    city = gazetteers.known_city(form.surface)
    if city is None:
        return
    population = city[0]
    points = 4.0 if population >= 100 else 3.0 if population >= 15 else 2.0
    first = form.words[0]
    if len(form.words) == 1 and (
        gazetteers.zipf(form.lang.code, form.folded[0]) >= COMMON_ZIPF
        or first in gazetteers.first_names()
        or first in gazetteers.surnames()
    ):
        points = 1.0
    s.place += points


def first_name_first(form: Form, s: Evidence) -> None:
    """A known first name that is not a place opens it: "Ananya Kumar". Not a name
    whose head is an organisation or place word: one named after a person ("Andy
    Warhol Foundation", "Kennedy Space Center") is what its head says."""
    words = form.words
    first = words[0]
    given = first in gazetteers.first_names() and first not in gazetteers.places()
    given = given and first.casefold() not in form.lang.leading_articles
    if len(words) >= 2 and given and not _kind_headed(form):
        s.person += 3


def _kind_headed(form: Form) -> bool:
    """The head of a name of two words or more, past its first, is an organisation or
    place word ("Warhol Foundation", "Foundation for the Visual Arts", "Space Center")."""
    toks, lang = form.folded, form.lang
    head = next((toks.index(w) - 1 for w in lang.head_before if w in toks[2:]), None)
    heads = {head} if head is not None else {k % len(toks) for k in lang.name_heads}
    return any(
        toks[k] in lang.org_words
        or singular(toks[k]) in lang.org_words
        or toks[k] in lang.place_words
        or (lang.head_final_compounds and (lang.ends_with_org_word(toks[k]) or lang.ends_with_place_word(toks[k])))
        for k in heads
        if k > 0
    )


def kind_words(form: Form, s: Evidence) -> None:
    """Organisation and place words in a longer name, its head weighing most:
    "Civic Party", "Banco de España", "Lago di Como", "Church of Scientology"."""
    toks, lang = form.folded, form.lang
    if len(toks) < 2:
        return
    # The head of the name says what it is: the last word in English and German
    # ("Civic Party", "District Council"), the first in the Romance languages
    # ("Banco de España", "Lago di Como"); other words count less.
    heads = lang.name_heads
    for word in lang.head_before:
        if word in toks[1:]:
            heads = frozenset({toks.index(word) - 1})  # "Church of Scientology", "Bank of England"
            break
    compounds = lang.head_final_compounds
    for k, t in enumerate(toks):
        weight = 3 if (k in heads or k - len(toks) in heads) else 1
        if t in lang.org_words or singular(t) in lang.org_words or (
            compounds and lang.ends_with_org_word(t)  # "Internationaler Währungsfonds"
        ):
            s.org += weight
        elif t in lang.place_words or (compounds and lang.ends_with_place_word(t)):
            s.place += weight


def lone_org_word(form: Form, s: Evidence) -> None:
    """A single word that is an organisation word, known by name: "Parlamento"."""
    if len(form.words) == 1 and form.folded[0] in form.lang.org_words:
        s.org += 3


def org_word_compound(form: Form, s: Evidence) -> None:
    """A single name built on an organisation word: "Wikitribune", "Netzeitung"."""
    word = form.words[0]
    if (
        len(form.words) == 1
        and form.folded[0] not in form.lang.org_words
        and _name_shaped(word)
        and word not in gazetteers.surnames()
        and form.lang.ends_with_org_word(form.folded[0])
    ):
        s.org += 2


def place_word_compound(form: Form, s: Evidence) -> None:
    """A single rare word built on a place word where names are compounds: "Wenzelsplatz",
    "Alexanderplatz" (not a common noun such as "Arbeitsplatz")."""
    low = form.folded[0]
    if (
        len(form.words) == 1
        and form.lang.head_final_compounds
        and low not in form.lang.place_words
        and form.lang.ends_with_place_word(low)
        and not gazetteers.zipf(form.lang.code, low)
    ):
        s.place += 2


def leading_article(form: Form, s: Evidence) -> None:
    """A name that keeps its article ("The Rolling Stones", "The Guardian") is a band, a
    team or a paper: no person is named with one."""
    if len(form.words) >= 2 and form.folded[0] in form.lang.leading_articles:
        s.org += 2


def company_suffix(form: Form, s: Evidence) -> None:
    """A company form at the end: "Acme Inc", "Mediobanca SpA"."""
    if len(form.words) >= 2 and form.words[-1] in form.lang.org_suffixes:
        s.org += 3


def unknown_acronym(form: Form, s: Evidence) -> None:
    """An unknown acronym is most often an organisation (a party, an agency): "USL",
    "TOP09"; not one with a hyphenated number, a code ("STS-135", "F-35", "COVID-19")."""
    word = form.words[0]
    if len(form.words) == 1 and word.isupper() and len(word) >= 2 and not _CODE.search(word):
        s.org += 2


def camel_case(form: Form, s: Evidence) -> None:
    """CamelCase is a company's or a product's: "OpenAI", "WhatsApp"."""
    if len(form.words) == 1 and _camel(form.words[0]):
        s.org += 1


def compass_word(form: Form, s: Evidence) -> None:
    """A point of the compass at either end: "East Los Angeles", "Kowloon West"."""
    if _has_compass(form):
        s.place += 2


def named_after_a_saint(form: Form, s: Evidence) -> None:
    """Towns named after saints: "Saint-Denis", "San Donato"."""
    sainted = (*(f"{s}-" for s in form.lang.hyphenated_saints), *(f"{s} " for s in form.lang.saints))
    if form.surface.startswith(sainted):
        s.place += 1


def hyphenated_given_name(form: Form, s: Evidence) -> None:
    """A hyphenated given name after the family name: "Leung Kwok-hung", "Moon Jae-in"."""
    words = form.words
    if 2 <= len(words) <= 3 and any(_HYPHENATED_GIVEN.fullmatch(w) for w in words[1:]):
        s.person += 1


def common_family_name(form: Form, s: Evidence) -> None:
    """A common family name first or last: "Starry Lee", "Wong Pik-wan"."""
    words = form.words
    surnames = gazetteers.surnames()
    if 2 <= len(words) <= 4 and (words[-1] in surnames or words[0] in surnames) and _name_shaped(words[-1]):
        s.person += 1


def two_or_three_names(form: Form, s: Evidence) -> None:
    """Two or three capitalised words, nothing else said: likely a person, "Kevin Weil".

    Surely so when the first is a known first name (scored above) or the last a
    common family name; alone, not quite enough ("Civic Passion", "Operation
    Clambake"). Not when the words may be capitalised common nouns (German).
    """
    words, toks, lang = form.words, form.folded, form.lang
    place_word = any(t in lang.place_words for t in toks) and len(words) >= 2
    if (
        2 <= len(words) <= 3
        and toks[0] not in lang.leading_articles  # "The Rolling Stones": no one is named with "The"
        and all(_name_shaped(w) for w in _named_words(words) if w.casefold() not in lang.particles)
        and not any(t in lang.org_words for t in toks)
        and not (place_word or _has_compass(form))
        and not s.capitalised_nouns
    ):
        s.person += 2 if words[0] in gazetteers.first_names() else 1.5


def holds_a_place(form: Form, s: Evidence) -> None:
    """A known place inside a longer name: "Hong Kong Island", "Greater London"."""
    words = form.words
    places = gazetteers.places()
    longest = _most_words_in_a_place()  # no longer stretch of words can be one
    if (
        len(words) >= 2
        and any(
            " ".join(words[i:j]) in places
            for i in range(len(words))
            for j in range(i + 1, min(i + longest, len(words)) + 1)
            if (i, j) != (0, len(words))
        )
        and words[0] not in gazetteers.first_names()
    ):
        s.place += 1


def national_branch(form: Form, s: Evidence) -> None:
    """A known organisation then a known place: "Wikimedia España", "Google Italia"."""
    words = form.words
    if len(words) >= 2 and gazetteers.known_org(words[0]) and gazetteers.known_place(" ".join(words[1:])):
        s.org += 4


def website(form: Form, s: Evidence) -> None:
    """A web address names its owner: "Gawker.com", "Repubblica.it"."""
    address = _web_address(form.lang.web_domains)
    if any(address.search(w) for w in form.words):
        s.org += 3


def the_platform_x(form: Form, s: Evidence) -> None:
    """A lone "X" that survived trimming is the social network: "su X"."""
    if len(form.words) == 1 and form.surface == "X":
        s.org += 2


def lone_surname(form: Form, s: Evidence) -> None:
    """An unknown single name, neither acronym nor CamelCase: in news most often a
    person's surname, other evidence deciding: "Zuckerberg"."""
    word = form.words[0]
    if len(form.words) == 1 and _name_shaped(word) and not _camel(word):
        s.person += 1


FORM_RULES: tuple[FormRule, ...] = (
    listed_product,
    known_organisation,
    known_place,
    known_city,
    first_name_first,
    kind_words,
    lone_org_word,
    org_word_compound,
    place_word_compound,
    leading_article,
    company_suffix,
    unknown_acronym,
    camel_case,
    compass_word,
    named_after_a_saint,
    hyphenated_given_name,
    common_family_name,
    two_or_three_names,
    holds_a_place,
    national_branch,
    website,
    the_platform_x,
    lone_surname,
)
"""Every rule on a form, in the order they run (none depends on another's points)."""


def _lookup_forms(surface: str) -> list[str]:
    """The forms to look a surface up under in the gazetteers.

    "U.S" is "U.S." without the full stop the tokeniser left out; "WASHINGTON" and
    "PARIS", shouted in a dateline, are the places Washington and Paris; "Onu" and
    "Bce" are how Italian writes ONU and BCE.
    """
    forms = [surface]
    if "." in surface and not surface.endswith("."):
        forms.append(surface + ".")
    if surface.isupper() and len(surface) >= 4 and surface.isalpha():
        forms.append(surface.title())
    if 2 <= len(surface) <= 5 and surface.isalpha() and surface.istitle():
        forms.append(surface.upper())  # Italian writes acronyms as words: "l'Onu", "la Bce", "gli Usa"
    return forms


def _name_shaped(word: str) -> bool:
    """Capitalised like a name: Kumar, LeCun, McCarthy, O'Brien, Jean-Luc; not MSL, not 4."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and word[0].isupper() and not all(c.isupper() for c in letters) and len(letters) >= 2


def _named_words(words: list[str]) -> list[str]:
    """The words that must look like names: all but initials before the last ("K.C. Maurer")."""
    return [w for w in words[:-1] if not _initials(w)] + words[-1:]


def _initials(word: str) -> bool:
    """Initials before a family name: "J.", "K.C.", "J.R.R." ("K.C. Maurer")."""
    parts = word.rstrip(".").split(".")
    return word.endswith(".") and all(len(p) == 1 and p.isupper() for p in parts) and not gazetteers.known(word)


def _camel(word: str) -> bool:
    """An upper-case letter right after a lower-case one: "OpenAI", "iPhone"."""
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))


@cache
def _most_words_in_a_place() -> int:
    """The most words a place name of the gazetteer has (spaces counted, to be safe)."""
    return max((name.count(" ") + 1 for name in gazetteers.places()), default=1)


@cache
def _web_address(domains: frozenset[str]) -> re.Pattern[str]:
    """A word ending in a full stop and one of the domains ("Gawker.com")."""
    return re.compile(r"\.(" + "|".join(re.escape(d) for d in sorted(domains)) + ")$", re.I)


def _has_compass(form: Form) -> bool:
    toks, compass = form.folded, form.lang.compass_words
    return len(toks) >= 2 and (toks[0] in compass or toks[-1] in compass)
