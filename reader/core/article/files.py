"""Reading a file without ever blocking: regular files only, never a FIFO or a device.

Opening a named pipe waits for a writer, and reading a terminal or /dev/zero never
ends; every file reader reads (articles, note bodies, notes files, exports, config
and themes) is opened through here, which refuses anything but a regular file in
one line that says what the path is.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.core.errors import InputError

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISLNK, "a symbolic link"),
)


class NotRegularFile(InputError):
    """A path that is not a regular file: a directory, FIFO, device, socket or link."""

    def __init__(self, name: str, kind: str) -> None:
        super().__init__(f"{name}: is {kind}, not a regular file")
        self.kind = kind


def kind_of(mode: int) -> str | None:
    """What a file of this st_mode is, when it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a file")


def read_regular(path: str | Path, limit: int | None = None, *, follow_symlinks: bool = True) -> bytes:
    """A regular file's bytes (at most `limit` + 1 of them when a limit is given); see `read_regular_stat`."""
    return read_regular_stat(path, limit, follow_symlinks=follow_symlinks)[0]


def read_regular_stat(
    path: str | Path, limit: int | None = None, *, follow_symlinks: bool = True
) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes (at most `limit` + 1 of them when a limit is given), and
    the status of the very file read.

    The path is checked before it is opened (a device is never opened) and again
    once open (it cannot be swapped in between); it is opened non-blocking.

    Raises:
        NotRegularFile: for a directory, FIFO, device or socket, and for a symbolic
            link when `follow_symlinks` is false.
        OSError: as opening or reading raises it (FileNotFoundError, PermissionError...).
    """
    name = str(path)
    kind = kind_of(os.stat(path, follow_symlinks=follow_symlinks).st_mode)
    if kind:
        raise NotRegularFile(name, kind)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        status = os.fstat(fd)
        kind = kind_of(status.st_mode)
        if kind:
            raise NotRegularFile(name, kind)
        chunks: list[bytes] = []
        size = 0
        while limit is None or size <= limit:
            chunk = os.read(fd, 1 << 20 if limit is None else min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks), status
    finally:
        os.close(fd)
