"""The article model: a Document of Blocks. Imports nothing of its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "blockquote", "list_item", "code", "table"]
"""What a block is. "code" (a Markdown code block) is text shown as written and never
searched for names or quotations; "table" holds its cells in `Block.cells`."""
InlineKind = Literal["em", "strong", "link", "code", "image"]

Cell = tuple[int, int]
"""A table cell: (start, end) offsets into its block's text."""


@dataclass(frozen=True, slots=True)
class InlineSpan:
    """Markdown emphasis, a link or inline code, as offsets into its block's text."""

    start: int
    end: int
    kind: InlineKind
    href: str | None = None


@dataclass(slots=True)
class Block:
    """One unit of the article as it is read: a heading, paragraph, quote, list item,
    code block or table. Each is one paragraph (¶) to navigate and annotate."""

    index: int
    """Position in the document, from 0."""
    kind: BlockKind
    text: str
    """Plain text of the block, inline markup removed."""
    level: int = 0
    """Heading level (1 for the title); 0 for other blocks."""
    spans: tuple[InlineSpan, ...] = ()
    """Emphasis, links and code in `text`."""
    list_depth: int = 0
    """How deep in lists the block is: 1 in a list, 2 in a list inside it, ...; 0 outside."""
    quote_depth: int = 0
    """How many blockquotes the block is in (a bar is shown for each)."""
    marker: str = ""
    """A list item's bullet or number ("•", "3."), on the item's first block only."""
    info: str = ""
    """A code block's language, from its fence ("python"), if given."""
    cells: tuple[tuple[Cell, ...], ...] = ()
    """A table's rows of cells; its text is the rows on lines, cells joined by " | "."""
    header_rows: int = 0
    """How many of a table's first rows are its header."""
    align: tuple[str, ...] = ()
    """A table's column alignments: "left", "right", "center" or ""."""

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
    text: str = ""
    """The clean text it was parsed from (Markdown source for Markdown): what the
    library keeps a copy of, and hashes to know an article it has seen."""

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)
