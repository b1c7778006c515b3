"""Who may have said a quotation, and what the text says for each: candidates and evidence.

For each quotation the candidates are the people and organisations named in its
sentence, in the sentence before, the previous quotation's speaker and the
article's most quoted name. Each gets evidence features, named by strings:

- how it stands to a cue of its sentence: the subject of a speech verb before the
  quotation (`X ha detto: «…»`) or after it (`"…", X said`), the name after an
  inverted verb (`"…", said X`, `a déclaré X`), the name alone or in subject
  position before a colon, after an attribution phrase (`according to X`) or a
  statement noun (`una dichiarazione di X`);
- a cue whose subject is a pronoun, a role noun ("the minister", "il portavoce")
  or left out ("ha aggiunto", "disse") lends its evidence to the names it may
  stand for: the person the pronoun goes back to, the holder of the role, the
  previous speaker;
- a quotation with no cue of its own: the previous speaker, the subject of a speech
  verb in the sentence before, "X said." after it;
- whether it is named inside the quotation, its kind.

The choice "nobody named" has features of its own (no cue at all, an unnamed
subject such as "someone", "a former employee"). speaker_model.py weighs them all.
Places never speak; organisations only where a cue of the text makes them speak.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.core.analysis.entities import Entity
from reader.core.analysis.kinds import EntityKind
from reader.core.analysis.lexicon import Lexicon
from reader.core.analysis.quote_frames import ArticleItems, Item, frame_of
from reader.core.analysis.quotes import Quote

DIRECT = frozenset(
    {
        "before_subject",
        "before_inverted",
        "colon_subject",
        "colon_alone",
        "after_subject",
        "after_inverted",
        "according_to",
        "nominal",
        "role_org",
        "next_said",
        "previous_sentence_subject",
    }
)
"""The features that say the text makes a name speak: only with one (or one of
CONTINUED) does an organisation become a candidate."""
CONTINUED = frozenset(
    {"pronoun_previous_speaker", "dropped_previous_speaker", "continues_previous", "shares_sentence_previous"}
)
"""The features that carry on a speaker the text already made speak ("…", it added)."""


_NAMED_VOICES = (EntityKind.PERSON, EntityKind.OTHER)
"""Names that may be a person's: a subject before an organisation nearer the verb."""


@dataclass(frozen=True)
class Choice:
    """One answer to "who said it": an entity, or None for nobody the text names."""

    entity: Entity | None
    features: frozenset[str]


@dataclass
class _Anaphor:
    """A cue's subject that is not a name: "pronoun", "role", "dropped" or "unnamed"."""

    kind: str
    role: str = ""
    own_sentence: bool = False


class EvidenceReader:
    """Reads the evidence around each quotation of an article."""

    def __init__(self, article: ArticleItems, quotes: list[Quote], roles: dict[str, tuple[Entity, ...]], lang: Lexicon):
        self.article = article
        self.quotes = quotes
        self.roles = roles
        self.lang = lang
        self._suffixes = tuple(sorted(lang.pronoun_suffixes))
        self.quoted: dict[int, list[tuple[int, int]]] = {}
        """Per block, the spans of quoted words: a name inside a quotation is no one's subject."""
        for q in quotes:
            for part in q.parts:
                self.quoted.setdefault(part.block, []).append((part.start, part.end))
        self._most_quoted: Entity | None = None
        self._counted = False

    # -- words ---------------------------------------------------------------------

    def is_speech(self, it: Item) -> bool:
        if it.entity is not None:
            return False
        head, sep, _ = it.word.partition("-")
        return it.word in self.lang.speech_verbs or (bool(sep) and head in self.lang.speech_verbs)

    def is_pronoun(self, it: Item) -> bool:
        return it.entity is None and (it.word in self.lang.pronouns or it.word.endswith(self._suffixes))

    def is_role(self, it: Item) -> bool:
        return it.entity is None and (it.word in self.lang.role_nouns or self.lang.is_title(it.word))

    def is_indefinite(self, it: Item) -> bool:
        return it.entity is None and it.word in self.lang.indefinites and it.word not in self.lang.stopwords

    def is_object(self, items: list[Item], k: int) -> bool:
        """A name right after a preposition is an object ("gli abitanti di Esino Lario")."""
        return k > 0 and items[k - 1].entity is None and items[k - 1].word in self.lang.prepositions

    def unquoted(self, block: int, items: list[Item]) -> list[Item]:
        spans = self.quoted.get(block)
        if not spans:
            return items
        return [it for it in items if not any(s <= it.start and it.end <= e for s, e in spans)]

    # -- one quotation -----------------------------------------------------------

    def choices(self, index: int, previous: Entity | None) -> list[Choice]:
        """Nobody (first), then every candidate speaker of quotation `index` with its evidence."""
        found = self._relations(index, previous)
        most = self.most_quoted()
        if most is not None:
            found.add(most, "most_quoted")
            if self.article.headings[self.quotes[index].block] or self.quotes[index].block == 0:
                found.add(most, "headline_most_quoted")
        out = [Choice(None, frozenset(found.nobody))]
        for entity, feats in found.items():
            if entity.kind == EntityKind.PLACE:
                continue  # places never speak
            if entity.kind != EntityKind.PERSON and not (feats & (DIRECT | CONTINUED)):
                continue  # organisations speak only where the text makes them
            kind = {EntityKind.ORG: "kind_org", EntityKind.OTHER: "kind_other"}.get(entity.kind)
            out.append(Choice(entity, frozenset(feats | ({kind} if kind else set()))))
        return out

    def _relations(self, index: int, previous: Entity | None) -> _Found:
        q = self.quotes[index]
        frame = frame_of(self.article, self.quotes, index)
        found = _Found()
        before, after = frame.before, frame.after[:9]
        colon = ":" in frame.gap_before
        anaphors: list[_Anaphor] = []
        cue = self._read_before(before, colon, found, anaphors)
        cue = self._read_after(after, found, anaphors) or cue
        for phrase_entity in self._according_to(before) + self._according_to(after):
            found.add(phrase_entity, "according_to")
            cue = True
        for entity in self._nominal(before):
            found.add(entity, "nominal")
            cue = True
        nested = q.nested_in is not None
        if nested:
            found.nobody.add("nested")
        # The sentence before: a speech verb's subject there often speaks on.
        pb, _, prev = self.article.sentence_before(frame.block, frame.lo)
        prev = self.unquoted(pb, prev)
        verbs = [k for k, it in enumerate(prev) if self.is_speech(it)]
        if verbs:
            subject = self._subject_before(prev[: verbs[-1]])
            if isinstance(subject, Entity):
                found.add(subject, "previous_sentence_subject")
        for it in prev:
            if it.entity is not None:
                found.add(it.entity, "previous_sentence_named")
        antecedent = self._antecedent(frame.block, frame.lo)
        if antecedent is not None:
            found.add(antecedent, "recent_person")
        near = False
        if previous is not None and index > 0:
            earlier = self.quotes[index - 1].parts[-1].block
            near = frame.block in (earlier, earlier + 1)
            found.add(previous, "previous_speaker_near" if near else "previous_speaker_far")
        for a in anaphors:
            self._resolve(a, frame.before, antecedent, previous, found)
        if previous is not None and frame.shares_sentence and not any(it.entity is not None for it in before):
            found.add(previous, "shares_sentence_previous")  # "…", it added; and, later, "…"
        if not cue:
            found.nobody.add("no_cue")
            if previous is not None and near and not before and not nested:
                found.add(previous, "continues_previous")
            nxt = self.article.next_sentence(frame.end_block, frame.hi)[:6]
            if any(self.is_speech(it) for it in nxt):
                for it in nxt:
                    if it.entity is not None:
                        found.add(it.entity, "next_said")
                        break
        for part in q.parts:
            for it in self.article.block(part.block).between(part.start, part.end):
                if it.entity is not None:
                    found.add(it.entity, "named_inside")
        return found

    # -- the cue before the quotation -------------------------------------------------

    def _read_before(self, before: list[Item], colon: bool, found: _Found, anaphors: list[_Anaphor]) -> bool:
        verbs = [k for k, it in enumerate(before) if self.is_speech(it)]
        for k, it in enumerate(before):
            if it.entity is not None:
                found.add(it.entity, "object_before" if self.is_object(before, k) else "named_before")
        if verbs:
            v = verbs[-1]
            if self.is_pronoun(before[v]):
                anaphors.append(_Anaphor("pronoun"))
                return True
            subject = self._subject_before(before[:v])
            if isinstance(subject, Entity):
                found.add(subject, "before_subject")
            elif isinstance(subject, _Anaphor):
                anaphors.append(subject)
            for it in before[v + 1 : v + 4]:
                if it.entity is not None:
                    found.add(it.entity, "before_inverted")
                    break
                if self.is_role(it):
                    anaphors.append(_Anaphor("role", it.word))
                    break
            return True
        if not colon:
            if before and self.is_pronoun(before[0]):
                anaphors.append(_Anaphor("pronoun"))  # "He described Montalvo as "…""
            return False
        # "Rossi: «…»", "Mark Chen non ha potuto fare a meno di brontolare: «…»"
        named = [it for it in before if it.entity is not None]
        words = [
            it
            for it in before
            if it.entity is None and not self.is_role(it) and it.word not in self.lang.stopwords
        ]
        if len(named) == 1 and not words and named[0].entity is not None:
            found.add(named[0].entity, "colon_alone")
            return True
        subject = self._subject_position(before)
        if isinstance(subject, Entity):
            found.add(subject, "colon_subject")
        elif isinstance(subject, _Anaphor):
            anaphors.append(subject)
        elif before and before[0].entity is None and before[0].word in self.lang.auxiliaries:
            anaphors.append(_Anaphor("dropped"))  # "Ha anche espresso fiducia: «…»"
        return True

    def _subject_before(self, items: list[Item]) -> Entity | _Anaphor | None:
        """Walking back from a verb: the person of its clause (before an organisation nearer
        to the verb), else the organisation; a pronoun, role or indefinite met first; or,
        with nothing but auxiliaries before the verb, a dropped subject."""
        org: Entity | None = None
        for k in range(len(items) - 1, -1, -1):
            it = items[k]
            if it.entity is not None:
                if self.is_object(items, k) and it.entity.kind != EntityKind.ORG:
                    continue
                if it.entity.kind in _NAMED_VOICES:
                    return it.entity
                if org is None and it.entity.kind != EntityKind.PLACE:
                    org = it.entity
                continue
            if org is not None:
                continue
            if self.is_pronoun(it):
                return _Anaphor("pronoun")
            if self.is_role(it):
                person = self._person_before(items, k)  # "John Carter, the port's director, replied"
                return person if person is not None else _Anaphor("role", it.word)
            if self.is_indefinite(it):
                return _Anaphor("unnamed")
        if org is not None:
            return org
        if all(it.entity is None and (it.word in self.lang.auxiliaries or it.word in self.lang.stopwords) for it in items):
            return _Anaphor("dropped")
        return None

    def _person_before(self, items: list[Item], k: int) -> Entity | None:
        for j in range(k - 1, max(-1, k - 7), -1):
            it = items[j]
            if self.is_indefinite(it):
                return None
            if it.entity is not None and it.entity.kind == EntityKind.PERSON and not self.is_object(items, j):
                return it.entity
        return None

    def _subject_position(self, items: list[Item]) -> Entity | _Anaphor | None:
        """A person before the clause's first auxiliary: the subject of its verb."""
        for k, it in enumerate(items):
            if it.entity is None and it.word in self.lang.auxiliaries:
                break
            if it.entity is not None and it.entity.kind in _NAMED_VOICES and not self.is_object(items, k):
                return it.entity
            if self.is_pronoun(it):
                return _Anaphor("pronoun")
            if self.is_indefinite(it):
                return _Anaphor("unnamed")
        return None

    # -- the cue after the quotation ----------------------------------------------------

    def _read_after(self, after: list[Item], found: _Found, anaphors: list[_Anaphor]) -> bool:
        for it in after:
            if it.entity is not None:
                found.add(it.entity, "named_after")
        verbs = [k for k, it in enumerate(after[:6]) if self.is_speech(it)]
        if not verbs:
            return False
        v = verbs[0]
        if self.is_pronoun(after[v]) or (v + 1 < len(after) and self.is_pronoun(after[v + 1])):
            anaphors.append(_Anaphor("pronoun", own_sentence=True))  # "dit-il", "disse ele", "sagte er"
            return True
        for it in after[v + 1 : v + 4]:  # inverted: "said X", "ha detto il ministro X"
            if it.entity is not None:
                found.add(it.entity, "after_inverted")
                return True
            if self.is_role(it):
                # "a déclaré le ministre du Travail, Olivier Dussopt": the person the role is given to.
                person = next(
                    (c.entity for c in after[v + 1 : v + 8] if c.entity is not None and c.entity.kind in _NAMED_VOICES),
                    None,
                )
                if person is not None:
                    found.add(person, "after_inverted")
                else:
                    anaphors.append(_Anaphor("role", it.word))
                return True
            if self.is_indefinite(it):
                anaphors.append(_Anaphor("unnamed"))
                return True
        subject = self._subject_before(after[:v])
        if isinstance(subject, Entity):
            found.add(subject, "after_subject")
        elif isinstance(subject, _Anaphor):
            if subject.kind == "pronoun":
                subject.own_sentence = True
            anaphors.append(subject)
        return True

    # -- phrases that name the source ----------------------------------------------------

    def _according_to(self, items: list[Item]) -> list[Entity]:
        """The name after "secondo", "according to", "selon", "laut", "según"; after
        "Pour"/"Per" opening the sentence; before "zufolge"."""
        out = []
        words = [it.word for it in items]
        for phrase in self.lang.attribution:
            n = len(phrase)
            for k in range(len(items) - n):
                if tuple(words[k : k + n]) == phrase and items[k + n].entity is not None:
                    out.append(items[k + n].entity)
        if len(items) >= 2 and words[0] in self.lang.opening_attribution and items[1].entity is not None:
            out.append(items[1].entity)
        for k, it in enumerate(items[1:], 1):
            if it.word in self.lang.attribution_after and items[k - 1].entity is not None:
                out.append(items[k - 1].entity)
        return [e for e in out if e is not None]

    def _nominal(self, items: list[Item]) -> list[Entity]:
        """The name after a statement noun: "una dichiarazione di X", "a statement by X"."""
        out = []
        for k, it in enumerate(items):
            if it.entity is not None or it.word not in self.lang.statement_nouns:
                continue
            for c in items[k + 1 : k + 4]:
                if c.entity is not None:
                    out.append(c.entity)
                    break
                if c.word not in self.lang.prepositions and c.word not in self.lang.stopwords and not self.is_role(c):
                    break
        return out

    # -- who a pronoun, role or dropped subject stands for ---------------------------------

    def _resolve(
        self, a: _Anaphor, before: list[Item], antecedent: Entity | None, previous: Entity | None, found: _Found
    ) -> None:
        if a.kind == "unnamed":
            found.nobody.add("unnamed_subject")
            return
        if a.kind == "role":
            holders = self.roles.get(a.role, ())
            for h in holders:
                found.add(h, "role_holder" if len(holders) == 1 else "role_shared")
            k = next((i for i, it in enumerate(before) if it.word == a.role and it.entity is None), None)
            if k is not None:
                # "il portavoce di Meta": the organisation speaks through its spokesperson.
                for c in before[k + 1 : k + 3]:
                    if c.entity is not None and c.entity.kind != EntityKind.PLACE:
                        found.add(c.entity, "role_org" if c.entity.kind == EntityKind.ORG else "role_named")
                        break
            if not holders:
                found.nobody.add("role_unknown")
            return
        tag = a.kind  # "pronoun" or "dropped"
        if a.own_sentence:
            for it in before:
                if it.entity is not None and it.entity.kind == EntityKind.PERSON:
                    found.add(it.entity, f"{tag}_same_sentence")
                    break
        if antecedent is not None:
            found.add(antecedent, f"{tag}_antecedent")
        if previous is not None:
            found.add(previous, f"{tag}_previous_speaker")

    def _antecedent(self, block: int, lo: int) -> Entity | None:
        """The person a "he" at `lo` most likely stands for: in the nearest of the three
        sentences before that names a person, the subject of its speech verb, else the
        first person it names (never one inside a quotation)."""
        for _ in range(3):
            block, lo, items = self.article.sentence_before(block, lo)
            if not items:
                return None
            items = self.unquoted(block, items)
            verbs = [k for k, it in enumerate(items) if self.is_speech(it)]
            if verbs:
                for k in range(verbs[0] - 1, -1, -1):
                    it = items[k]
                    if it.entity is not None and it.entity.kind == EntityKind.PERSON and not self.is_object(items, k):
                        return it.entity
            for it in items:
                if it.entity is not None and it.entity.kind == EntityKind.PERSON:
                    return it.entity
        return None

    # -- the article ---------------------------------------------------------------------

    def most_quoted(self) -> Entity | None:
        """The person the article quotes most by a direct cue (twice at least)."""
        if not self._counted:
            self._counted = True
            counts: Counter = Counter()
            for i in range(len(self.quotes)):
                found = self._relations(i, None)
                for entity, feats in found.items():
                    if entity.kind == EntityKind.PERSON and feats & DIRECT:
                        counts[entity] += 1
            if counts:
                entity, n = counts.most_common(1)[0]
                self._most_quoted = entity if n >= 2 else None
        return self._most_quoted


class _Found:
    """Features gathered for each entity, and for nobody."""

    def __init__(self) -> None:
        self._by_id: dict[str, tuple[Entity, set[str]]] = {}
        self.nobody: set[str] = {"nobody"}

    def add(self, entity: Entity, feature: str) -> None:
        self._by_id.setdefault(entity.id, (entity, set()))[1].add(feature)

    def items(self) -> list[tuple[Entity, set[str]]]:
        """Each entity with its features, in the order they were first seen."""
        return list(self._by_id.values())
