"""Candidates grouped into one group per real-world name, and the merges that make it so.

Candidates are grouped by surface form, then merged where the text says two forms
are one: a plural or singular organisation word ("TBD Lab" and "TBD Labs"), a name
with and without its article, an acronym defined next to its expansion ("Meta
Superintelligence Labs (MSL)"), two names the gazetteers know as one, and, once
kinds are known, a surname after the person's full name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from reader.core.analysis import gazetteers
from reader.core.analysis.candidates import Candidate
from reader.core.analysis.evidence import Evidence
from reader.core.analysis.kinds import EntityKind
from reader.core.analysis.lexicon import Lexicon
from reader.core.article.model import Document
from reader.core.article.text import fold_accents

_IN_PARENTHESES = re.compile(r"\s*\(\s*([^()]{2,40}?)\s*\)")


@dataclass
class Group:
    """The candidates taken for one name, and the evidence for its kind."""

    surfaces: Counter = field(default_factory=Counter)
    """Each written form (normalised by `key`) and how often it was found."""
    cands: list[Candidate] = field(default_factory=list)
    score: Evidence = field(default_factory=Evidence)
    kind: EntityKind = EntityKind.OTHER
    dropped: bool = False
    """No evidence at all for a lone capitalised word where every noun is capitalised."""
    merged_into: Group | None = None

    def root(self) -> Group:
        """The group this one was merged into, in the end (itself if none)."""
        g = self
        while g.merged_into is not None:
            g = g.merged_into
        return g

    @property
    def main(self) -> str:
        """The form the entity is named by."""
        return best_surface(self.surfaces)

    @property
    def first_pos(self) -> tuple[int, int]:
        return min((c.block, c.start) for c in self.cands)


def best_surface(surfaces: Counter) -> str:
    """The fullest form: most words, then most frequent, then earliest alphabetically."""
    return max(surfaces, key=lambda s: (len(s.split()), not s.isupper(), surfaces[s], -len(s), s))


def key(surface: str) -> str:
    """A surface with its spaces and apostrophes normalised, as groups are keyed."""
    return " ".join(surface.replace("’", "'").split())


def group(cands: list[Candidate]) -> dict[str, Group]:
    """One group per normalised surface form, in order of first occurrence."""
    groups: dict[str, Group] = {}
    for cand in cands:
        k = key(cand.text)
        g = groups.setdefault(k, Group())
        g.surfaces[k] += 1
        g.cands.append(cand)
    return groups


def live(groups: dict[str, Group]) -> list[Group]:
    """The groups not merged into another, in order of first occurrence."""
    seen: list[Group] = []
    ids: set[int] = set()
    for g in groups.values():
        r = g.root()
        if id(r) not in ids:
            ids.add(id(r))
            seen.append(r)
    return seen


def _merge(a: Group, b: Group) -> None:
    """Merge group b into a."""
    a, b = a.root(), b.root()
    if a is b:
        return
    a.surfaces.update(b.surfaces)
    a.cands.extend(b.cands)
    a.score.include(b.score)
    b.merged_into = a


def singular(word: str) -> str:
    """A word without a final "s" (a plural, most likely), if it is long enough."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def merge_variants(groups: dict[str, Group], lang: Lexicon) -> None:
    """"TBD Lab" and "TBD Labs"; "laboratorio TBD" style heads; an ORG and its bare name."""
    by_singular: dict[str, Group] = {}
    org_singulars = lang.org_words | {p[:-1] for p in lang.org_words if p.endswith("s")}
    for k, g in list(groups.items()):
        parts = k.split()
        if len(parts) >= 2 and singular(parts[-1]).casefold() in org_singulars:
            norm = " ".join(parts[:-1] + [singular(parts[-1])]).casefold()
            if norm in by_singular:
                _merge(by_singular[norm], g)
            else:
                by_singular[norm] = g
    # "The Church of Scientology" and "Church of Scientology"; "La Stampa" stays
    # whole when that is the only form.
    for k, g in list(groups.items()):
        head, _, rest = k.partition(" ")
        if rest and head.casefold() in lang.leading_articles and rest in groups and groups[rest].root() is not g.root():
            _merge(groups[rest], g)
    # A dateline's shouted place and the place written normally ("PARIS" and "Paris").
    for k, g in list(groups.items()):
        calm = k.title()
        if k.isupper() and len(k) >= 4 and k.isalpha() and calm in groups and groups[calm].root() is not g.root():
            _merge(groups[calm], g)
    # A bare name that heads an organisation word elsewhere ("TBD" and "TBD Lab").
    # The two-word names ending in an organisation word are indexed by their first
    # word once, so that each bare name looks at its own heads only.
    stems = {w.rstrip("s") for w in lang.org_words}
    by_head: dict[str, list[Group]] = defaultdict(list)
    for okey, other in groups.items():
        words = okey.split()
        if len(words) == 2 and words[1].casefold().rstrip("s") in stems:
            by_head[words[0]].append(other)
    for k, g in list(groups.items()):
        if " " in k or g.root() is not g:
            continue
        heads = [other for other in by_head.get(k, ()) if other.root() is other]
        if len(heads) == 1 and k not in gazetteers.organisations():
            _merge(heads[0], g)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def merge_acronyms(groups: dict[str, Group], doc: Document) -> None:
    """An acronym in parentheses after a name, or a name in parentheses after an acronym."""
    by_key = dict(groups)
    for g in list(live(groups)):
        for cand in list(g.cands):
            text = doc.blocks[cand.block].text
            m = _IN_PARENTHESES.match(text[cand.end : cand.end + 40])
            if not m:
                continue
            inner = key(m.group(1))
            other = by_key.get(inner)
            if other is None or other.root() is g.root():
                continue
            long_, short = (cand.text, inner) if len(cand.text) > len(inner) else (inner, cand.text)
            bare = short.replace(".", "")
            if not bare.isupper() or bare in gazetteers.generic_acronyms():
                continue
            # "Meta Superintelligence Labs (MSL)"; also a name's acronym in its own
            # language, "Sozialliberalen Union (USL)", when the long form is not a
            # person's name.
            if _acronym_fits(bare, long_.split()) or (
                2 <= len(bare) <= 6 and len(long_.split()) >= 2 and long_.split()[0] not in gazetteers.first_names()
            ):
                _merge(g, other)


def _acronym_fits(acronym: str, words: list[str]) -> bool:
    initials = _initials(words)
    if acronym == initials or acronym == "".join(w[0].upper() for w in words if w[:1].isalpha()):
        return True
    # Allow leaving out a word or two (Meta Superintelligence Labs -> MSL skips none;
    # Organizzazione Mondiale della Sanità -> OMS keeps only capitals).
    it = iter(initials)
    return len(acronym) >= 2 and acronym[0] == initials[:1] and all(ch in it for ch in acronym)


def merge_known(groups: dict[str, Group]) -> None:
    """Two names the gazetteers know as one organisation or place (ONU, Nazioni Unite)."""
    orgs, places = gazetteers.organisations(), gazetteers.places()
    canon: dict[str, Group] = {}
    for g in live(groups):
        for surface in list(g.surfaces):
            k = None
            if surface in orgs:
                k = "org:" + orgs[surface][0]
            elif surface in places:
                k = "place:" + places[surface][1]
            if k is None:
                continue
            other = canon.get(k)
            if other is not None and other.root() is not g.root():
                # Not "Meta" into "Meta AI": a longer name built on a shorter one is
                # a part of it (a division, a product), whatever a gazetteer says.
                if not any(
                    a != b and (a.startswith(b + " ") or b.startswith(a + " "))
                    for a in other.root().surfaces
                    for b in g.surfaces
                ):
                    _merge(other, g)
            else:
                canon.setdefault(k, g)


def merge_org_parts(groups: dict[str, Group], lang: Lexicon) -> None:
    """"the Supreme Court" after "the Italian Supreme Court of Cassation": a shorter
    organisation's name, ending in an organisation word, that is part of exactly one
    longer organisation's name named before it is that organisation ("the District
    Council ... 'Super District Council' seats" stay two)."""
    orgs = [g for g in live(groups) if g.kind == EntityKind.ORG and not g.dropped]
    for g in orgs:
        words = g.main.split()
        if g.root() is not g or len(words) < 2 or words[-1].casefold() not in lang.org_words:
            continue
        n = len(words)
        owners = {
            id(o.root()): o.root()
            for o in orgs
            if o.root() is not g
            and o.first_pos < g.first_pos  # named in full first, then shortened
            and any(
                len(w := s.split()) > n and any(w[i : i + n] == words for i in range(len(w) - n + 1))
                for s in o.surfaces
            )
        }
        if len(owners) == 1:
            _merge(next(iter(owners.values())), g)


def merge_surnames(groups: dict[str, Group]) -> None:
    """"Zuckerberg" after "Mark Zuckerberg": one person."""
    groups_now = live(groups)
    persons = [g for g in groups_now if g.kind == EntityKind.PERSON and len(g.main.split()) >= 2]
    by_last: dict[str, list[Group]] = defaultdict(list)
    by_first: dict[str, list[Group]] = defaultdict(list)
    first_names = gazetteers.first_names()
    for p in persons:
        for surface in p.surfaces:
            words = surface.split()
            if len(words) >= 2:
                by_last[fold_accents(words[-1])].append(p)
                if words[0] not in first_names:
                    by_first[fold_accents(words[0])].append(p)
    for g in groups_now:
        if g.root() is not g or len(g.main.split()) != 1 or g.score.other:
            continue
        if g.kind == EntityKind.PLACE and g.score.place_cue and gazetteers.known_place(g.main):
            continue  # "in Wales" is the country, even beside Jimmy Wales
        word = g.main
        if g.kind == EntityKind.ORG and g.score.org >= 4:
            continue
        # "Murátov" after "Dmitry Muratov": the same name, transliterated with an accent
        folded = fold_accents(word)
        named = by_last.get(folded, []) + by_first.get(folded, [])
        owners = {id(p.root()): p.root() for p in named if p.root() is not g}
        if len(owners) == 1:
            owner = next(iter(owners.values()))
            _merge(owner, g)
        elif len(owners) > 1:
            # Several people share the surname: mentions are resolved by proximity.
            # (A dropped lone word is one of their names after all.)
            g.kind = EntityKind.PERSON
            g.dropped = False
