"""What can go wrong on the web, as one-line errors the CLI and the window report.

Two families, told apart by their exit status: a network failure (`NetworkError`,
exit 1) may go away if tried later; a bad address or bad content (`AddressError`,
`ContentError`, exit 2) will not. Every message names the address it is about.
"""

from __future__ import annotations

from reader.core.errors import InputError, ReaderError


class NetworkError(ReaderError):
    """The address could not be read now: the host, the connection or the server failed."""


class UnreachableError(NetworkError):
    """No connection: the name did not resolve, the host refused or the network is down."""


class FetchTimeoutError(NetworkError):
    """The server took longer than the connect or read timeout."""


class HTTPStatusError(NetworkError):
    """The server answered with an error status (404, 500, ...)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class TLSError(NetworkError):
    """The secure connection failed: a bad certificate or handshake. Checks are never turned off."""


class RedirectError(NetworkError):
    """The redirects went round in a loop, or there were too many of them."""


class AddressError(InputError):
    """Not an address reader can fetch: malformed, or not http or https."""


class ContentError(InputError):
    """The address answered, but with something that is not a web page or a feed."""


class TooLargeError(ContentError):
    """The body went past the size cap while streaming; the download was stopped."""


class ExtractionError(ContentError):
    """A web page in which no article text was found."""


class FeedError(ContentError):
    """Bytes that no feed format could read (a feed that partly parsed is not an error)."""


class OPMLError(InputError):
    """An OPML file that could not be read as a list of feeds."""
