"""httpx's exceptions as reader's one-line errors, each naming the address.

reader.core.web.errors defines the errors; this says which one an exception raised
while fetching is (a timeout, a refused connection, a name that did not resolve, a
failed certificate check...) and words it in one line. httpx is imported inside the
functions: importing this module never loads it.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from reader.core.web.errors import (
    AddressError,
    ContentError,
    FetchTimeoutError,
    NetworkError,
    TLSError,
    UnreachableError,
)
from reader.core.web.fetch_limits import DEFAULT_LIMITS, Limits


@contextmanager
def mapped_errors(url: str, limits: Limits) -> Iterator[None]:
    """httpx's exceptions as reader's one-line errors; reader's own pass through."""
    import httpx

    try:
        yield
    except httpx.HTTPError as exc:
        raise network_error(exc, url, limits) from None
    except ssl.SSLError as exc:  # raised outside httpx's mapping by some transports
        raise TLSError(f"{url}: secure connection failed ({_tls_reason(exc)})") from None


def network_error(exc: Exception, url: str, limits: Limits = DEFAULT_LIMITS) -> Exception:
    """The reader error for an httpx exception raised while fetching `url`."""
    import httpx

    if isinstance(exc, httpx.ConnectTimeout):
        return FetchTimeoutError(f"{url}: timed out connecting (no answer within {limits.connect_timeout:g} s)")
    if isinstance(exc, httpx.ReadTimeout):
        return FetchTimeoutError(f"{url}: timed out (the server sent nothing for {limits.read_timeout:g} s)")
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeoutError(f"{url}: timed out")
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return AddressError(f"{url}: not a valid web address ({exc})")
    if isinstance(exc, httpx.DecodingError):
        return ContentError(f"{url}: the server sent a body that could not be decoded")
    tls = _cause(exc, ssl.SSLError)
    if tls is not None or "CERTIFICATE_VERIFY_FAILED" in str(exc) or "[SSL" in str(exc):
        reason = _tls_reason(tls) if isinstance(tls, ssl.SSLError) else _first_line(str(exc))
        return TLSError(f"{url}: secure connection failed ({reason})")
    if isinstance(exc, httpx.ConnectError):
        if _cause(exc, ConnectionRefusedError) is not None or "refused" in str(exc).lower():
            return UnreachableError(f"{url}: cannot connect (connection refused)")
        if _is_name_error(exc):
            return UnreachableError(f"{url}: cannot connect (host not found: {urlsplit(url).hostname})")
        return UnreachableError(f"{url}: cannot connect ({_first_line(str(exc)) or type(exc).__name__})")
    return NetworkError(f"{url}: the connection failed ({_first_line(str(exc)) or type(exc).__name__})")


def _cause(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    """The first exception of `kind` in exc's chain of causes and contexts."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _is_name_error(exc: Exception) -> bool:
    import socket

    text = str(exc).lower()
    return _cause(exc, socket.gaierror) is not None or "name or service not known" in text or (
        "name resolution" in text or "nodename nor servname" in text or "getaddrinfo" in text
    )


def _tls_reason(exc: ssl.SSLError) -> str:
    message = getattr(exc, "verify_message", None)
    if message:
        return f"certificate check failed: {message}"
    reason = getattr(exc, "reason", None)
    return str(reason).replace("_", " ").lower() if reason else _first_line(str(exc))


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:200] if text.strip() else ""
