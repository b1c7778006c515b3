"""The library's copies of articles' texts, each named by the SHA-256 of its text.

A copy is the clean text the article was parsed from (UTF-8), so it reads offline
and survives the original file moving or changing. Naming a copy by its content
makes keeping idempotent (the same text is written once, however many times it is
added or from wherever), and lets a copy be checked when read: one whose content
no longer matches its name is reported, never shown as the article.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader.core.article.files import read_regular
from reader.core.errors import ReaderError
from reader.core.notes.storage import atomic_write


class TextCopyError(ReaderError):
    """A text copy that is missing or damaged; the message names it."""


def digest(text: str) -> str:
    """The SHA-256 of a text (of its UTF-8 bytes), in hexadecimal."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def copy_path(folder: Path, sha256: str) -> Path:
    return folder / f"{sha256}.txt"


def write_copy(folder: Path, text: str) -> str:
    """Keep a text (once: an existing copy is left as it is); returns its SHA-256."""
    sha = digest(text)
    path = copy_path(folder, sha)
    if not path.is_file():
        atomic_write(path, text.encode("utf-8", "surrogatepass"))
    return sha


def read_copy(folder: Path, sha256: str) -> str:
    """A kept text, checked against its name.

    Raises:
        TextCopyError: the copy is missing, unreadable or not the text it was.
    """
    path = copy_path(folder, sha256)
    try:
        raw = read_regular(path)
    except FileNotFoundError:
        raise TextCopyError(f"{path}: the library's copy of this article is missing") from None
    except (OSError, ReaderError) as exc:
        raise TextCopyError(f"{path}: cannot read the library's copy ({exc})") from None
    if hashlib.sha256(raw).hexdigest() != sha256:
        raise TextCopyError(f"{path}: the library's copy is damaged (its content changed); add the article again")
    return raw.decode("utf-8", "surrogatepass")
