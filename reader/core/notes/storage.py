"""TinyDB storage that never loses data: atomic writes, a lock across processes,
damaged files reported and left alone.

TinyDB's own JSONStorage rewrites its file in place: a full disk or a crash in the
middle leaves truncated JSON and every note unreadable. Here a write goes to a
temporary file in the same folder, is flushed and fsynced, then renamed over the
old file (atomic on POSIX and Windows), and the folder is fsynced so the rename
itself survives a power cut. Files are created readable by their owner only.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tinydb.storages import Storage

from reader.core.errors import ReaderError


class StoreError(ReaderError):
    """A notes file could not be read or written; the message names the file."""


class DamagedStore(StoreError):
    """A notes file exists but is not a store we can read; it is left untouched."""


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":
        return  # folders cannot be opened for fsync on Windows; os.replace suffices
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_private_dir(folder: Path) -> None:
    """Create a folder (and parents) readable by its owner only, if missing."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace a file's contents all at once, or not at all.

    Raises:
        StoreError: naming the file, when the write fails (the old file is intact).
    """
    folder = path.parent
    try:
        ensure_private_dir(folder)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise StoreError(f"{path}: cannot write ({exc.strerror or exc}); the previous file is intact") from None


class AtomicJSONStorage(Storage):
    """A TinyDB storage with atomic writes that refuses to read damaged files."""

    def __init__(self, path: str | Path, cache: bool = False, **_ignored) -> None:
        super().__init__()
        self.path = Path(path)
        self._cache = cache
        self._data: dict | None = None
        """With cache on (only while the store's lock is held), the file is parsed once."""

    def read(self) -> dict | None:
        if self._cache and self._data is not None:
            return self._data
        data = self._read()
        if self._cache:
            self._data = data
        return data

    def _read(self) -> dict | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise DamagedStore(f"{self.path}: cannot read ({exc.strerror or exc})") from None
        if not raw.strip():
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise DamagedStore(f"{self.path}: damaged, not valid JSON ({exc})") from None
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise DamagedStore(f"{self.path}: damaged, not a notes store")
        return data

    def write(self, data: dict) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        atomic_write(self.path, payload)
        if self._cache:
            self._data = data

    def close(self) -> None:
        pass


class FileLock:
    """An exclusive lock shared by every reader process, held around each write.

    Each operation takes the lock, reads the file afresh, changes it and writes it
    back, so two windows on the same store never overwrite each other's notes.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        ensure_private_dir(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
            try:
                yield
            finally:
                _unlock(fd)
        finally:
            os.close(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
