"""A note, what the store keeps about an annotated article, and their small helpers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from reader.core.article.model import Document
from reader.core.article.text import printable, shorten
from reader.core.notes.anchoring import Anchor

COLORS = ("yellow", "green", "blue", "pink", "purple")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Note:
    """A reader's note on a passage of an article."""

    id: str
    article: str
    """The article's key (see `article_key`)."""
    anchor: Anchor
    body: str = ""
    """Markdown; empty for a plain highlight."""
    tags: list[str] = field(default_factory=list)
    color: str = "yellow"
    created: str = field(default_factory=now)
    updated: str = field(default_factory=now)

    def to_record(self) -> dict:
        return {
            "id": self.id,
            "article": self.article,
            "anchor": self.anchor.to_dict(),
            "body": self.body,
            "tags": list(self.tags),
            "color": self.color,
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_record(cls, data: dict) -> Note:
        return cls(
            id=str(data["id"]),
            article=str(data["article"]),
            anchor=Anchor.from_dict(data["anchor"]),
            body=str(data.get("body", "")),
            tags=[str(t) for t in data.get("tags", [])],
            color=str(data.get("color", "yellow")) if data.get("color") in COLORS else "yellow",
            created=str(data.get("created", "")),
            updated=str(data.get("updated", "")),
        )


@dataclass
class ArticleRecord:
    key: str
    title: str
    source: str
    language: str = "und"
    updated: str = ""


def article_record(doc: Document, language: str = "und") -> ArticleRecord:
    """What the store keeps about an annotated article (its source as an absolute path).

    `language` is the article's language as its analysis found it; "und" where no
    analysis ran (or it has not finished yet).
    """
    source = doc.source
    if source not in ("", "-") and not is_url(source):
        source = str(Path(source).expanduser().resolve())
    return ArticleRecord(article_key(doc), doc.title, source, language)


def is_url(source: str) -> bool:
    """Whether an article's source is a web address (http or https), not a path."""
    return source.startswith(("http://", "https://"))


def article_key(doc: Document) -> str:
    """A stable key for an article: its absolute path, its address (URL), or its title for stdin."""
    if doc.source and doc.source != "-":
        ident = "url:" + doc.source if is_url(doc.source) else "path:" + str(Path(doc.source).expanduser().resolve())
    else:
        ident = "title:" + doc.title
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:16]


def clean_tags(tags) -> list[str]:
    """Tags as the user typed them: "#a, b c" -> ["a", "b", "c"], without duplicates."""
    out: list[str] = []
    for raw in tags:
        for part in str(raw).replace(",", " ").split():
            tag = part.lstrip("#").strip()
            if tag and tag not in out:
                out.append(tag)
    return out


def parse_tags(text: str) -> list[str]:
    """Tags as typed in the note editor: "#economy #ai", or "economy, ai".

    Tags are separated by spaces or commas. A vault ends a tag at a space, so words
    that are not all marked with # and are not separated by commas are refused, not
    silently taken as several tags: "tag with space" could be one tag or three.

    Raises:
        InputError: saying how to write one tag or several.
    """
    from reader.core.errors import InputError

    tags: list[str] = []
    for part in text.split(","):
        words = part.split()
        if len(words) > 1 and not all(w.startswith("#") for w in words):
            bare = [w.lstrip("#") for w in words]
            raise InputError(
                f"tag {part.strip()!r} has spaces, which end a tag in a notes vault: write "
                f"#{'-'.join(bare)} for one tag, or #{' #'.join(bare)} for {len(bare)}"
            )
        for word in words:
            tag = word.lstrip("#").strip()
            if tag and tag not in tags:
                tags.append(tag)
    return tags


def note_label(note: Note, width: int = 70) -> str:
    """A note in one line, safe to show: its body's first line, else its passage in quotation marks."""
    body = note.body.strip()
    if body:
        return shorten(printable(body.splitlines()[0]), width)
    return "“" + shorten(printable(" ".join(note.anchor.exact.split())), width - 2) + "”"
