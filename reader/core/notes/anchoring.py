"""Where a note belongs: anchors that survive corrections to the article.

An anchor records a passage three ways, like the W3C Web Annotation selectors: its
block index and character offsets (position), and its exact text with 32
characters before and after (quote). When the article is opened again the anchor
is resolved from cheapest to most robust:

1. the recorded position, if the text there is still the exact passage;
2. the exact passage elsewhere, the occurrence whose context and position agree
   best with the record;
3. a fuzzy match near where the passage was, allowed only a few edits and only
   where its surroundings still agree.

If none of these holds, the note is an orphan: shown with its passage, never
dropped and never moved onto other words (highlighting the wrong text is worse
than admitting it is lost).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from difflib import SequenceMatcher

from reader.core.article.model import Document

CONTEXT = 32
MAX_EDIT_RATIO = 0.25
"""A fuzzy match may differ from the passage in at most this share of characters."""


@dataclass(frozen=True)
class Anchor:
    block: int
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""

    @property
    def whole_block(self) -> bool:
        """The anchor covers a whole paragraph (its context starts and ends at breaks)."""
        return (
            self.start == 0
            and (not self.prefix or self.prefix.endswith("\n"))
            and (not self.suffix or self.suffix.startswith("\n"))
        )

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Anchor:
        return cls(
            int(data["block"]),
            int(data["start"]),
            int(data["end"]),
            str(data["exact"]),
            str(data.get("prefix", "")),
            str(data.get("suffix", "")),
        )


@dataclass(frozen=True)
class Placement:
    """Where an anchor resolved: block and offsets in the current text."""

    block: int
    start: int
    end: int


def make_anchor(doc: Document, block: int, start: int | None = None, end: int | None = None) -> Anchor:
    """An anchor for a passage of a block (the whole block when offsets are omitted)."""
    text = doc.blocks[block].text
    start = 0 if start is None else max(0, min(start, len(text)))
    end = len(text) if end is None else max(start, min(end, len(text)))
    return Anchor(
        block,
        start,
        end,
        text[start:end],
        _context_before(doc, block, start),
        _context_after(doc, block, end),
    )


def _context_before(doc: Document, block: int, start: int) -> str:
    text = doc.blocks[block].text[:start]
    b = block
    while len(text) < CONTEXT and b > 0:
        b -= 1
        text = doc.blocks[b].text + "\n" + text
    return text[-CONTEXT:]


def _context_after(doc: Document, block: int, end: int) -> str:
    text = doc.blocks[block].text[end:]
    b = block
    while len(text) < CONTEXT and b + 1 < len(doc.blocks):
        b += 1
        text = text + "\n" + doc.blocks[b].text
    return text[:CONTEXT]


def _similar(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def resolve(doc: Document, anchor: Anchor) -> Placement | None:
    """Find an anchor's passage in the document as it is now, or None (an orphan)."""
    if not anchor.exact:
        return None
    blocks = doc.blocks
    # 1. The recorded position still holds the passage.
    if 0 <= anchor.block < len(blocks):
        text = blocks[anchor.block].text
        if text[anchor.start : anchor.end] == anchor.exact:
            return Placement(anchor.block, anchor.start, anchor.end)
    # 2. The exact passage elsewhere: the best-placed occurrence.
    best: tuple[float, Placement] | None = None
    for b in blocks:
        pos = b.text.find(anchor.exact)
        while pos >= 0:
            score = _context_score(doc, anchor, b.index, pos, pos + len(anchor.exact))
            if best is None or score > best[0]:
                best = (score, Placement(b.index, pos, pos + len(anchor.exact)))
            pos = b.text.find(anchor.exact, pos + 1)
    if best is not None:
        return best[1]
    # 3. A fuzzy match, near the recorded place first.
    return _fuzzy(doc, anchor)


def _context_score(doc: Document, anchor: Anchor, block: int, start: int, end: int) -> float:
    prefix = _context_before(doc, block, start)
    suffix = _context_after(doc, block, end)
    score = 20 * _similar(anchor.prefix, prefix) + 20 * _similar(anchor.suffix, suffix)
    # Closeness to the recorded place only breaks ties.
    distance = abs(block - anchor.block) + abs(start - anchor.start) / 1000
    return score - min(2.0, distance / 50)


def _fuzzy(doc: Document, anchor: Anchor) -> Placement | None:
    exact = anchor.exact
    n = len(exact)
    whole_block = anchor.whole_block
    order = sorted(range(len(doc.blocks)), key=lambda b: abs(b - anchor.block))[:40]
    best: tuple[float, Placement] | None = None
    for b in order:
        text = doc.blocks[b].text
        if whole_block and anchor.end - anchor.start >= len(exact) and abs(len(text) - n) <= n * MAX_EDIT_RATIO:
            # A note on a whole paragraph follows the paragraph through small edits.
            if SequenceMatcher(None, exact, text, autojunk=False).quick_ratio() >= 1 - MAX_EDIT_RATIO:
                ratio = _similar(exact, text)
                if ratio >= 1 - MAX_EDIT_RATIO / 2 and (best is None or ratio > best[0]):
                    best = (ratio, Placement(b, 0, len(text)))
            continue
        found = _approximate(exact, text, anchor.start if b == anchor.block else None)
        if found is None:
            continue
        start, end, edits = found
        if edits > n * MAX_EDIT_RATIO:
            continue
        # The surroundings must agree too, so a similar phrase elsewhere is not taken.
        context = 0.5 * _similar(anchor.prefix[-16:], _context_before(doc, b, start)[-16:]) + 0.5 * _similar(
            anchor.suffix[:16], _context_after(doc, b, end)[:16]
        )
        if context < 0.5:
            continue
        score = (1 - edits / max(1, n)) + context
        if best is None or score > best[0]:
            best = (score, Placement(b, start, end))
    return best[1] if best else None


def _approximate(pattern: str, text: str, hint: int | None = None) -> tuple[int, int, int] | None:
    """The substring of text closest to pattern: (start, end, edit distance).

    Sellers' algorithm on windows around seeds, so long paragraphs stay fast:
    seeds are the recorded position and where pieces of the pattern occur.
    """
    n = len(pattern)
    if n == 0 or not text:
        return None
    seeds = {hint} if hint is not None and hint <= len(text) else set()
    size = min(6, n)
    for offset in sorted({0, n // 3, (2 * n) // 3, n - size}):
        piece = pattern[offset : offset + size]
        pos = text.find(piece)
        while pos >= 0 and len(seeds) < 24:
            seeds.add(max(0, pos - offset))
            pos = text.find(piece, pos + 1)
    if not seeds:
        return None
    best = None
    slack = max(4, int(n * MAX_EDIT_RATIO))
    for seed in seeds:
        lo = max(0, seed - slack)
        hi = min(len(text), seed + n + slack)
        found = _sellers(pattern, text, lo, hi)
        if found and (best is None or found[2] < best[2]):
            best = found
    return best


def _sellers(pattern: str, text: str, lo: int, hi: int) -> tuple[int, int, int] | None:
    """Best approximate occurrence of pattern in text[lo:hi] (edit distance)."""
    m = len(pattern)
    prev = list(range(m + 1))
    starts = [lo] * (m + 1)
    best = (m + 1, lo, lo)
    for j in range(lo, hi):
        cur = [0] * (m + 1)
        cur_start = [j + 1] * (m + 1)
        ch = text[j]
        for i in range(1, m + 1):
            cost = 0 if pattern[i - 1] == ch else 1
            sub = prev[i - 1] + cost
            dele = prev[i] + 1
            ins = cur[i - 1] + 1
            if sub <= dele and sub <= ins:
                cur[i], cur_start[i] = sub, (starts[i - 1] if i > 1 else j)
            elif dele <= ins:
                cur[i], cur_start[i] = dele, starts[i]
            else:
                cur[i], cur_start[i] = ins, cur_start[i - 1]
        if cur[m] < best[0]:
            best = (cur[m], cur_start[m], j + 1)
        prev, starts = cur, cur_start
    edits, start, end = best
    return (start, end, edits) if edits <= m else None
