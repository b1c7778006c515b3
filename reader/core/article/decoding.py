"""Read article bytes into clean text: decoding, newlines, control characters, NFC.

Everything an article says reaches the terminal, so nothing that could drive the
terminal may survive this module: escape sequences and control characters are
removed here, before parsing, analysis or display.
"""

from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.article.files import NotRegularFile, read_regular
from reader.core.errors import InputError

MAX_BYTES = 10 * 1024 * 1024
"""Largest article accepted: 10 MiB (10,485,760 bytes), about 1.5 million words, far
beyond any news article. Messages state it in MiB, the unit it is counted in."""

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# Terminal escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST),
# DCS/SOS/PM/APC strings (ESC P/X/^/_ ... ST), 8-bit CSI, and two-character escapes.
# A string sequence is removed whole only when it ends on its own line; one left
# unterminated loses only its introducer, so it can never swallow the article.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x1b\n]*\x1b\\"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b[ -/]*[0-~]?"
)

# Characters removed outright: C0 and C1 controls except newline (tab becomes a
# space first), DEL, bidirectional overrides and isolates (they reorder what is
# shown, the "Trojan source" trick), soft hyphens and stray byte-order marks.
_REMOVE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
_NEWLINES = re.compile("\r\n|[\r\u0085\u2028\u2029\x0b\x0c]")


@dataclass
class DecodedText:
    """Clean article text and what had to be done to get it."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def clean(text: str) -> str:
    """Normalise text for display and analysis.

    Newlines become LF, escape sequences and control characters are removed, tabs
    become spaces and the result is in Unicode NFC.
    """
    text = _NEWLINES.sub("\n", text)
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    text = text.replace("\t", " ")
    text = _REMOVE.sub("", text)
    return unicodedata.normalize("NFC", text)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if b"\x00" in head:
        return "binary data"
    return None


def decode(data: bytes, name: str = "input") -> DecodedText:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, else cp1252.

    Raises:
        InputError: for binary data or text with nothing in it.
    """
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        text, encoding = _decode_strict(data, "utf-32", name), "utf-32"
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text, encoding = _decode_strict(data, "utf-16", name), "utf-16"
    else:
        kind = _binary_kind(data)
        if kind:
            raise InputError(f"{name}: not a text file (it looks like {kind})")
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; latin-1 maps every byte, so those
            # five become C1 controls, which clean() then removes.
            text = "".join(
                chunk.decode("cp1252", errors="strict") if ok else chunk.decode("latin-1")
                for ok, chunk in _cp1252_chunks(data)
            )
            encoding = "cp1252"
            warnings.append(f"{name}: not valid UTF-8; decoded as cp1252 (Windows Latin-1)")
    text = clean(text)
    if not text.strip():
        raise InputError(f"{name}: no text (the file is empty or holds only whitespace)")
    if _mostly_unprintable(text):
        raise InputError(f"{name}: not a text file (mostly unprintable characters)")
    return DecodedText(text, encoding, warnings)


def _decode_strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {encoding.upper()} text ({exc.reason})") from None


_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _cp1252_chunks(data: bytes):
    start = 0
    for i, byte in enumerate(data):
        if byte in _CP1252_UNDEFINED:
            if start < i:
                yield True, data[start:i]
            yield False, data[i : i + 1]
            start = i + 1
    if start < len(data):
        yield True, data[start:]


def _mostly_unprintable(text: str) -> bool:
    sample = text[:4096]
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Co", "Cn", "Cs"))
    return odd > len(sample) * 0.3


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def read_file(path: str | Path, what: str = "an article") -> bytes:
    """A file's bytes, at most MAX_BYTES of them: an article, a saved web page, an OPML list.

    Only a regular file is read: a FIFO, device or socket is refused at once, never
    waited on.

    Raises:
        InputError: naming the path, for anything that cannot be read (too large,
            missing, a directory, not permitted, not a regular file).
    """
    limit = f"the limit is {MAX_BYTES // 2**20} MiB"
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise InputError(f"{name}: is a directory, not {what}")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{name}: too large to open ({_mib(size)}; {limit})")
        data = read_regular(p, MAX_BYTES)
    except NotRegularFile as exc:
        raise InputError(f"{exc}; reader reads files, or - for standard input") from None
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not {what}") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: too large to open (more than {MAX_BYTES // 2**20} MiB; {limit})")
    return data


def read_source(path: str) -> tuple[DecodedText, str]:
    """Read an article from a path, or standard input for "-" (see `read_file`).

    Returns:
        The decoded text and the name to show for it.

    Raises:
        InputError: naming the path, for anything that cannot be read as an article.
    """
    if path != "-":
        return decode(read_file(path), str(path)), str(path)
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"standard input: too large to open (more than {MAX_BYTES // 2**20} MiB; "
                         f"the limit is {MAX_BYTES // 2**20} MiB)")
    return decode(data, "standard input"), "standard input"
