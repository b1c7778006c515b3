"""News from the web kept in the library: pages opened by their address, feeds followed.

This joins `reader.core.web` (fetching, extraction, feeds; no state) to the library
(records, text copies, analyses). Importing it loads no web library: httpx,
trafilatura and feedparser load only when an address or a feed is used.

- `open_article(arg, library)`: what a command's PATH names (a web address, a saved
  `.html` page, an article file) -> `Opened`; `open_address`, `open_kept` (a library
  article, a feed's item fetched in full the first time), `open_saved_page`.
- `Following(library)`: `subscribe`, `unsubscribe`, `refresh`, `summaries`,
  `import_opml`, `export_opml`; feeds kept as `FeedRecord`s in `NewsStore`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.news.addresses import is_address, is_saved_page
    from reader.core.news.following import FeedOutcome, FeedSummary, Following, item_document
    from reader.core.news.pages import (
        Opened,
        keep_opened,
        key_of,
        normal_address,
        open_address,
        open_article,
        open_kept,
        open_saved_page,
    )
    from reader.core.news.records import FeedRecord, PageRecord
    from reader.core.news.store import NewsStore

_EXPORTS = {
    "FeedOutcome": "following",
    "FeedSummary": "following",
    "Following": "following",
    "item_document": "following",
    "Opened": "pages",
    "is_address": "addresses",
    "is_saved_page": "addresses",
    "keep_opened": "pages",
    "key_of": "pages",
    "normal_address": "pages",
    "open_address": "pages",
    "open_article": "pages",
    "open_kept": "pages",
    "open_saved_page": "pages",
    "FeedRecord": "records",
    "PageRecord": "records",
    "NewsStore": "store",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
