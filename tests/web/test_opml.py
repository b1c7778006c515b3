"""OPML in (nested folders, bad files refused) and out (a valid OPML 2.0 document), round trip."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest

from reader.core.errors import InputError
from reader.core.web import OPMLError, Subscription, read_opml, read_opml_file, write_opml
from tests.web.server import FIXTURES


def test_import_nested_outlines():
    subs = read_opml_file(FIXTURES / "subscriptions.opml")
    assert subs == [
        Subscription("https://harbour-ledger.example/feeds/world.rss", "The Harbour Ledger: World",
                     "https://harbour-ledger.example/world", ("News", "World")),
        Subscription("https://netzblick.example/rss", "Netzblick", None, ("News", "World")),
        Subscription("https://quotidien-reseau.example/feeds/atom.xml", "Le Quotidien du Réseau", None, ("News",)),
        Subscription("https://coastline-courier.example/feed.json", "Coastline Courier", None, ()),
    ]


@pytest.mark.parametrize(("data", "words"), [
    (b"<opml><body><outline text='x'", "not valid OPML (unclosed token at line 1"),
    (b"", "not valid OPML (no element found at line 1, column 1)"),
    (b"<rss version='2.0'><channel/></rss>", "not OPML (the document is <rss>)"),
    (b"<opml version='2.0'><head/></opml>", "not valid OPML (no <body>)"),
    (b"\x89PNG\r\n\x1a\n", "not valid OPML"),
])
def test_bad_opml_is_an_input_error(data, words):
    with pytest.raises(OPMLError) as info:
        read_opml(data, name="feeds.opml")
    assert isinstance(info.value, InputError) and info.value.exit_status == 2
    assert str(info.value).startswith(f"feeds.opml: {words}"), str(info.value)
    assert "\n" not in str(info.value)


def test_entity_expansion_is_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)
    ) + b']><opml><body><outline text="&i;" xmlUrl="https://x.example/"/></body></opml>'
    with pytest.raises(OPMLError):
        read_opml(bomb)


def test_missing_file():
    with pytest.raises(OPMLError, match="no such file"):
        read_opml_file(FIXTURES / "nope.opml")


def test_export_is_opml_2_and_round_trips():
    subs = read_opml_file(FIXTURES / "subscriptions.opml") + [Subscription("https://x.example/?a=1&b=<2>", None)]
    text = write_opml(subs, title="My <feeds>", now=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    root = ET.fromstring(text)
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.find("head/title").text == "My <feeds>"
    assert root.find("head/dateCreated").text == "Fri, 02 Jan 2026 03:04:05 GMT"
    for outline in root.iter("outline"):
        assert outline.get("text"), "OPML 2.0 requires text on every outline"
    assert read_opml(text) == subs
    assert read_opml(text.encode("utf-8")) == subs


def test_empty_export_reads_back_empty():
    assert read_opml(write_opml([])) == []
