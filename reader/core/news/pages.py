"""Opening an article by its web address, from a saved web page, or as a feed's item.

A page is fetched once: it enters the library with its address as its source, and
every later open reads the library's copy (offline). A feed's item is kept with
what the feed says of it; its full article is fetched the first time it is opened,
and when that fails (the network, the page, the extraction), the feed's text is
shown with a notice saying so, and the item stays as it was, to be tried again.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from reader.core.errors import ReaderError
from reader.core.news.addresses import is_address, is_saved_page
from reader.core.news.records import PageRecord
from reader.core.notes.model import article_key, now
from reader.core.notes.storage import StoreError

if TYPE_CHECKING:
    from reader.core.article.model import Document
    from reader.core.library.library import Kept, Library
    from reader.core.library.records import LibraryArticle
    from reader.core.web.extract import Extracted
    from reader.core.web.fetch import Limits



@dataclass
class Opened:
    """An article ready to read, and where it came from."""

    document: Document
    article: LibraryArticle | None = None
    """Its library record, when kept (a URL or a feed's item always is)."""
    source: dict[str, str | None] | None = None
    """For an article from the web (a URL, a feed's item, a saved page): url, site,
    author, published, as `reader analyze --json` writes them; None for others."""
    fetched: bool = False
    """Whether the network was used to open it."""
    notices: list[str] = field(default_factory=list)
    """What the reader should know: the full article could not be fetched, ..."""
    new: bool = False
    """It entered the library just now (a page fetched for the first time)."""


def normal_address(url: str) -> str:
    """The address an article is kept by: checked (http or https), without its #fragment."""
    from reader.core.web.fetch import check_address

    parts = urlsplit(check_address(url))
    return urlunsplit(parts._replace(fragment=""))


def key_of(url: str) -> str:
    """The library's (and the notes') key of the article at a web address."""
    from reader.core.article.model import Document

    return article_key(Document(title="", blocks=[], source=url))


def source_of(article: LibraryArticle, page: PageRecord | None = None) -> dict[str, str | None]:
    return {
        "url": (page.canonical if page is not None and page.canonical else None) or article.source,
        "site": article.site or None,
        "author": article.author or None,
        "published": article.published or None,
    }


def open_address(library: Library, url: str, *, refetch: bool = False, limits: Limits | None = None) -> Opened:
    """The article at a web address: the library's copy if kept, else fetched, extracted and kept.

    A feed's item not fetched in full yet is fetched now (see `open_kept`).

    Raises:
        AddressError: not an http or https address; NetworkError (exit 1) and
            ContentError (exit 2): the page could not be fetched or holds no article;
            StoreError: it could not be kept (nothing is half-written).
    """
    url = normal_address(url)
    kept = library.get(key_of(url))
    if kept is not None and (kept.partial or not refetch):
        return open_kept(library, kept, limits=limits)
    extracted = fetch_article(url, limits)
    return keep_page(library, url, extracted, origin=kept.origin if kept else "url", feed=kept.feed if kept else "")


def fetch_article(url: str, limits: Limits | None = None) -> Extracted:
    """Fetch a page and extract its article (nothing is kept)."""
    from reader.core.web.errors import ContentError, FeedError
    from reader.core.web.extract import extract_fetched
    from reader.core.web.feeds import parse_feed
    from reader.core.web.fetch import DEFAULT_LIMITS, fetch_url

    fetched = fetch_url(url, limits=limits or DEFAULT_LIMITS)
    if fetched.kind in ("xml", "json"):
        with suppress(FeedError):
            parse_feed(fetched.content, url=fetched.url, headers=fetched.headers)
            raise ContentError(f"{url}: a feed, not a web page (reader feeds add {url} follows it)")
    return extract_fetched(fetched)


def unfetched(exc: ReaderError) -> str:
    """The notice for a feed's item whose full article could not be had."""
    return f"the full article could not be fetched ({exc}); showing what the feed gives"


def keep_page(library: Library, url: str, extracted: Extracted, *, origin: str, feed: str = "") -> Opened:
    from reader.core.news.store import NewsStore

    doc = extracted.document(source=url)
    kept = library.keep(doc, origin=origin, feed=feed, site=extracted.site or "", author=extracted.author or "",
                        published=extracted.published or "")
    page = PageRecord(kept.article.key, url, extracted.url if extracted.url and extracted.url != url else "", now())
    with suppress(StoreError):  # a damaged news file loses only the canonical address; it is reported
        NewsStore(library).save_page(page)
    return Opened(doc, kept.article, source_of(kept.article, page), fetched=True, new=kept.new)


def open_kept(library: Library, article: LibraryArticle, *, limits: Limits | None = None) -> Opened:
    """An article of the library, read from its copy; a feed's item is fetched in full the first time.

    When the full article cannot be had (the network, the page, the extraction),
    the item is shown as the feed gave it, with a notice saying why, and stays as
    it was, to be tried again: this never raises for the network or the page.

    Raises:
        TextCopyError: the library's copy is missing or damaged.
    """
    from reader.core.news.store import NewsStore

    if article.partial:
        try:
            extracted = fetch_article(article.source, limits)
        except ReaderError as exc:
            opened = Opened(library.document(article), article, source_of(article))
            opened.notices.append(unfetched(exc))
            opened.document.warnings.extend(opened.notices)
            return opened
        return keep_page(library, article.source, extracted, origin=article.origin, feed=article.feed)
    web = article.origin in ("url", "feed")
    source = source_of(article, NewsStore(library).page(article.key)) if web else None
    return Opened(library.document(article), article, source)


def keep_opened(library: Library, opened: Opened) -> Kept:
    """Keep what was opened in the library (a page or an item already is; a file is kept now).

    Raises:
        InputError: an article with no text; StoreError: it cannot be written.
    """
    from reader.core.library.library import Kept

    if opened.article is not None:
        return Kept(opened.article, new=opened.new, changed=False)
    source = opened.source or {}
    return library.keep(opened.document, site=source.get("site") or "", author=source.get("author") or "",
                        published=source.get("published") or "")


def open_saved_page(path: str) -> Opened:
    """A web page saved as a file: its article extracted, as a URL's would be (not kept here)."""
    from reader.core.web.extract import extract_file

    extracted = extract_file(path)
    return Opened(extracted.document(source=path), source=extracted.source())


def open_article(arg: str, library: Library | None = None, *, keep_pages: bool = True) -> Opened:
    """What a command's PATH names: a web address, a saved web page, or an article file ("-": stdin).

    Args:
        library: where web addresses are kept and read from (needed for them).
        keep_pages: False to fetch a web address without keeping it (when no library is at hand).
    """
    if is_address(arg):
        if library is None or not keep_pages:
            url = normal_address(arg)
            extracted = fetch_article(url)
            return Opened(extracted.document(source=url), source=extracted.source(), fetched=True)
        return open_address(library, arg)
    if arg != "-" and is_saved_page(arg):
        return open_saved_page(arg)
    from reader.core.article.loader import load

    return Opened(load(arg))
