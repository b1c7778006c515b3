"""Many feeds at once: at most 8 in flight, conditional GET, and a failing feed never stops the others."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from reader.core.web import (
    ContentError,
    FeedError,
    FeedState,
    HTTPStatusError,
    Limits,
    RedirectError,
    find_feed,
    refresh_feeds,
    refresh_feeds_async,
)

FAST = Limits(connect_timeout=2, read_timeout=0.5)


def rss(title: str, items: int) -> str:
    body = "".join(
        f"<item><title>{title} {i}</title><link>https://news.example/{title}/{i}</link><guid>{title}-{i}</guid>"
        f"<pubDate>Mon, 01 Dec 2025 {i % 24:02d}:00:00 GMT</pubDate><description>Item {i} of {title}.</description></item>"
        for i in range(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>https://news.example/</link>{body}</channel></rss>'


def test_one_failing_feed_never_stops_the_others(server):
    good = server.route("/good.rss", rss("good", 3), content_type="application/rss+xml", headers={"ETag": '"g1"'})
    json_feed = server.fixture("/feed.json", "feed.json", "application/feed+json")
    missing = server.url("/missing.rss")
    broken = server.route("/broken.rss", "<rss><channel><title>x</title><item><title>ok</title></item><item>",
                          content_type="application/rss+xml")
    page = server.fixture("/page.html", "hongkong-election.html", "text/html")
    slow = server.route("/slow.rss", rss("slow", 1), content_type="application/rss+xml", delay=1.5)
    server.redirect("/loop-a", "/loop-b")
    loop = server.redirect("/loop-b", "/loop-a")
    junk = server.route("/junk", "plain words", content_type="text/plain")
    seen = []
    results = refresh_feeds([good, FeedState(json_feed), missing, broken, page, slow, loop, junk],
                            progress=lambda done, total, r: seen.append((done, total, r.url)), limits=FAST)
    by_url = {r.url: r for r in results}
    assert [r.url for r in results] == [good, json_feed, missing, broken, page, slow, loop, junk]
    assert by_url[good].outcome == "updated" and len(by_url[good].items) == 3 and by_url[good].etag == '"g1"'
    assert by_url[json_feed].outcome == "updated" and by_url[json_feed].feed.format == "json11"
    assert by_url[broken].outcome == "updated" and by_url[broken].feed.bozo
    failed = {r.url: r for r in results if r.outcome == "failed"}
    assert set(failed) == {missing, page, slow, loop, junk}
    assert isinstance(failed[missing].error, HTTPStatusError) and failed[missing].message == f"{missing}: HTTP 404 Not Found"
    assert isinstance(failed[page].error, ContentError) and failed[page].message == f"{page}: a web page, not a feed"
    assert "timed out" in failed[slow].message
    assert isinstance(failed[loop].error, RedirectError)
    assert all("\n" not in r.message for r in failed.values())
    assert [d for d, _, _ in seen] == list(range(1, 9)) and {t for _, t, _ in seen} == {8}
    assert {u for _, _, u in seen} == set(by_url)


def test_conditional_get_returns_not_modified_and_keeps_state(server):
    stamp = "Mon, 01 Dec 2025 10:00:00 GMT"
    etagged = server.route("/a.rss", rss("a", 2), content_type="application/rss+xml", headers={"ETag": '"a1"'})
    dated = server.route("/b.rss", rss("b", 2), content_type="application/rss+xml", headers={"Last-Modified": stamp})
    first = refresh_feeds([etagged, dated])
    assert [r.outcome for r in first] == ["updated", "updated"]
    states = [FeedState(r.url, r.etag, r.last_modified) for r in first]
    assert states[1].last_modified == stamp
    again = refresh_feeds(states)
    assert [r.outcome for r in again] == ["not_modified", "not_modified"]
    assert again[0].etag == '"a1"' and again[1].last_modified == stamp and again[0].items == ()
    assert server.requests[-1][1].get("If-Modified-Since") == stamp or server.requests[-2][1].get("If-Modified-Since") == stamp


def test_at_most_eight_at_a_time(server):
    lock = threading.Lock()
    now = {"in_flight": 0, "most": 0}
    body = rss("c", 1).encode()

    def counting(handler):
        with lock:
            now["in_flight"] += 1
            now["most"] = max(now["most"], now["in_flight"])
        time.sleep(0.2)
        with lock:
            now["in_flight"] -= 1
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    urls = [server.route(f"/c{i}.rss", handler=counting) for i in range(24)]
    results = refresh_feeds(urls)
    assert all(r.outcome == "updated" for r in results)
    assert 4 <= now["most"] <= 8  # concurrent, and never more than 8


async def test_async_refresh_in_a_running_loop(server):
    url = server.route("/a.rss", rss("a", 2), content_type="application/rss+xml")
    results = await refresh_feeds_async([url, server.url("/nope")])
    assert [r.outcome for r in results] == ["updated", "failed"]


async def test_cancelling_a_refresh_stops_it(server):
    slow = [server.route(f"/s{i}.rss", rss("s", 1), content_type="application/rss+xml", delay=1.0) for i in range(3)]
    task = asyncio.ensure_future(refresh_feeds_async(slow))
    await asyncio.sleep(0.1)
    task.cancel()
    started = time.perf_counter()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert time.perf_counter() - started < 0.5


def test_find_feed_from_a_feed_or_a_page(server):
    server.fixture("/feeds/world.rss", "rss2.xml", "application/rss+xml", headers={"ETag": '"w"'})
    page = server.fixture("/story", "hongkong-election.html", "text/html; charset=utf-8")
    found = find_feed(page)
    assert found.url == server.url("/feeds/world.rss") and found.etag == '"w"'
    assert found.feed.title == "The Harbour Ledger: World"
    assert find_feed(server.url("/feeds/world.rss")).url == server.url("/feeds/world.rss")


def test_find_feed_on_a_page_without_one(server):
    page = server.fixture("/front", "not-an-article.html", "text/html")
    try:
        find_feed(page)
    except FeedError as exc:
        assert str(exc) == f"{page}: a web page that names no feed" and exc.exit_status == 2
    else:
        raise AssertionError("no error")
