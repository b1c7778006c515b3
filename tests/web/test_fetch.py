"""Fetching under reader's limits, against a loopback server: every failure is one typed line."""

from __future__ import annotations

import gzip
import inspect
import re
import socket
import ssl

import pytest

from reader.core.errors import InputError, ReaderError
from reader.core.web import (
    USER_AGENT,
    AddressError,
    ContentError,
    FetchTimeoutError,
    HTTPStatusError,
    Limits,
    NetworkError,
    RedirectError,
    TLSError,
    TooLargeError,
    UnreachableError,
    check_address,
    fetch_url,
    fetch_url_async,
    new_async_client,
)
from reader.core.web.fetch import network_error

FAST = Limits(connect_timeout=2, read_timeout=0.3)
PAGE = "<!doctype html><html><head><title>t</title></head><body><p>Hello.</p></body></html>"


def test_fetches_a_page_with_its_headers(server):
    url = server.route("/page", PAGE, content_type="text/html; charset=ISO-8859-1",
                       headers={"ETag": '"v1"', "Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT"})
    result = fetch_url(url)
    assert result.url == url and result.status == 200 and not result.not_modified
    assert result.content == PAGE.encode() and result.kind == "html"
    assert result.content_type == "text/html" and result.charset == "iso-8859-1"
    assert result.etag == '"v1"' and result.last_modified == "Wed, 01 Jan 2025 00:00:00 GMT"
    assert result.headers["content-type"] == "text/html; charset=ISO-8859-1"
    sent = server.requests[-1][1]
    assert sent["User-Agent"] == USER_AGENT and USER_AGENT.startswith("reader/")
    assert "text/html" in sent["Accept"]


@pytest.mark.parametrize("address", ["ftp://example.org/file", "file:///etc/passwd", "javascript:alert(1)",
                                     "example.org/page", "http://", "https:///path", "http://host:99999/"])
def test_only_http_and_https_addresses(address):
    with pytest.raises(AddressError) as info:
        fetch_url(address)
    assert isinstance(info.value, InputError) and info.value.exit_status == 2
    assert address.strip() in str(info.value) and "\n" not in str(info.value)


def test_check_address_strips_and_keeps_good_ones():
    assert check_address("  https://example.org/a?b=c  ") == "https://example.org/a?b=c"


def test_follows_redirects_relative_and_absolute(server):
    final = server.route("/final", PAGE, content_type="text/html")
    server.redirect("/two", final, status=301)
    start = server.redirect("/one", "/two", status=302)
    result = fetch_url(start)
    assert result.url == final
    assert result.redirects == (start, server.url("/two"))


def test_five_redirects_are_followed(server):
    server.route("/r5", PAGE, content_type="text/html")
    for i in range(5):
        server.redirect(f"/r{i}", f"/r{i + 1}")
    assert fetch_url(server.url("/r0")).url == server.url("/r5")


def test_more_than_five_redirects_fail(server):
    server.route("/r6", PAGE, content_type="text/html")
    for i in range(6):
        server.redirect(f"/r{i}", f"/r{i + 1}", status=307)
    with pytest.raises(RedirectError, match="more than 5 redirects") as info:
        fetch_url(server.url("/r0"))
    assert info.value.exit_status == 1


def test_redirect_loop_is_reported_as_a_loop(server):
    server.redirect("/a", "/b")
    server.redirect("/b", "/a")
    with pytest.raises(RedirectError, match="redirect loop") as info:
        fetch_url(server.url("/a"))
    assert str(info.value).count(server.url("/a")) >= 2


def test_redirect_to_itself_is_a_loop(server):
    server.redirect("/self", "/self")
    with pytest.raises(RedirectError, match="redirect loop"):
        fetch_url(server.url("/self"))


def test_redirect_to_another_scheme_is_refused(server):
    server.redirect("/ftp", "ftp://127.0.0.1/file")
    with pytest.raises(AddressError, match="redirected to an address that cannot be fetched"):
        fetch_url(server.url("/ftp"))


@pytest.mark.parametrize(("status", "words"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"),
                                               (410, "HTTP 410 Gone"), (503, "HTTP 503")])
def test_error_statuses(server, status, words):
    url = server.route("/x", "oops", status=status, content_type="text/html")
    with pytest.raises(HTTPStatusError) as info:
        fetch_url(url)
    assert info.value.status == status and info.value.exit_status == 1
    assert str(info.value) == f"{url}: {words}" or str(info.value).startswith(f"{url}: {words}")


def test_timeout(server):
    url = server.route("/slow", PAGE, content_type="text/html", delay=1.5)
    with pytest.raises(FetchTimeoutError, match="timed out") as info:
        fetch_url(url, limits=FAST)
    assert isinstance(info.value, NetworkError) and info.value.exit_status == 1


def test_unreachable_host():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(UnreachableError, match="connection refused") as info:
        fetch_url(f"http://127.0.0.1:{port}/", limits=FAST)
    assert info.value.exit_status == 1


def test_body_over_the_cap_declared(server):
    url = server.route("/big", "x" * 5000, content_type="text/html")
    with pytest.raises(TooLargeError, match="larger than 1,000 bytes") as info:
        fetch_url(url, limits=Limits(max_bytes=1000))
    assert isinstance(info.value, ContentError) and info.value.exit_status == 2


def test_body_over_the_cap_while_streaming(server):
    def undeclared(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        for _ in range(50):
            handler.wfile.write(b"<p>" + b"x" * 200 + b"</p>")

    url = server.route("/stream", handler=undeclared)
    with pytest.raises(TooLargeError, match="the download was stopped"):
        fetch_url(url, limits=Limits(max_bytes=1000))


def test_cap_applies_after_decompression(server):
    body = gzip.compress(b"<p>" + b"a" * 100_000 + b"</p>")
    url = server.route("/gz", body, content_type="text/html", headers={"Content-Encoding": "gzip"})
    assert len(body) < 10_000
    with pytest.raises(TooLargeError):
        fetch_url(url, limits=Limits(max_bytes=10_000))


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "video/mp4", "image/svg+xml"])
def test_not_a_page_or_a_feed(server, content_type):
    url = server.route("/file", b"\x89PNG\r\n\x1a\n....", content_type=content_type)
    with pytest.raises(ContentError, match=re.escape(f"not a web page or a feed ({content_type})")) as info:
        fetch_url(url)
    assert info.value.exit_status == 2


def test_plain_text_that_is_not_markup_is_refused(server):
    url = server.route("/notes.txt", "just some words", content_type="text/plain")
    with pytest.raises(ContentError, match="not a web page or a feed"):
        fetch_url(url)


@pytest.mark.parametrize(("content_type", "body", "kind"), [
    ("application/octet-stream", '<?xml version="1.0"?><rss version="2.0"></rss>', "xml"),
    ("text/plain", "<rss version='2.0'><channel></channel></rss>", "xml"),
    ("", "<!DOCTYPE html><html></html>", "html"),
    ("application/rss+xml", "<rss/>", "xml"),
    ("application/atom+xml; charset=utf-8", "<feed/>", "xml"),
    ("application/json", '{"version": "https://jsonfeed.org/version/1.1"}', "json"),
    ("application/feed+json", "{}", "json"),
    ("text/html", '<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?><!-- hi --><rss version="2.0"/>', "xml"),
    ("text/html", "<feed xmlns='http://www.w3.org/2005/Atom'/>", "xml"),
    ("text/html", '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>', "html"),
])
def test_kind_from_type_or_body(server, content_type, body, kind):
    url = server.route("/f", body, headers={"Content-Type": content_type} if content_type else {})
    assert fetch_url(url).kind == kind


def test_conditional_get_with_etag(server):
    url = server.route("/feed", "<rss/>", content_type="application/rss+xml",
                       headers={"ETag": '"abc"', "Last-Modified": "Tue, 02 Dec 2025 10:00:00 GMT"})
    first = fetch_url(url)
    assert first.status == 200
    again = fetch_url(url, etag=first.etag, last_modified=first.last_modified)
    assert again.status == 304 and again.not_modified and again.content == b"" and again.kind is None
    assert again.etag == '"abc"'
    sent = server.requests[-1][1]
    assert sent["If-None-Match"] == '"abc"' and sent["If-Modified-Since"] == "Tue, 02 Dec 2025 10:00:00 GMT"


def test_conditional_get_with_last_modified_only(server):
    stamp = "Tue, 02 Dec 2025 10:00:00 GMT"
    url = server.route("/feed", "<rss/>", content_type="application/rss+xml", headers={"Last-Modified": stamp})
    assert fetch_url(url, last_modified=stamp).not_modified
    assert fetch_url(url, last_modified="Mon, 01 Dec 2025 10:00:00 GMT").status == 200


def test_tls_failure_on_a_real_handshake(server):
    """An https address on a plain-http port: the handshake fails, reported as TLS."""
    server.route("/page", PAGE, content_type="text/html")
    with pytest.raises(TLSError, match="secure connection failed") as info:
        fetch_url(server.url("/page").replace("http://", "https://"), limits=FAST)
    assert info.value.exit_status == 1


def test_certificate_failure_is_mapped_to_tls_error():
    import httpx

    cause = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    cause.verify_message = "self-signed certificate"
    try:
        try:
            raise cause
        except ssl.SSLError as exc:
            raise httpx.ConnectError(str(exc)) from exc
    except httpx.ConnectError as exc:
        error = network_error(exc, "https://self-signed.example/")
    assert isinstance(error, TLSError) and isinstance(error, ReaderError)
    assert str(error) == "https://self-signed.example/: secure connection failed (certificate check failed: self-signed certificate)"


def test_name_not_found_is_mapped_to_unreachable():
    import httpx

    try:
        try:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        except socket.gaierror as exc:
            raise httpx.ConnectError("[Errno -2] Name or service not known") from exc
    except httpx.ConnectError as exc:
        error = network_error(exc, "https://no-such-host.example/")
    assert isinstance(error, UnreachableError)
    assert str(error) == "https://no-such-host.example/: cannot connect (host not found: no-such-host.example)"


def test_certificate_checks_cannot_be_turned_off():
    for function in (fetch_url, fetch_url_async):
        assert "verify" not in inspect.signature(function).parameters
    assert "verify" not in inspect.signature(Limits).parameters


def test_the_guard_stops_a_test_that_reaches_out(loopback_only):
    """The guard refuses a lookup beyond loopback and records it (cleared here, so this test passes)."""
    with pytest.raises(UnreachableError):
        fetch_url("http://example.org/", limits=FAST)
    assert any("example.org" in attempt for attempt in loopback_only)
    loopback_only.clear()


async def test_fetch_async(server):
    url = server.route("/page", PAGE, content_type="text/html", headers={"ETag": '"e"'})
    missing = server.url("/missing")
    async with new_async_client(FAST) as client:
        result = await fetch_url_async(url, client=client, limits=FAST)
        assert result.content == PAGE.encode() and result.etag == '"e"'
        assert (await fetch_url_async(url, client=client, etag='"e"')).not_modified
        with pytest.raises(HTTPStatusError, match="HTTP 404"):
            await fetch_url_async(missing, client=client)
