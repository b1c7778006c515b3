"""Feeds as plain data: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed by hand.

A feed that only partly parses keeps what it could read, and says what it could
not in `problems` (feedparser's "bozo" flag); only bytes in which no feed format
finds anything are an error. Dates come out as UTC datetimes, or None when the
feed gives none that can be read. Storing feeds and items is the library's job:
nothing here keeps state.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from reader.core.article.decoding import clean
from reader.core.web.errors import FeedError

_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")
_NAME_EMAIL = re.compile(r"^(.+?)\s*<\S+@\S+>$")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed."""

    id: str
    """The feed's own id (guid, Atom id, JSON Feed id), else the link, else a hash of what the item says."""
    url: str | None
    """The article's address, absolute."""
    title: str
    author: str | None
    published: datetime | None
    """In UTC; the updated date when the feed gives no published one; None when there is neither."""
    summary: str = ""
    summary_html: bool = False
    """Whether `summary` is HTML (sanitized by feedparser for RSS and Atom) rather than plain text."""
    content: str = ""
    """The full content when the feed carries it (content:encoded, Atom content, content_html), else ""."""
    content_html: bool = False

    def body(self) -> tuple[str, bool]:
        """The fullest text the feed gives (content, else summary) and whether it is HTML."""
        if self.content.strip():
            return self.content, self.content_html
        return self.summary, self.summary_html


@dataclass(frozen=True)
class Feed:
    """A parsed feed: what it is called, where its site is, and its items in the feed's order."""

    url: str
    """The feed's own address (as fetched, after redirects)."""
    title: str
    link: str | None
    """The site the feed belongs to."""
    items: tuple[FeedItem, ...]
    format: str
    """"rss20", "rss10", "rss091u", "atom10", "json11", ... ("" when feedparser could not tell)."""
    problems: tuple[str, ...] = ()
    """What could not be read, one line each; empty for a well-formed feed."""

    @property
    def bozo(self) -> bool:
        """True when the feed was malformed and only partly read."""
        return bool(self.problems)


def parse_feed(data: bytes, *, url: str, headers: Mapping[str, str] | None = None) -> Feed:
    """Parse a feed's bytes.

    Args:
        url: where the bytes came from: relative links resolve against it, and errors name it.
        headers: the HTTP response's headers (lower-case names), which tell feedparser
            the encoding and the base address.

    Raises:
        FeedError: when no RSS, Atom or JSON Feed is found in the bytes (exit status 2).
    """
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        from reader.core.web.jsonfeed import parse_json_feed

        return parse_json_feed(data, url=url)
    import feedparser

    response_headers = {"content-location": url, "content-type": "application/xml"}
    response_headers.update({k.lower(): v for k, v in (headers or {}).items() if k.lower() != "content-location"})
    # Bytes given as such could be taken for a file name or an address: a stream never is.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=response_headers, sanitize_html=True,
                              resolve_relative_uris=True)
    exc = parsed.get("bozo_exception")
    # A feed served as text/plain or text/html is common and harmless: nothing is lost.
    harmless = isinstance(exc, feedparser.NonXMLContentType)
    problem = _problem(exc) if parsed.get("bozo") and not harmless else None
    info = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    if not parsed.get("version") and not entries and not info.get("title"):
        raise FeedError(f"{url}: not a feed ({problem or 'no RSS, Atom or JSON Feed found'})")
    items = []
    for entry in entries:
        item = _item(entry, url)
        if item is not None:
            items.append(item)
    return Feed(
        url=url,
        title=_text(info.get("title")) or urlsplit(url).hostname or url,
        link=_absolute(info.get("link"), url),
        items=tuple(items),
        format=parsed.get("version", "") or "",
        problems=(problem,) if problem else (),
    )


def _item(entry: dict[str, Any], base: str) -> FeedItem | None:
    title = _text(entry.get("title"))
    if title and _is_html(entry.get("title_detail")):
        from reader.core.web.markdown_writer import html_to_text

        title = _text(html_to_text(title))
    link = _absolute(entry.get("link"), base)
    summary = entry.get("summary") or ""
    summary_html = _is_html(entry.get("summary_detail"))
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    # Prefer HTML content, then the longest: a feed may carry both a plain and an HTML version.
    contents.sort(key=lambda c: (_is_html(c), len(c.get("value") or "")), reverse=True)
    content = contents[0] if contents else None
    if not (title or link or summary.strip() or content):
        return None
    # dict.get: feedparser's own lookup maps a missing updated_parsed onto published_parsed, with a warning.
    published = _datetime(next((dict.get(entry, key) for key in ("published_parsed", "updated_parsed", "created_parsed")
                                if dict.get(entry, key)), None))
    return FeedItem(
        id=_text(entry.get("id")) or link or _fallback_id(title, summary, published),
        url=link,
        title=title or _title_from(summary),
        author=_author(_text(entry.get("author"))),
        published=published,
        summary=summary,
        summary_html=summary_html,
        content=(content.get("value") or "") if content else "",
        content_html=_is_html(content) if content else False,
    )


def _author(text: str) -> str | None:
    """The name in RSS's "email (Name)" or "Name <email>"; feedparser's own split cuts long domains short."""
    match = _EMAIL_NAME.match(text) or _NAME_EMAIL.match(text)
    return (match.group(1).strip() if match else text) or None


def _datetime(parsed: Any) -> datetime | None:
    """feedparser's struct_time (always UTC) as an aware datetime."""
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    except (OverflowError, ValueError, TypeError, OSError):
        return None


def _is_html(detail: Any) -> bool:
    return bool(detail) and str(detail.get("type", "")).lower() in _HTML_TYPES


def _text(value: Any) -> str:
    """A one-line piece of text (titles, ids, authors), cleaned of control characters."""
    if not isinstance(value, str):
        return ""
    return " ".join(clean(value).split())


def _absolute(link: Any, base: str) -> str | None:
    if not isinstance(link, str) or not link.strip():
        return None
    resolved = urljoin(base, link.strip())
    return resolved if resolved.startswith(("http://", "https://")) else None


def _title_from(summary: str) -> str:
    from reader.core.article import shorten
    from reader.core.web.markdown_writer import html_to_text

    return shorten(" ".join(html_to_text(summary).split()), 80, at_word=True)


def _fallback_id(title: str, summary: str, published: datetime | None) -> str:
    digest = hashlib.sha1(f"{title}\n{published}\n{summary}".encode(), usedforsecurity=False).hexdigest()
    return f"sha1:{digest[:20]}"


def _problem(exc: Any) -> str | None:
    """One line for what feedparser's parser tripped over."""
    if exc is None:
        return None
    line = getattr(exc, "getLineNumber", None)
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    message = " ".join(str(message).split())
    kind = type(exc).__name__
    if kind == "CharacterEncodingOverride":
        return f"encoding: {message}"
    if callable(line):
        return f"line {line()}: {message}"
    return message or kind
