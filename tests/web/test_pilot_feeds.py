"""The feeds screen, driven by keys: unread counts, read and unread, the unread filter, refresh, open."""

from __future__ import annotations

import asyncio

import pytest

from reader.core.library import open_library
from reader.core.news import Following
from reader.core.settings import Settings
from reader.ui.app import build_app
from reader.ui.screens.feeds import FeedsScreen
from tests.screen import screen_text
from tests.ui.conftest import settle
from tests.web.test_news import FAST, rss


@pytest.fixture(autouse=True)
def fast(monkeypatch):
    monkeypatch.setattr("reader.core.web.fetch.DEFAULT_LIMITS", FAST)


@pytest.fixture
def library(tmp_path):
    return open_library(tmp_path / "notes.json")


async def feeds_app(library, sample_path):
    from reader.core.article import load

    app = build_app(document=load(sample_path), settings=Settings(), store=library.store)
    return app


async def wait_for(pilot, condition, timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, screen_text(pilot.app)
        await pilot.pause(0.05)
    await settle(pilot)


async def test_unread_counts_read_toggle_and_the_unread_filter(server, library, sample_path):
    harbour = rss(server, "/harbour.rss", [("/a.html", "Harbour strike ends"), ("/b.html", "Ferry fares rise")])
    rss(server, "/valley.rss", [("/c.html", "Valley vote counted")], title="Valley Times")
    following = Following(library)
    following.subscribe(harbour)
    following.subscribe(server.url("/valley.rss"))
    app = await feeds_app(library, sample_path)
    async with app.run_test(size=(110, 30)) as pilot:
        await app.push_screen(FeedsScreen(library))
        await settle(pilot)
        shown = screen_text(app)
        assert "Feeds · 3 unread" in shown
        assert "Harbour Ledger" in shown and "2 unread · 2 items" in shown
        assert "Valley Times" in shown and "1 unread · 1 items" in shown
        assert shown.index("Valley vote counted") > 0 and "● " in shown
        top = app.screen.items[0].title
        await pilot.press("m")
        await settle(pilot)
        assert "Feeds · 2 unread" in screen_text(app)
        assert [a.read for a in library.articles() if a.title == top] == [True]
        await pilot.press("u")
        await settle(pilot)
        shown = screen_text(app)
        assert "unread only" in shown and top not in shown
        await pilot.press("u", "home", "m")  # every item again; the first, read, is unread once more
        await settle(pilot)
        assert "Feeds · 3 unread" in screen_text(app)


async def test_refresh_in_the_background_with_a_failing_feed(server, library, sample_path):
    harbour = rss(server, "/harbour.rss", [("/a.html", "Harbour strike ends")])
    valley = rss(server, "/valley.rss", [("/c.html", "Valley vote counted")], title="Valley Times")
    following = Following(library)
    following.subscribe(harbour)
    following.subscribe(valley)
    rss(server, "/harbour.rss", [("/a.html", "Harbour strike ends"), ("/new.html", "Night ferry returns")])
    server.route("/valley.rss", "gone", status=404, content_type="text/plain")
    app = await feeds_app(library, sample_path)
    async with app.run_test(size=(110, 30)) as pilot:
        await app.push_screen(FeedsScreen(library))
        await settle(pilot)
        await pilot.press("r")
        await wait_for(pilot, lambda: "feeds refreshed" in screen_text(app))
        shown = screen_text(app)
        assert "2 feeds refreshed, 1 new item, 1 failed" in shown
        assert "Night ferry returns" in shown and "! last refresh failed" in shown
        notices = [n.message for n in app._notifications]
        assert any("valley.rss" in n and "404" in n for n in notices), notices


async def test_enter_opens_an_item_in_full_and_escape_comes_back(server, library, sample_path):
    server.fixture("/a.html", "hongkong-election.html", "text/html")
    feed = rss(server, "/harbour.rss", [("/a.html", "Hong Kong votes"), ("/gone.html", "Gone")])
    Following(library).subscribe(feed)
    app = await feeds_app(library, sample_path)
    async with app.run_test(size=(110, 30)) as pilot:
        await app.push_screen(FeedsScreen(library))
        await settle(pilot)
        titles = [a.title for a in app.screen.items]
        await pilot.press(*(["down"] * titles.index("Hong Kong votes")), "enter")
        await wait_for(pilot, lambda: "New faces emerge" in screen_text(app))
        assert type(app.screen).__name__ == "ReaderScreen"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, FeedsScreen))
        assert "New faces emerge" in screen_text(app)  # the item now has its page's title
        titles = [a.title for a in app.screen.items]
        await pilot.press("home", *(["down"] * titles.index("Gone")), "enter")
        await wait_for(pilot, lambda: "Summary of Gone" in screen_text(app))
        notices = [n.message for n in app._notifications]
        assert any("could not be fetched" in n for n in notices), notices


async def test_from_the_library_to_the_feeds_and_an_item_read_to_its_end(server, library):
    from reader.ui.screens.library_table import LibraryTableScreen

    server.fixture("/a.html", "hongkong-election.html", "text/html")
    feed = rss(server, "/harbour.rss", [("/a.html", "Hong Kong votes"), ("/b.html", "Ferry fares rise")])
    Following(library).subscribe(feed)
    app = build_app(settings=Settings(), store=library.store, whole_library=True)
    async with app.run_test(size=(120, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryTableScreen))
        assert "feeds: 2 unread (f)" in screen_text(app)
        await pilot.press("down", "f")
        await wait_for(pilot, lambda: isinstance(app.screen, FeedsScreen))
        titles = [a.title for a in app.screen.items]
        await pilot.press(*(["down"] * titles.index("Hong Kong votes")), "enter")
        await wait_for(pilot, lambda: "New faces emerge" in screen_text(app))
        await pilot.press("G")  # to the end: read
        await wait_for(pilot, lambda: any(a.read for a in library.articles()))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, FeedsScreen))
        assert "Feeds · 1 unread" in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryTableScreen))
        assert "feeds: 1 unread (f)" in screen_text(app)
        # An item opened from the library's own table is fetched in full too (here it fails: a notice).
        app.screen.filter.value = "Ferry"
        await settle(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Summary of Ferry fares rise" in screen_text(app))
        assert any("could not be fetched" in n.message for n in app._notifications)


async def test_follow_a_feed_from_the_window_and_a_bad_address(server, library, sample_path):
    rss(server, "/harbour.rss", [("/a.html", "Harbour strike ends"), ("/b.html", "Ferry fares rise")])
    page = server.route("/", f'<html><head><link rel="alternate" type="application/rss+xml" '
                             f'href="{server.url("/harbour.rss")}"></head><body><p>Front</p></body></html>',
                        content_type="text/html")
    app = await feeds_app(library, sample_path)
    async with app.run_test(size=(110, 30)) as pilot:
        await app.push_screen(FeedsScreen(library))
        await settle(pilot)
        assert "no feeds followed" in screen_text(app)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*page, "enter")
        await wait_for(pilot, lambda: "following Harbour Ledger: 2 new items" in screen_text(app))
        shown = screen_text(app)
        assert "Harbour strike ends" in shown and "2 unread · 2 items" in shown
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*server.url("/nothing.rss"), "enter")
        await wait_for(pilot, lambda: "404" in screen_text(app))
        assert any("404" in n.message for n in app._notifications)
        assert [f.url for f in Following(library).news.feeds()] == [server.url("/harbour.rss")]
