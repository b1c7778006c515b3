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
  previous speaker; a noun for an organisation ("the company said", "a déclaré le
  ministère") stands for the organisation named last;
- a quotation with no cue of its own: the previous speaker, the subject of a speech
  verb in the sentence before, "X said." after it;
- whether it is named inside the quotation (seldom its speaker), or in an aside
  there that attributes it («A – dichiara X – B»), its kind.

The choice "nobody named" has features of its own (no cue at all, an unnamed
subject such as "someone", "a former employee"). speaker_model.py weighs them all.
Places never speak; organisations only where a cue of the text makes them speak.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

from reader.core.analysis.kinds import EntityKind
from reader.core.analysis.lexicon import Lexicon
from reader.core.analysis.quote_frames import ArticleItems, Frame, Item, QuoteNeighbours, frame_of
from reader.core.analysis.results import Entity, Quote
from reader.core.analysis.speaker_cues import Anaphor, CueReader, Cues, Found

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
        "body_named",
        "body_recent",
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


@dataclass(frozen=True)
class Choice:
    """One answer to "who said it": an entity, or None for nobody the text names."""

    entity: Entity | None
    features: frozenset[str]


class EvidenceReader:
    """Reads the evidence around each quotation of an article."""

    def __init__(self, article: ArticleItems, quotes: list[Quote], roles: dict[str, tuple[Entity, ...]], lang: Lexicon):
        self.article = article
        self.quotes = quotes
        self.neighbours = QuoteNeighbours(quotes)
        self._previous_cache: dict[int, tuple[list[Item], Entity | None, list[Entity]]] = {}
        self.roles = roles
        self.lang = lang
        self.cues = CueReader(lang)
        spans: dict[int, list[tuple[int, int]]] = {}
        for q in quotes:
            for part in q.parts:
                spans.setdefault(part.block, []).append((part.start, part.end))
        self.quoted: dict[int, tuple[list[int], list[int]]] = {}
        """Per block, the starts of the quoted spans in order and the furthest end reached
        by any of them so far: a word lies in a quotation when a span starting at or
        before it reaches its end (a name inside a quotation is no one's subject)."""
        for block, found in spans.items():
            found.sort()
            self.quoted[block] = ([s for s, _ in found], list(accumulate((e for _, e in found), max)))
        self._most_quoted: Entity | None = None
        self._counted = False
        self._cue_cache: dict[int, Cues] = {}
        self._unquoted: dict[int, tuple[list[Item], list[Item]]] = {}

    def unquoted(self, block: int, items: list[Item]) -> list[Item]:
        """The items not inside a quotation (a sentence's items are read once: many
        quotations look back at the same sentence)."""
        spans = self.quoted.get(block)
        if not spans:
            return items
        done = self._unquoted.get(id(items))
        if done is not None and done[0] is items:
            return done[1]
        starts, reach = spans
        out = []
        for it in items:
            k = bisect_right(starts, it.start) - 1
            if k < 0 or reach[k] < it.end:
                out.append(it)
        self._unquoted[id(items)] = (items, out)
        return out

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

    def _cues(self, index: int) -> Cues:
        """What the quotation's own sentence says: read once per quotation."""
        done = self._cue_cache.get(index)
        if done is None:
            done = self._cue_cache[index] = self.cues.read(frame_of(self.article, self.quotes, index, self.neighbours))
        return done

    def _previous_sentence(self, prev: list[Item]) -> tuple[Entity | None, list[Entity]]:
        """The subject of the last speech verb or statement noun of a sentence, and the
        entities it names: read once per sentence, as many quotations may follow one."""
        done = self._previous_cache.get(id(prev))
        if done is not None and done[0] is prev:
            return done[1], done[2]
        verbs = [
            k
            for k, it in enumerate(prev)
            if self.cues.is_speech(it) or (it.entity is None and it.word in self.lang.statement_nouns)
        ]
        subject = self.cues.subject_before(prev[: verbs[-1]]) if verbs else None
        speaker = subject if isinstance(subject, Entity) else None
        named = [it.entity for it in prev if it.entity is not None]
        self._previous_cache[id(prev)] = (prev, speaker, named)  # the list kept: its id stays its own
        return speaker, named

    def _relations(self, index: int, previous: Entity | None) -> Found:
        q = self.quotes[index]
        cues = self._cues(index)
        frame, found, cue = cues.frame, cues.found.copy(), cues.cue
        before = frame.before
        anaphors = [Anaphor(a.kind, a.role, a.own_sentence) for a in cues.anaphors]
        nested = q.nested_in is not None
        if nested:
            found.nobody.add("nested")
        # The sentence before: the subject of a speech verb or of a statement noun there
        # often speaks on ("X issued a statement on Monday. «…»").
        pb, _, prev = self.article.sentence_before(frame.block, frame.lo)
        subject, named = self._previous_sentence(self.unquoted(pb, prev))
        if subject is not None:
            found.add(subject, "previous_sentence_subject")
        for entity in named:
            found.add(entity, "previous_sentence_named")
        antecedent = self._antecedent(frame.block, frame.lo)
        if antecedent is not None:
            found.add(antecedent, "recent_person")
        near = False
        if previous is not None and index > 0:
            earlier = self.quotes[index - 1].parts[-1].block
            near = frame.block in (earlier, earlier + 1)
            found.add(previous, "previous_speaker_near" if near else "previous_speaker_far")
        for a in anaphors:
            if a.kind == "body":
                self._body(a.role, frame, found)
                continue
            self._resolve(a, frame.before, antecedent, previous, found)
        if previous is not None and frame.shares_sentence and not any(it.entity is not None for it in before):
            found.add(previous, "shares_sentence_previous")  # "…", it added; and, later, "…"
        if not cue:
            found.nobody.add("no_cue")
            if previous is not None and near and not before and not nested:
                found.add(previous, "continues_previous")
            nxt = self.article.next_sentence(frame.end_block, frame.hi)[:6]
            if any(self.cues.is_speech(it) for it in nxt):
                for it in nxt:
                    if it.entity is not None:
                        found.add(it.entity, "next_said")
                        break
        for part in q.parts:
            block = self.article.block(part.block)
            inside = block.between(part.start, part.end)
            for it in inside:
                if it.entity is not None:
                    found.add(it.entity, "named_inside")
            for entity in self._aside(block.text, inside):
                found.add(entity, "inside_aside")
        return found

    def _aside(self, text: str, items: list[Item]) -> list[Entity]:
        """The speaker an aside inside the marks names: «A – dichiara X – B», "A, X said, B",
        «A, a-t-il ajouté X, B»: a speech verb after a dash or a comma, with the name
        right after it or right before it."""
        out = []
        for k, it in enumerate(items):
            if not self.cues.is_speech(it):
                continue
            start = k
            while start > 0 and items[start - 1].entity is None and items[start - 1].word in self.lang.auxiliaries:
                start -= 1  # "a ajouté", "ha detto"
            for j in (k + 1, k + 2, start - 1):
                entity = items[j].entity if 0 <= j < len(items) else None
                if entity is None:
                    continue
                before = text[: items[min(j, start)].start].rstrip()
                if before.endswith(("–", "—", "-", ",")):
                    out.append(entity)
                    break
        return out

    # -- who a pronoun, role or dropped subject stands for ---------------------------------

    def _resolve(
        self, a: Anaphor, before: list[Item], antecedent: Entity | None, previous: Entity | None, found: Found
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
                if antecedent is not None:
                    found.add(antecedent, "role_antecedent")  # "Jasmine Paolini ha vinto. «…», ha detto la tennista"
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

    def _body(self, noun: str, frame: Frame, found: Found) -> None:
        """What "the company", "il ministero", "la société" said: the last organisation
        named before it (in its sentence or the three before) whose name holds the noun,
        else the last organisation named there ("the ministry" -> "Ministry of Health", "das
        Ministerium" -> "Bundesministerium für Gesundheit")."""
        spans = [frame.before]
        block, lo = frame.block, frame.lo
        for _ in range(3):
            block, lo, items = self.article.sentence_before(block, lo)
            if not items:
                break
            spans.append(self.unquoted(block, items))
        orgs = [
            it.entity for span in spans for it in reversed(span) if it.entity and it.entity.kind == EntityKind.ORG
        ]
        if not orgs:
            found.nobody.add("body_unknown")
            return
        named = next((e for e in orgs if any(w.endswith(noun) for w in e.name.casefold().split())), None)
        if named is not None:
            found.add(named, "body_named")
        else:
            found.add(orgs[0], "body_recent")

    def _antecedent(self, block: int, lo: int) -> Entity | None:
        """The person a "he" at `lo` most likely stands for: in the nearest of the three
        sentences before that names a person, the subject of its speech verb, else the
        first person it names (never one inside a quotation)."""
        for _ in range(3):
            block, lo, items = self.article.sentence_before(block, lo)
            if not items:
                return None
            items = self.unquoted(block, items)
            verbs = [k for k, it in enumerate(items) if self.cues.is_speech(it)]
            if verbs:
                for k in range(verbs[0] - 1, -1, -1):
                    it = items[k]
                    person = it.entity is not None and it.entity.kind == EntityKind.PERSON
                    if person and not self.cues.is_object(items, k):
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
            people: dict[str, Entity] = {}
            for i in range(len(self.quotes)):
                for entity, feats in self._cues(i).found.items():
                    if entity.kind == EntityKind.PERSON and feats & DIRECT:
                        counts[entity.id] += 1
                        people[entity.id] = entity
            if counts:
                key, n = counts.most_common(1)[0]
                self._most_quoted = people[key] if n >= 2 else None
        return self._most_quoted
