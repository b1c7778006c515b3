"""Finding the feeds a web page names in its `<link rel="alternate">` tags.

Read with the standard library's HTML parser: no tree is built, and a page can
be as broken as pages are. Relative addresses resolve against the page's
`<base href>`, else its own address.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from reader.core.web.charset import decode_page

FEED_TYPES = {
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "json",
    "application/rdf+xml": "rss",
    "application/x-rss+xml": "rss",
}
_SCAN_CHARS = 1024 * 1024
"""Feed links sit in the head; a megabyte is far more than any head, and bounds the work."""


@dataclass(frozen=True)
class FeedLink:
    """A feed a page names."""

    url: str
    title: str | None
    kind: str
    """"rss", "atom" or "json"."""


class _LinkParser(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.found: list[tuple[str, str | None, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "base":
            href = dict(attrs).get("href")
            if href and href.strip():
                self.base = urljoin(self.base, href.strip())
        elif tag == "link":
            values = {name.lower(): (value or "") for name, value in attrs}
            rel = values.get("rel", "").lower().split()
            media = values.get("type", "").split(";")[0].strip().lower()
            href = values.get("href", "").strip()
            if "alternate" in rel and media in FEED_TYPES and href:
                self.found.append((href, values.get("title", "").strip() or None, FEED_TYPES[media]))

    handle_startendtag = handle_starttag


def discover_feeds(page: bytes | str, base_url: str, *, charset: str | None = None) -> list[FeedLink]:
    """The feeds a page links to, in the page's order, each address once and absolute.

    Args:
        page: the page's HTML, as bytes (decoded with `charset`, else its own declaration) or text.
        base_url: the address the page came from (the final one, after redirects).
    """
    text = decode_page(page, charset)[0] if isinstance(page, bytes) else page
    parser = _LinkParser(base_url)
    parser.feed(text[:_SCAN_CHARS])
    parser.close()
    links: list[FeedLink] = []
    seen: set[str] = set()
    for href, title, kind in parser.found:
        # Resolved after the scan: a <base> anywhere in the head applies to every link.
        url = urljoin(parser.base, href)
        if url.startswith(("http://", "https://")) and url not in seen:
            seen.add(url)
            links.append(FeedLink(url, title, kind))
    return links
