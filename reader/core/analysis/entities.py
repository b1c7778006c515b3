"""People, organisations and places: one entity per real-world name, with every mention.

Candidates (names.py) are grouped by surface form, then merged where the text says
two forms are one: an acronym defined next to its expansion ("Meta
Superintelligence Labs (MSL)"), a surname after the full name, a plural or
singular organisation word ("Lab"/"Labs"), two names of one place or organisation
in the gazetteers. Each group's kind is voted from evidence: gazetteers, first
names, organisation and place words, titles and cues around its mentions, and the
kinds of the names it is listed with. A group with too little evidence keeps the
kind OTHER (products, works, events), shown but never guessed. Finally every
surface form is looked up again across all blocks, headings included, so each
entity has all its mentions.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from reader.core.analysis import lexicon
from reader.core.analysis.candidates import Candidate, DocStats, doc_stats, find_candidates
from reader.core.analysis.evidence import Evidence
from reader.core.analysis.kinds import NAMED_KINDS, EntityKind
from reader.core.analysis.lexicon import COMPASS, ORG_SUFFIX_TOKENS, SAINTS, LangData
from reader.core.analysis.tokens import Token, tokenize
from reader.core.analysis.trimming import ends_with_org_word, ends_with_place_word
from reader.core.article.model import Document

PERSON, ORG, PLACE, OTHER = EntityKind.PERSON, EntityKind.ORG, EntityKind.PLACE, EntityKind.OTHER
_TIE_ORDER = (ORG, PLACE, PERSON, OTHER)
"""On a tie the explicit evidence wins: organisation and place words, gazetteers;
a person's score often rests on defaults."""
_SAINTED = ("Saint-", "Sainte-", *(f"{saint} " for saint in SAINTS))
_ARTICLES = frozenset(["the", "la", "le", "les", "el", "los", "las", "der", "die", "das", "il", "lo"])
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
_WEBSITE = re.compile(r"\.(com|org|net|info|io|ai|it|de|fr|es|uk|eu|ch|at|be|nl|co)$", re.I)
MIN_SCORE = 2.0


@dataclass(frozen=True, slots=True)
class Mention:
    block: int
    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"block": self.block, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place (or OTHER name) and where the article names it."""

    id: str
    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    """The other forms the article names it by ("Zuckerberg", "MSL"), most frequent first."""
    mentions: tuple[Mention, ...] = ()
    """Every place the article names it, in reading order."""

    @property
    def forms(self) -> list[str]:
        return [self.name, *self.aliases]

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "mentions": [m.to_json() for m in self.mentions],
        }


@dataclass
class _Group:
    surfaces: Counter = field(default_factory=Counter)
    cands: list[Candidate] = field(default_factory=list)
    score: Evidence = field(default_factory=Evidence)
    kind: EntityKind = OTHER
    dropped: bool = False
    """No evidence at all for a lone capitalised word where every noun is capitalised."""
    merged_into: _Group | None = None

    def root(self) -> _Group:
        g = self
        while g.merged_into is not None:
            g = g.merged_into
        return g

    @property
    def main(self) -> str:
        return _best_surface(self.surfaces)

    @property
    def first_pos(self) -> tuple[int, int]:
        return min((c.block, c.start) for c in self.cands)


def _best_surface(surfaces: Counter) -> str:
    # The fullest form: most words, then most frequent, then earliest alphabetically.
    return max(surfaces, key=lambda s: (len(s.split()), not s.isupper(), surfaces[s], -len(s), s))


def _key(surface: str) -> str:
    return " ".join(surface.replace("’", "'").split())


@dataclass(frozen=True)
class EntityFindings:
    """What the entity stage found: the entities, and the titles seen next to them."""

    entities: list[Entity]
    """In order of first mention."""
    roles: dict[str, tuple[Entity, ...]]
    """A title or role word seen next to a name ("ministro", "ceo") -> the entities it
    was seen with; the speaker stage resolves "il ministro ha detto" through it."""


def find_entities(doc: Document, tokens: list[list[Token]], language: str) -> EntityFindings:
    """The entities of a document in the given language, in order of first mention."""
    lang = lexicon.get(language)
    stats = doc_stats(doc, tokens, lang)
    cands = find_candidates(doc, tokens, lang, stats)
    groups: dict[str, _Group] = {}
    for cand in cands:
        key = _key(cand.text)
        g = groups.setdefault(key, _Group())
        g.surfaces[key] += 1
        g.cands.append(cand)
    _merge_variants(groups, lang)
    _merge_acronyms(groups, doc, tokens)
    _merge_known(groups)
    live = _live(groups)
    for g in live:
        _score(g, lang, stats)
    _coordination(live, doc, tokens, lang)
    _drop_weak(groups)
    _merge_surnames(groups, lang)
    live = [g for g in _live(groups) if not g.dropped]
    return _build(live, doc, tokens)


def _live(groups: dict[str, _Group]) -> list[_Group]:
    seen: list[_Group] = []
    ids: set[int] = set()
    for g in groups.values():
        r = g.root()
        if id(r) not in ids:
            ids.add(id(r))
            seen.append(r)
    return seen


def _merge(a: _Group, b: _Group) -> None:
    """Merge group b into a."""
    a, b = a.root(), b.root()
    if a is b:
        return
    a.surfaces.update(b.surfaces)
    a.cands.extend(b.cands)
    a.score.include(b.score)
    b.merged_into = a


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _merge_variants(groups: dict[str, _Group], lang: LangData) -> None:
    """"TBD Lab" and "TBD Labs"; "laboratorio TBD" style heads; an ORG and its bare name."""
    by_singular: dict[str, _Group] = {}
    for key, g in list(groups.items()):
        parts = key.split()
        if len(parts) >= 2 and _singular(parts[-1]).casefold() in lang.org_words | {
            p[:-1] for p in lang.org_words if p.endswith("s")
        }:
            norm = " ".join(parts[:-1] + [_singular(parts[-1])]).casefold()
            if norm in by_singular:
                _merge(by_singular[norm], g)
            else:
                by_singular[norm] = g
    # "The Church of Scientology" and "Church of Scientology"; "La Stampa" stays
    # whole when that is the only form.
    for key, g in list(groups.items()):
        head, _, rest = key.partition(" ")
        if rest and head.casefold() in _ARTICLES and rest in groups and groups[rest].root() is not g.root():
            _merge(groups[rest], g)
    # A dateline's shouted place and the place written normally ("PARIS" and "Paris").
    for key, g in list(groups.items()):
        calm = key.title()
        if key.isupper() and len(key) >= 4 and key.isalpha() and calm in groups and groups[calm].root() is not g.root():
            _merge(groups[calm], g)
    # A bare name that heads an organisation word elsewhere ("TBD" and "TBD Lab").
    for key, g in list(groups.items()):
        if " " in key or g.root() is not g:
            continue
        heads = [
            other
            for okey, other in groups.items()
            if other.root() is other
            and okey.split()[0] == key
            and len(okey.split()) == 2
            and okey.split()[1].casefold().rstrip("s") in {w.rstrip("s") for w in lang.org_words}
        ]
        if len(heads) == 1 and key not in lexicon.organisations():
            _merge(heads[0], g)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _merge_acronyms(groups: dict[str, _Group], doc: Document, tokens: list[list[Token]]) -> None:
    """An acronym in parentheses after a name, or a name in parentheses after an acronym."""
    by_key = {k: g for k, g in groups.items()}
    for g in list(_live(groups)):
        for cand in list(g.cands):
            text = doc.blocks[cand.block].text
            after = text[cand.end : cand.end + 40]
            m = re.match(r"\s*\(\s*([^()]{2,40}?)\s*\)", after)
            if not m:
                continue
            inner = _key(m.group(1))
            other = by_key.get(inner)
            if other is None or other.root() is g.root():
                continue
            long_, short = (cand.text, inner) if len(cand.text) > len(inner) else (inner, cand.text)
            bare = short.replace(".", "")
            if not bare.isupper() or bare in lexicon.generic_acronyms():
                continue
            # "Meta Superintelligence Labs (MSL)"; also a name's acronym in its own
            # language, "Sozialliberalen Union (USL)", when the long form is not a
            # person's name.
            if _acronym_fits(bare, long_.split()) or (
                2 <= len(bare) <= 6 and len(long_.split()) >= 2 and long_.split()[0] not in lexicon.first_names()
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


def _merge_known(groups: dict[str, _Group]) -> None:
    """Two names the gazetteers know as one organisation or place (ONU, Nazioni Unite)."""
    orgs, places = lexicon.organisations(), lexicon.places()
    canon: dict[str, _Group] = {}
    for g in _live(groups):
        for surface in list(g.surfaces):
            key = None
            if surface in orgs:
                key = "org:" + orgs[surface][0]
            elif surface in places:
                key = "place:" + places[surface][1]
            if key is None:
                continue
            other = canon.get(key)
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
                canon.setdefault(key, g)


def _score(g: _Group, lang: LangData, stats: DocStats) -> None:
    s = g.score
    orgs, places, first_names, products, surnames = (
        lexicon.organisations(),
        lexicon.places(),
        lexicon.first_names(),
        lexicon.products(),
        lexicon.surnames(),
    )
    for cand in g.cands:
        s.include(cand.evidence)
    for surface in g.surfaces:
        words = surface.split()
        toks = [w.casefold() for w in words]
        if surface in products:
            s.other += 3  # context can still win: "il reparto Meta AI" vs "l'assistente Meta AI"
        looked_up = _lookup_forms(surface)
        if any(lexicon.known_org(f) for f in looked_up):
            s.org += 5
        if any(lexicon.known_place(f) for f in looked_up):
            s.place += 5
        if len(words) >= 2 and words[0] in first_names and words[0] not in places:
            s.person += 3
        if len(words) >= 2:
            # The head of the name says what it is: the last word in English and
            # German ("Civic Party", "District Council"), the first in the Romance
            # languages ("Banco de España", "Lago di Como"); other words count less.
            heads = {"en": [-1], "de": [-1], "it": [0], "fr": [0], "es": [0]}.get(lang.code, [0, -1])
            if lang.code == "en" and "of" in toks[1:]:
                heads = [toks.index("of") - 1]  # "Church of Scientology", "Bank of England"
            for k, t in enumerate(toks):
                weight = 3 if (k in heads or k - len(toks) in heads) else 1
                if t in lang.org_words or _singular(t) in lang.org_words or (
                    lang.code == "de" and ends_with_org_word(t, lang)  # "Internationaler Währungsfonds"
                ):
                    s.org += weight
                elif t in lang.place_words or (lang.code == "de" and ends_with_place_word(t, lang)):
                    s.place += weight
        elif toks[0] in lang.org_words:
            s.org += 3
        elif _name_shaped(words[0]) and words[0] not in surnames and ends_with_org_word(toks[0], lang):
            s.org += 2  # "Wikitribune", "Netzeitung", "Wikinews": a compound on an organisation word
        if len(words) >= 2 and words[-1] in ORG_SUFFIX_TOKENS:
            s.org += 3
        if len(words) == 1 and (words[0].isupper() and len(words[0]) >= 2):
            # An unknown acronym is most often an organisation (a party, an agency)...
            s.org += 2
        if len(words) == 1 and any(a.islower() and b.isupper() for a, b in zip(words[0], words[0][1:])):
            s.org += 1
        place_word = any(t in lang.place_words for t in toks) and len(words) >= 2
        compass = len(words) >= 2 and (toks[0] in COMPASS or toks[-1] in COMPASS)
        if compass:
            s.place += 2  # "East Los Angeles", "Kowloon West"
        if surface.startswith(_SAINTED):
            s.place += 1  # "à Saint-Denis", "a San Donato": towns named after saints
        if 2 <= len(words) <= 3 and any(_HYPHENATED_GIVEN.fullmatch(w) for w in words[1:]):
            s.person += 1  # "Leung Kwok-hung", "Moon Jae-in": hyphenated given names
        if 2 <= len(words) <= 4 and (words[-1] in surnames or words[0] in surnames) and _name_shaped(words[-1]):
            s.person += 1  # "Starry Lee", "Wong Pik-wan": a common family name
        if (
            2 <= len(words) <= 3
            and all(_name_shaped(w) for w in words if w.casefold() not in lang.particles)
            and not any(t in lang.org_words for t in toks)
            and not (place_word or compass)
            and not s.capitalised_nouns
        ):
            # Two or three capitalised words: often a person's name, surely so when
            # the first is a known first name (scored above) or the last a common
            # family name; alone, not quite enough (Civic Passion, Operation Clambake).
            s.person += 2 if words[0] in first_names else 1.5
        if len(words) >= 2 and any(
            " ".join(words[i:j]) in places for i in range(len(words)) for j in range(i + 1, len(words) + 1)
            if (i, j) != (0, len(words))
        ) and words[0] not in first_names:
            s.place += 1  # "Hong Kong Island", "Greater London"
        if len(words) >= 2 and lexicon.known_org(words[0]) and lexicon.known_place(" ".join(words[1:])):
            s.org += 4  # "Wikimedia España", "Google Italia": a national branch
        if any(_WEBSITE.search(w) for w in words):
            s.org += 3  # "Gawker.com", "Repubblica.it"
        if len(words) == 1 and surface == "X":
            s.org += 2
        if len(words) == 1 and _name_shaped(words[0]) and not any(
            a.islower() and b.isupper() for a, b in zip(words[0], words[0][1:])
        ):
            # An unknown single name, neither acronym nor CamelCase: in news, most often
            # a person's surname; other evidence decides.
            s.person += 1
    if s.weak:
        # A lone capitalised German word: a noun unless a title names it a person or
        # a gazetteer knows it; speech ("Die Opposition kritisierte") proves nothing.
        s.speaks = 0
        s.person = max(0, s.person - 1)
    if s.speaks:
        # People speak more than organisations do; a lone surname that keeps being
        # the subject of "said" is most likely a person ("Zuckerberg una volta disse").
        single = all(len(x.split()) == 1 for x in g.surfaces)
        s.person += min(2.0 if single else 1.0, 1.0 * s.speaks)
    if s.place_cue and s.place:
        s.place += 1
    elif s.place_in >= (2 if lang.code == "de" else 1) and not any(x.split()[0] in first_names for x in g.surfaces):
        # "in Esino Lario", "gli abitanti di Esino Lario"; once is enough but in German,
        # where "in Kraft" and "im Amt" are capitalised too.
        s.place += min(3, s.place_in + (lang.code != "de"))
    _decide(g)


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


def _decide(g: _Group) -> None:
    s = g.score
    best = max(_TIE_ORDER, key=lambda k: (s.score(k), -_TIE_ORDER.index(k)))
    g.kind = best if s.score(best) >= MIN_SCORE and best != OTHER else OTHER


def _coordination(live: list[_Group], doc: Document, tokens: list[list[Token]], lang: LangData) -> None:
    """Names listed together ("OpenAI, Google e Apple") share a kind.

    A list needs a conjunction ("e", "and", "et", "und", "y") before its last
    member; commas alone are as often an apposition ("di Meta, Llama 4").
    """
    per_block = defaultdict(list)
    for g in live:
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
                    _decide(g)


def _drop_weak(groups: dict[str, _Group]) -> None:
    """Lone capitalised words with no evidence at all, where every noun is capitalised
    (German), are common nouns: they are dropped."""
    for g in _live(groups):
        if g.score.weak and g.kind == OTHER:
            g.dropped = True


def _merge_surnames(groups: dict[str, _Group], lang: LangData) -> None:
    """"Zuckerberg" after "Mark Zuckerberg": one person."""
    live = _live(groups)
    persons = [g for g in live if g.kind == PERSON and len(g.main.split()) >= 2]
    by_last: dict[str, list[_Group]] = defaultdict(list)
    by_first: dict[str, list[_Group]] = defaultdict(list)
    first_names = lexicon.first_names()
    for p in persons:
        for surface in p.surfaces:
            words = surface.split()
            if len(words) >= 2:
                by_last[words[-1]].append(p)
                if words[0] not in first_names:
                    by_first[words[0]].append(p)
    for g in live:
        if g.root() is not g or len(g.main.split()) != 1 or g.score.other:
            continue
        if g.kind == PLACE and g.score.place_cue and lexicon.known_place(g.main):
            continue  # "in Wales" is the country, even beside Jimmy Wales
        word = g.main
        if g.kind == ORG and g.score.org >= 4:
            continue
        owners = {id(p.root()): p.root() for p in by_last.get(word, []) + by_first.get(word, []) if p.root() is not g}
        if len(owners) == 1:
            owner = next(iter(owners.values()))
            _merge(owner, g)
        elif len(owners) > 1:
            # Several people share the surname: mentions are resolved by proximity.
            # (A dropped lone word is one of their names after all.)
            g.kind = PERSON
            g.dropped = False


@dataclass(frozen=True)
class _Draft:
    """An entity before its mentions are found."""

    name: str
    kind: EntityKind
    aliases: tuple[str, ...]
    roles: frozenset[str]


def _build(live: list[_Group], doc: Document, tokens: list[list[Token]]) -> EntityFindings:
    live.sort(key=lambda g: g.first_pos)
    drafts: list[_Draft] = []
    for g in live:
        name = g.main
        if g.kind == PLACE and name.isupper() and lexicon.known_place(name.title()):
            name = name.title()  # only ever shouted in a dateline: "WASHINGTON (Reuters) -"
        if g.kind in (ORG, PLACE):
            # Prefer the expansion over an acronym as the name.
            longer = [s for s in g.surfaces if not s.isupper()]
            if name.isupper() and longer:
                name = _best_surface(Counter({s: g.surfaces[s] for s in longer}))
        aliases = sorted((s for s in g.surfaces if s != name), key=lambda s: (-g.surfaces[s], s))
        titles = frozenset(t for c in g.cands for t in c.titles)
        drafts.append(_Draft(name, g.kind, tuple(aliases), titles))
    found = _find_mentions([[d.name, *d.aliases] for d in drafts], doc, tokens)
    named = sorted(
        ((d, mentions) for d, mentions in zip(drafts, found) if mentions),
        key=lambda pair: (pair[1][0].block, pair[1][0].start),
    )
    entities: list[Entity] = []
    roles: dict[str, list[Entity]] = {}
    for n, (d, mentions) in enumerate(named, 1):
        entity = Entity(f"e{n}", d.name, d.kind, d.aliases, tuple(mentions))
        entities.append(entity)
        for role in d.roles:
            roles.setdefault(role, []).append(entity)
    return EntityFindings(entities, {role: tuple(holders) for role, holders in roles.items()})


def _find_mentions(forms: list[list[str]], doc: Document, tokens: list[list[Token]]) -> list[list[Mention]]:
    """Every occurrence of every form (one list of forms per entity), longest first,
    as token sequences: the mentions of each entity, in reading order."""
    mentions: list[list[Mention]] = [[] for _ in forms]
    table: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_first: dict[str, set[int]] = defaultdict(set)
    for i, entity_forms in enumerate(forms):
        for form in entity_forms:
            key = tuple(t.text for t in tokenize(form))
            if key and i not in table[key]:
                table[key].append(i)
                by_first[key[0]].add(len(key))
    sizes_for = {first: sorted(sizes, reverse=True) for first, sizes in by_first.items()}
    last_seen: dict[int, tuple[int, int]] = {}
    for block, toks in zip(doc.blocks, tokens):
        n = len(toks)
        i = 0
        while i < n:
            match = None
            for size in sizes_for.get(toks[i].text, ()):
                if i + size > n:
                    continue
                key = tuple(t.text for t in toks[i : i + size])
                owners = table.get(key)
                if owners and _contiguous(block.text, toks[i : i + size]):
                    match = (size, owners)
                    break
            if match is None:
                i += 1
                continue
            size, owners = match
            owner = owners[0]
            if len(owners) > 1:
                # A shared surname: the person named most recently.
                owner = max(owners, key=lambda k: last_seen.get(k, (-1, -1)))
            start, end = toks[i].start, toks[i + size - 1].end
            mentions[owner].append(Mention(block.index, start, end, block.text[start:end]))
            last_seen[owner] = (block.index, start)
            i += size
    return mentions


def _contiguous(text: str, toks: list[Token]) -> bool:
    """Words of one name: next to each other, or after an initial ("George W. Bush")."""
    return all(
        text[a.end : b.start] in (" ", "") or (text[a.end : b.start] == ". " and a.is_initial)
        for a, b in zip(toks, toks[1:])
    )

