"""A loopback HTTP server for the web tests: routes of fixed answers, or handlers of their own.

It listens on 127.0.0.1 on a free port, in a thread, and serves whatever each test
sets up: a body with its headers, a redirect, an error status, a slow answer, or
an ETag / Last-Modified pair that a conditional GET turns into 304.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering: past a test's read timeout, it times out."""
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers.items())))
        route = self.server.routes.get(self.path)
        if route is None:
            self._send(404, b"not found", {"Content-Type": "text/plain"})
            return
        if route.delay:
            time.sleep(route.delay)
        if route.handler is not None:
            route.handler(self)
            return
        etag, modified = route.headers.get("ETag"), route.headers.get("Last-Modified")
        if (etag and self.headers.get("If-None-Match") == etag) or (
            modified and not etag and self.headers.get("If-Modified-Since") == modified
        ):
            self._send(304, b"", {k: v for k, v in route.headers.items() if k in ("ETag", "Last-Modified")})
            return
        self._send(route.status, route.body, route.headers)

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body and status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout or a size cap): what the test wanted

    def log_message(self, format, *args) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]]

    def handle_error(self, request, client_address) -> None:
        pass  # a client that hung up early is part of the tests


class LoopbackServer:
    """Start with `start()`, stop with `stop()`; `url(path)` is an address on it."""

    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.routes = {}
        self._server.requests = []
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def requests(self) -> list[tuple[str, dict[str, str]]]:
        """(path, headers) of every request, in order."""
        return self._server.requests

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, body: bytes | str = b"", *, status: int = 200, content_type: str | None = None,
              headers: dict[str, str] | None = None, delay: float = 0.0,
              handler: Callable[[BaseHTTPRequestHandler], None] | None = None) -> str:
        """Serve `body` at `path`; returns the path's full address."""
        all_headers = dict(headers or {})
        if content_type:
            all_headers["Content-Type"] = content_type
        data = body.encode("utf-8") if isinstance(body, str) else body
        self._server.routes[path] = Route(data, status, all_headers, delay, handler)
        return self.url(path)

    def fixture(self, path: str, name: str, content_type: str, **kwargs) -> str:
        """Serve the fixture file `name` at `path`."""
        return self.route(path, (FIXTURES / name).read_bytes(), content_type=content_type, **kwargs)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        return self.route(path, status=status, headers={"Location": to})

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
