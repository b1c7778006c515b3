"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org), which feedparser does not read.

Read leniently, as feedparser reads RSS: an item without an id falls back to its
URL, a date that does not parse becomes None, and each thing skipped is one line
in the feed's `problems`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from reader.core.web.errors import FeedError
from reader.core.web.feeds import Feed, FeedItem, _absolute, _fallback_id, _text, _title_from

_VERSION_PREFIX = "https://jsonfeed.org/version/"


def parse_json_feed(data: bytes, *, url: str) -> Feed:
    """Parse a JSON Feed.

    Raises:
        FeedError: for JSON that does not parse, or JSON that is not a feed.
    """
    try:
        doc = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
        raise FeedError(f"{url}: not a feed (invalid JSON{where}: {reason})") from None
    if not isinstance(doc, dict):
        raise FeedError(f"{url}: not a feed (JSON, but not a JSON Feed)")
    version = doc.get("version")
    problems: list[str] = []
    if not (isinstance(version, str) and version.startswith(_VERSION_PREFIX)):
        if not isinstance(doc.get("items"), list):
            raise FeedError(f"{url}: not a feed (JSON, but not a JSON Feed)")
        problems.append("no JSON Feed version; read as 1.1")
        version = _VERSION_PREFIX + "1.1"
    number = version[len(_VERSION_PREFIX):]
    raw_items = doc.get("items")
    if not isinstance(raw_items, list):
        problems.append("no items list")
        raw_items = []
    base = _absolute(doc.get("feed_url"), url) or url
    feed_authors = _authors(doc)
    items = []
    for index, raw in enumerate(raw_items, 1):
        if not isinstance(raw, dict):
            problems.append(f"item {index}: not an object; skipped")
            continue
        item = _item(raw, base, feed_authors, index, problems)
        if item is not None:
            items.append(item)
    return Feed(
        url=url,
        title=_text(doc.get("title")) or urlsplit(url).hostname or url,
        link=_absolute(doc.get("home_page_url"), url),
        items=tuple(items),
        format="json" + number.replace(".", ""),
        problems=tuple(problems),
    )


def _item(raw: dict[str, Any], base: str, feed_authors: str | None, index: int, problems: list[str]) -> FeedItem | None:
    link = _absolute(raw.get("url"), base) or _absolute(raw.get("external_url"), base)
    title = _text(raw.get("title"))
    html, text, summary = _string(raw, "content_html"), _string(raw, "content_text"), _string(raw, "summary")
    if not (title or link or html.strip() or text.strip() or summary.strip()):
        problems.append(f"item {index}: empty; skipped")
        return None
    published = _date(raw.get("date_published"), index, problems) or _date(raw.get("date_modified"), index, problems)
    raw_id = raw.get("id")
    item_id = str(raw_id).strip() if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else ""
    if not item_id:
        problems.append(f"item {index}: no id")
    return FeedItem(
        id=item_id or link or _fallback_id(title, html or text or summary, published),
        url=link,
        title=title or _title_from(summary or html or text),
        author=_authors(raw) or feed_authors,
        published=published,
        summary=summary,
        summary_html=False,  # JSON Feed's summary is plain text
        content=html or text,
        content_html=bool(html),
    )


def _string(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    return value if isinstance(value, str) else ""


def _authors(obj: dict[str, Any]) -> str | None:
    """Names from 1.1's `authors` list, or 1.0's single `author`."""
    people = obj.get("authors")
    if not isinstance(people, list):
        people = [obj.get("author")]
    names = [_text(p.get("name")) for p in people if isinstance(p, dict)]
    return "; ".join(n for n in names if n) or None


def _date(value: Any, index: int, problems: list[str]) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("z", "Z"))
    except ValueError:
        problems.append(f"item {index}: unreadable date {value.strip()[:40]!r}")
        return None
    if parsed.tzinfo is None:  # RFC 3339 requires an offset; without one, UTC is the fair guess
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)

