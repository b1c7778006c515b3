"""News from the web: fetch a page or a feed, extract the article, read feeds and OPML.

Imported only when a URL or a feed is used: this package's modules load httpx,
trafilatura, feedparser and lxml inside their functions, so importing it (or any
of its modules) costs next to nothing, and a local article starts as fast as before.

- `fetch_url` / `fetch_url_async`: one address under reader's limits -> `FetchResult`.
- `extract_fetched` / `extract_article` / `extract_file`: the article in a page -> `Extracted`.
- `parse_feed`: RSS, Atom or JSON Feed bytes -> `Feed` of `FeedItem`s; `discover_feeds`
  finds the feeds a page names; `find_feed` does both for `reader feeds add URL`.
- `refresh_feeds` / `refresh_feeds_async`: many `FeedState`s -> one `RefreshResult` each.
- `read_opml` / `read_opml_file` / `write_opml`: `Subscription` lists in and out.
- Errors: `NetworkError` and its kinds (exit 1), `AddressError`, `ContentError` and
  its kinds, `OPMLError` (exit 2); all are `reader.core.errors.ReaderError`s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.web.discovery import (
        FeedLink,
        discover_feeds,
    )
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
    from reader.core.web.extract import (
        Extracted,
        extract_article,
        extract_fetched,
        extract_file,
    )
    from reader.core.web.feeds import (
        Feed,
        FeedItem,
        parse_feed,
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
    from reader.core.web.jsonfeed import (
        parse_json_feed,
    )
    from reader.core.web.markdown_writer import (
        html_to_markdown,
        html_to_text,
    )
    from reader.core.web.opml import (
        Subscription,
        read_opml,
        read_opml_file,
        write_opml,
    )
    from reader.core.web.refresh import (
        FeedState,
        RefreshResult,
        find_feed,
        refresh_feeds,
        refresh_feeds_async,
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
    "Extracted": "extract",
    "extract_article": "extract",
    "extract_fetched": "extract",
    "extract_file": "extract",
    "Feed": "feeds",
    "FeedItem": "feeds",
    "parse_feed": "feeds",
    "parse_json_feed": "jsonfeed",
    "FeedLink": "discovery",
    "discover_feeds": "discovery",
    "Subscription": "opml",
    "read_opml": "opml",
    "read_opml_file": "opml",
    "write_opml": "opml",
    "FeedState": "refresh",
    "RefreshResult": "refresh",
    "find_feed": "refresh",
    "refresh_feeds": "refresh",
    "refresh_feeds_async": "refresh",
    "html_to_markdown": "markdown_writer",
    "html_to_text": "markdown_writer",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
