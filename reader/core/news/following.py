"""Following feeds: subscribing, refreshing into the library, OPML in and out.

A refresh fetches every feed at once (8 at a time, conditional GET), then keeps
each new item in the library as the feed gives it: unread, marked partial, its
text the feed's content or summary; the full article is fetched when it is
opened (or at once with `full`). A feed that fails is noted on its record (the
error and when) and never stops the others. Feed records are written in one go
after the fetches; each item is kept whole or not at all (the library's writes
are atomic), so an interrupted refresh loses nothing already kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import InputError, ReaderError
from reader.core.news.batch import NewArticle, keep_new
from reader.core.news.records import FeedRecord
from reader.core.news.store import NewsStore
from reader.core.notes.model import now

if TYPE_CHECKING:
    from reader.core.article.model import Document
    from reader.core.library.library import Library
    from reader.core.library.records import LibraryArticle
    from reader.core.web.feeds import Feed, FeedItem
    from reader.core.web.fetch import Limits
    from reader.core.web.refresh import RefreshResult


@dataclass
class FeedSummary:
    """A feed as `reader feeds` lists it."""

    record: FeedRecord
    items: int = 0
    unread: int = 0

    def to_json(self) -> dict:
        r = self.record
        return {"url": r.url, "title": r.title, "site": r.site or None, "items": self.items, "unread": self.unread,
                "refreshed": r.refreshed or None, "error": r.error or None, "folder": list(r.folder)}


@dataclass
class FeedOutcome:
    """What refreshing one feed did."""

    url: str
    title: str
    new: int = 0
    error: ReaderError | None = None
    not_modified: bool = False
    problems: tuple[str, ...] = ()
    """What part of a malformed feed could not be read (what did was kept)."""
    full_failed: list[str] = field(default_factory=list)
    """With `full`: the items whose full article could not be fetched, one line each."""


class Following:
    """The feeds of one library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.news = NewsStore(library)

    def summaries(self) -> list[FeedSummary]:
        """Every feed with its number of items in the library, and of unread ones."""
        counts: Counter[str] = Counter()
        unread: Counter[str] = Counter()
        for article in self.library.articles():
            if article.feed:
                counts[article.feed] += 1
                unread[article.feed] += not article.read
        return [FeedSummary(r, counts[r.url], unread[r.url]) for r in self.news.feeds()]

    def subscribe(self, url: str, *, limits: Limits | None = None) -> tuple[FeedRecord, FeedOutcome]:
        """Subscribe to the feed at `url` (or the one a page there names) and keep its items.

        Returns:
            The feed's record, and the outcome: how many of its items are new to the
            library, and what of a malformed feed could not be read.

        Raises:
            InputError: already subscribed; the errors of `find_feed` (nothing is kept then).
        """
        from reader.core.news.pages import normal_address
        from reader.core.web.fetch import DEFAULT_LIMITS
        from reader.core.web.refresh import find_feed

        asked = normal_address(url)
        if self.news.feed(asked) is not None:
            raise InputError(f"{asked}: already subscribed")
        found = find_feed(asked, limits=limits or DEFAULT_LIMITS)
        assert found.feed is not None
        if self.news.feed(found.url) is not None:
            raise InputError(f"{asked}: already subscribed, as {found.url}")
        record = FeedRecord(found.url, title=found.feed.title, site=found.feed.link or "", added=now(),
                            refreshed=now(), etag=found.etag or "", last_modified=found.last_modified or "")
        new = self.keep_items(record, found.feed)
        self.news.add_feeds([record])
        return record, FeedOutcome(record.url, record.title, new=new, problems=found.feed.problems)

    def unsubscribe(self, url: str) -> int:
        """Unsubscribe from a feed; returns how many of its items stay in the library.

        Raises:
            InputError: not subscribed to it.
        """
        url = url.strip()
        if not self.news.remove_feed(url):
            raise InputError(f"{url}: not subscribed to it (reader feeds lists the feeds)")
        return sum(1 for a in self.library.articles() if a.feed == url)

    def refresh(
        self,
        urls: Iterable[str] | None = None,
        *,
        full: bool = False,
        progress: Callable[[int, int, str], None] | None = None,
        limits: Limits | None = None,
    ) -> list[FeedOutcome]:
        """Refresh feeds (all, or those named) and keep their new items; one outcome per feed.

        Raises:
            InputError: a named feed is not subscribed to.
        """
        from reader.core.web.fetch import DEFAULT_LIMITS
        from reader.core.web.refresh import FeedState, refresh_feeds

        records = self.news.feeds()
        if urls is not None:
            wanted = [u.strip() for u in urls]
            by_url = {r.url: r for r in records}
            missing = [u for u in wanted if u not in by_url]
            if missing:
                raise InputError(f"{missing[0]}: not subscribed to it (reader feeds lists the feeds)")
            records = [by_url[u] for u in dict.fromkeys(wanted)]
        states = [FeedState(r.url, r.etag or None, r.last_modified or None) for r in records]

        def fetched(done: int, total: int, result: RefreshResult) -> None:
            if progress is not None:
                progress(done, total, result.url)

        results = refresh_feeds(states, progress=fetched, limits=limits or DEFAULT_LIMITS)
        kept = {a.key for a in self.library.articles()}
        applied = [self._apply(record, result, kept) for record, result in zip(records, results)]
        fresh = [new for _record, _outcome, items in applied for new in items]
        try:
            keep_new(self.library, fresh)  # all feeds' new items at once: one sync, one write per record file
        except ReaderError as exc:  # the library could not be written: the new items wait for the next refresh
            for i, (record, outcome, items) in enumerate(applied):
                if items:
                    record = replace(record, error=str(exc), etag="", last_modified="")
                    applied[i] = (record, replace(outcome, new=0, error=exc), items)
        self.news.save_feeds(record for record, _outcome, _items in applied)
        outcomes = [outcome for _record, outcome, _items in applied]
        if full:
            self._fetch_full(outcomes, progress, limits)
        return outcomes

    def _apply(
        self, record: FeedRecord, result: RefreshResult, kept: set[str]
    ) -> tuple[FeedRecord, FeedOutcome, list[NewArticle]]:
        """A feed's record brought up to date by its refresh, the outcome, and its items new to the library."""
        stamp = now()
        if result.outcome == "failed":
            message = result.message or f"{record.url}: could not be refreshed"
            record = replace(record, refreshed=stamp, error=message)
            return record, FeedOutcome(record.url, record.title, error=result.error), []
        if result.outcome == "not_modified" or result.feed is None:
            record = replace(record, refreshed=stamp, error="", etag=result.etag or "",
                             last_modified=result.last_modified or "")
            return record, FeedOutcome(record.url, record.title, not_modified=True), []
        feed = result.feed
        record = replace(record, title=feed.title or record.title, site=feed.link or record.site, refreshed=stamp,
                         error="", etag=result.etag or "", last_modified=result.last_modified or "")
        fresh = self.new_items(record, feed, kept)
        return record, FeedOutcome(record.url, record.title, new=len(fresh), problems=feed.problems), fresh

    def keep_items(self, record: FeedRecord, feed: Feed) -> int:
        """Keep the items of a feed the library does not have yet; how many were new."""
        return len(keep_new(self.library, self.new_items(record, feed, {a.key for a in self.library.articles()})))

    def new_items(self, record: FeedRecord, feed: Feed, kept: set[str]) -> list[NewArticle]:
        """The items of a feed whose keys are not in `kept` (to which they are added), as articles to keep."""
        from reader.core.news.pages import key_of

        fresh = []
        for item in feed.items:
            source = _item_source(record.url, item)
            key = key_of(source)
            if key in kept:
                continue
            kept.add(key)
            published = item.published.isoformat().replace("+00:00", "Z") if item.published else ""
            fresh.append(NewArticle(item_document(item, source), origin="feed", feed=record.url, site=record.title,
                                    author=item.author or "", published=published, partial=item.url is not None))
        return fresh

    def _fetch_full(self, outcomes: list[FeedOutcome], progress, limits: Limits | None) -> None:
        """Fetch the full article of every item of these feeds not fetched yet, 8 at a time.

        The fetches and extractions run in threads; the articles are kept here, one
        after another, as each arrives. An item that cannot be had stays as the feed
        gave it, and its feed's outcome names it.
        """
        from concurrent.futures import ThreadPoolExecutor, as_completed

        from reader.core.news.pages import fetch_article, keep_page, unfetched
        from reader.core.web.refresh import CONCURRENCY

        by_feed = {o.url: o for o in outcomes if o.error is None}
        pending: list[LibraryArticle] = [a for a in self.library.articles() if a.partial and a.feed in by_feed]

        def fetch(article: LibraryArticle):
            try:
                return article, fetch_article(article.source, limits), None
            except ReaderError as exc:
                return article, None, exc

        with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
            futures = [pool.submit(fetch, a) for a in pending]
            for done, future in enumerate(as_completed(futures), 1):
                article, extracted, error = future.result()
                if progress is not None:
                    progress(done, len(pending), article.source)
                if error is None:
                    try:
                        keep_page(self.library, article.source, extracted, origin=article.origin, feed=article.feed)
                        continue
                    except ReaderError as exc:
                        error = exc
                by_feed[article.feed].full_failed.append(unfetched(error))

    # -- OPML ------------------------------------------------------------------------

    def import_opml(self, path: str | Path) -> tuple[int, int]:
        """Subscribe to every feed an OPML file lists (nothing is fetched); (added, already subscribed)."""
        from reader.core.web.opml import read_opml_file

        subscriptions = read_opml_file(path)
        stamp = now()
        added = self.news.add_feeds(
            FeedRecord(s.url, title=s.title or "", site=s.site or "", folder=list(s.folder), added=stamp)
            for s in subscriptions
        )
        return len(added), len(subscriptions) - len(added)

    def export_opml(self) -> str:
        from reader.core.web.opml import Subscription, write_opml

        return write_opml(Subscription(r.url, r.title or None, r.site or None, tuple(r.folder))
                          for r in self.news.feeds())


def _item_source(feed_url: str, item: FeedItem) -> str:
    """The address an item is kept by: its link, else the feed's address with the item's id."""
    from reader.core.news.pages import normal_address
    from reader.core.web.errors import AddressError

    if item.url:
        try:
            return normal_address(item.url)
        except AddressError:
            pass
    import hashlib

    return f"{feed_url.split('#')[0]}#item-{hashlib.sha256(item.id.encode()).hexdigest()[:16]}"


def item_document(item: FeedItem, source: str) -> Document:
    """A feed's item as an article: its title, then the feed's content (else summary) as Markdown."""
    from reader.core.article.loader import parse
    from reader.core.web.markdown_writer import escape, html_to_markdown

    body, is_html = item.body()
    text = html_to_markdown(body) if is_html else escape(" ".join(body.split()))
    title = item.title or "(untitled)"
    return parse(f"# {escape(title)}\n\n{text}".rstrip() + "\n", markdown=True, source=source)
