"""Fetching one address with httpx: the redirects, the checks and one-line errors.

Every fetch follows the same rules, whoever asks: http and https only, connect and
read timeouts, a few redirects followed by hand (so a loop is reported as a loop and
every hop is checked again), the body capped while it streams, certificates always
checked, and conditional GET so an unchanged feed costs one short answer. httpx is
imported inside the functions: opening a local article never loads it.

The limits, the address check and the clients are in fetch_limits, and httpx's
exceptions become reader's errors in fetch_errors; this module re-exports what the
rest of reader imports, so `reader.core.web.fetch` still names all of fetching.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin

from reader.core.web.errors import (
    AddressError,
    ContentError,
    HTTPStatusError,
    RedirectError,
    TooLargeError,
)
from reader.core.web.fetch_errors import mapped_errors, network_error
from reader.core.web.fetch_limits import (
    DEFAULT_LIMITS,
    USER_AGENT,
    Limits,
    check_address,
    new_async_client,
    new_client,
    request_timeout,
)

if TYPE_CHECKING:
    import httpx

__all__ = [
    "DEFAULT_LIMITS",
    "USER_AGENT",
    "FetchResult",
    "Limits",
    "check_address",
    "fetch_url",
    "fetch_url_async",
    "network_error",
    "new_async_client",
    "new_client",
]

Kind = Literal["html", "xml", "json"]
"""What a body is: a web page, XML (RSS, Atom, RDF) or JSON (JSON Feed)."""

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
                        "application/rdf+xml", "application/x-rss+xml", "text/rss+xml"})
_JSON_TYPES = frozenset({"application/feed+json", "application/json", "text/json"})
# Servers label feeds carelessly; for these the body itself says what it is.
_SNIFFED_TYPES = frozenset({"", "text/plain", "application/octet-stream", "binary/octet-stream"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


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


def fetch_url(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    client: httpx.Client | None = None,
) -> FetchResult:
    """GET a web page or a feed under reader's limits.

    Args:
        etag, last_modified: what an earlier fetch returned; when given, an unchanged
            resource answers 304 and the result has `not_modified` and no body.
        client: from `new_client`, to reuse connections; one is made (and closed) if not.

    Raises:
        AddressError, ContentError, TooLargeError: a bad address or body (exit status 2).
        NetworkError and its kinds: unreachable, timeout, HTTP error status, TLS,
            redirects (exit status 1).
    """
    start = check_address(url)
    own = client is None
    http = client if client is not None else new_client(limits)
    try:
        hops: list[str] = []
        url = start
        while True:
            with mapped_errors(url, limits), http.stream(
                "GET", url, headers=_conditional(etag, last_modified), timeout=request_timeout(limits)
            ) as response:
                target = _redirect_target(response, start, url, hops, limits)
                if target is None:
                    _check_head(response, url, limits)
                    body = _Body(url, limits.max_bytes)
                    if response.status_code != 304:
                        for chunk in response.iter_bytes():
                            body.add(chunk)
                    return _result(response, url, hops, body.data())
            hops.append(url)
            url = target
    finally:
        if own:
            http.close()


async def fetch_url_async(
    url: str,
    *,
    client: httpx.AsyncClient,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> FetchResult:
    """`fetch_url` for asyncio, on a client from `new_async_client` (the caller closes it)."""
    start = check_address(url)
    hops: list[str] = []
    url = start
    while True:
        with mapped_errors(url, limits):
            async with client.stream(
                "GET", url, headers=_conditional(etag, last_modified), timeout=request_timeout(limits)
            ) as response:
                target = _redirect_target(response, start, url, hops, limits)
                if target is None:
                    _check_head(response, url, limits)
                    body = _Body(url, limits.max_bytes)
                    if response.status_code != 304:
                        async for chunk in response.aiter_bytes():
                            body.add(chunk)
                    return _result(response, url, hops, body.data())
        hops.append(url)
        url = target


def _conditional(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _redirect_target(response: httpx.Response, start: str, url: str, hops: list[str], limits: Limits) -> str | None:
    """Where a redirect leads, checked; None when the response is not a redirect."""
    if response.status_code not in _REDIRECTS:
        return None
    location = response.headers.get("location")
    if not location:
        raise HTTPStatusError(f"{url}: HTTP {response.status_code} redirect without a Location", response.status_code)
    target = urljoin(url, location.strip())
    if target in hops or target == url:
        raise RedirectError(f"{start}: redirect loop ({' → '.join([*hops, url, target])})")
    if len(hops) >= limits.max_redirects:
        raise RedirectError(f"{start}: more than {limits.max_redirects} redirects (the last to {target})")
    try:
        return check_address(target)
    except AddressError:
        raise AddressError(f"{url}: redirected to an address that cannot be fetched ({target})") from None


def _check_head(response: httpx.Response, url: str, limits: Limits) -> None:
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


class _Body:
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


def _result(response: httpx.Response, url: str, hops: list[str], content: bytes) -> FetchResult:
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
