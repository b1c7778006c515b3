"""Small text helpers shared by every part of reader: shortening, accent folding, and
the one sanitiser for everything shown or printed that came from outside the code."""

from __future__ import annotations

import re
import unicodedata

# Characters that may drive a terminal or reorder what it shows: C0 and C1 controls,
# DEL, bidirectional embeddings, overrides and isolates (the "Trojan source" trick),
# the Unicode line and paragraph separators, and lone surrogates (a file name's
# undecodable bytes, which cannot even be encoded for output).
_OTHER_UNSAFE = "\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
_UNSAFE_ONE_LINE = re.compile(f"[\x00-\x1f{_OTHER_UNSAFE}]")
_UNSAFE_MULTILINE = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHER_UNSAFE}]")  # newline and tab kept
_UNSAFE_IN_JSON = re.compile(f"[{_OTHER_UNSAFE}]")  # JSON escapes C0 controls itself
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def shorten(text: str, width: int, *, at_word: bool = False) -> str:
    """Text cut to at most `width` characters, ending in "…" when something was cut.

    With `at_word`, the cut falls between words when one ends in the last
    three quarters of the width.
    """
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = width - 1
    if at_word:
        space = text.rfind(" ", 0, cut)
        if space > width // 4:
            cut = space
    return text[:cut].rstrip() + "…"


def fold_accents(text: str) -> str:
    """Text without its combining marks: "Luís" -> "Luis", "Wikipédia" -> "Wikipedia"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return decomposed.translate({ord(c): None for c in set(decomposed) if unicodedata.combining(c)})


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    named = _NAMED.get(ch)
    if named:
        return named
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not valid UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, multiline: bool = False) -> str:
    """Text that is safe to show in the window or print: the one sanitiser.

    Every character that could drive a terminal or reorder what it shows (C0 and C1
    controls, so every escape sequence's introducer, DEL, bidirectional overrides and
    isolates, line separators, lone surrogates) is shown as a visible escape such as
    `\\x1b` or `\\u202e`, so nothing is hidden and nothing is obeyed. With
    `multiline`, newlines and tabs are kept; otherwise they are escaped too, and
    the text stays on one line.
    """
    pattern = _UNSAFE_MULTILINE if multiline else _UNSAFE_ONE_LINE
    return pattern.sub(_visible, text) if pattern.search(text) else text


def printable_json(json_text: str) -> str:
    """JSON text safe to print: the same characters as `printable`, as JSON escapes.

    `json.dumps(..., ensure_ascii=False)` escapes C0 controls but writes C1
    controls, bidirectional overrides and lone surrogates as they are; here they
    become `\\u009b`-style escapes, which decode to the very same strings.
    """
    if not _UNSAFE_IN_JSON.search(json_text):
        return json_text
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
