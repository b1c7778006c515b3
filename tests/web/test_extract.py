"""Extraction keeps the article's words, metadata and structure, and nothing of the page around it."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from reader.core.article import parse
from reader.core.errors import InputError
from reader.core.web.charset import codec_for, declared_encoding, decode_page
from reader.core.web.errors import ExtractionError
from reader.core.web.extract import extract_article, extract_fetched, extract_file
from reader.core.web.fetch import fetch_url
from reader.core.web.markdown_writer import write_markdown
from tests.web.server import FIXTURES

DATA = Path(__file__).resolve().parent.parent / "data"

# page -> (source text, author, published, site, canonical URL when read from the file)
PAGES = {
    "hongkong-election.html": ("en-hongkong-legco-election", "Wikinews contributors", "2016-09-09", "The Harbour Ledger",
                               "https://harbour-ledger.example/world/2016/09/09/hong-kong-legco-election"),
    "scientology-website-attack.html": ("en-scientology-website-attack", "Wikinews contributors", "2008-01-20", "Net Observer",
                                        "https://net-observer.example/2008/01/20/scientology-website-attack"),
    "scientology-defector.html": ("en-scientology-defector-arrest", "Wikinews contributors", "2010-10-09", "Coastline Courier", None),
    "wikinews-china-de.html": ("de-wikinews-china-start", "Wikinews-Autoren", "2006-03-14", "Netzblick",
                               "https://netzblick.example/2006/03/14/chinesische-wikinews"),
    "wikimedia-espana-es.html": ("es-wikimedia-espana-capitulo", "Colaboradores de Wikinoticias", "2011-02-10", "Crónica Libre",
                                 "https://cronica-libre.example/2011/02/10/wikimedia-espana"),
    "wikitribune-fr.html": ("fr-wikitribune-lancement", "Contributeurs de Wikinews", "2017-05-02", "Le Quotidien du Réseau",
                            "https://quotidien-reseau.example/medias/2017/05/02/wikitribune"),
    "rumaenien-wahl-de.html": ("de-rumaenien-parlamentswahl", "Wikinews-Autoren", "2012-12-09", "Ostnachrichten",
                               "https://ostnachrichten.example/rumaenien/parlamentswahl-2012"),
    "honduras-zelaya-fr.html": ("fr-honduras-zelaya-exil", "Contributeurs de Wikinews", "2009-09-05", "Le Quotidien du Réseau",
                                "https://quotidien-reseau.example/monde/2009/09/05/honduras-zelaya"),
}
BOILERPLATE = ("Most read", "Comments (3)", "reader42", "We use cookies", "Subscribe", "About us", "Advertisement",
               "Share", "Related", "dataLayer", "Privacy policy", "Get the Courier")


def source_text(name: str) -> tuple[str, list[str]]:
    lines = [ln for ln in (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines[0], lines[1:]


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_word_of_the_article_and_its_metadata(page):
    name, author, published, site, url = PAGES[page]
    headline, paragraphs = source_text(name)
    article = extract_file(FIXTURES / page)
    assert (article.title, article.author, article.published, article.site, article.url) == (
        headline, author, published, site, url)
    doc = article.document("saved.html")
    assert doc.title == headline and doc.blocks[0].kind == "heading" and doc.blocks[0].text == headline
    text = " ".join(b.text for b in doc.blocks)
    for paragraph in paragraphs:
        if "a) " in paragraph:  # this one was split into a sentence and a numbered list
            paragraph = paragraph[: paragraph.index("a) ")].rstrip()
        assert paragraph in text, paragraph[:60]
    for words in BOILERPLATE:
        assert words not in article.body, words
    assert article.source() == {"url": url, "site": site, "author": author, "published": published}


def test_structure_headings_lists_quotes():
    kinds = lambda page: [(b.kind, b.level) for b in extract_file(FIXTURES / page).document().blocks]  # noqa: E731
    hk = kinds("hongkong-election.html")
    assert hk.count(("heading", 2)) == 3 and hk.count(("heading", 3)) == 1
    assert hk.count(("list_item", 0)) == 4
    defector = extract_file(FIXTURES / "scientology-defector.html")
    assert "\n1. Leaving a lifehood" in defector.body and "\n2. Refusing" in defector.body
    blocks = defector.document().blocks
    assert [b.kind for b in blocks].count("blockquote") == 1
    assert next(b for b in blocks if b.kind == "blockquote").text.startswith("According to Rathbun, a detective")
    attack = extract_file(FIXTURES / "scientology-website-attack.html").document()
    quote = [b for b in attack.blocks if b.kind == "blockquote"]
    assert len(quote) == 1 and quote[0].text.startswith('"Someone emailed me')
    assert any(b.kind == "heading" and b.text == '"Scientology vs. the Internet"' for b in attack.blocks)
    # "[sic]" and the like stay as written through the Markdown path.
    assert any("There s [sic] something" in b.text for b in attack.blocks)


def test_relative_canonical_resolved_against_the_page_address():
    data = (FIXTURES / "scientology-defector.html").read_bytes()
    article = extract_article(data, url="https://courier.example/x/y?utm=1")
    assert article.url == "https://courier.example/news/2010/10/09/scientology-defector-arrested"


def test_without_a_canonical_the_address_it_came_from():
    html = (FIXTURES / "rumaenien-wahl-de.html").read_text(encoding="utf-8")
    html = html.replace('<link rel="canonical" href="https://ostnachrichten.example/rumaenien/parlamentswahl-2012">', "")
    assert extract_article(html, url="https://mirror.example/wahl").url == "https://mirror.example/wahl"


def test_a_page_without_an_article_is_an_input_error():
    with pytest.raises(ExtractionError, match="no article text found") as info:
        extract_file(FIXTURES / "not-an-article.html")
    assert isinstance(info.value, InputError) and info.value.exit_status == 2
    assert str(info.value).startswith(str(FIXTURES / "not-an-article.html"))
    with pytest.raises(ExtractionError):
        extract_article(b"", url="https://example.org/")
    with pytest.raises(ExtractionError):
        extract_article(b"\x89PNG\r\n\x1a\n\x00\x00binary", url="https://example.org/img")


def test_missing_file():
    with pytest.raises(InputError, match="no such file"):
        extract_file(FIXTURES / "nope.html")


def test_windows_1252_declared_in_a_meta_tag():
    article = extract_file(FIXTURES / "wikinews-china-de.html")
    assert article.encoding == "cp1252"
    assert "„Netzeitung“" in article.body and "Milošević" in article.body and "Möller" in article.body


def test_latin_1_declared_in_the_header(server):
    url = server.fixture("/es", "wikimedia-espana-es.html", "text/html; charset=ISO-8859-1")
    article = extract_fetched(fetch_url(url))
    assert article.encoding == "cp1252" and "Fundación Wikimedia" in article.title
    assert "Administración" in article.body and "Ã" not in article.body
    assert article.url == "https://cronica-libre.example/2011/02/10/wikimedia-espana"


def test_header_charset_wins_over_the_page():
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9</p></body></html>'.encode()
    assert decode_page(page, "utf-8") == (page.decode("utf-8"), "utf-8")
    assert decode_page(page)[1] == "cp1252"


@pytest.mark.parametrize(("data", "header", "codec"), [
    (b"\xef\xbb\xbf<p>x</p>", "iso-8859-1", "utf-8"),
    (b"<p>caf\xc3\xa9</p>", None, "utf-8"),
    (b"<p>caf\xe9</p>", None, "cp1252"),
    (b'<?xml version="1.0" encoding="ISO-8859-15"?><html/>', None, "iso8859-15"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', None, "koi8-r"),
    (b"<p>x</p>", "no-such-charset", "utf-8"),
    (b"<p>x</p>", "utf-16", "utf-8"),
])
def test_decoding_order(data, header, codec):
    assert decode_page(data, header)[1] == codec


def test_charset_labels():
    assert codec_for("ISO-8859-1") == "cp1252" and codec_for("latin1") == "cp1252"
    assert codec_for("bogus") is None and codec_for(None) is None
    assert declared_encoding(b'<meta charset="UTF-8">') == "utf-8"


def test_extract_fetched_refuses_a_feed(server):
    url = server.route("/feed", "<rss version='2.0'><channel/></rss>", content_type="application/rss+xml")
    with pytest.raises(ExtractionError, match="not a web page"):
        extract_fetched(fetch_url(url))


def test_markdown_writer_escapes_and_structures():
    body = etree.fromstring(
        "<body><p>2016. A year to remember</p><p>- not a list</p><p># not a heading</p>"
        "<p>[sic] *stars* &amp; &lt;b&gt; `ticks` a_b \\ back</p><p>&gt; not a quote</p><head rend='h2'>C#</head>"
        "<quote><p>one</p><p>two</p></quote><list rend='ol'><item>first<list rend='ul'><item>inner</item></list></item>"
        "<item>second</item></list><p>bold <hi rend='#b'>word </hi>end and <hi rend='#i'>slant</hi></p>"
        "<p>line<lb/>break</p><table><row><cell>a</cell><cell>b</cell></row></table><head>Level</head></body>"
    )
    markdown = write_markdown(body)
    doc = parse(markdown, markdown=True)
    got = [(b.kind, b.text) for b in doc.blocks]
    assert got == [
        ("paragraph", "2016. A year to remember"),
        ("paragraph", "- not a list"),
        ("paragraph", "# not a heading"),
        ("paragraph", "[sic] *stars* & <b> `ticks` a_b \\ back"),
        ("paragraph", "> not a quote"),
        ("heading", "C#"),
        ("blockquote", "one"),
        ("blockquote", "two"),
        ("list_item", "first"),
        ("list_item", "inner"),
        ("list_item", "second"),
        ("paragraph", "bold word end and slant"),
        ("paragraph", "line\nbreak"),
        ("paragraph", "a | b"),
        ("heading", "Level"),
    ], markdown
    spans = doc.blocks[11].spans
    assert [(s.kind, doc.blocks[11].text[s.start:s.end]) for s in spans] == [("strong", "word"), ("em", "slant")]
    assert "**word** end" in markdown
