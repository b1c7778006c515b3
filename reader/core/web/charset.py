"""Decoding a web page's bytes: the header's charset, else the page's own, else UTF-8 or Windows-1252.

The order is the one browsers follow (a byte-order mark first, then the HTTP
header, then a `<meta>` declaration in the first bytes), so a page reads here as it
reads in a browser. Labels for Latin-1 and ASCII mean Windows-1252 on the web
(WHATWG Encoding), which also covers the curly quotes such pages are full of.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
_WEB_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252",
    "x-cp1252": "cp1252", "iso-8859-9": "cp1254", "latin5": "cp1254", "tis-620": "cp874",
    "x-sjis": "shift_jis", "gb2312": "gb18030", "gbk": "gb18030",
}
_SNIFF_BYTES = 4096


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes: `<meta charset>` or an XML declaration."""
    head = data[:_SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def codec_for(label: str | None) -> str | None:
    """Python's codec for an encoding label as the web uses it, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WEB_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page cannot declare itself UTF-16 in ASCII-compatible bytes; browsers read UTF-8 then.
    return "utf-8" if name.startswith("utf-16") or name.startswith("utf-32") else name


def decode_page(data: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """A page's text and the codec it was decoded with.

    Undecodable bytes become U+FFFD rather than failing: a page with one bad byte
    still reads.
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode("utf-8-sig" if name == "utf-8" else name, errors="replace"), name
    for label in (header_charset, declared_encoding(data)):
        codec = codec_for(label)
        if codec:
            return data.decode(codec, errors="replace"), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"
