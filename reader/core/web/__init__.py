"""News from the web: fetch a page or a feed, extract the article, read feeds and OPML.

Imported only when a URL or a feed is used: this package's modules load httpx,
trafilatura and feedparser inside their functions, so importing it (or any of its
modules) costs next to nothing, and a local article starts as fast as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.web.errors import (
        AddressError,
        ContentError,
        ExtractionError,
        FeedError,
        FetchTimeoutError,
        HTTPStatusError,
        NetworkError,
        OPMLError,
        RedirectError,
        TLSError,
        TooLargeError,
        UnreachableError,
    )
    from reader.core.web.fetch import (
        DEFAULT_LIMITS,
        USER_AGENT,
        FetchResult,
        Limits,
        check_address,
        fetch_url,
        fetch_url_async,
        new_async_client,
        new_client,
    )

_EXPORTS = {
    "AddressError": "errors",
    "ContentError": "errors",
    "ExtractionError": "errors",
    "FeedError": "errors",
    "FetchTimeoutError": "errors",
    "HTTPStatusError": "errors",
    "NetworkError": "errors",
    "OPMLError": "errors",
    "RedirectError": "errors",
    "TLSError": "errors",
    "TooLargeError": "errors",
    "UnreachableError": "errors",
    "DEFAULT_LIMITS": "fetch",
    "USER_AGENT": "fetch",
    "FetchResult": "fetch",
    "Limits": "fetch",
    "check_address": "fetch",
    "fetch_url": "fetch",
    "fetch_url_async": "fetch",
    "new_async_client": "fetch",
    "new_client": "fetch",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
