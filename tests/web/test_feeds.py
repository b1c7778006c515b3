"""Feeds of every format read into plain data; a malformed feed keeps its good items and says what it lost."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reader.core.errors import InputError
from reader.core.web import (
    FeedError,
    discover_feeds,
    fetch_url,
    html_to_markdown,
    parse_feed,
)
from tests.web.server import FIXTURES


def feed(name: str, url: str = "https://feeds.example/feed", **kwargs):
    return parse_feed((FIXTURES / name).read_bytes(), url=url, **kwargs)


def test_rss_2():
    f = feed("rss2.xml", url="https://harbour-ledger.example/feeds/world.rss")
    assert (f.format, f.title, f.link, f.problems, f.bozo) == (
        "rss20", "The Harbour Ledger: World", "https://harbour-ledger.example/world", (), False)
    first, second, third = f.items
    assert first.id == "harbour-ledger-2016-0909-legco"
    assert first.url == "https://harbour-ledger.example/world/2016/09/09/hong-kong-legco-election"
    assert first.author == "Wikinews contributors"
    assert first.published == datetime(2016, 9, 9, 0, 30, tzinfo=UTC)
    assert first.content_html and "<h2>A record turnout</h2>" in first.content and "<script" not in first.content
    assert first.body() == (first.content, True)
    # A relative link resolves against the feed's address; "email (Name)" gives the name.
    assert second.url == "https://harbour-ledger.example/2008/01/20/scientology-website-attack"
    assert second.author == "Wikinews contributors"
    assert second.summary_html and "<b>attacked</b>" in second.summary and second.content == ""
    assert second.body() == (second.summary, True)
    # No guid: the link is the id; an unreadable date is None.
    assert third.id == third.url and third.published is None


def test_rss_1_rdf():
    f = feed("rss1.xml")
    assert f.format == "rss10" and f.title == "Netzblick"
    assert [i.title for i in f.items] == ["Chinesische Wikinews-Ausgabe gestartet", "Rumänien: Parlamentswahlen haben begonnen"]
    assert f.items[0].published == datetime(2006, 3, 14, 17, 0, tzinfo=UTC)
    assert f.items[0].author == "Wikinews-Autoren"


def test_rss_0_91_with_a_doctype_fetches_nothing():
    f = feed("rss091.xml")
    assert f.format.startswith("rss091") and f.title == "Crónica Libre"
    assert f.items[0].title == "Fundación Wikimedia aprueba capítulo Wikimedia España"


def test_atom():
    f = feed("atom.xml")
    assert f.format == "atom10" and f.link == "https://quotidien-reseau.example/"
    first, second = f.items
    # xml:base resolves the relative link; an HTML title comes out as text.
    assert first.url == "https://quotidien-reseau.example/medias/2017/05/02/wikitribune"
    assert first.title == "Le fondateur de Wikipédia lance un site de nouvelles baptisé Wikitribune"
    assert first.published == datetime(2017, 5, 2, 8, 0, tzinfo=UTC)
    assert first.author == "Contributeurs de Wikinews"
    assert first.content_html and not first.summary_html
    markdown = html_to_markdown(first.content)
    assert "> « Les informations ne fonctionnent plus" in markdown
    # Only <updated>: that is the date.
    assert second.published == datetime(2009, 9, 5, 18, 0, tzinfo=UTC)


def test_json_feed():
    f = feed("feed.json", url="https://coastline-courier.example/feed.json")
    assert (f.format, f.title, f.link) == ("json11", "Coastline Courier", "https://coastline-courier.example/")
    first, second, third = f.items
    assert first.url == "https://coastline-courier.example/news/2010/10/09/scientology-defector-arrested"
    assert first.published == datetime(2010, 10, 10, 1, 0, tzinfo=UTC)
    assert first.author == "Wikinews contributors" and first.content_html and not first.summary_html
    assert "1. Leaving a lifehood" in html_to_markdown(first.content)
    assert second.id == "2008" and second.author == "Coastline Courier desk" and not second.content_html
    assert second.published == datetime(2008, 1, 20, 14, 0, tzinfo=UTC)
    assert third.id == third.url and third.published is None
    assert f.problems == ("item 3: unreadable date 'last Friday'", "item 3: no id",
                          "item 4: not an object; skipped", "item 5: empty; skipped")


def test_json_feed_1_0_and_without_version():
    old = b'{"version": "https://jsonfeed.org/version/1", "title": "Old", "author": {"name": "Ann"}, "items": [{"id": "1", "content_text": "Hi"}]}'
    f = parse_feed(old, url="https://x.example/feed.json")
    assert f.format == "json1" and f.items[0].author == "Ann" and f.items[0].title == "Hi"
    loose = parse_feed(b'{"items": [{"id": "a", "title": "T"}]}', url="https://x.example/f")
    assert loose.bozo and loose.items[0].title == "T" and loose.title == "x.example"


@pytest.mark.parametrize("data", [b'{"not": "a feed"}', b"[1, 2]", b'{"items": ', b"\xff\xfe{"])
def test_json_that_is_not_a_feed(data):
    with pytest.raises(FeedError, match="not a feed") as info:
        parse_feed(data, url="https://x.example/f")
    assert isinstance(info.value, InputError) and info.value.exit_status == 2


def test_malformed_feed_keeps_its_good_items():
    f = feed("malformed.xml")
    assert f.bozo and len(f.problems) == 1 and f.problems[0].startswith("line ")
    assert [i.title for i in f.items] == [
        "Rumänien: Parlamentswahlen haben begonnen", "EU & USA äußerten Zweifel", "Chinesische Wikinews-Ausgabe gestartet"]
    assert f.items[0].published == datetime(2012, 12, 9, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize("data", [b"", b"just words", b"<html><body><p>A page</p></body></html>", b"\x89PNG\r\n\x1a\n"])
def test_bytes_that_are_no_feed(data):
    with pytest.raises(FeedError, match=r"^https://x\.example/f: not a feed"):
        parse_feed(data, url="https://x.example/f")


def test_bytes_naming_a_file_are_not_opened(tmp_path):
    """feedparser opens a string that looks like a path; reader hands it a stream."""
    secret = tmp_path / "feed.xml"
    secret.write_bytes((FIXTURES / "rss2.xml").read_bytes())
    with pytest.raises(FeedError):
        parse_feed(str(secret).encode(), url="https://x.example/f")


def test_a_feed_served_as_text_plain_is_not_a_problem():
    assert not feed("rss2.xml", headers={"Content-Type": "text/plain"}).problems


def test_discovery_resolves_relative_links():
    page = (FIXTURES / "hongkong-election.html").read_bytes()
    links = discover_feeds(page, "https://harbour-ledger.example/world/2016/09/09/story")
    assert [(link.url, link.kind, link.title) for link in links] == [
        ("https://harbour-ledger.example/feeds/world.rss", "rss", "The Harbour Ledger: World"),
        ("https://harbour-ledger.example/world/2016/09/09/feeds/politics.atom", "atom", "The Harbour Ledger: Politics (Atom)"),
    ]
    json_links = discover_feeds((FIXTURES / "scientology-defector.html").read_bytes(), "https://coastline-courier.example/a/b")
    assert [(link.url, link.kind) for link in json_links] == [("https://coastline-courier.example/feed.json", "json")]


def test_discovery_follows_base_and_ignores_other_links():
    page = """<html><head><base href="https://cdn.example/site/">
    <link rel="stylesheet" href="s.css"><link rel="alternate" hreflang="fr" href="/fr/">
    <link rel="alternate" type="application/rss+xml" href="rss.xml">
    <LINK REL="Alternate Feed" TYPE="application/atom+xml; charset=utf-8" HREF="atom.xml" title="">
    <link rel="alternate" type="application/rss+xml" href="rss.xml">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    </head><body></body></html>"""
    links = discover_feeds(page, "https://site.example/page")
    assert [(link.url, link.title) for link in links] == [
        ("https://cdn.example/site/rss.xml", None), ("https://cdn.example/site/atom.xml", None)]
    assert discover_feeds(b"<html><body>nothing</body></html>", "https://x.example/") == []


def test_discovered_feed_fetched_from_loopback(server):
    server.fixture("/story", "hongkong-election.html", "text/html; charset=utf-8")
    server.fixture("/feeds/world.rss", "rss2.xml", "application/rss+xml")
    page = fetch_url(server.url("/story"))
    link = discover_feeds(page.content, page.url, charset=page.charset)[0]
    assert link.url == server.url("/feeds/world.rss")
    fetched = fetch_url(link.url)
    f = parse_feed(fetched.content, url=fetched.url, headers=fetched.headers)
    assert f.title == "The Harbour Ledger: World" and len(f.items) == 3


def test_feed_html_as_markdown_and_text_is_clean():
    markdown = html_to_markdown("<p>red\x1b[31m alert\x07\x9b</p><script>x()</script>")
    assert "\x1b" not in markdown and "\x07" not in markdown and "\x9b" not in markdown and "x()" not in markdown
    from reader.core.web import html_to_text

    assert html_to_text("<p>Caf&eacute; <b>noir</b>\u202e</p>") == "Café noir"
    assert html_to_markdown("") == "" and html_to_markdown("plain *text*") == "plain \\*text\\*\n"
