"""The window on a feed's item whose page failed: the feed's text, and a notice that says why."""

from __future__ import annotations

from reader.core.library import open_library
from reader.core.news import Following, open_kept
from reader.core.settings import Settings
from reader.ui.app import build_app
from tests.screen import screen_text
from tests.ui.conftest import ready
from tests.web.test_news import FAST, rss


async def test_an_item_without_its_article_is_shown_with_a_notice(server, tmp_path):
    library = open_library(tmp_path / "notes.json")
    feed = rss(server, "/feed.rss", [("/gone.html", "Harbour strike ends")])
    Following(library).subscribe(feed, limits=FAST)
    [item] = library.articles()
    opened = open_kept(library, item, limits=FAST)
    app = build_app(document=opened.document, settings=Settings(), store=library.store)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        shown = screen_text(app)
        assert "Harbour strike ends" in shown and "Summary of Harbour strike ends" in shown
        notices = [n.message for n in app._notifications]
        assert any("the full article could not be fetched" in n and "404" in n for n in notices), notices
