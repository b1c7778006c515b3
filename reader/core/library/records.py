"""What the library keeps about an article, and the check every record passes when read.

A record is small (a few hundred bytes): the article's text is kept apart, in a
copy named by its SHA-256 (texts.py), and its analysis in the cache (cache.py).
The fields for web pages and feed items (`feed`, `site`, `author`, `published`,
`partial`, `read`) are here from the start, so that articles from the web enter
the same records with no migration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

LIBRARY_SCHEMA = 1
"""Version of the library's record files written now."""

ORIGINS = ("file", "stdin", "url", "feed")
"""Where an article came from: a file, standard input, a web page, a feed's item."""
FORMATS = ("text", "markdown")

ID_LENGTH = 6
"""Hexadecimal digits in an article's id: the start of its key, longer only when
that start is already another article's id (then kept as it is, for good)."""

_KEY = re.compile(r"[0-9a-f]{16}")
_ID = re.compile(r"[0-9a-f]{4,16}")
_SHA = re.compile(r"[0-9a-f]{64}")


@dataclass
class LibraryArticle:
    """An article kept in the library."""

    id: str
    """Short and stable: what `reader ID` and `reader library rm ID` take."""
    key: str
    """The notes' key for the article (notes.article_key): its notes are found by it."""
    title: str
    source: str
    """The absolute path it was read from, its web address, or "-" for standard input."""
    sha256: str
    """The SHA-256 of its text as kept (the name of the copy)."""
    origin: str = "file"
    format: str = "text"
    """How its text is read: "text" or "markdown"."""
    language: str = "und"
    """ISO 639-1, from its analysis ("und" until analysed, or when unsure)."""
    words: int = 0
    blocks: int = 0
    """Paragraphs (¶), as the reader counts them."""
    added: str = ""
    """When it entered the library (ISO 8601, UTC)."""
    opened: str = ""
    """When it was last opened in the window; "" if never."""
    progress: float = 0.0
    """How far it has been read: the furthest paragraph reached, 0 to 1."""
    top: list[str] = field(default_factory=list)
    """Its most mentioned people, organisations and places (from its analysis)."""
    analysed: int = 0
    """The analyser version `language` and `top` come from (0: not analysed yet)."""
    feed: str = ""
    """The feed it came from, for a feed's item."""
    site: str = ""
    author: str = ""
    published: str = ""
    partial: bool = False
    """Its text is only what a feed said of it; the full article is not fetched yet."""
    read: bool = False
    """Marked read (its end reached, or by hand)."""
    notes: int = 0
    """How many notes it has: counted from the notes when listed, not stored."""

    def to_record(self) -> dict[str, Any]:
        record = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "notes"}
        record["top"] = list(self.top)
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> LibraryArticle:
        values = {k: v for k, v in record.items() if k in _STORED}
        values["top"] = list(values.get("top", ()))
        values["progress"] = float(values.get("progress", 0.0))
        return cls(**values)


_STORED = frozenset(f.name for f in fields(LibraryArticle)) - {"notes"}


def short_id(key: str, taken: set[str]) -> str:
    """The article's id: the first ID_LENGTH digits of its key, or more when taken."""
    for length in range(ID_LENGTH, len(key) + 1):
        if key[:length] not in taken:
            return key[:length]
    return key


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


_TEXT_FIELDS = ("title", "source", "language", "added", "opened", "feed", "site", "author", "published")


def article_problem(record: dict) -> str | None:
    """What is wrong with a library record, in words that name the field; None if nothing.

    Fields it does not know are left alone (a later reader may add some). A
    thousand records are checked each time the library is listed: the usual case,
    a good record, is decided in one expression; only a bad one is looked at closely.
    """
    if _good(record):
        return None
    return _problem(record)


def _good(record: dict) -> bool:
    get = record.get
    id_, key, sha, progress, top = get("id"), get("key"), get("sha256"), get("progress", 0.0), get("top", [])
    return (
        type(id_) is str and type(key) is str and type(sha) is str
        and _ID.fullmatch(id_) is not None and _KEY.fullmatch(key) is not None and _SHA.fullmatch(sha) is not None
        and key.startswith(id_)
        and type(get("title")) is str and type(get("source")) is str
        and all(type(get(name, "")) is str for name in _TEXT_FIELDS)
        and get("origin", "file") in ORIGINS and get("format", "text") in FORMATS
        and all(type(v) is int and v >= 0 for v in (get("words", 0), get("blocks", 0), get("analysed", 0)))
        and type(progress) in (int, float) and 0 <= progress <= 1
        and type(top) is list and all(type(name) is str for name in top)
        and type(get("partial", False)) is bool and type(get("read", False)) is bool
    )


def _problem(record: dict) -> str | None:
    for name, pattern, what in (
        ("id", _ID, "4 to 16 hexadecimal digits"),
        ("key", _KEY, "16 hexadecimal digits"),
        ("sha256", _SHA, "64 hexadecimal digits"),
    ):
        value = record.get(name)
        if not isinstance(value, str) or not pattern.fullmatch(value):
            return f"{name} must be {what}, not {_describe(value)}"
    if not record["key"].startswith(record["id"]):
        return f"id {record['id']} is not the start of key {record['key']}"
    for name in _TEXT_FIELDS:
        if name in record and not isinstance(record[name], str):
            return f"{name} must be text, not {_describe(record[name])}"
    if "title" not in record or "source" not in record:
        return f"{'title' if 'title' not in record else 'source'} is missing"
    if record.get("origin", "file") not in ORIGINS:
        return f"origin must be one of {', '.join(ORIGINS)}, not {_describe(record.get('origin'))}"
    if record.get("format", "text") not in FORMATS:
        return f"format must be text or markdown, not {_describe(record.get('format'))}"
    for name in ("words", "blocks", "analysed"):
        if name in record and not _count(record[name]):
            return f"{name} must be a whole number of 0 or more, not {_describe(record[name])}"
    progress = record.get("progress", 0.0)
    if isinstance(progress, bool) or not isinstance(progress, int | float) or not 0 <= progress <= 1:
        return f"progress must be a number from 0 to 1, not {_describe(progress)}"
    top = record.get("top", [])
    if not isinstance(top, list) or not all(isinstance(name, str) for name in top):
        return f"top must be a list of text, not {_describe(top)}"
    for name in ("partial", "read"):
        if name in record and not isinstance(record[name], bool):
            return f"{name} must be true or false, not {_describe(record[name])}"
    return None
