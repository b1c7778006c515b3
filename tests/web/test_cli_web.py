"""The web from the command line: reader URL, add URL, analyze URL, and every failure as one line."""

from __future__ import annotations

import json

import pytest

from reader import cli
from reader.cli import open_article
from reader.core.web import Limits
from tests.web.server import FIXTURES

FAST = Limits(connect_timeout=2, read_timeout=0.5)


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "store" / "notes.json")


@pytest.fixture
def fast(monkeypatch):
    """The limits every fetch uses, short enough for a test to wait past."""
    monkeypatch.setattr("reader.core.web.fetch.DEFAULT_LIMITS", FAST)
    return FAST


@pytest.fixture
def window(monkeypatch):
    """The window, replaced by a record of what it was asked to show."""
    shown: list = []

    class App:
        return_code = 0

        def run(self):
            pass

    def build_app(**kwargs):
        shown.append(kwargs["document"])
        return App()

    monkeypatch.setattr("reader.ui.app.build_app", build_app)
    monkeypatch.setattr(open_article, "_end_now", lambda _code: None)
    return shown


def reader(capsys, *args) -> tuple[int, str, str]:
    status = cli.main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def one_line(err: str, *needles: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: error: "), err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def test_reader_url_opens_the_page_then_reads_it_offline(server, db, window, capsys):
    url = server.fixture("/hk.html", "hongkong-election.html", "text/html")
    assert reader(capsys, url, "--db", db)[0] == 0
    assert window[0].title.startswith("New faces emerge") and window[0].source == url
    assert any(b.kind == "list_item" for b in window[0].blocks)
    server.stop()
    assert reader(capsys, url, "--db", db)[0] == 0
    assert window[1].text == window[0].text
    status, out, _ = reader(capsys, "library", "--json", "--db", db)
    [article] = json.loads(out)
    assert (article["source"], article["origin"], article["published"]) == (url, "url", "2016-09-09")


def test_add_url_then_analyze_it_offline_with_its_source(server, db, capsys):
    url = server.fixture("/sc.html", "scientology-defector.html", "text/html")
    status, out, err = reader(capsys, "add", url, "--db", db)
    assert status == 0 and out.split()[1] == "added" and "1 added" in err
    status, out, err = reader(capsys, "add", url, "--db", db)
    assert status == 0 and out.split()[1] == "kept"
    asked = len(server.requests)
    status, out, _ = reader(capsys, "analyze", url, "--json", "--db", db)
    assert status == 0 and len(server.requests) == asked
    data = json.loads(out)
    assert list(data)[:3] == ["schema", "path", "source"]
    assert set(data["source"]) == {"url", "site", "author", "published"}
    assert data["source"]["published"] == "2010-10-09" and data["source"]["site"]
    assert any(e["name"] == "Scientology" or "Scientology" in e["aliases"] for e in data["entities"])
    status, out, _ = reader(capsys, "analyze", url, "--db", db)
    assert "published  2010-10-09" in out


def test_analyze_url_keeps_its_analysis_for_the_library(server, db, capsys, monkeypatch):
    url = server.fixture("/sc.html", "scientology-defector.html", "text/html")
    status, first, _ = reader(capsys, "analyze", url, "--json", "--db", db)
    assert status == 0
    [article] = json.loads(reader(capsys, "library", "--json", "--db", db)[1])
    assert article["language"] == "en" and "Daniel Montalvo" in article["entities"]

    def no_second_analysis(*_args, **_kwargs):
        raise AssertionError("the kept analysis was not used")

    monkeypatch.setattr("reader.core.analysis.pipeline.analyse", no_second_analysis)
    status, again, _ = reader(capsys, "analyze", url, "--json", "--db", db)
    assert status == 0 and again == first


def test_a_saved_page_and_a_local_article(capsys, sample_path):
    status, out, _ = reader(capsys, "analyze", str(FIXTURES / "wikitribune-fr.html"), "--json")
    data = json.loads(out)
    assert status == 0 and data["language"] == "fr" and data["source"]["published"] == "2017-05-02"
    status, out, _ = reader(capsys, "analyze", str(sample_path), "--json")
    assert status == 0 and "source" not in json.loads(out)


@pytest.mark.parametrize(
    ("kind", "status", "needle"),
    [
        ("unreachable", 1, "cannot connect"),
        ("timeout", 1, "timed out"),
        ("404", 1, "404"),
        ("500", 1, "500"),
        ("tls", 1, "secure connection failed"),
        ("redirect loop", 1, "redirect"),
        ("not a page", 2, "not a web page"),
        ("a feed", 2, "a feed, not a web page (reader feeds add"),
        ("too large", 2, "MB"),
        ("no article", 2, "no article text"),
        ("bad address", 2, "only http and https"),
    ],
)
@pytest.mark.parametrize("command", ["open", "add", "analyze"])
@pytest.mark.usefixtures("fast")
def test_every_failure_is_one_line_and_keeps_nothing(server, db, window, capsys, kind, status, needle, command):
    server.route("/slow", "<html><body><p>late</p></body></html>", content_type="text/html", delay=1.5)
    server.route("/500", "down", status=500, content_type="text/plain")
    server.redirect("/loop-a", "/loop-b")
    server.redirect("/loop-b", "/loop-a")
    server.route("/plain", "just words", content_type="text/plain")
    server.fixture("/feed", "rss2.xml", "application/rss+xml")
    server.route("/huge", b"<html><body>" + b"<p>word</p>" * 1_100_000 + b"</body></html>", content_type="text/html")
    server.fixture("/front", "not-an-article.html", "text/html")
    url = {
        "unreachable": "http://127.0.0.1:9/page", "timeout": server.url("/slow"), "404": server.url("/missing"),
        "500": server.url("/500"), "tls": server.url("/500").replace("http://", "https://"),
        "redirect loop": server.url("/loop-a"), "not a page": server.url("/plain"), "a feed": server.url("/feed"), "too large": server.url("/huge"),
        "no article": server.url("/front"), "bad address": "ftp://127.0.0.1/file.txt",
    }[kind]
    args = {"open": [url], "add": ["add", url], "analyze": ["analyze", url]}[command]
    got, out, err = reader(capsys, *args, "--db", db)
    assert got == status and out == "" and window == []
    one_line(err, needle, url.split("#")[0][:20])
    got, out, _ = reader(capsys, "library", "--json", "--db", db)
    assert json.loads(out) == []


def test_a_local_articles_json_is_byte_for_byte_what_it_was():
    """No `source` for local articles: the command prints exactly the expected analyses."""
    from tests.expected_analysis import articles, expected_path
    from tests.test_cli import run

    chosen = [a for a in articles() if a.suffix == ".md"][:1] + articles()[:2]
    for article in chosen:
        result = run("analyze", str(article), "--json")
        assert result.returncode == 0, result.stderr
        assert result.stdout.decode("utf-8") == expected_path(article).read_text(encoding="utf-8"), article
