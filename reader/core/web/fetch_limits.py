"""The rules every fetch follows, whoever asks: which addresses, how long, how much.

http and https only, connect and read timeouts, a few redirects, a cap on the body,
certificates always checked: `Limits` holds the numbers, `check_address` the
addresses, and `new_client` / `new_async_client` make httpx clients that keep the
rest. httpx is imported inside the functions: importing this module never loads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader import __version__
from reader.core.web.errors import AddressError

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"reader/{__version__} (+reader, a terminal news reader)"
"""Says who is asking, so a site can tell reader from a browser or a crawler."""

ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/feed+json;q=0.9,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.5"
)


@dataclass(frozen=True)
class Limits:
    """How long to wait and how much to take. Tests shrink them; nothing turns them off."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    """Seconds without a byte from the server (httpx's read timeout), not a total."""
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    """Cap on the body as received, after decompression: a small gzip bomb stops here too."""


DEFAULT_LIMITS = Limits()


def check_address(url: str) -> str:
    """The address, stripped, if reader may fetch it.

    Raises:
        AddressError: for anything but an http or https address with a host.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- a bad port raises ValueError here, not later in httpx
    except ValueError:
        raise AddressError(f"{url}: not a valid web address") from None
    if parts.scheme.lower() not in ("http", "https"):
        shown = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise AddressError(f"{url}: only http and https addresses can be fetched ({shown})")
    if not parts.hostname:
        raise AddressError(f"{url}: not a valid web address (no host)")
    return url


def new_client(limits: Limits = DEFAULT_LIMITS) -> httpx.Client:
    """An httpx client set up as every fetch needs: pass it to `fetch_url` to reuse connections."""
    import httpx

    return httpx.Client(**_client_options(limits))


def new_async_client(limits: Limits = DEFAULT_LIMITS, connections: int = 8) -> httpx.AsyncClient:
    """The asynchronous twin of `new_client`, holding at most `connections` connections."""
    import httpx

    pool = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.AsyncClient(limits=pool, **_client_options(limits))


def _client_options(limits: Limits) -> dict:
    return {
        "headers": {"User-Agent": USER_AGENT, "Accept": ACCEPT},
        "timeout": request_timeout(limits),
        # Redirects are followed by hand, one checked hop at a time.
        "follow_redirects": False,
        # Certificates are always checked: there is no switch to turn this off.
        "verify": True,
    }


def request_timeout(limits: Limits) -> httpx.Timeout:
    """The limits' timeouts as httpx takes them, for a client or for one request."""
    import httpx

    return httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout, pool=limits.connect_timeout)
