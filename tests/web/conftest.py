"""Web tests talk to a loopback server only: a guard fails any test that reaches further."""

from __future__ import annotations

import socket

import pytest

from tests.web.server import LoopbackServer

_LOOPBACK_NAMES = {"localhost", "localhost.", "ip6-localhost"}


def _is_loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    host = host.strip("[]").lower()
    return host in _LOOPBACK_NAMES or host.startswith("127.") or host == "::1"


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Refuse, and fail the test for, any connection or name lookup beyond 127.0.0.1.

    The refusal keeps the bytes from leaving the machine; the failure keeps a test
    from passing because the code under test turned the refusal into an ordinary
    "cannot connect" error.
    """
    attempts: list[str] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def allowed(sock: socket.socket, address: object) -> bool:
        if sock.family == socket.AF_UNIX:
            return True
        return isinstance(address, tuple) and _is_loopback(address[0])

    def connect(sock, address):
        if not allowed(sock, address):
            attempts.append(f"connect {address!r}")
            raise OSError(f"loopback_only: connection to {address!r} refused by the test guard")
        return real_connect(sock, address)

    def connect_ex(sock, address):
        if not allowed(sock, address):
            attempts.append(f"connect_ex {address!r}")
            raise OSError(f"loopback_only: connection to {address!r} refused by the test guard")
        return real_connect_ex(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        if host is not None and not _is_loopback(host):
            attempts.append(f"getaddrinfo {host!r}")
            raise socket.gaierror(socket.EAI_NONAME, f"loopback_only: lookup of {host!r} refused by the test guard")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    # A proxy from the environment would carry loopback requests elsewhere.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    yield attempts
    if attempts:
        pytest.fail("a test tried to reach beyond 127.0.0.1: " + "; ".join(attempts))


@pytest.fixture
def server():
    srv = LoopbackServer().start()
    yield srv
    srv.stop()
