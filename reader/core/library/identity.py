"""Which entities of different articles are one person, organisation or place.

Each article's analysis names its entities in its own way: "Yann LeCun" in one,
"LeCun" alone in the next; "Meta" here, "Meta Platforms" there. The library
joins them when their names or aliases agree and their kinds do not conflict
(OTHER, a name the analysis could not type, goes with any kind):

- a full name, an organisation's or a place's name agree when they are the same
  once case, accents, a leading "The", a possessive "'s", dots and hyphens are set
  aside ("The Globe and Mail" ~ "Globe and Mail", "Wikipédia" ~ "Wikipedia");
- an organisation's name also agrees without a legal designator at its end
  ("Meta Platforms" ~ "Meta", "Apple Inc." ~ "Apple"), and with its initials
  ("European Southern Observatory" ~ "ESO"; three letters at least);
- a person named by one word ("LeCun"), or a word the analysis could not type
  (an article that says only "LeCun" may leave it untyped), joins the one person
  of the library whose full name ends with that word; when several do
  ("Raymond Chan", "Gary Chan"), it joins none, since the text cannot say which;
- an organisation's name agrees with its plural ("Meta Superintelligence Lab" ~
  "... Labs"), as articles write both;
- "J. Smith" joins the one person of the library whose name is a J... Smith;
- two people whose names end alike but start differently are never joined
  ("Andrew Wan" and "Andrew Tulloch" share nothing; "Raymond Chan" and "Gary Chan"
  share a surname and stay apart), nor two people one article tells apart.

Everything here is a pure function of the articles' entities: the library index
is rebuilt from the cached analyses whenever they change, so it never needs
migrating.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.article.text import fold_accents

IDENTITY_VERSION = 1
"""Raise it with any change to the rules here: the library's index is then rebuilt."""

PERSON, ORG, PLACE, OTHER = "PERSON", "ORG", "PLACE", "OTHER"

DESIGNATORS = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "ag", "gmbh",
     "sa", "spa", "srl", "sarl", "nv", "bv", "se", "group", "holdings", "holding", "platforms"}
)
"""Words that end an organisation's legal name and may be left out in a text."""
_LEADING = frozenset({"the"})
"""Articles left out at the start of a name ("The Church of Scientology")."""
_MINOR = frozenset(
    {"of", "for", "and", "the", "on", "in", "at", "to", "a", "an", "de", "di", "del", "della", "delle", "dei",
     "degli", "des", "du", "la", "le", "les", "der", "die", "das", "den", "und", "y", "e", "et", "da", "do", "dos",
     "von", "van"}
)
"""Words that give no letter to an organisation's initials."""
MIN_INITIALS = 3


@dataclass(frozen=True, slots=True)
class EntityRef:
    """One article's entity, as the library reads it from the article's analysis."""

    article: str
    """The library id of the article."""
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class Cluster:
    """One person, organisation or place of the library, and where each article names it."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    """Every other form it is named by, in any article, most used first."""
    members: tuple[EntityRef, ...]
    """Its entity in each article (rarely two in one article), most mentioned first."""

    @property
    def mentions(self) -> int:
        return sum(m.mentions for m in self.members)

    @property
    def articles(self) -> list[str]:
        """The articles that name it, most mentions first."""
        counts: Counter[str] = Counter()
        for m in self.members:
            counts[m.article] += m.mentions
        return [a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def mentions_in(self, article: str) -> int:
        return sum(m.mentions for m in self.members if m.article == article)


def normalise(form: str) -> str:
    """A name as names are compared: no case or accents, no leading "The", no "'s", dots or hyphens."""
    s = fold_accents(form).casefold().replace("’", "'")
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"^l'", "", s)
    s = s.replace(".", "").replace("·", "")
    s = re.sub(r"[-‐‑–—_/]", " ", s)
    s = re.sub(r"[^\w\s&+]", "", s)
    tokens = s.split()
    if len(tokens) > 1 and tokens[0] in _LEADING:
        tokens = tokens[1:]
    return " ".join(tokens)


def initials(form: str) -> str:
    """An organisation's initials ("Partidul Național Liberal" -> "pnl"); an all-capitals word gives itself."""
    letters = []
    for word in re.split(r"[\s\-]+", fold_accents(form).replace(".", "")):
        word = re.sub(r"[^\w&]", "", word)
        if not word or word.casefold() in _MINOR:
            continue
        letters.append(word if word.isupper() and len(word) > 1 else word[0])
    return "".join(letters).casefold()


def _without_designator(tokens: list[str]) -> list[str]:
    while len(tokens) > 1 and tokens[-1] in DESIGNATORS:
        tokens = tokens[:-1]
    return tokens


def _keys(ref: EntityRef) -> set[str]:
    """The forms by which this entity meets others for sure (a person's one-word forms are not among them)."""
    keys: set[str] = set()
    for form in (ref.name, *ref.aliases):
        norm = normalise(form)
        if not norm:
            continue
        tokens = norm.split()
        if ref.kind == PERSON:
            if len(tokens) > 1:
                keys.add("name:" + norm)
            continue
        keys.add("name:" + norm)
        if ref.kind in (ORG, OTHER):
            short = _without_designator(tokens)
            if short != tokens:
                keys.add("name:" + " ".join(short))
            if len(tokens) > 1 and len(tokens[-1]) > 3 and tokens[-1].endswith("s"):
                keys.add("name:" + " ".join([*tokens[:-1], tokens[-1][:-1]]))  # "Labs" ~ "Lab"
        if ref.kind == ORG:
            if len(tokens) == 1 and form.isupper() and len(form) >= MIN_INITIALS:
                keys.add("initials:" + norm)
            elif len(tokens) > 1:
                letters = initials(form)
                if len(letters) >= MIN_INITIALS:
                    keys.add("initials:" + letters)
    return keys


def _full_names(ref: EntityRef) -> set[tuple[str, str]]:
    """A person's (first, last) words of each full name it is given."""
    out = set()
    for form in (ref.name, *ref.aliases):
        tokens = normalise(form).split()
        if len(tokens) > 1:
            out.add((tokens[0], tokens[-1]))
    return out


def _compatible_first(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


class _Clusters:
    """Union-find over the entities, refusing unions whose kinds or people conflict."""

    def __init__(self, refs: Sequence[EntityRef]) -> None:
        self.refs = refs
        self.parent = list(range(len(refs)))
        self.kind = [r.kind for r in refs]
        self.names = [_full_names(r) if r.kind == PERSON else set() for r in refs]
        self.people: list[dict[str, set[int]]] = [
            {r.article: {i}} if r.kind == PERSON else {} for i, r in enumerate(refs)
        ]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def conflict(self, a: int, b: int) -> bool:
        ka, kb = self.kind[a], self.kind[b]
        if ka != kb and OTHER not in (ka, kb):
            return True
        for first_a, last_a in self.names[a]:
            for first_b, last_b in self.names[b]:
                if last_a == last_b and not _compatible_first(first_a, first_b):
                    return True
        # Two people one article tells apart stay apart.
        return any(article in self.people[b] for article in self.people[a])

    def union(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        if self.conflict(a, b):
            return False
        if b < a:
            a, b = b, a
        self.parent[b] = a
        if self.kind[a] == OTHER:
            self.kind[a] = self.kind[b]
        self.names[a] |= self.names[b]
        for article, members in self.people[b].items():
            self.people[a].setdefault(article, set()).update(members)
        return True


def cluster(refs: Iterable[EntityRef]) -> list[Cluster]:
    """The library's entities: the articles' entities joined where they name the same thing.

    Deterministic: the same entities, in any order, give the same clusters.
    """
    ordered = sorted(refs, key=lambda r: (r.article, r.kind, r.name, r.aliases, r.mentions))
    groups = _Clusters(ordered)
    holders: dict[str, list[int]] = defaultdict(list)
    for i, ref in enumerate(ordered):
        for key in sorted(_keys(ref)):
            roots = []
            for j in holders[key]:
                root = groups.find(j)
                if root not in roots:
                    roots.append(root)
            for root in roots:
                groups.union(i, root)
            holders[key] = list(dict.fromkeys(groups.find(j) for j in [*roots, i]))
    _attach_initials(ordered, groups)
    _attach_surnames(ordered, groups)
    return _clusters(ordered, groups)


def _attach_initials(refs: Sequence[EntityRef], groups: _Clusters) -> None:
    """"J. Smith" joins the one person of the library whose name is John (or Jane...) Smith."""
    by_last: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for i, ref in enumerate(refs):
        if ref.kind == PERSON:
            for first, last in _full_names(ref):
                by_last[last].append((first, i))
    for i, ref in enumerate(refs):
        if ref.kind != PERSON:
            continue
        for first, last in _full_names(ref):
            if len(first) != 1:
                continue
            roots = {groups.find(j) for f, j in by_last[last] if len(f) > 1 and f.startswith(first)}
            if len(roots) == 1:
                groups.union(i, roots.pop())


def _single(ref: EntityRef) -> str | None:
    """The one word a person (or a name of no known kind) is named by, when no full name is known for it."""
    if ref.kind not in (PERSON, OTHER):
        return None
    forms = [normalise(f) for f in (ref.name, *ref.aliases)]
    if any(len(f.split()) > 1 for f in forms):
        return None
    return forms[0] if forms and forms[0] else None


def _attach_surnames(refs: Sequence[EntityRef], groups: _Clusters) -> None:
    """A person named by one word joins the one person of the library whose name ends with it."""
    bearers: dict[str, set[int]] = defaultdict(set)
    for i, ref in enumerate(refs):
        if ref.kind != PERSON:
            continue
        for form in (ref.name, *ref.aliases):
            tokens = normalise(form).split()
            if len(tokens) > 1:
                bearers[tokens[-1]].add(i)
                for token in tokens[1:-1]:  # "Hugo Chávez Frías", "Lula" in "Luiz Inácio Lula da Silva"
                    if len(token) > 1 and token not in _MINOR:
                        bearers[token].add(i)
            elif tokens and _single(ref) is None:
                bearers[tokens[0]].add(i)  # "LeCun", given as an alias of "Yann LeCun"
    singles: dict[str, list[int]] = defaultdict(list)
    for i, ref in enumerate(refs):
        word = _single(ref)
        if word:
            singles[word].append(i)
    for word, members in singles.items():
        roots = {groups.find(i) for i in bearers.get(word, ())}
        if len(roots) > 1:
            continue  # "Chan" alone, and several Chans: no telling which
        target = roots.pop() if roots else members[0]
        for i in members:
            groups.union(i, target)


def _clusters(refs: Sequence[EntityRef], groups: _Clusters) -> list[Cluster]:
    members: dict[int, list[EntityRef]] = defaultdict(list)
    for i, ref in enumerate(refs):
        members[groups.find(i)].append(ref)
    out = []
    for root, group in members.items():
        kind = groups.kind[root]
        out.append(_cluster(group, kind))
    out.sort(key=lambda c: (-len(set(c.articles)), -c.mentions, c.name.casefold(), c.kind))
    return out


def _cluster(group: list[EntityRef], kind: str) -> Cluster:
    group = sorted(group, key=lambda r: (-r.mentions, r.article, r.name))
    typed = [r for r in group if r.kind == kind] or group
    # The name most articles use, then the most mentioned.
    score: dict[str, tuple[int, int, int]] = {}
    for r in typed:
        # A person's full name before one word; an organisation's expansion before its initials.
        full = int(len(r.name.split()) > 1) if kind == PERSON else int(not r.name.isupper())
        n, m, _ = score.get(r.name, (0, 0, full))
        score[r.name] = (n + 1, m + r.mentions, full)
    name = max(score, key=lambda s: (score[s][2], score[s][0], score[s][1], -len(s), s))
    used: Counter[str] = Counter()
    for r in group:
        for form in (r.name, *r.aliases):
            used[form] += max(1, r.mentions)
    aliases = tuple(f for f, _ in sorted(used.items(), key=lambda kv: (-kv[1], kv[0])) if f != name)
    return Cluster(name, kind, aliases, tuple(group))
