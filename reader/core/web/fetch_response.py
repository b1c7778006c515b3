"""What a fetch brings back: the head checked, the body capped as it streams, its kind.

An error status, a type that is neither a web page nor a feed, or a declared length
over the cap is refused before a byte of the body is read (`check_head`); the body
is refused as soon as it passes the cap (`CappedBody`); and `make_result` sniffs what
the body is (`sniff`: a page, XML or JSON) and builds the `FetchResult`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from reader.core.web.errors import ContentError, HTTPStatusError, TooLargeError

if TYPE_CHECKING:
    import httpx

    from reader.core.web.fetch_limits import Limits

Kind = Literal["html", "xml", "json"]
"""What a body is: a web page, XML (RSS, Atom, RDF) or JSON (JSON Feed)."""

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
                        "application/rdf+xml", "application/x-rss+xml", "text/rss+xml"})
_JSON_TYPES = frozenset({"application/feed+json", "application/json", "text/json"})
# Servers label feeds carelessly; for these the body itself says what it is.
_SNIFFED_TYPES = frozenset({"", "text/plain", "application/octet-stream", "binary/octet-stream"})


@dataclass(frozen=True)
class FetchResult:
    """What one fetch brought back."""

    url: str
    """The final address, after redirects: resolve the page's relative links against it."""
    status: int
    """200 (or another 2xx), or 304 when a conditional GET found nothing new."""
    content_type: str = ""
    """The media type, lower-cased, without parameters ("text/html"); "" when not sent."""
    charset: str | None = None
    """The charset the Content-Type header declared, if any."""
    content: bytes = b""
    """The body; empty for 304."""
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    """The response's headers, names lower-cased (feedparser reads a few of them)."""
    redirects: tuple[str, ...] = ()
    """Each address left by a redirect, in order."""
    kind: Kind | None = None
    """What the body is; None for 304."""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_head(response: httpx.Response, url: str, limits: Limits) -> None:
    """Refuse an error status, a type that is neither page nor feed, or a declared size over the cap."""
    status = response.status_code
    if status >= 400 or (status >= 300 and status != 304) or status < 200:
        reason = response.reason_phrase or ""
        raise HTTPStatusError(f"{url}: HTTP {status}{' ' + reason if reason else ''}", status)
    if status == 304:
        return
    media = _media_type(response.headers.get("content-type", ""))
    if not _acceptable(media):
        raise ContentError(f"{url}: not a web page or a feed ({media})")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > limits.max_bytes:
        raise TooLargeError(f"{url}: larger than {_size(limits.max_bytes)} ({_size(int(length))}); not downloaded")


def _acceptable(media: str) -> bool:
    return (
        media in _HTML_TYPES or media in _XML_TYPES or media in _JSON_TYPES or media in _SNIFFED_TYPES
        or (media.startswith("application/") and media.endswith(("+xml", "+json")))
    )


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def sniff(media_type: str, content: bytes) -> Kind | None:
    """What a body is, from its declared media type, or from its first bytes when the type says nothing."""
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if media_type in _HTML_TYPES:
        # Some servers label every file text/html; a feed still says what it is in its first bytes.
        return "xml" if _feed_start(head) else "html"
    if media_type in _XML_TYPES or (media_type.startswith("application/") and media_type.endswith("+xml")):
        return "xml"
    if media_type in _JSON_TYPES or (media_type.startswith("application/") and media_type.endswith("+json")):
        return "json"
    if head.startswith(b"{"):
        return "json"
    if not head.startswith(b"<"):
        return None
    if b"<html" in head or head.startswith(b"<!doctype html"):
        return "html"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<opml")):
        return "xml"
    return "html"


def _feed_start(head: bytes) -> bool:
    """Whether lower-cased first bytes open an RSS, Atom or RDF document."""
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
        while head.startswith((b"<!--", b"<?")):  # comments and stylesheets before the root
            end = head.find(b"-->" if head.startswith(b"<!--") else b"?>")
            head = head[end + 3 if head.startswith(b"<!--") else end + 2 :].lstrip() if end >= 0 else b""
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


class CappedBody:
    """The body's chunks, refused as soon as they pass the cap."""

    def __init__(self, url: str, cap: int) -> None:
        self.url, self.cap = url, cap
        self.size = 0
        self.chunks: list[bytes] = []

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.cap:
            raise TooLargeError(f"{self.url}: larger than {_size(self.cap)}; the download was stopped")
        self.chunks.append(chunk)

    def data(self) -> bytes:
        return b"".join(self.chunks)


def make_result(response: httpx.Response, url: str, hops: list[str], content: bytes) -> FetchResult:
    """The result of an answer whose body has been read; refused if the body is neither page nor feed."""
    content_type = response.headers.get("content-type", "")
    media = _media_type(content_type)
    kind: Kind | None = None
    if response.status_code != 304:
        kind = sniff(media, content)
        if kind is None:
            raise ContentError(f"{url}: not a web page or a feed ({media or 'no content type'})")
    return FetchResult(
        url=url,
        status=response.status_code,
        content_type=media,
        charset=_charset(content_type),
        content=content,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        headers={k.lower(): v for k, v in response.headers.items()},
        redirects=tuple(hops),
        kind=kind,
    )


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1e6:.0f} MB"
    return f"{n:,} bytes"
