"""Refreshing many feeds at once, and finding the feed behind an address.

At most 8 feeds are fetched at a time (asyncio and one httpx client, so
connections to the same site are reused), each with the ETag and Last-Modified
its last refresh returned, so an unchanged feed costs one short 304. Each feed
gets its own result (new content, not modified, or the one-line error), so a
feed that fails never stops the others. What to store is the caller's business:
state comes in and goes out as plain data.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from reader.core.errors import ReaderError
from reader.core.web.discovery import discover_feeds
from reader.core.web.errors import ContentError, FeedError
from reader.core.web.feeds import Feed, FeedItem, parse_feed
from reader.core.web.fetch import DEFAULT_LIMITS, FetchResult, Limits, fetch_url, fetch_url_async, new_async_client

if TYPE_CHECKING:
    import httpx

CONCURRENCY = 8
"""Feeds fetched at once: enough to hide latency, few enough to be polite to one site."""

Outcome = Literal["updated", "not_modified", "failed"]


@dataclass(frozen=True)
class FeedState:
    """A subscribed feed as the library keeps it: its address and what its last fetch returned."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class RefreshResult:
    """What refreshing one feed gave."""

    url: str
    """The address the feed was refreshed by (the library's key for it)."""
    outcome: Outcome
    feed: Feed | None = None
    """For "updated": the feed's title, link and every item it holds now (the library keeps the new ones)."""
    error: ReaderError | None = None
    """For "failed": the error, whose message is the one line to show."""
    etag: str | None = None
    """To keep for the next refresh (the old one is passed back when nothing new came)."""
    last_modified: str | None = None
    final_url: str | None = None
    """Where redirects led, when somewhere else."""
    seconds: float = 0.0

    @property
    def items(self) -> tuple[FeedItem, ...]:
        return self.feed.items if self.feed is not None else ()

    @property
    def message(self) -> str | None:
        """The error's one line, for a failed feed."""
        return str(self.error) if self.error is not None else None


Progress = Callable[[int, int, RefreshResult], None]
"""Called as each feed finishes: (feeds done, feeds in all, that feed's result)."""


async def refresh_feeds_async(
    feeds: Iterable[FeedState | str],
    *,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
    concurrency: int = CONCURRENCY,
    client: httpx.AsyncClient | None = None,
) -> list[RefreshResult]:
    """Refresh feeds concurrently; one result per feed, in the order given.

    Never raises for a feed's failure: that feed's result says what went wrong.
    Cancelling the task cancels the fetches still running.
    """
    states = [FeedState(f) if isinstance(f, str) else f for f in feeds]
    total = len(states)
    done = 0
    slots = asyncio.Semaphore(max(1, concurrency))
    http = client if client is not None else new_async_client(limits, connections=max(1, concurrency))

    async def one(state: FeedState) -> RefreshResult:
        nonlocal done
        async with slots:
            result = await _refresh_one(http, state, limits)
        done += 1
        if progress is not None:
            progress(done, total, result)
        return result

    try:
        return list(await asyncio.gather(*(one(s) for s in states)))
    finally:
        if client is None:
            await http.aclose()


def refresh_feeds(
    feeds: Iterable[FeedState | str],
    *,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
    concurrency: int = CONCURRENCY,
) -> list[RefreshResult]:
    """`refresh_feeds_async` for code without an event loop (the CLI, a worker thread)."""
    return asyncio.run(refresh_feeds_async(feeds, progress=progress, limits=limits, concurrency=concurrency))


async def _refresh_one(client: httpx.AsyncClient, state: FeedState, limits: Limits) -> RefreshResult:
    started = time.perf_counter()
    try:
        fetched = await fetch_url_async(state.url, client=client, etag=state.etag,
                                        last_modified=state.last_modified, limits=limits)
        moved = fetched.url if fetched.url != state.url else None
        if fetched.not_modified:
            return RefreshResult(state.url, "not_modified", etag=fetched.etag or state.etag,
                                 last_modified=fetched.last_modified or state.last_modified, final_url=moved,
                                 seconds=time.perf_counter() - started)
        # Parsing is CPU work: off the event loop, so a window running this stays responsive.
        feed = await asyncio.to_thread(_parse_fetched, fetched, state.url)
        return RefreshResult(state.url, "updated", feed=feed, etag=fetched.etag, last_modified=fetched.last_modified,
                             final_url=moved, seconds=time.perf_counter() - started)
    except ReaderError as exc:
        error = exc
    except Exception as exc:  # a parser's crash on one feed must not stop the others
        error = ReaderError(f"{state.url}: could not be read ({type(exc).__name__}: {exc})")
    return RefreshResult(state.url, "failed", error=error, etag=state.etag, last_modified=state.last_modified,
                         seconds=time.perf_counter() - started)


def _parse_fetched(fetched: FetchResult, asked: str) -> Feed:
    if fetched.kind == "html":
        raise ContentError(f"{asked}: a web page, not a feed")
    return parse_feed(fetched.content, url=fetched.url, headers=fetched.headers)


def find_feed(url: str, *, limits: Limits = DEFAULT_LIMITS, client: httpx.Client | None = None) -> RefreshResult:
    """The feed at an address, or the first feed a web page there names (`reader feeds add URL`).

    The result's `url` is the feed's own address (to subscribe to), with its feed,
    ETag and Last-Modified as a first refresh would give them.

    Raises:
        FeedError: the page names no feed, or what it names is not one; and every
            error `fetch_url` and `parse_feed` raise.
    """
    fetched = fetch_url(url, limits=limits, client=client)
    if fetched.kind == "html":
        links = discover_feeds(fetched.content, fetched.url, charset=fetched.charset)
        if not links:
            raise FeedError(f"{url}: a web page that names no feed")
        fetched = fetch_url(links[0].url, limits=limits, client=client)
        if fetched.kind == "html":
            raise FeedError(f"{links[0].url}: named as a feed by {url}, but a web page")
    feed = parse_feed(fetched.content, url=fetched.url, headers=fetched.headers)
    return RefreshResult(fetched.url, "updated", feed=feed, etag=fetched.etag, last_modified=fetched.last_modified)
