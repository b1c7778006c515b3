"""TinyDB storage that never loses data: atomic writes, a lock across processes,
damaged files reported and left alone.

TinyDB's own JSONStorage rewrites its file in place: a full disk or a crash in the
middle leaves truncated JSON and every note unreadable. Here a write goes to a
temporary file in the same folder, is flushed and fsynced, then renamed over the
old file (atomic on POSIX and Windows), and the folder is fsynced so the rename
itself survives a power cut. Files are created readable by their owner only. A
temporary file left by a writer that was killed is removed by the next write.

Every file is checked against its schema when read (validation.py): a file that is
not a store at all cannot be read; one with bad records is read without them, and
is never written again until it is repaired, so it stays byte-identical.

Writes take an exclusive lock, waiting at most a few seconds for it (the lock file
names the process that holds it); reads take none: a file is only ever replaced
whole, so a reader always sees a complete one, even in a read-only folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tinydb.storages import Storage

from reader.core.article.files import read_regular_stat
from reader.core.errors import InputError, ReaderError
from reader.core.notes.validation import Validator, describe, structure_problem

LOCK_TIMEOUT = 5.0
"""Seconds a write waits for the lock before it says which process holds it.
READER_LOCK_TIMEOUT overrides it."""
_TEMPORARY = re.compile(r"^\..+?\.(?:(\d+)\.)?[A-Za-z0-9_]{8}\.tmp$")
LEFT_ALONE = "left as it is, read-only until repaired"
"""How every message about a damaged file ends: what reader does with it."""
_ANONYMOUS_STALE_AFTER = 3600.0
"""A temporary file that names no process (older versions) is stale after an hour."""


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


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - no signal 0 there; age decides
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files that writers killed mid-write left in a folder.

    A temporary file names the process that made it; it is stale once that process
    is gone (one that names none is stale after an hour). Returns what was removed.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMPORARY.match(entry.name)
        if not m:
            continue
        pid = int(m.group(1)) if m.group(1) else None
        try:
            if pid is not None:
                stale = pid != os.getpid() and not _alive(pid)
            else:
                stale = time.time() - entry.stat(follow_symlinks=False).st_mtime > _ANONYMOUS_STALE_AFTER
            if stale and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def atomic_write(path: Path, data: bytes) -> None:
    """Replace a file's contents all at once, or not at all.

    Raises:
        StoreError: naming the file, when the write fails (the old file is intact).
    """
    folder = path.parent
    try:
        ensure_private_dir(folder)
        remove_stale_temporaries(folder)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
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
    """A TinyDB storage with atomic writes that checks what it reads.

    A file that is not a store at all raises DamagedStore; one with records its
    validator finds wrong is read without them, `damage` says what is wrong, and
    it is never written (DamagedStore), so it stays exactly as it was.
    """

    def __init__(
        self,
        path: str | Path,
        cache: bool = False,
        validator: Validator | None = None,
        known_good: dict | None = None,
        **_ignored,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self._cache = cache
        self._validator = validator
        self._known_good = known_good if known_good is not None else {}
        """path -> the identity of the version of it last found valid (or written here):
        an unchanged file is not checked again, so saving a note stays fast."""
        self._data: dict | None = None
        """With cache on (for one operation on the file), the file is parsed once."""
        self.damage: str | None = None
        """What is wrong with the file's records, if anything: it is then read-only."""

    def read(self) -> dict | None:
        if self._cache and self._data is not None:
            return self._data
        data = self._read()
        if self._cache:
            self._data = data
        return data

    def _read(self) -> dict | None:
        try:
            raw, status = read_regular_stat(self.path)
        except FileNotFoundError:
            return None
        except InputError as exc:  # a FIFO or a device: never waited on
            raise DamagedStore(f"{exc}; {LEFT_ALONE}") from None
        except OSError as exc:
            raise DamagedStore(f"{self.path}: cannot read ({exc.strerror or exc})") from None
        if not raw.strip():
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise DamagedStore(f"{self.path}: damaged, not valid JSON ({exc}); {LEFT_ALONE}") from None
        problem = structure_problem(data)
        if problem:
            raise DamagedStore(f"{self.path}: damaged, {problem}; {LEFT_ALONE}")
        version = _identity(status)
        if self._known_good.get(self.path) == version:
            return data
        problems = self._validator(data) if self._validator else []
        if not problems:
            self._known_good[self.path] = version
        else:
            self.damage = f"{self.path}: damaged, {describe(problems)}; {LEFT_ALONE}"
            bad = {(table, doc_id) for table, doc_id, _ in problems}
            data = {
                table: {doc_id: r for doc_id, r in records.items() if (table, doc_id) not in bad}
                for table, records in data.items()
            }
        return data

    def write(self, data: dict) -> None:
        if self.damage:
            raise DamagedStore(self.damage)
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        atomic_write(self.path, payload)
        with contextlib.suppress(OSError):  # what was just written came from checked records
            self._known_good[self.path] = _identity(os.stat(self.path))
        if self._cache:
            self._data = data

    def close(self) -> None:
        pass


def _identity(status: os.stat_result) -> tuple[int, int, int, int]:
    """Which version of a file this is: a rename, a rewrite or an edit changes it."""
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


class FileLock:
    """An exclusive lock shared by every reader process, held around each write.

    Each write takes the lock, reads the file afresh, changes it and writes it
    back, so two windows on the same store never overwrite each other's notes. The
    holder writes its process id into the lock file; a write that waits longer
    than `timeout` seconds says which process holds the lock, and gives up.
    """

    def __init__(self, path: Path, timeout: float | None = None) -> None:
        self.path = path
        if timeout is None:
            try:
                timeout = float(os.environ.get("READER_LOCK_TIMEOUT", LOCK_TIMEOUT))
            except ValueError:
                timeout = LOCK_TIMEOUT
        self.timeout = timeout

    @contextlib.contextmanager
    def held(self, timeout: float | None = None) -> Iterator[None]:
        folder = self.path.parent
        try:
            ensure_private_dir(folder)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StoreError(
                f"{folder}: cannot take the notes lock ({exc.strerror or exc}): the notes can be read, not saved"
            ) from None
        try:
            self._acquire(fd, self.timeout if timeout is None else timeout)
            try:
                with contextlib.suppress(OSError):  # who holds it, for a writer that waits too long
                    # fixed width, so the file never needs truncating
                    os.lseek(fd, 0, os.SEEK_SET)
                    os.write(fd, f"{os.getpid():>10}\n".encode())
                yield
            finally:
                _unlock(fd)
        finally:
            os.close(fd)

    def _acquire(self, fd: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        pause = 0.005
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                holder = self.holder() or "another process"
                raise StoreError(
                    f"{self.path}: the notes are locked by {holder}; waited {timeout:g} s for it and saved nothing "
                    "(is a reader stopped or stuck? try again when it is done)"
                )
            time.sleep(pause)
            pause = min(0.1, pause * 2)

    def holder(self) -> str | None:
        """"process 1234", as the lock file says, or None when it does not say."""
        try:
            text = self.path.read_bytes()[:32].decode("ascii", "replace").strip()
        except OSError:
            return None
        return f"process {text}" if text.isdigit() else None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
