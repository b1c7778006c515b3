"""Fetching one address with httpx: the redirects, the checks and one-line errors.

Every fetch follows the same rules, whoever asks: http and https only, connect and
read timeouts, a few redirects followed by hand (so a loop is reported as a loop and
every hop is checked again), the body capped while it streams, certificates always
checked, and conditional GET so an unchanged feed costs one short answer. httpx is
imported inside the functions: opening a local article never loads it.

This module follows the redirects and asks conditionally; the limits, the address
check and the clients are in fetch_limits, the checks of the answer and its body in
fetch_response, and the wording of httpx's exceptions in fetch_errors. It re-exports
what the rest of reader imports, so `reader.core.web.fetch` still names all of fetching.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from reader.core.web.errors import AddressError, HTTPStatusError, RedirectError
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
from reader.core.web.fetch_response import CappedBody, FetchResult, check_head, make_result

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

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


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
                    check_head(response, url, limits)
                    body = CappedBody(url, limits.max_bytes)
                    if response.status_code != 304:
                        for chunk in response.iter_bytes():
                            body.add(chunk)
                    return make_result(response, url, hops, body.data())
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
                    check_head(response, url, limits)
                    body = CappedBody(url, limits.max_bytes)
                    if response.status_code != 304:
                        async for chunk in response.aiter_bytes():
                            body.add(chunk)
                    return make_result(response, url, hops, body.data())
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
