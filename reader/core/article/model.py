"""The article model: a Document of Blocks. Imports nothing of its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "blockquote", "list_item"]
InlineKind = Literal["em", "strong", "link", "code"]

@dataclass(frozen=True, slots=True)
class InlineSpan:
    """Markdown emphasis, a link or inline code, as offsets into its block's text."""

    start: int
    end: int
    kind: InlineKind
    href: str | None = None


@dataclass(slots=True)
class Block:
    """One unit of the article as it is read: a heading, paragraph, quote or list item."""

    index: int
    """Position in the document, from 0."""
    kind: BlockKind
    text: str
    """Plain text of the block, inline markup removed."""
    level: int = 0
    """Heading level (1 for the title); 0 for other blocks."""
    spans: tuple[InlineSpan, ...] = ()
    """Emphasis, links and code in `text`."""

    @property
    def id(self) -> str:
        """Stable id: the same article always gives the same ids."""
        return f"b{self.index + 1}"


@dataclass(slots=True)
class Document:
    """An article as the reader holds it."""

    title: str
    blocks: list[Block]
    source: str
    """The path it was loaded from, or "-" for standard input."""
    format: Literal["text", "markdown"] = "text"
    warnings: list[str] = field(default_factory=list)
    """Things the user should know about the load, e.g. a cp1252 fallback."""

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)
