"""Who said each quotation, where the text says so; None where it does not.

For each quotation the sentence around it is read in this order:

1. after the quotation: `«…», ha detto X`, `"…," said X`, `"…", X said`;
2. before it: the subject of a speech verb (`X ha scritto su X: "…"`), a person in
   subject position before a colon (`Mark Chen non ha potuto fare a meno di
   brontolare: "…"`), a name alone before a colon (`Rossi: «…»`), or an attribution
   phrase (`secondo X`, `according to X`, `selon X`, `laut X`, `según X`);
3. the neighbouring sentences: a speech verb and its subject in the sentence before
   (`Meta ha annunciato … Il motivo è che … "…"`) or a short `X said.` after.

A subject is an entity mention, a pronoun (the last person quoted), a role noun
("il portavoce", resolved to the entity seen with that title, or to the
organisation in "portavoce di Meta"), or an indefinite ("qualcuno", "un ex
ricercatore", "people"), which means the speaker is not named: None.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from reader.core.analysis import lexicon
from reader.core.analysis.entities import Entity, EntityFindings
from reader.core.analysis.kinds import EntityKind
from reader.core.analysis.lexicon import Lexicon
from reader.core.analysis.quote_frames import ArticleItems, Frame, Item, QuoteNeighbours, frame_of
from reader.core.analysis.quotes import Quote
from reader.core.analysis.tokens import Token
from reader.core.article.model import Document

_VOICES = (EntityKind.PERSON, EntityKind.ORG)
"""The kinds of entity that speak: people, and organisations through their spokespeople."""

UNNAMED = object()
"""A subject that is explicitly not a named entity (someone, a former employee)."""


def attribute(
    doc: Document, tokens: list[list[Token]], quotes: list[Quote], found: EntityFindings, language: str
) -> dict[str, Entity]:
    """Who said each quotation: quotation id -> the speaking entity, for the
    quotations whose speaker the text names."""
    lang = lexicon.get(language)
    finder = _Finder(ArticleItems(doc, tokens, found.entities), quotes, found.roles, lang)
    speakers: dict[str, Entity] = {}
    for i, q in enumerate(quotes):
        speaker = finder.speaker(i)
        finder.previous = speaker if isinstance(speaker, Entity) else None
        if isinstance(speaker, Entity):
            speakers[q.id] = speaker
            finder.last = speaker
    return speakers


_UNREAD = object()
"""What a _Sentence holds until it is worked out."""


@dataclass
class _Sentence:
    """A sentence before a quotation, as the rules read it: worked out once, as many
    quotations may look back at the same sentence."""

    items: list[Item]
    """Its items outside quotations."""
    verbs: list[int]
    """The indices of its speech verbs in items."""
    person: Entity | None | object = _UNREAD
    """The person a pronoun after it stands for (None: it names none)."""
    subject: Entity | None | object = _UNREAD
    """The subject of its last speech verb."""


class _Spans:
    """Character ranges of a block, asked whether one of them holds a range.

    Sorted once, with the farthest end reached so far, so each question is a binary
    search instead of a scan: a long paragraph may hold thousands of quotations.
    """

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))

    def hold(self, start: int, end: int) -> bool:
        """Whether a range starts at or before `start` and ends at or after `end`."""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


class _Finder:
    """The speaker rules, run on one quotation after another (in reading order)."""

    def __init__(self, article: ArticleItems, quotes: list[Quote], roles: dict[str, tuple[Entity, ...]], lang: Lexicon):
        self.article = article
        self.quotes = quotes
        self.neighbours = QuoteNeighbours(quotes)
        self.lang = lang
        self.roles = roles
        self._pronoun_suffixes = tuple(sorted(lang.pronoun_suffixes))
        self.last: Entity | None = None
        """The speaker of the last quotation attributed to a named entity."""
        quoted: dict[int, list[tuple[int, int]]] = {}
        for q in quotes:
            for part in q.parts:
                quoted.setdefault(part.block, []).append((part.start, part.end))
        self.quoted = {block: _Spans(spans) for block, spans in quoted.items()}
        """Per block, the spans of quoted words: a name inside a quotation is never its
        speaker, nor the one a pronoun after it stands for."""
        self.frame: Frame | None = None
        """The frame of the quotation being attributed."""
        self.previous: Entity | None = None
        """The speaker of the quotation just before this one, if the text named one."""
        self._sentences: dict[int, tuple[list[Item], _Sentence]] = {}
        """The sentences read so far, by the identity of their item list (kept with it)."""
        self._pronouns_read = 0
        """How many pronouns have been resolved (what depends on one is not kept)."""

    # -- the frame around a quotation ---------------------------------------------

    def speaker(self, index: int):
        """The speaker of quotation `index`: an Entity, UNNAMED, or None."""
        frame = self.frame = frame_of(self.article, self.quotes, index, self.neighbours)
        found = self._after(frame.after)
        if found is not None:
            return found
        found = self._before(frame.before, colon=":" in frame.gap_before)
        if found is not None:
            return found
        if not self._has_cue(frame.before, frame.gap_before):
            found = self._neighbours(frame.block, frame.lo, frame.end_block, frame.hi)
            if found is not None:
                return found
            return self._continued(index)
        return None

    def _continued(self, index: int) -> Entity | None:
        """A quotation with no cue of its own right after another goes on with its
        speaker: `"…," he said. "…"`, or a paragraph that opens with one."""
        frame = self._frame
        if self.previous is None or index == 0 or self.quotes[index].nested_in is not None:
            return None
        if frame.before or any(self._is_speech(it) for it in frame.after):
            return None
        earlier = self.quotes[index - 1].parts[-1].block
        return self.previous if frame.block in (earlier, earlier + 1) else None

    @property
    def _frame(self) -> Frame:
        assert self.frame is not None, "rules run only inside speaker()"
        return self.frame

    def _has_cue(self, items: list[Item], gap: str) -> bool:
        return ":" in gap or any(self._is_speech(it) for it in items) or self._attribution(items) is not None

    # -- rules ---------------------------------------------------------------------

    def _is_speech(self, item: Item) -> bool:
        if item.entity is not None:
            return False
        word = item.word
        if word in self.lang.speech_verbs:
            return True
        head, sep, tail = word.partition("-")
        return bool(sep) and head in self.lang.speech_verbs  # "dit-il", "ajoute-t-elle"

    def _is_pronoun(self, item: Item) -> bool:
        if item.entity is not None:
            return False
        word = item.word
        return word in self.lang.pronouns or word.endswith(self._pronoun_suffixes)

    def _after(self, after: list[Item]):
        """`"…," said X` / `«…», ha detto X` / `"…", X said` / `"…", he said`."""
        window = after[:9]  # room for "a déclaré le ministre du Travail, Olivier Dussopt"
        verbs = [k for k, it in enumerate(window[:6]) if self._is_speech(it)]
        if not verbs:
            return None
        v = verbs[0]
        if self._is_pronoun(window[v]):
            return self._pronoun(own_sentence=True)
        for it in window[v + 1 : v + 4]:  # inverted: "ha detto il ministro Rossi"
            subject = self._subject(it, window)
            if subject is not None:
                return subject
        for it in reversed(window[:v]):
            subject = self._subject(it, window)
            if subject is not None:
                return subject
        if self.last is not None and all(it.entity is None and it.word in self.lang.auxiliaries for it in window[:v]):
            # "«…», añadió", "«…», ha aggiunto": Italian and Spanish drop the subject of
            # the one who goes on speaking.
            return self.last
        return None

    def _before(self, before: list[Item], colon: bool):
        attributed = self._attribution(before)
        skip = {id(it) for it in before if it.entity is not None and it.entity is attributed}
        verbs = [k for k, it in enumerate(before) if self._is_speech(it)]
        for v in reversed(verbs):
            if self._is_pronoun(before[v]):
                return self._pronoun()
            subject = self._subject_before(before[:v], skip)
            if subject is not None:
                return subject
            for it in before[v + 1 : v + 4]:
                subject = self._subject(it, before)
                if subject is not None:
                    return subject
        if colon or verbs:
            subject = self._subject_position(before, skip)
            if subject is not None:
                return subject
            # "Rossi: «…»" — only a name (with its title) before the colon.
            named = [it for it in before if it.entity is not None]
            words = [
                it for it in before
                if it.entity is None and it.word not in self.lang.person_titles and it.word not in self.lang.stopwords
            ]
            speaker = named[0].entity if len(named) == 1 and not words else None
            if speaker is not None and speaker.kind in _VOICES:
                return speaker
        if attributed is not None:
            return attributed
        if (colon or verbs) and before and before[0].entity is None and (
            before[0].word in self.lang.auxiliaries or self._is_speech(before[0]) or self._frame.shares_sentence
        ):
            # Italian and Spanish drop the subject: "Ha anche espresso fiducia: «…»";
            # and a second quotation in a sentence ("…, and told the police, "…"")
            # goes on with the first one's speaker.
            return self.last
        if before and self._is_pronoun(before[0]):
            return self._pronoun()  # "He described Montalvo as "…""
        return None

    def _subject_position(self, items: list[Item], skip: set[int]):
        """A person before the clause's first auxiliary: the subject of its verb."""
        unnamed = False
        for k, it in enumerate(items):
            if id(it) in skip:
                continue
            if it.entity is None and it.word in self.lang.auxiliaries:
                break
            if it.entity is not None and it.entity.kind == EntityKind.PERSON and not self._is_object(items, k):
                return it.entity
            if it.entity is None and self._is_pronoun(it):
                return self._pronoun()
            if it.entity is None and it.word in self.lang.indefinites and it.word not in self.lang.stopwords:
                unnamed = True
        return UNNAMED if unnamed else None

    def _is_object(self, items: list[Item], k: int) -> bool:
        """A name right after a preposition is an object ("gli abitanti di Esino Lario")."""
        return k > 0 and items[k - 1].entity is None and items[k - 1].word in self.lang.prepositions

    def _subject_before(self, items: list[Item], skip: set[int]):
        # Walk back from the verb; the first subject-like item wins, but a person
        # named in the same clause beats an organisation that is nearer to the verb
        # ("il responsabile di OpenAI, Mark Chen, ha detto").
        found = None
        for k in range(len(items) - 1, -1, -1):
            it = items[k]
            if id(it) in skip:
                continue
            if it.entity is not None:
                if self._is_object(items, k) and it.entity.kind != EntityKind.ORG:
                    continue
                if it.entity.kind == EntityKind.PERSON:
                    return it.entity
                if found is None:
                    found = it.entity
                continue
            subject = self._subject(it, items)
            if subject is UNNAMED and found is None and self._is_role(it):
                # "John Carter, the port's director, replied": the role is the person's.
                person = self._person_before(items, k)
                if person is not None:
                    return person
            if subject is not None and found is None:
                return subject
        return found

    def _is_role(self, it: Item) -> bool:
        return it.entity is None and (it.word in self.lang.role_nouns or self.lang.is_title(it.word))

    def _person_before(self, items: list[Item], k: int) -> Entity | None:
        """A person named just before item k (an apposition's head), with no indefinite between."""
        for j in range(k - 1, max(-1, k - 7), -1):
            it = items[j]
            if it.entity is None and it.word in self.lang.indefinites:
                return None
            if it.entity is not None and it.entity.kind == EntityKind.PERSON and not self._is_object(items, j):
                return it.entity
        return None

    def _subject(self, it: Item, context: list[Item]):
        if it.entity is not None:
            return it.entity
        word = it.word
        if self._is_pronoun(it):
            return self._pronoun()
        if word in self.lang.role_nouns or self.lang.is_title(word):
            k = context.index(it)
            prev = [c.word for c in context[max(0, k - 2) : k] if c.entity is None]
            if any(p in self.lang.indefinites for p in prev):
                return UNNAMED
            # "le ministre du Travail, Olivier Dussopt": the person the role is given to.
            for c in context[k + 1 : k + 6]:
                if c.entity is not None and c.entity.kind == EntityKind.PERSON:
                    return c.entity
                if c.entity is None and c.word not in self.lang.stopwords and not (c.token and c.token.is_capitalised):
                    break  # a verb or a common noun: the role has no name next to it
            # "portavoce di Meta": the organisation speaks through its spokesperson.
            for c in context[k + 1 : k + 3]:
                if c.entity is not None and c.entity.kind in _VOICES:
                    return c.entity
            holders = self.roles.get(word, ())
            if len(holders) == 1:
                return holders[0]
            return UNNAMED
        if word in self.lang.indefinites and word not in self.lang.stopwords:
            return UNNAMED
        return None

    def _pronoun(self, own_sentence: bool = False):
        """He, she, lui, il, er: in the nearest of the three previous sentences that
        names a person, the subject of its speech verb, else the first person named
        (never inside a quotation); else the last speaker. For a pronoun after the
        quotation, first the person named before it in its own sentence."""
        if own_sentence:
            # "Élisabeth Borne estime que « … », explique-t-elle": the sentence's subject.
            for it in self._frame.before:
                if it.entity is not None and it.entity.kind == EntityKind.PERSON:
                    return it.entity
        self._pronouns_read += 1
        block, lo = self._frame.block, self._frame.lo
        for _ in range(3):
            block, lo, items = self.article.sentence_before(block, lo)
            if not items:
                break
            sentence = self._read(block, items)
            if sentence.person is _UNREAD:
                sentence.person = self._person_in(sentence)
            if sentence.person is not None:
                return sentence.person
        return self.last if self.last is not None else UNNAMED

    def _person_in(self, sentence: _Sentence) -> Entity | None:
        """The person a pronoun after the sentence stands for, if it names one."""
        items, verbs = sentence.items, sentence.verbs
        # "Sentado ao lado de Dilma Rousseff, Chávez disse que …": who spoke, not
        # whoever the sentence names first.
        if verbs:
            for k in range(verbs[0] - 1, -1, -1):
                it = items[k]
                if it.entity is not None and it.entity.kind == EntityKind.PERSON and not self._is_object(items, k):
                    return it.entity
        for it in items:
            if it.entity is not None and it.entity.kind == EntityKind.PERSON:
                return it.entity
        return None

    def _read(self, block: int, items: list[Item]) -> _Sentence:
        """A sentence of the article (its items as the article keeps them), read once."""
        held = self._sentences.get(id(items))
        if held is None or held[0] is not items:
            unquoted = self._unquoted(block, items)
            verbs = [k for k, it in enumerate(unquoted) if self._is_speech(it)]
            held = self._sentences[id(items)] = (items, _Sentence(unquoted, verbs))
        return held[1]

    def _unquoted(self, block: int, items: list[Item]) -> list[Item]:
        """The items of a block that are not words of a quotation."""
        spans = self.quoted.get(block)
        if spans is None:
            return items
        return [it for it in items if not spans.hold(it.start, it.end)]

    def _attribution(self, items: list[Item]):
        """The entity after `secondo`, `according to`, `selon`, `laut`, `según`."""
        words = [it.word for it in items]
        for phrase in self.lang.attribution:
            n = len(phrase)
            for k in range(len(items) - n):
                if tuple(words[k : k + n]) == phrase:
                    nxt = items[k + n]
                    if nxt.entity is not None and nxt.entity.kind in _VOICES:
                        return nxt.entity
        # "Pour Marine Le Pen, « … »", "Per Salvini «…»": only at the sentence's start.
        if len(items) >= 2 and words[0] in self.lang.opening_attribution:
            nxt = items[1]
            if nxt.entity is not None and nxt.entity.kind in _VOICES:
                return nxt.entity
        # A postposition gives the source before it: "dem Sprecher zufolge", "X zufolge".
        for k, it in enumerate(items[1:], 1):
            if it.word in self.lang.attribution_after and items[k - 1].entity is not None:
                return items[k - 1].entity
        return None

    def _neighbours(self, block: int, lo: int, end_block: int, hi: int):
        """A speech verb's subject in the previous sentence, or `X said.` just after;
        a name quoted in that sentence is not its subject."""
        prev_block, _, prev = self.article.sentence_before(block, lo)
        sentence = self._read(prev_block, prev)
        prev, verbs = sentence.items, sentence.verbs
        if verbs:
            subject = sentence.subject
            if subject is _UNREAD:
                read = self._pronouns_read
                subject = self._subject_before(prev[: verbs[-1]], set())
                if self._pronouns_read == read:  # no pronoun resolved: the same for every quotation
                    sentence.subject = subject
            if subject is not None:
                return subject
        nxt = self._next_sentence(end_block, hi)[:6]
        if any(self._is_speech(it) for it in nxt):
            for it in nxt:
                if it.entity is not None and it.entity.kind in _VOICES:
                    return it.entity
        return None

    def _next_sentence(self, block: int, hi: int) -> list[Item]:
        return self.article.next_sentence(block, hi)
