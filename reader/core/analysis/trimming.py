"""Trimming a run of capitalised words down to the name it may hold.

A run's first word goes when a leading-word rule says its capital proves nothing:
a function word, a sentence start the article writes in lower case elsewhere, a
stray letter, a title ("CEO Tim Cook"), a noun after its article where every noun
is capitalised. Particles and function words at its end go too. What is left
alone, a single word, must still pass the lone-word rules: it is not a generic
acronym, a demonym, a common noun naming a kind of thing, a Roman numeral, a
currency, a sentence start with nothing else for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from reader.core.analysis import gazetteers
from reader.core.analysis.lexicon import Lexicon
from reader.core.analysis.runs import is_particle
from reader.core.analysis.tokens import Token

if TYPE_CHECKING:
    from reader.core.analysis.candidates import DocStats

_ROMAN = re.compile(r"[IVXLCDM]{2,}")


class Kept(NamedTuple):
    """What is left of a run: tokens first to stop (exclusive), and what its words prove."""

    first: int
    stop: int
    weak: bool = False
    """A lone capitalised word where every noun is capitalised: a name only with more evidence."""
    capitalised_nouns: bool = False
    """Its words may be capitalised common nouns (no first name, acronym or CamelCase)."""


class Word:
    """The first word of what is left of a run, with what the rules look at around it.

    (A plain class with slots: one is made for every run the rules look at.)
    """

    __slots__ = ("at", "lang", "rest", "stats", "text", "tok", "toks")

    def __init__(self, text: str, toks: list[Token], at: int, rest: list[Token], lang: Lexicon, stats: DocStats):
        self.text = text
        """The block's text."""
        self.toks = toks
        self.at = at
        """The word's index in toks."""
        self.tok = toks[at]
        self.rest = rest
        """The run's other words."""
        self.lang = lang
        self.stats = stats

    @property
    def is_known(self) -> bool:
        """A gazetteer name or a first name."""
        return gazetteers.known(self.tok.text) or self.tok.text in gazetteers.first_names()

    @property
    def before_initial_dot(self) -> bool:
        """Followed by ". " and more of the run: an initial ("L. Ron Hubbard")."""
        return bool(self.rest) and self.text[self.tok.end : self.rest[0].start] == ". "


WordRule = Callable[[Word], bool]


def trim(text: str, toks: list[Token], run: list[int], lang: Lexicon, stats: DocStats) -> Kept | None:
    """What is left of a run once the words its capitals do not prove are cut."""
    idx = list(run)
    while idx:
        word = Word(text, toks, idx[0], [toks[k] for k in idx[1:]], lang, stats)
        if len(word.tok.text) == 1 and word.tok.text.isupper() and word.before_initial_dot:
            break  # an initial: "L. Ron Hubbard"
        # (Loops, not any(): this runs for every run of capitals.)
        for rule in LEADING_RULES:
            if rule(word):
                idx.pop(0)
                break
        else:
            break
    while idx and (
        is_particle(toks[idx[-1]], lang)
        or (toks[idx[-1]].lower in lang.stopwords and not toks[idx[-1]].text[0].isupper())
    ):
        idx.pop()
    if not idx:
        return None
    words = [toks[k] for k in idx]
    tok = words[0]
    first_names = gazetteers.first_names()
    if len(words) == 1:
        word = Word(text, toks, idx[0], [], lang, stats)
        for rule in LONE_WORD_RULES:
            if rule(word):
                return None
        if lang.capitalises_nouns and not (
            gazetteers.known(tok.text) or tok.is_acronym or tok.is_camel or tok.text in first_names
        ):
            # Where every noun is capitalised, a lone capitalised word is a candidate
            # only with evidence, which the kind scoring looks for (title before,
            # speech verb after, surname of a full name); mark it as weak.
            return Kept(idx[0], idx[-1] + 1, weak=True)
    elif all(t.lower in lang.demonyms or t.lower in lang.compass_words for t in words) and any(
        t.lower in lang.demonyms for t in words
    ):
        return None  # "South Korean", "North African": a demonym, not a name
    nouns = (
        lang.capitalises_nouns
        and words[0].text not in first_names
        and not any(t.is_acronym or t.is_camel for t in words)
    )
    return Kept(idx[0], idx[-1] + 1, capitalised_nouns=nouns)


# -- the first word of a run goes when... ---------------------------------------------


def function_word(w: Word) -> bool:
    """It is a function word: "Il", "The"; not an article in mid-sentence: "The Globe"."""
    tok, low = w.tok, w.tok.lower
    return (
        low in w.lang.stopwords
        and not tok.is_acronym
        and not (not tok.sentence_start and w.rest and tok.text[0].isupper() and low in w.lang.articles)
    )


def lower_case_elsewhere(w: Word) -> bool:
    """It starts a sentence and is written in lower case elsewhere: "Tuttavia", "Breaking"."""
    low = w.tok.lower
    return w.tok.sentence_start and not w.is_known and (low in w.stats.lower_seen or low in w.lang.titles_case_words)


def stray_letter(w: Word) -> bool:
    """A single letter that is not an initial, nor a lone "X": "A Roma"."""
    tok = w.tok
    return len(tok.text) == 1 and not w.before_initial_dot and not (tok.text == "X" and not w.rest)


def title_or_generic_acronym(w: Word) -> bool:
    """A title or an acronym that names nothing, before the name: "CEO Tim Cook", "ID WeChat"."""
    return bool(w.rest) and (w.tok.text in gazetteers.generic_acronyms() or w.lang.is_title(w.tok.lower))


def noun_after_article(w: Word) -> bool:
    """Where every noun is capitalised, a noun after its article: "dem Koalitionspartner
    Partidul Național Liberal" (not an organisation's or a state's name: "der Bundesbank",
    "der Volksrepublik China")."""
    tok, lang = w.tok, w.lang
    return (
        lang.capitalises_nouns
        and bool(w.rest)
        and not w.is_known
        and w.at > 0
        and w.toks[w.at - 1].lower in lang.determiners
        and not any(t.lower in lang.org_words or lang.ends_with_org_word(t.lower) for t in [tok, *w.rest])
        and not _containing(lang.state_words).search(tok.lower)
    )


def title_complement(w: Word) -> bool:
    """A common word after a title's preposition, alone or before another preposition,
    completes the title; the name comes after: "Secretário de Estado do Ministério de
    Ciência", "Minister of Education Stefania Giannini" (not "Decano del Cuerpo
    Consular", a name of its own; not "mayor of Bath", a city)."""
    at, toks, lang = w.at, w.toks, w.lang
    after = toks[at + 1] if at + 1 < len(toks) else None
    ends = not w.rest or (after is not None and is_particle(after, lang))
    if at < 2 or not ends or w.is_known or w.tok.lower in lang.org_words:
        return False  # "presidente della Banca d'Italia": an organisation's name
    city = gazetteers.known_city(w.tok.text)
    if city is not None and city[0] >= 50:
        return False  # "mayor of Bath": a city of 50,000 people or more is named, not a portfolio
    prep, title = toks[at - 1], toks[at - 2]
    return (
        (is_particle(prep, lang) or prep.text in lang.elided_particles)
        and w.text[title.end : prep.start] == " "
        and lang.is_title(title.lower)
        and gazetteers.zipf(lang.code, w.tok.lower) >= gazetteers.COMMON_ZIPF
    )


LEADING_RULES: tuple[WordRule, ...] = (
    function_word,
    lower_case_elsewhere,
    stray_letter,
    title_or_generic_acronym,
    noun_after_article,
    title_complement,
)


# -- a word left alone is no name when... ---------------------------------------------


def generic_or_demonym(w: Word) -> bool:
    """It is an acronym that names nothing, or a demonym: "CEO", "Italiani"."""
    tok = w.tok
    return tok.text in gazetteers.generic_acronyms() or (tok.lower in w.lang.demonyms and not tok.is_acronym)


def function_word_alone(w: Word) -> bool:
    """It is a function word (not an acronym): "Oggi"."""
    return w.tok.lower in w.lang.stopwords and not w.tok.is_acronym


def kind_noun(w: Word) -> bool:
    """A common noun that names a kind of thing: "Party", "Regierung", "Church"."""
    low, lang = w.tok.lower, w.lang
    return not gazetteers.known(w.tok.text) and (
        low in lang.org_words or low in lang.place_words or low in lang.org_cues or lang.is_title(low)
    )


def x_off_platform(w: Word) -> bool:
    """A lone "X" that is not the social network: "X" not after "su", "on", "sur"."""
    return w.tok.text == "X" and not _platform_context(w.toks, w.at, w.lang)


def single_letter(w: Word) -> bool:
    """A single letter, but "X": "E"."""
    return len(w.tok.text) == 1 and w.tok.text != "X"


def roman_numeral(w: Word) -> bool:
    """A Roman numeral: "part XVII"."""
    return bool(_ROMAN.fullmatch(w.tok.text))


def shouted_word(w: Word) -> bool:
    """A shouted word, not an acronym: "UNLESS", "NEVER"."""
    tok = w.tok
    return tok.is_acronym and len(tok.text) >= 4 and (tok.lower in w.lang.stopwords or tok.lower in w.stats.lower_seen)


def currency(w: Word) -> bool:
    """A currency: "US$ 200", "HK$"."""
    tok = w.tok
    return tok.is_acronym and w.text[tok.end : tok.end + 1] in "$€£¥"


def unproven_sentence_start(w: Word) -> bool:
    """A sentence start nothing else shows to be a name: "Situata accanto al porto"."""
    tok, stats = w.tok, w.stats
    evident = gazetteers.known(tok.text) or tok.is_acronym or tok.is_camel or stats.cap_mid.get(tok.text, 0) > 0
    return tok.sentence_start and not evident and tok.text not in gazetteers.first_names()


LONE_WORD_RULES: tuple[WordRule, ...] = (
    generic_or_demonym,
    function_word_alone,
    kind_noun,
    x_off_platform,
    single_letter,
    roman_numeral,
    shouted_word,
    currency,
    unproven_sentence_start,
)


@cache
def _containing(words: frozenset[str]) -> re.Pattern[str]:
    """Finds any of the words, inside another word too, in any case."""
    return re.compile("(" + "|".join(re.escape(w) for w in sorted(words)) + ")", re.I)


def _platform_context(toks: list[Token], i: int, lang: Lexicon) -> bool:
    """The social network X is named after a platform preposition ("su X", "on X")."""
    return i > 0 and toks[i - 1].lower in lang.platform_prepositions
