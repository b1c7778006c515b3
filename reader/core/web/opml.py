"""OPML: the list of feeds other readers import and export.

Import reads every outline that names a feed (`xmlUrl`), at any depth, keeping the
folders it sits in; export writes an OPML 2.0 document any reader takes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from reader.core.article.decoding import MAX_BYTES
from reader.core.web.errors import OPMLError


@dataclass(frozen=True)
class Subscription:
    """A feed as an OPML file lists it."""

    url: str
    title: str | None = None
    site: str | None = None
    """The site's address (`htmlUrl`)."""
    folder: tuple[str, ...] = ()
    """The outlines it sits in, outermost first."""


def read_opml(data: bytes | str, *, name: str = "OPML") -> list[Subscription]:
    """The feeds an OPML document lists, in its order, each address once.

    Outlines whose `xmlUrl` is not an http or https address are left out.

    Raises:
        OPMLError: for XML that does not parse, or XML that is not OPML (exit status 2).
    """
    if len(data) > MAX_BYTES:
        raise OPMLError(f"{name}: too large to import (the limit is {MAX_BYTES / 1e6:.0f} MB)")
    try:
        # expat refuses entity-expansion bombs and never fetches external entities.
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":")[0]
        raise OPMLError(f"{name}: not valid OPML ({reason} at line {line}, column {column + 1})") from None
    if _local(root.tag) != "opml":
        raise OPMLError(f"{name}: not OPML (the document is <{_local(root.tag)}>)")
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        raise OPMLError(f"{name}: not valid OPML (no <body>)")
    found: list[Subscription] = []
    seen: set[str] = set()
    _walk(body, (), found, seen)
    return found


def read_opml_file(path: str | Path) -> list[Subscription]:
    """`read_opml` on a file, named in errors by its path."""
    from reader.core.article import read_file
    from reader.core.errors import InputError

    try:
        data = read_file(path, "an OPML file")
    except InputError as exc:
        raise OPMLError(str(exc)) from None
    return read_opml(data, name=str(path))


def _walk(element: ET.Element, folder: tuple[str, ...], found: list[Subscription], seen: set[str]) -> None:
    for outline in element:
        if _local(outline.tag) != "outline":
            continue
        attrs = {k.lower(): v.strip() for k, v in outline.attrib.items()}
        label = attrs.get("title") or attrs.get("text") or None
        url = attrs.get("xmlurl", "")
        if url:
            if url.lower().startswith(("http://", "https://")) and url not in seen:
                seen.add(url)
                # A title that only repeats the address (as exports write for untitled feeds) is no title.
                found.append(Subscription(url, label if label != url else None, attrs.get("htmlurl") or None, folder))
        elif len(outline):
            _walk(outline, (*folder, label) if label else folder, found, seen)


def write_opml(subscriptions: Iterable[Subscription], *, title: str = "reader feeds",
               now: datetime | None = None) -> str:
    """An OPML 2.0 document listing the feeds, in folders where they have one."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}
    for sub in subscriptions:
        parent = body
        for depth in range(1, len(sub.folder) + 1):
            path = sub.folder[:depth]
            if path not in folders:
                folders[path] = ET.SubElement(parent, "outline", text=path[-1], title=path[-1])
            parent = folders[path]
        name = sub.title or sub.url
        attrs = {"type": "rss", "text": name, "title": name, "xmlUrl": sub.url}
        if sub.site:
            attrs["htmlUrl"] = sub.site
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _local(tag: object) -> str:
    """A tag's name without its namespace, lower-cased."""
    return str(tag).rsplit("}", 1)[-1].lower()
