"""What the words around a name say about its kind: the context rules.

Each rule reads the few words before a candidate (within its clause) or right
after it, and adds to its Evidence: a title before the name makes a person
("il ministro Rossi"), an organisation cue an organisation ("l'azienda Meta"), a
place preposition a place ("in Italia"), a speech verb after it a speaker. The
titles seen are kept too: the speaker stage resolves "the minister said" by them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reader.core.analysis import gazetteers
from reader.core.analysis.evidence import Evidence
from reader.core.analysis.lexicon import APOSTROPHES, Lexicon, possessive_at
from reader.core.analysis.tokens import Token


@dataclass
class Surroundings:
    """A candidate in its block: the tokens around it, and what the rules found."""

    text: str
    toks: list[Token]
    first: int
    """Index of the candidate's first token."""
    stop: int
    """Index after its last token."""
    before: list[Token]
    """Up to four words right before it, within its clause (no punctuation between)."""
    evidence: Evidence = field(default_factory=Evidence)
    titles: list[str] = field(default_factory=list)


ContextRule = Callable[[Surroundings, Lexicon], None]


def read_context(
    text: str, toks: list[Token], first: int, stop: int, lang: Lexicon
) -> tuple[Evidence, tuple[str, ...]]:
    """The evidence the words around tokens first..stop give, and the titles seen."""
    around = Surroundings(text, toks, first, stop, _clause_before(text, toks, first, lang))
    for rule in CONTEXT_RULES:
        rule(around, lang)
    return around.evidence, tuple(around.titles)


def _clause_before(text: str, toks: list[Token], i: int, lang: Lexicon) -> list[Token]:
    """The words just before token i, within the same clause (no punctuation in between)."""
    before: list[Token] = []
    k = i - 1
    while k >= 0 and len(before) < 4:
        gap = text[toks[k].end : (before[0] if before else toks[i]).start]
        abbreviated_title = (
            gap == ". " and not before and toks[k].lower in lang.person_titles and len(toks[k].text) <= 4
        )
        if gap.strip(" \"'’“”«»„") and not abbreviated_title:  # "Sr. Greiner", "Mrs. Hollis" go on
            break
        before.insert(0, toks[k])
        k -= 1
    return before


def title_before(c: Surroundings, lang: Lexicon) -> None:
    """A title right before the name, or with one adjective between: "il ministro Rossi",
    "ricercatrice scientifica Ananya Kumar"."""
    if not c.before:
        return
    last = c.before[-1]
    if last.lower in lang.person_titles:
        c.evidence.person += 2
        c.titles.append(last.lower)
    elif (
        len(c.before) >= 2
        and c.before[-2].lower in lang.person_titles
        and last.lower not in lang.stopwords
        and last.lower not in lang.particles
        and not last.text[0].isupper()
        and not last.text.endswith(("'", "’"))  # "ministro dell'Economia": the ministry
    ):
        c.evidence.person += 2
        c.titles.append(c.before[-2].lower)


def org_cue_before(c: Surroundings, lang: Lexicon) -> None:
    """An organisation cue right before it, or a cue then an article or an adjective:
    "l'azienda Meta", "l'agence argentine Telam"."""
    before = c.before
    if before and (
        before[-1].lower in lang.org_cues
        or (
            len(before) >= 2
            and before[-2].lower in lang.org_cues
            and before[-1].text.islower()
            and before[-1].lower not in lang.prepositions
        )
    ):
        c.evidence.org += 2


def title_and_comma_before(c: Surroundings, lang: Lexicon) -> None:
    """A title, a comma, the name: "a Scientology attorney, Kendrick Moxon"."""
    i, toks = c.first, c.toks
    if not c.before and i > 0 and c.text[toks[i - 1].end : toks[i].start].strip() == "," and (
        toks[i - 1].lower in lang.person_titles
    ):
        c.evidence.person += 2
        c.titles.append(toks[i - 1].lower)


def acronym_after_common_noun(c: Surroundings, lang: Lexicon) -> None:
    """An acronym right after a common noun is usually a thing: "tecnologia JEPA"."""
    before = c.before
    if (
        c.stop - c.first == 1
        and c.toks[c.first].is_acronym
        and before
        and before[-1].text.islower()
        and before[-1].text[-1] not in APOSTROPHES  # "dell'ESO": an elided article, no noun
        and before[-1].lower not in lang.stopwords
        and before[-1].lower not in lang.org_cues
        and before[-1].lower not in lang.particles
        and before[-1].lower not in lang.person_titles
        and before[-1].lower not in lang.speech_verbs
        and before[-1].lower not in lang.place_cues
    ):
        c.evidence.org -= 1


def cue_then_example(c: Surroundings, lang: Lexicon) -> None:
    """An organisation cue, then "such as": "aziende come Meta", "companies like Apple"."""
    before = c.before
    if len(before) >= 3 and before[-1].lower in lang.example_words and before[-2].lower in lang.org_cues:
        c.evidence.org += 2


def employer(c: Surroundings, lang: Lexicon) -> None:
    """A title or role, then "of" or "at": "co-fondatore di X", "a researcher at X"."""
    before = c.before
    if (
        before
        and before[-1].lower in lang.employer_prepositions
        and any(t.lower in lang.person_titles or t.lower in lang.role_nouns for t in before[:-1])
    ):
        c.evidence.org += 2


def title_in_apposition(c: Surroundings, lang: Lexicon) -> None:
    """A title in apposition after the name: "Kevin Weil, vicepresidente di OpenAI"."""
    j, toks = c.stop, c.toks
    if j >= len(toks):
        return
    gap = c.text[toks[j - 1].end : toks[j].start]
    if gap.strip() not in (",", "(", "—", "–", "-"):
        return
    for t in toks[j : j + 2]:
        if t.lower in lang.person_titles:
            c.evidence.person += 2
            c.titles.append(t.lower)
            return
        if t.lower not in lang.articles and t.lower not in lang.indefinites:
            return  # "members of Scientology, including musician Tiziano Lugli"


def speech_verb_after(c: Surroundings, lang: Lexicon) -> None:
    """A speech verb within three lower-case words after it: "Zuckerberg una volta disse",
    "Nat Friedman, ha dichiarato"; not across "and" ("di Esino Lario e ha sottolineato"
    has another subject), nor across a noun ("the Conservative government have
    complained": the government speaks; only light words may stand between)."""
    j, toks, text = c.stop, c.toks, c.text
    if j >= len(toks):
        return
    gap = text[toks[j - 1].end : toks[j].start]
    if gap.strip() not in ("", ","):
        return
    for k in range(j, min(j + 4, len(toks))):
        t = toks[k]
        if k > j and text[toks[k - 1].end : t.start].strip():
            return
        if k == j and gap == " " and t.lower in lang.affiliates:
            return  # "Scientology officials have stated": they speak, not the name
        if t.lower in lang.speech_verbs:
            c.evidence.speaks += 1
            return
        if t.text[0].isupper() or t.lower in lang.conjunctions:
            return
        if t.lower not in lang.stopwords and t.lower not in lang.auxiliaries:
            return  # "the Conservative government have complained": the noun is the subject


def place_cue_before(c: Surroundings, lang: Lexicon) -> None:
    """A place preposition right before it: "a Roma"; "in", "nel" say more: "in Italia"."""
    before = c.before
    if before and before[-1].lower in lang.place_cues:
        c.evidence.place_cue += 1
        end = c.toks[c.stop - 1].end
        possessive = possessive_at(c.text, end, lang) > 0  # "in Kumar's lab"
        if before[-1].lower in lang.in_prepositions and not possessive:
            c.evidence.place_in += 1  # "in Italia", "nel Lazio": more than "a Rossi" ever is


def inhabitants_of(c: Surroundings, lang: Lexicon) -> None:
    """The people or the mayor of it: "gli abitanti di Esino Lario", "mayor of Springfield"."""
    before = c.before
    if len(before) >= 2 and before[-1].lower in lang.prepositions and before[-2].lower in lang.inhabitant_words:
        c.evidence.place_in += 2


def then_its_country(c: Surroundings, _lang: Lexicon) -> None:
    """A comma and a country or a region after it, ending the clause: "the coast of Aceh,
    Indonesia", "Irving, Texas, police said" (the way news places a town)."""
    toks, k, text = c.toks, c.stop, c.text
    if k >= len(toks) or text[toks[k - 1].end : toks[k].start] != ", ":
        return
    where = gazetteers.known_place(toks[k].text)
    after = text[toks[k].end : toks[k].end + 1]
    if where is not None and where[0] in ("country", "region") and (after == "" or after in ".,;:)"):
        c.evidence.place_in += 2


CONTEXT_RULES: tuple[ContextRule, ...] = (
    title_before,
    org_cue_before,
    title_and_comma_before,
    acronym_after_common_noun,
    cue_then_example,
    employer,
    title_in_apposition,
    speech_verb_after,
    place_cue_before,
    inhabitants_of,
    then_its_country,
)
"""Every context rule; each adds to the evidence on its own, so their order is free."""
