"""`reader feeds` as a script sees it: follow, list, refresh past failures, unfollow, OPML in and out."""

from __future__ import annotations

import json

import pytest

from reader import cli
from reader.cli import open_article
from tests.web.server import FIXTURES
from tests.web.test_cli_web import FAST, one_line, reader
from tests.web.test_news import rss


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.core.web.fetch.DEFAULT_LIMITS", FAST)
    return str(tmp_path / "store" / "notes.json")


def feeds_json(capsys, db) -> dict:
    status, out, _ = reader(capsys, "feeds", "--json", "--db", db)
    assert status == 0
    return {f["url"]: f for f in json.loads(out)}


def test_follow_list_refresh_and_unfollow(server, db, capsys):
    server.fixture("/a.html", "hongkong-election.html", "text/html")
    feed = rss(server, "/feed.rss", [("/a.html", "Hong Kong votes"), ("/b.html", "Second story")])
    page = server.route("/", f'<html><head><link rel="alternate" type="application/rss+xml" href="{feed}">'
                             "</head><body><p>Front</p></body></html>", content_type="text/html")
    status, out, err = reader(capsys, "feeds", "add", page, "--db", db)
    assert status == 0 and f"({feed}): 2 new items" in out and err == ""
    one_line(reader(capsys, "feeds", "add", feed, "--db", db)[2], "already subscribed")
    listed = feeds_json(capsys, db)[feed]
    assert (listed["title"], listed["items"], listed["unread"], listed["error"]) == ("Harbour Ledger", 2, 2, None)
    assert listed["refreshed"]
    status, out, _ = reader(capsys, "feeds", "--db", db)
    assert out.splitlines()[1].split()[:2] == ["2", "2"] and feed in out

    status, _, err = reader(capsys, "feeds", "refresh", "--db", db)
    assert status == 0 and err.strip() == "1 feed refreshed, 0 new items, 1 unchanged"

    status, out, _ = reader(capsys, "library", "--json", "--db", db)
    items = {a["title"]: a for a in json.loads(out)}
    assert items["Second story"]["partial"] and items["Second story"]["feed"] == feed
    assert not items["Second story"]["read"]

    status, out, _ = reader(capsys, "feeds", "rm", feed, "--db", db)
    assert status == 0 and "its 2 articles stay in the library" in out
    assert feeds_json(capsys, db) == {}
    one_line(reader(capsys, "feeds", "rm", feed, "--db", db)[2], "not subscribed")


def test_a_malformed_feed_keeps_what_parsed_and_says_so(server, db, capsys):
    broken = server.route("/broken.rss", f"<rss version='2.0'><channel><title>Broken</title><item><title>Kept</title>"
                                         f"<link>{server.url('/5.html')}</link></item><item><title>Cut",
                          content_type="application/rss+xml")
    status, out, err = reader(capsys, "feeds", "add", broken, "--db", db)
    assert status == 0 and "1 new item" in out
    [line] = err.strip().splitlines()
    assert line.startswith("reader: warning: ") and broken in line and "partly read" in line
    assert [a["title"] for a in json.loads(reader(capsys, "library", "--json", "--db", db)[1])] == ["Kept"]


def test_refresh_names_each_failing_feed_and_goes_on(server, db, capsys):
    good = rss(server, "/good.rss", [("/1.html", "One")])
    gone = rss(server, "/gone.rss", [("/2.html", "Two")])
    odd = rss(server, "/odd.rss", [("/3.html", "Three")])
    broken = rss(server, "/broken.rss", [("/4.html", "Four")])
    for url in (good, gone, odd, broken):
        assert reader(capsys, "feeds", "add", url, "--db", db)[0] == 0
    server.route("/gone.rss", "no", status=404, content_type="text/plain")
    server.fixture("/odd.rss", "hongkong-election.html", "text/html")
    server.route("/broken.rss", f"<rss version='2.0'><channel><title>Broken</title><item><title>Kept</title>"
                                f"<link>{server.url('/5.html')}</link></item><item><title>Cut", content_type="application/rss+xml")
    rss(server, "/good.rss", [("/1.html", "One"), ("/6.html", "Six")])
    status, out, err = reader(capsys, "feeds", "refresh", "--db", db)
    lines = err.strip().splitlines()
    assert status == 1, err
    assert any(gone in line and "404" in line for line in lines)
    assert any(odd in line and "not a feed" in line for line in lines)
    assert any(broken in line and "partly read" in line for line in lines)
    assert lines[-1] == "4 feeds refreshed, 2 new items, 2 failed"
    listed = feeds_json(capsys, db)
    assert "404" in listed[gone]["error"] and listed[good]["error"] is None
    assert listed[good]["items"] == 2 and listed[broken]["items"] == 2
    server.route("/gone.rss", "no", status=404, content_type="text/plain")
    status, _, err = reader(capsys, "feeds", "refresh", odd, "--db", db)
    assert status == 2 and err.strip().splitlines()[-1] == "1 feed refreshed, 0 new items, 1 failed"


def test_opening_an_item_fetches_it_in_full_or_shows_the_feed_text(server, db, capsys, monkeypatch):
    shown = []

    class App:
        return_code = 0

        def run(self):
            pass

    monkeypatch.setattr("reader.ui.app.build_app", lambda **kw: shown.append(kw["document"]) or App())
    monkeypatch.setattr(open_article, "_end_now", lambda _code: None)
    server.fixture("/a.html", "hongkong-election.html", "text/html")
    feed = rss(server, "/feed.rss", [("/a.html", "Hong Kong votes"), ("/gone.html", "Gone")])
    reader(capsys, "feeds", "add", feed, "--db", db)
    status, out, _ = reader(capsys, "library", "--json", "--db", db)
    ids = {a["title"]: a["id"] for a in json.loads(out)}
    status, _, err = reader(capsys, ids["Gone"], "--db", db)
    assert status == 0 and "Summary of Gone" in shown[-1].text
    assert err.startswith("reader: warning: the full article could not be fetched") and "404" in err
    status, _, err = reader(capsys, ids["Hong Kong votes"], "--db", db)
    assert status == 0 and err == "" and shown[-1].word_count > 300
    status, out, _ = reader(capsys, "library", "--json", "--db", db)
    partial = {a["id"]: (a["partial"], a["title"]) for a in json.loads(out)}
    assert partial[ids["Gone"]] == (True, "Gone")
    assert partial[ids["Hong Kong votes"]] == (False, shown[-1].title)  # the page's own title now


def test_refresh_full_fetches_articles_at_once(server, db, capsys, tmp_path):
    from reader.core.web import Subscription, write_opml

    server.fixture("/a.html", "hongkong-election.html", "text/html")
    feed = rss(server, "/feed.rss", [("/a.html", "Hong Kong votes")])
    opml = tmp_path / "one.opml"
    opml.write_text(write_opml([Subscription(feed, "Harbour Ledger")]), encoding="utf-8")
    assert reader(capsys, "feeds", "import", str(opml), "--db", db)[0] == 0
    status, _, err = reader(capsys, "feeds", "refresh", "--full", "--db", db)
    assert status == 0 and "1 new item" in err
    status, out, _ = reader(capsys, "library", "--json", "--db", db)
    [item] = json.loads(out)
    assert item["partial"] is False and item["words"] > 300


def test_import_and_export_opml(db, tmp_path, capsys):
    status, _, err = reader(capsys, "feeds", "import", str(FIXTURES / "subscriptions.opml"), "--db", db)
    assert status == 0 and "feeds imported" in err
    count = int(err.split()[0])
    status, _, err = reader(capsys, "feeds", "import", str(FIXTURES / "subscriptions.opml"), "--db", db)
    assert err.startswith(f"0 feeds imported ({count} already followed)")
    out_file = tmp_path / "exported.opml"
    assert reader(capsys, "feeds", "export", "-o", str(out_file), "--db", db)[0] == 0
    status, stdout, _ = reader(capsys, "feeds", "export", "--db", db)
    assert stdout.split("<body>")[1] == out_file.read_text(encoding="utf-8").split("<body>")[1]
    other = str(tmp_path / "other" / "notes.json")
    status, _, err = reader(capsys, "feeds", "import", str(out_file), "--db", other)
    assert err.startswith(f"{count} feeds imported")
    assert list(feeds_json(capsys, other)) == list(feeds_json(capsys, db))
    (tmp_path / "bad.opml").write_text("<html><body/></html>")
    status, _, err = reader(capsys, "feeds", "import", str(tmp_path / "bad.opml"), "--db", db)
    assert status == 2
    one_line(err, "bad.opml", "not OPML")
    assert cli.main(["feeds", "import", str(tmp_path / "missing.opml"), "--db", db]) == 2


@pytest.mark.parametrize(
    ("kind", "status", "needle"),
    [
        ("unreachable", 1, "cannot connect"),
        ("timeout", 1, "timed out"),
        ("404", 1, "404"),
        ("tls", 1, "secure connection failed"),
        ("page without a feed", 2, "names no feed"),
        ("not a feed", 2, "not a feed"),
        ("too large", 2, "MB"),
        ("bad address", 2, "only http and https"),
    ],
)
def test_following_fails_in_one_line_and_keeps_nothing(server, db, capsys, kind, status, needle):
    server.route("/slow.rss", "<rss/>", content_type="application/rss+xml", delay=1.5)
    server.route("/page", "<html><head><title>x</title></head><body><p>No feed here</p></body></html>",
                 content_type="text/html")
    server.route("/junk.rss", "{not json at all", content_type="application/feed+json")
    server.route("/huge.rss", b"<rss version='2.0'><channel>" + b"<item><title>t</title></item>" * 400_000,
                 content_type="application/rss+xml")
    url = {
        "unreachable": "http://127.0.0.1:9/feed", "timeout": server.url("/slow.rss"), "404": server.url("/none.rss"),
        "tls": server.url("/page").replace("http://", "https://"), "page without a feed": server.url("/page"),
        "not a feed": server.url("/junk.rss"), "too large": server.url("/huge.rss"), "bad address": "file:///etc/passwd",
    }[kind]
    got, out, err = reader(capsys, "feeds", "add", url, "--db", db)
    assert got == status and out == ""
    one_line(err, needle)
    assert feeds_json(capsys, db) == {}
    assert json.loads(reader(capsys, "library", "--json", "--db", db)[1]) == []


def test_refresh_draws_a_bar_on_a_terminal_only(server, tmp_path):
    """On a terminal, a bar that counts the feeds, wiped before the failing feed's line and the counts."""
    import os
    import pty
    import subprocess
    import sys

    from tests.conftest import ROOT

    db = str(tmp_path / "notes.json")
    feeds = [rss(server, f"/{n}.rss", [(f"/{n}.html", f"Story {n}")]) for n in range(3)]
    opml = tmp_path / "three.opml"
    from reader.core.web import Subscription, write_opml

    opml.write_text(write_opml([Subscription(u) for u in [*feeds, server.url("/missing.rss")]]), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "reader", "feeds", "import", str(opml), "--db", db], check=True,
                   capture_output=True, cwd=ROOT)
    main, secondary = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "reader", "feeds", "refresh", "--db", db], stderr=secondary,
                              stdout=subprocess.PIPE, cwd=ROOT, timeout=60)
        os.close(secondary)
        drawn = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(main)
    text = drawn.decode("utf-8").replace("\r\n", "\n")
    assert done.returncode == 1
    assert "] 4/4 " in text and "█" in text  # the bar, full at the end
    lines = [line.rsplit("\r", 1)[-1].replace("\x1b[K", "") for line in text.split("\n") if line.strip()]
    assert any(line.startswith("reader: warning: ") and "missing.rss" in line and "404" in line for line in lines)
    assert lines[-1].strip() == "4 feeds refreshed, 3 new items, 1 failed"


def test_what_a_feed_says_reaches_the_terminal_without_its_control_characters(server, db, capsys):
    evil = "Evil\x1b[31m Ledger\u202e"
    feed = server.route("/evil.rss", f"<?xml version='1.0'?><rss version='2.0'><channel><title>{evil}</title>"
                                     f"<item><title>Item\x1b]0;pwned\x07 one</title><link>{server.url('/1.html')}</link>"
                                     "</item></channel></rss>", content_type="application/rss+xml")
    seen = ""
    for args in (("feeds", "add", feed), ("feeds",), ("feeds", "--json"), ("library",), ("feeds", "refresh")):
        status, out, err = reader(capsys, *args, "--db", db)
        assert "\x1b" not in out + err and "\u202e" not in out + err and "\x07" not in out + err, args
        seen += out
    assert "Ledger" in seen and "one" in seen  # the words are there, their controls are not
