"""The article in a web page: trafilatura on bytes reader fetched (never its own fetcher).

Extraction favours precision and leaves comments out: a close reader wants the
article, not the sidebar. The page is decoded here (header, then the page's own
declaration) because trafilatura guesses encodings from the bytes alone. The body
comes out as Markdown, written from trafilatura's tree so that blockquotes survive,
and goes through the existing Markdown path (`reader.core.article.parse`).
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from reader.core.article.decoding import clean
from reader.core.web.charset import decode_page
from reader.core.web.errors import ExtractionError
from reader.core.web.markdown_writer import escape, write_markdown

if TYPE_CHECKING:
    from reader.core.article.model import Document
    from reader.core.web.fetch import FetchResult

_CANONICAL = re.compile(r"""<link\b[^>]*\brel\s*=\s*["']?canonical\b[^>]*>""", re.I)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_quiet = False


@dataclass(frozen=True)
class Extracted:
    """An article taken out of a web page: its metadata and its body as Markdown."""

    title: str
    body: str
    """Markdown: headings, paragraphs, lists and blockquotes, without the title."""
    author: str | None = None
    """The byline as the page gives it ("Jane Doe; John Roe" for several)."""
    published: str | None = None
    """The publication date found on the page, ISO 8601 ("2016-09-09")."""
    site: str | None = None
    """The site's name ("The Harbour Ledger"), else its host name."""
    url: str | None = None
    """The canonical address when the page names one, else the address it came from."""
    description: str | None = None
    encoding: str = "utf-8"
    """The codec the page was decoded with."""

    @property
    def markdown(self) -> str:
        """The article as `reader.core.article.parse(text, markdown=True)` takes it: title heading, then body."""
        return f"# {escape(self.title)}\n\n{self.body}"

    def document(self, source: str | None = None) -> Document:
        """The article as the reader holds it, with `source` (default: its URL) as its source."""
        from reader.core.article import parse

        return parse(self.markdown, markdown=True, source=source or self.url or "-")

    def source(self) -> dict[str, str | None]:
        """Where the article came from, as the analysis JSON's optional `source` object."""
        return {"url": self.url, "site": self.site, "author": self.author, "published": self.published}


def extract_article(data: bytes | str, *, url: str | None = None, charset: str | None = None,
                    name: str | None = None) -> Extracted:
    """Extract the article from a page's HTML.

    Args:
        data: the page, as bytes (decoded here) or text.
        url: the address it came from, to resolve a relative canonical link and to
            fall back on when the page names none.
        charset: the charset of the HTTP Content-Type header, if any.
        name: how to name the page in errors (default: the URL).

    Raises:
        ExtractionError: when no article text is found (exit status 2).
    """
    shown = name or url or "page"
    if isinstance(data, bytes):
        text, encoding = decode_page(data, charset)
    else:
        text, encoding = data, "utf-8"
    document = _run_trafilatura(text, url)
    body = "" if document is None or document.body is None else clean(write_markdown(document.body))
    if not body.strip():
        raise ExtractionError(f"{shown}: no article text found on the page")
    title = _one_line(getattr(document, "title", None)) or ""
    body = _without_title(body, title)
    if not body.strip():
        raise ExtractionError(f"{shown}: no article text found on the page")
    if not title:
        title = _first_line(body)
    return Extracted(
        title=title,
        body=body,
        author=_one_line(document.author),
        published=_one_line(document.date),
        site=_one_line(document.sitename) or _one_line(document.hostname),
        url=_canonical(text, url) or _one_line(document.url) or url,
        description=_one_line(document.description),
        encoding=encoding,
    )


def extract_fetched(result: FetchResult) -> Extracted:
    """Extract the article from a page `fetch_url` brought back."""
    if result.kind != "html":
        raise ExtractionError(f"{result.url}: not a web page ({result.content_type or result.kind})")
    return extract_article(result.content, url=result.url, charset=result.charset)


def extract_file(path: str | Path) -> Extracted:
    """Extract the article from a saved `.html` page.

    Raises:
        InputError: the file cannot be read or is too large; ExtractionError: no article in it.
    """
    from reader.core.article import read_file

    data = read_file(path, "a web page")
    return extract_article(data, name=str(path))


def _run_trafilatura(text: str, url: str | None) -> Any:
    import trafilatura

    _silence_libraries()
    try:
        return trafilatura.bare_extraction(
            text,
            url=url,
            include_comments=False,
            favor_precision=True,
            include_formatting=True,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
        )
    except (ValueError, TypeError):  # trafilatura's own signal for a page it cannot read
        return None


def _silence_libraries() -> None:
    """Keep trafilatura's and its helpers' log lines off the terminal: reader reports failures itself."""
    global _quiet
    if not _quiet:
        for name in ("trafilatura", "htmldate", "courlan", "justext"):
            logging.getLogger(name).addHandler(logging.NullHandler())
            logging.getLogger(name).propagate = False
        _quiet = True


def _canonical(text: str, url: str | None) -> str | None:
    """The page's `<link rel="canonical">`, resolved against its address (trafilatura drops relative ones)."""
    head = text[: text.lower().find("</head>") if "</head>" in text.lower() else 65536]
    for tag in _CANONICAL.finditer(head):
        href = _HREF.search(tag.group(0))
        if href:
            value = next(g for g in href.groups() if g is not None).strip()
            value = html.unescape(value)
            resolved = urljoin(url, value) if url else value
            if resolved.startswith(("http://", "https://")):
                return resolved
    return None


def _without_title(body: str, title: str) -> str:
    """The body without a first block that only repeats the title."""
    first, sep, rest = body.partition("\n\n")
    words = re.sub(r"^#+\s*", "", first).replace("\\", "").strip()
    if title and words.casefold() == title.casefold():
        return rest if sep else ""
    return body


def _one_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(clean(value).split())
    return text or None


def _first_line(body: str) -> str:
    from reader.core.article import shorten

    line = re.sub(r"^[#>\s-]+", "", body.strip().split("\n", 1)[0]).replace("\\", "")
    return shorten(line, 80, at_word=True)
