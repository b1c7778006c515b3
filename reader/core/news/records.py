"""What is kept about a feed, and about a web page's address, and the checks their records pass when read.

Both live in one small file of the store, `notes.library/news.json`, next to the
library's records and through the same storage (atomic writes, the store's lock,
every record checked when read, a damaged file reported and left alone).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

NEWS_SCHEMA = 1
"""Version of the news file written now."""


@dataclass
class FeedRecord:
    """A feed subscribed to."""

    url: str
    """The feed's own address: its key."""
    title: str = ""
    site: str = ""
    """The site the feed belongs to (its `link`, OPML's `htmlUrl`)."""
    folder: list[str] = field(default_factory=list)
    """The OPML folders it sat in, outermost first (kept for export)."""
    added: str = ""
    refreshed: str = ""
    """When it was last refreshed, successfully or not (ISO 8601, UTC); "" if never."""
    error: str = ""
    """The one line its last refresh failed with; "" when the last refresh worked."""
    etag: str = ""
    last_modified: str = ""

    def to_record(self) -> dict[str, Any]:
        record = {f.name: getattr(self, f.name) for f in fields(self)}
        record["folder"] = list(self.folder)
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> FeedRecord:
        values = {k: v for k, v in record.items() if k in _FEED_FIELDS}
        values["folder"] = list(values.get("folder", ()))
        return cls(**values)


@dataclass
class PageRecord:
    """What a web page said of itself that the library's record has no field for."""

    key: str
    """The library's key of the article (its notes' key)."""
    url: str
    """The address it was fetched by (the article's source)."""
    canonical: str = ""
    """The canonical address the page named, if any."""
    fetched: str = ""

    def to_record(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> PageRecord:
        return cls(**{k: v for k, v in record.items() if k in _PAGE_FIELDS})


_FEED_FIELDS = frozenset(f.name for f in fields(FeedRecord))
_PAGE_FIELDS = frozenset(f.name for f in fields(PageRecord))
_FEED_TEXT = ("title", "site", "added", "refreshed", "error", "etag", "last_modified")


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _address_problem(name: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        return f"{name} must be an http or https address, not {_describe(value)}"
    return None


def feed_problem(record: dict) -> str | None:
    """What is wrong with a feed record, naming the field; None if nothing."""
    problem = _address_problem("url", record.get("url"))
    if problem:
        return problem
    for name in _FEED_TEXT:
        if name in record and not isinstance(record[name], str):
            return f"{name} must be text, not {_describe(record[name])}"
    folder = record.get("folder", [])
    if not isinstance(folder, list) or not all(isinstance(part, str) for part in folder):
        return f"folder must be a list of text, not {_describe(folder)}"
    return None


def page_problem(record: dict) -> str | None:
    """What is wrong with a page record, naming the field; None if nothing."""
    key = record.get("key")
    if not isinstance(key, str) or len(key) != 16 or any(c not in "0123456789abcdef" for c in key):
        return f"key must be 16 hexadecimal digits, not {_describe(key)}"
    problem = _address_problem("url", record.get("url"))
    if problem:
        return problem
    for name in ("canonical", "fetched"):
        if name in record and not isinstance(record[name], str):
            return f"{name} must be text, not {_describe(record[name])}"
    return None
