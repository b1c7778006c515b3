"""Loading an article: from a file or standard input, as plain text or Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from reader.core.article.decoding import read_source
from reader.core.article.markdown_parser import parse_markdown
from reader.core.article.model import Document
from reader.core.article.plain_parser import parse_plain
from reader.core.errors import InputError

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


def parse(text: str, *, markdown: bool, source: str = "-") -> Document:
    """Build a Document from clean text (see `textio.clean`)."""
    fmt: Literal["text", "markdown"]
    if markdown:
        title, blocks = parse_markdown(text)
        fmt = "markdown"
    else:
        title, blocks = parse_plain(text)
        fmt = "text"
    return Document(title=title, blocks=blocks, source=source, format=fmt, text=text)


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
    # Standard input has no name to go by: the text itself says whether it is Markdown.
    markdown = looks_like_markdown(decoded.text) if path == "-" else Path(path).suffix.lower() in MARKDOWN_SUFFIXES
    doc = parse(decoded.text, markdown=markdown, source=path)
    if not doc.blocks:
        raise InputError(f"{name}: no text")
    doc.warnings.extend(decoded.warnings)
    return doc
