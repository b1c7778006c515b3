"""People, organisations and places: one entity per real-world name, with every mention.

The stages, each in its module: name candidates with the evidence around them
(candidates.py), groups of candidates that name one thing (grouping.py), the kind
of each group voted by named rules (kind_rules.py), and every mention of each
entity (mentions.py). The entity stage also hands on the titles it saw next to
names, which the speaker stage needs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.core.analysis import gazetteers, kind_rules, lexicon
from reader.core.analysis.candidates import doc_stats, find_candidates
from reader.core.analysis.grouping import (
    Group,
    best_surface,
    group,
    live,
    merge_acronyms,
    merge_known,
    merge_org_parts,
    merge_surnames,
    merge_variants,
)
from reader.core.analysis.kinds import EntityKind
from reader.core.analysis.mentions import find_mentions
from reader.core.analysis.results import Entity
from reader.core.analysis.tokens import Token
from reader.core.article.model import Document


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
    groups = group(find_candidates(doc, tokens, lang, stats))
    merge_variants(groups, lang)
    merge_acronyms(groups, doc)
    merge_known(groups)
    for g in live(groups):
        kind_rules.score(g, lang)
    kind_rules.coordination(live(groups), doc, lang)
    kind_rules.drop_unproven(groups, lang)
    merge_org_parts(groups, lang)
    merge_surnames(groups)
    return _build([g for g in live(groups) if not g.dropped], doc, tokens)


@dataclass(frozen=True)
class _Draft:
    """An entity before its mentions are found."""

    name: str
    kind: EntityKind
    aliases: tuple[str, ...]
    roles: frozenset[str]


def _build(groups: list[Group], doc: Document, tokens: list[list[Token]]) -> EntityFindings:
    groups.sort(key=lambda g: g.first_pos)
    drafts: list[_Draft] = []
    for g in groups:
        name = g.main
        if g.kind == EntityKind.PLACE and name.isupper() and gazetteers.known_place(name.title()):
            name = name.title()  # only ever shouted in a dateline: "WASHINGTON (Reuters) -"
        if g.kind in (EntityKind.ORG, EntityKind.PLACE):
            # Prefer the expansion over an acronym as the name.
            longer = [s for s in g.surfaces if not s.isupper()]
            if name.isupper() and longer:
                name = best_surface(Counter({s: g.surfaces[s] for s in longer}))
        aliases = sorted((s for s in g.surfaces if s != name), key=lambda s: (-g.surfaces[s], s))
        titles = frozenset(t for c in g.cands for t in c.titles)
        drafts.append(_Draft(name, g.kind, tuple(aliases), titles))
    found = find_mentions([[d.name, *d.aliases] for d in drafts], doc, tokens)
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
