"""Feeds followed into the library: a first refresh of 100 feeds of 20 items, a second, an OPML import.

Run alone with `python -m benchmarks.news`; `make bench` runs it with the rest.
"""

from __future__ import annotations

import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def bench_news(record) -> None:
    from benchmarks.__main__ import _rss
    from reader.core.library import open_library
    from reader.core.news import FeedRecord, Following
    from reader.core.web import Subscription, write_opml

    print("Feeds into the library: 100 feeds of 20 items, an OPML of 500 feeds", flush=True)
    feeds = {f"/feed/{n}.rss": _rss(n, 20) for n in range(100)}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = feeds.get(self.path, b"")
            tag = f'"{len(body)}"'
            if body and self.headers.get("If-None-Match") == tag:
                self.send_response(304)
                self.send_header("ETag", tag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", tag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    with tempfile.TemporaryDirectory() as folder:
        try:
            urls = [f"http://127.0.0.1:{server.server_address[1]}{path}" for path in feeds]
            warm = Following(open_library(Path(folder) / "warm" / "notes.json"))
            warm.news.add_feeds([FeedRecord(urls[0])])
            warm.refresh()  # the imports are not the refresh
            following = Following(open_library(Path(folder) / "notes.json"))
            following.news.add_feeds(FeedRecord(url) for url in urls)
            start = time.perf_counter()
            outcomes = following.refresh()
            first = time.perf_counter() - start
            new = sum(o.new for o in outcomes)
            start = time.perf_counter()
            again = following.refresh()
            second = time.perf_counter() - start
            start = time.perf_counter()
            summaries = following.summaries()
            listing = time.perf_counter() - start
        finally:
            server.shutdown()
            server.server_close()
        ok = new == 2000 and all(o.error is None for o in outcomes)
        record("refresh 100 feeds of 20 items into the library (first: 2,000 items kept)", first, "s", "< 5",
               ok and first < 5, f"{new} new items, unread, each with a text copy")
        unchanged = sum(o.not_modified for o in again)
        record("refresh the same 100 feeds again (conditional GET: 304s)", second, "s", "< 5",
               unchanged == 100 and second < 5, f"{unchanged} unchanged")
        record("reader feeds: 100 feeds with their item and unread counts", listing * 1000, "ms", "< 200",
               len(summaries) == 100 and listing < 0.2, "over 2,000 articles")

        opml = Path(folder) / "big.opml"
        opml.write_text(write_opml(Subscription(f"https://site{i}.example/feed.xml", f"Feed {i}", None,
                                                (f"Folder {i % 10}",)) for i in range(500)), encoding="utf-8")
        times = []
        for n in range(5):
            fresh = Following(open_library(Path(folder) / f"opml{n}" / "notes.json"))
            start = time.perf_counter()
            added, _already = fresh.import_opml(opml)
            times.append(time.perf_counter() - start)
        best = sorted(times)[len(times) // 2]
        record("reader feeds import: an OPML of 500 feeds into the store", best, "s", "< 1",
               added == 500 and best < 1, "median of 5, one write")


if __name__ == "__main__":
    from benchmarks.__main__ import record

    bench_news(record)
