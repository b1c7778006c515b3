"""What an analysis finds: the plain records its stages return, the panel shows and
the library's cache stores.

They live apart from the stages that find them, so that reading a kept analysis
(`stored.from_stored`) loads these few classes, not the rules and word lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.analysis.kinds import EntityKind
from reader.core.article.model import Document


@dataclass(frozen=True, slots=True)
class Languages:
    """The languages of an article, as ISO 639-1 codes ("und" when unsure)."""

    document: str
    """The article's language."""
    confidence: float
    """langdetect's probability for the article's language (0.0 when it had too little text)."""
    blocks: tuple[str, ...]
    """Each block's language, in block order."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an entity is named: a block, and where in its text."""

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


@dataclass(frozen=True, slots=True)
class QuotePart:
    block: int
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """A direct quotation: its words (without the marks), where they are, and who said them."""

    parts: tuple[QuotePart, ...]
    """Where its words are: one part per paragraph it spans."""
    text: str
    speaker: str | None = None
    """The speaking entity's name, or None where the text does not say."""
    speaker_id: str | None = None
    nested_in: int | None = None
    """Index (in the quote list) of the quotation this one is nested in."""
    id: str = ""

    @property
    def block(self) -> int:
        return self.parts[0].block

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[0].end

    def to_json(self) -> dict:
        data = {
            "id": self.id,
            "block": self.block,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
        }
        if len(self.parts) > 1:
            data["parts"] = [{"block": p.block, "start": p.start, "end": p.end} for p in self.parts]
        return data


@dataclass(frozen=True)
class Topic:
    """A section of the article, or a key phrase, with the blocks it covers."""

    id: str
    kind: str
    """"section" or "keyword"."""
    title: str
    blocks: tuple[int, ...] = ()

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "title": self.title, "blocks": list(self.blocks)}


@dataclass(frozen=True)
class Analysis:
    """Everything the side panel shows about an article."""

    document: Document
    """The article analysed, as it was given (the analysis changes nothing in it)."""
    languages: Languages
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)

    @property
    def language(self) -> str:
        """The article's language: an ISO 639-1 code, or "und" when unsure."""
        return self.languages.document
