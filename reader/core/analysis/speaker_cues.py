"""What a quotation's own sentence says about its source: the cues the speaker stage reads.

A speech verb before the quotation and its subject (`X ha detto: «…»`), one after
it (`"…", X said`) or inverted (`"…", said X`, `a déclaré X`), a colon after a name
or a clause (`Rossi: «…»`), an attribution phrase (`according to X`) or a
statement noun (`una dichiarazione di X`). A cue whose subject is no name is an
Anaphor: a pronoun, a role noun ("il portavoce"), a noun for an organisation
("the company", "l'azienda"), a dropped subject ("ha aggiunto") or an unnamed one
("qualcuno"); speaker_evidence.py resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.analysis.kinds import EntityKind
from reader.core.analysis.lexicon import Lexicon
from reader.core.analysis.quote_frames import Frame, Item
from reader.core.analysis.results import Entity

_NAMED_VOICES = (EntityKind.PERSON, EntityKind.OTHER)
"""Names that may be a person's: a subject before an organisation nearer the verb."""


@dataclass(frozen=True)
class Cues:
    """A quotation's frame, and what its own sentence's cues say."""

    frame: Frame
    found: Found
    anaphors: tuple[Anaphor, ...]
    cue: bool
    """A speech verb, a colon, an attribution phrase or a statement noun is there."""


@dataclass
class Anaphor:
    """A cue's subject that is not a name: "pronoun", "role", "body" (a common noun for an
    organisation: "the company"), "dropped" or "unnamed"."""

    kind: str
    role: str = ""
    own_sentence: bool = False


class CueReader:
    """Reads the cues of a quotation's own sentence: speech verbs and their subjects, a colon,
    attribution phrases, statement nouns."""

    def __init__(self, lang: Lexicon):
        self.lang = lang
        self._suffixes = tuple(sorted(lang.pronoun_suffixes))

    def read(self, frame: Frame) -> Cues:
        """The cues of a quotation's frame, and the names they make speak."""
        found = Found()
        before, after = frame.before, frame.after[:9]
        anaphors: list[Anaphor] = []
        cue = self.read_before(before, ":" in frame.gap_before, found, anaphors)
        cue = self.read_after(after, found, anaphors) or cue
        for entity in self.according_to(before) + self.according_to(after):
            found.add(entity, "according_to")
            cue = True
        for entity in self.nominal(before):
            found.add(entity, "nominal")
            cue = True
        return Cues(frame, found, tuple(anaphors), cue)

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

    def is_body(self, it: Item) -> bool:
        """A common noun for an organisation ("the company", "l'azienda", "das Ministerium"):
        as a speech verb's subject it stands for the organisation named last."""
        return it.entity is None and it.word in self.lang.org_cues

    def is_indefinite(self, it: Item) -> bool:
        return it.entity is None and it.word in self.lang.indefinites and it.word not in self.lang.stopwords

    def is_object(self, items: list[Item], k: int) -> bool:
        """A name right after a preposition is an object ("gli abitanti di Esino Lario")."""
        return k > 0 and items[k - 1].entity is None and items[k - 1].word in self.lang.prepositions

    # -- the cue before the quotation -------------------------------------------------

    def read_before(self, before: list[Item], colon: bool, found: Found, anaphors: list[Anaphor]) -> bool:
        verbs = [k for k, it in enumerate(before) if self.is_speech(it)]
        for k, it in enumerate(before):
            if it.entity is not None:
                found.add(it.entity, "object_before" if self.is_object(before, k) else "named_before")
        if verbs:
            v = verbs[-1]
            if self.is_pronoun(before[v]):
                anaphors.append(Anaphor("pronoun"))
                return True
            subject = self.subject_before(before[:v])
            if isinstance(subject, Entity):
                found.add(subject, "before_subject")
            elif isinstance(subject, Anaphor):
                anaphors.append(subject)
            for it in before[v + 1 : v + 4]:
                if it.entity is not None:
                    found.add(it.entity, "before_inverted")
                    break
                if self.is_role(it):
                    anaphors.append(Anaphor("role", it.word))
                    break
            return True
        if not colon:
            if before and self.is_pronoun(before[0]):
                anaphors.append(Anaphor("pronoun"))  # "He described Montalvo as "…""
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
        elif isinstance(subject, Anaphor):
            anaphors.append(subject)
        elif before and before[0].entity is None and before[0].word in self.lang.auxiliaries:
            anaphors.append(Anaphor("dropped"))  # "Ha anche espresso fiducia: «…»"
        return True

    def subject_before(self, items: list[Item]) -> Entity | Anaphor | None:
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
                return Anaphor("pronoun")
            if self.is_role(it):
                person = self._person_before(items, k)  # "John Carter, the port's director, replied"
                return person if person is not None else Anaphor("role", it.word)
            if self.is_body(it) and all(
                x.entity is None and x.word in self.lang.auxiliaries | self.lang.stopwords for x in items[k + 1 :]
            ):
                # "the company (also) said", "l'azienda ha detto"; "a company said" names none
                if k and items[k - 1].entity is None and items[k - 1].word in self.lang.indefinites:
                    return Anaphor("unnamed")
                return Anaphor("body", it.word)
            if self.is_indefinite(it):
                return Anaphor("unnamed")
        if org is not None:
            return org
        light = self.lang.auxiliaries | self.lang.stopwords
        if all(it.entity is None and it.word in light for it in items):
            return Anaphor("dropped")  # "«…», ha aggiunto", "disse."
        content = [it for it in items if it.entity is not None or it.word not in light]
        if len(content) == 1 and content[0].entity is None and items.index(content[0]) > 0:
            return Anaphor("unnamed")  # "…," the band said: a subject, and no name
        return None

    def _person_before(self, items: list[Item], k: int) -> Entity | None:
        for j in range(k - 1, max(-1, k - 7), -1):
            it = items[j]
            if self.is_indefinite(it):
                return None
            if it.entity is not None and it.entity.kind == EntityKind.PERSON and not self.is_object(items, j):
                return it.entity
        return None

    def _subject_position(self, items: list[Item]) -> Entity | Anaphor | None:
        """A person before the clause's first auxiliary: the subject of its verb."""
        for k, it in enumerate(items):
            if it.entity is None and it.word in self.lang.auxiliaries:
                break
            if it.entity is not None and it.entity.kind in _NAMED_VOICES and not self.is_object(items, k):
                return it.entity
            if self.is_pronoun(it):
                return Anaphor("pronoun")
            if self.is_indefinite(it):
                return Anaphor("unnamed")
        return None

    # -- the cue after the quotation ----------------------------------------------------

    def read_after(self, after: list[Item], found: Found, anaphors: list[Anaphor]) -> bool:
        for it in after:
            if it.entity is not None:
                found.add(it.entity, "named_after")
        verbs = [k for k, it in enumerate(after[:6]) if self.is_speech(it)]
        if not verbs:
            return False
        v = verbs[0]
        if self.is_pronoun(after[v]) or (v + 1 < len(after) and self.is_pronoun(after[v + 1])):
            anaphors.append(Anaphor("pronoun", own_sentence=True))  # "dit-il", "disse ele", "sagte er"
            return True
        for j, it in enumerate(after[v + 1 : v + 4], v + 1):  # inverted: "said X", "ha detto il ministro X"
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
                    anaphors.append(Anaphor("role", it.word))
                return True
            if self.is_body(it) and after[j - 1].word not in self.lang.prepositions:
                anaphors.append(Anaphor("body", it.word))  # "…", said the ministry (not "wrote on the site")
                return True
            if self.is_indefinite(it):
                anaphors.append(Anaphor("unnamed"))
                return True
        subject = self.subject_before(after[:v])
        if isinstance(subject, Entity):
            found.add(subject, "after_subject")
        elif isinstance(subject, Anaphor):
            if subject.kind == "pronoun":
                subject.own_sentence = True
            anaphors.append(subject)
        return True

    # -- phrases that name the source ----------------------------------------------------

    def according_to(self, items: list[Item]) -> list[Entity]:
        """The name after "secondo", "according to", "selon", "laut", "según"; after
        "Pour"/"Per" opening the sentence; before "zufolge"."""
        out = []
        words = [it.word for it in items]
        for phrase in self.lang.attribution:
            n = len(phrase)
            for k in range(len(items) - n):
                if tuple(words[k : k + n]) != phrase:
                    continue
                m = k + n
                if items[m].entity is None and items[m].word in self.lang.articles and m + 1 < len(items):
                    m += 1  # "according to the Korean Central News Agency"
                if items[m].entity is not None:
                    out.append(items[m].entity)
        if len(items) >= 2 and words[0] in self.lang.opening_attribution and items[1].entity is not None:
            out.append(items[1].entity)
        for k, it in enumerate(items[1:], 1):
            if it.word in self.lang.attribution_after and items[k - 1].entity is not None:
                out.append(items[k - 1].entity)
        return [e for e in out if e is not None]

    def nominal(self, items: list[Item]) -> list[Entity]:
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


class Found:
    """Features gathered for each entity, and for nobody."""

    def __init__(self) -> None:
        self._by_id: dict[str, tuple[Entity, set[str]]] = {}
        self.nobody: set[str] = {"nobody"}

    def add(self, entity: Entity, feature: str) -> None:
        self._by_id.setdefault(entity.id, (entity, set()))[1].add(feature)

    def copy(self) -> Found:
        other = Found()
        other._by_id = {k: (e, set(f)) for k, (e, f) in self._by_id.items()}
        other.nobody = set(self.nobody)
        return other

    def items(self) -> list[tuple[Entity, set[str]]]:
        """Each entity with its features, in the order they were first seen."""
        return list(self._by_id.values())
