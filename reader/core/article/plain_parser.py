"""Plain-text articles into blocks: title, paragraphs and detected subheads.

News text arrives in two shapes: one paragraph per line (copied from a web page,
as the bundled sample is), or paragraphs hard-wrapped at a fixed width and
separated by blank lines (e-mail, wire copy). Both are recognised per run of
lines between blank lines.
"""

from __future__ import annotations

import re

from reader.core.article.model import Block
from reader.core.article.text import shorten

MAX_BLOCK_CHARS = 5000
"""Longer paragraphs are split at sentence ends, so that one enormous line cannot
stall wrapping, analysis or the display."""

TITLE_MAX_CHARS = 300
HEADING_MAX_CHARS = 80
HEADING_MAX_WORDS = 12

_OPENING_QUOTES = "\"'“”„«»‹›‚‘’—–-•*·"
_SENTENCE_END = re.compile(r"[.!?…][\"'”»’)\]]*\s+")


def parse_plain(text: str) -> tuple[str, list[Block]]:
    """Split clean text into (title, blocks). The first line is the title."""
    pieces: list[tuple[str, bool]] = []  # (text, stands alone on its line)
    for chunk in _chunks(text):
        if _is_hard_wrapped(chunk):
            pieces.append((" ".join(chunk), False))
        else:
            pieces.extend((line, True) for line in chunk)
    if not pieces:
        return "", []

    first = pieces[0][0]
    if len(first) <= TITLE_MAX_CHARS:
        title = first
        blocks = [Block(0, "heading", first, level=1)]
        rest = pieces[1:]
    else:
        title = shorten(first, 80, at_word=True)
        blocks = []
        rest = pieces

    # Decide from the end: a subhead may head another subhead ("Part two" then
    # "Why it matters?") as long as prose follows the pair.
    heads = [False] * len(rest)
    for i in range(len(rest) - 2, -1, -1):
        line, alone = rest[i]
        following = rest[i + 1][0]
        heads[i] = alone and _is_subhead(line) and (
            len(following) >= 2 * len(line) or heads[i + 1]
        )
    for i, (line, _alone) in enumerate(rest):
        if heads[i]:
            blocks.append(Block(len(blocks), "heading", line, level=2))
            continue
        for part in split_long(line):
            blocks.append(Block(len(blocks), "paragraph", part))
    return title, blocks


def _chunks(text: str) -> list[list[str]]:
    chunks: list[list[str]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of similar width that break mid-sentence are one wrapped paragraph."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if max(len(ln) for ln in lines) > 100 or min(len(ln) for ln in body) < 30:
        return False
    open_ended = sum(1 for ln in body if not ln.endswith((".", "!", "?", "…", ":", "\"", "”", "»")))
    # A wrapped line broke because the next word did not fit: a title over a long
    # paragraph could have taken the paragraph's first word and is no wrap.
    width = max(len(ln) for ln in lines)
    full = sum(1 for ln, nxt in zip(body, lines[1:]) if len(ln) + 1 + len(nxt.split()[0]) > width)
    return open_ended >= 0.6 * len(body) and full >= 0.6 * len(body)


def _is_subhead(line: str) -> bool:
    """Whether a stand-alone line is built like a subhead (short, headline-shaped)."""
    if len(line) > HEADING_MAX_CHARS or len(line.split()) > HEADING_MAX_WORDS:
        return False
    first = line[0]
    if first in _OPENING_QUOTES or not (first.isupper() or first.isdigit()):
        return False
    if line.endswith("?"):
        return True
    if line.endswith(("…", "...", "!", ",", ";", ":")):
        return False
    if line.endswith("."):
        # A sentence ending in a full stop is prose, unless the line is built like a
        # headline: a question or a colon before its last part ("X? Y." / "X: y.").
        return bool(re.search(r"[?:]\s+\S", line))
    return True


def split_long(text: str, limit: int = MAX_BLOCK_CHARS) -> list[str]:
    """Split text longer than `limit` at sentence ends (else at spaces) into parts."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = None
        for m in _SENTENCE_END.finditer(window):
            if m.end() > limit // 3:
                cut = m.end()
        if cut is None:
            space = window.rfind(" ", limit // 3)
            cut = space + 1 if space > 0 else limit
        piece = text[start : start + cut].strip()
        if piece:
            parts.append(piece)
        start += cut
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts

