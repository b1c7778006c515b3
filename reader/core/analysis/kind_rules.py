"""The kind of each group of names, voted by small named rules.

Each form rule (form_rules.py) looks at one written form of a name and adds points
to the kinds it argues for; each group rule here then weighs the signals its
mentions' contexts gave (a speech verb after, a place preposition before). The
kind with the most points wins if it has at least MIN_SCORE; otherwise the name
stays OTHER (products, works, events): shown, never guessed. Names listed
together then share a kind, and lone capitalised words with no evidence at all,
where every noun is capitalised, are dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from reader.core.analysis import gazetteers
from reader.core.analysis.evidence import Evidence
from reader.core.analysis.form_rules import FORM_RULES, Form
from reader.core.analysis.grouping import Group, live
from reader.core.analysis.kinds import NAMED_KINDS, EntityKind
from reader.core.analysis.lexicon import Lexicon
from reader.core.article.model import Document

PERSON, ORG, PLACE, OTHER = EntityKind.PERSON, EntityKind.ORG, EntityKind.PLACE, EntityKind.OTHER
MIN_SCORE = 2.0
"""The fewest points a kind needs to be given; below, a name stays OTHER."""
_TIE_ORDER = (ORG, PLACE, PERSON, OTHER)
"""On a tie the explicit evidence wins: organisation and place words, gazetteers;
a person's score often rests on defaults."""


@dataclass(frozen=True)
class Tally:
    """A group whose forms the form rules have seen, with its evidence so far."""

    group: Group
    lang: Lexicon

    @property
    def s(self) -> Evidence:
        return self.group.score


GroupRule = Callable[[Tally], None]


def score(g: Group, lang: Lexicon) -> None:
    """Add up the group's evidence, run every rule on it, and decide its kind."""
    s = g.score
    for cand in g.cands:
        s.include(cand.evidence)
    for surface in g.surfaces:
        form = Form.of(surface, lang)
        for rule in FORM_RULES:
            rule(form, s)
    tally = Tally(g, lang)
    for group_rule in GROUP_RULES:
        group_rule(tally)
    decide(g)


def decide(g: Group) -> None:
    """The kind with the most points, if it has enough; OTHER otherwise."""
    s = g.score
    best = max(_TIE_ORDER, key=lambda k: (s.score(k), -_TIE_ORDER.index(k)))
    g.kind = best if s.score(best) >= MIN_SCORE and best != OTHER else OTHER


# -- what the contexts of all mentions say --------------------------------------------


def speech_proves_no_person(t: Tally) -> None:
    """A lone capitalised noun that speaks is still a noun: "Die Opposition kritisierte"."""
    s = t.s
    if s.weak:
        s.speaks = 0
        s.person = max(0, s.person - 1)


def speakers_are_people(t: Tally) -> None:
    """People speak more than organisations do: "Zuckerberg una volta disse"."""
    s = t.s
    if s.speaks:
        # A lone surname that keeps being the subject of "said" is most likely a person.
        single = all(len(x.split()) == 1 for x in t.group.surfaces)
        s.person += min(2.0 if single else 1.0, 1.0 * s.speaks)


def place_cue_confirms(t: Tally) -> None:
    """A place preposition before something already placed: "a Roma"."""
    s = t.s
    if s.place_cue and s.place:
        s.place += 1


def in_a_place(t: Tally) -> None:
    """"in Esino Lario", "gli abitanti di Esino Lario": a place, unless a person's name.

    Once is enough, but not where every noun is capitalised ("in Kraft", "im Amt" in
    German). (Only where the rule before did not apply.)
    """
    s = t.s
    if s.place_cue and s.place:
        return
    first_names = gazetteers.first_names()
    needed = 2 if t.lang.capitalises_nouns else 1
    if s.place_in >= needed and not any(x.split()[0] in first_names for x in t.group.surfaces):
        s.place += min(3, s.place_in + (not t.lang.capitalises_nouns))


GROUP_RULES: tuple[GroupRule, ...] = (speech_proves_no_person, speakers_are_people, place_cue_confirms, in_a_place)
"""The rules on a whole group's signals, in the order they run (each reads the last's points)."""


# -- across groups ------------------------------------------------------------------


def coordination(groups: list[Group], doc: Document, lang: Lexicon) -> None:
    """Names listed together ("OpenAI, Google e Apple") share a kind.

    A list needs a conjunction ("e", "and", "et", "und", "y") before its last
    member; commas alone are as often an apposition ("di Meta, Llama 4").
    """
    per_block = defaultdict(list)
    for g in groups:
        for c in g.cands:
            per_block[c.block].append((c.start, c.end, g))
    for block, items in per_block.items():
        items.sort(key=lambda t: t[0])
        text = doc.blocks[block].text
        chain = [items[0]] if items else []
        has_conj = False
        chains: list[tuple[list, bool]] = []
        for prev, cur in zip(items, items[1:]):
            gap = text[prev[1] : cur[0]].strip().strip("\"“”«»'’").strip()
            words = gap.replace(",", " , ").split()
            if words and len(words) <= 2 and all(w == "," or w.casefold() in lang.conjunctions for w in words):
                chain.append(cur)
                has_conj = has_conj or any(w != "," for w in words)
            else:
                chains.append((chain, has_conj))
                chain, has_conj = [cur], False
        chains.append((chain, has_conj))
        for members, conj in chains:
            if len(members) < 2 or not conj:
                continue
            strong = [g for _, _, g in members if g.kind in NAMED_KINDS and g.score.score(g.kind) >= 3]
            kinds = {g.kind for g in strong}
            if len(kinds) != 1:
                continue
            kind = kinds.pop()
            for _, _, g in members:
                if g.kind == OTHER and not g.score.other:
                    g.score.add(kind, 2)
                    decide(g)


def drop_unproven(groups: dict[str, Group], lang: Lexicon) -> None:
    """Lone capitalised words with no evidence at all, where every noun is capitalised
    (German), are common nouns: they are dropped. So is an untyped name that is one
    common word of the language and no known name ("Leaving", "Governo", "Santé"); a given
    name of the world's list alone does not save it ("il ministro degli Esteri")."""
    for g in live(groups):
        if g.kind == OTHER and (g.score.weak or _common_word(g, lang)):
            g.dropped = True


def _common_word(g: Group, lang: Lexicon) -> bool:
    return all(
        " " not in s
        and not (len(s) >= 2 and s.isupper())  # an acronym is no word: "FAIR", "IMU"
        and gazetteers.zipf(lang.code, s.casefold()) > 0
        and s not in gazetteers.listed_first_names()
        and s not in gazetteers.surnames()
        and not gazetteers.known(s)
        and gazetteers.known_city(s) is None
        and s not in gazetteers.products()
        for s in g.surfaces
    )
