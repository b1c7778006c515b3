"""The article model: a Document of Blocks, loaded from plain text, Markdown or stdin."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from reader.core.textio import read_source

BlockKind = Literal["heading", "paragraph", "blockquote", "list_item"]
InlineKind = Literal["em", "strong", "link", "code"]

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


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
    language: str = "und"
    """ISO 639-1 code of the block's language, or "und" when unsure."""

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
    language: str = "und"
    language_confidence: float = 0.0
    warnings: list[str] = field(default_factory=list)
    """Things the user should know about the load, e.g. a cp1252 fallback."""

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)


def parse(text: str, *, markdown: bool, source: str = "-") -> Document:
    """Build a Document from clean text (see `textio.clean`)."""
    if markdown:
        from reader.core.markdown import parse_markdown

        title, blocks = parse_markdown(text)
        fmt = "markdown"
    else:
        from reader.core.plaintext import parse_plain

        title, blocks = parse_plain(text)
        fmt = "text"
    return Document(title=title, blocks=blocks, source=source, format=fmt)


def looks_like_markdown(text: str) -> bool:
    """Guess whether text from standard input is Markdown: ATX headings or front matter."""
    head = text.lstrip()[:4000]
    if head.startswith("---\n"):
        return True
    lines = head.splitlines()
    return sum(1 for ln in lines if ln.startswith(("# ", "## ", "### "))) >= 1


def load(path: str | Path) -> Document:
    """Load an article from a file path, or from standard input with "-".

    Raises:
        InputError: for anything that cannot be read as an article.
    """
    path = str(path)
    decoded, name = read_source(path)
    if path == "-":
        markdown = looks_like_markdown(decoded.text)
    else:
        markdown = Path(path).suffix.lower() in MARKDOWN_SUFFIXES
    doc = parse(decoded.text, markdown=markdown, source=path)
    if not doc.blocks:
        from reader.core.errors import InputError

        raise InputError(f"{name}: no text")
    doc.warnings.extend(decoded.warnings)
    return doc
