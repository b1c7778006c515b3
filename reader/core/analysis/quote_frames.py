"""The text around a quotation, as the speaker rules read it.

Each block is read as a list of items: its words, with every entity mention folded
into a single item ("il ministro", "Olivier Dussopt", "ha", "detto"). A
quotation's frame is the part of its sentence before the opening mark (back to
the sentence start, or to the end of an earlier quotation in it) and the part
after the closing mark (to the sentence end, or to the next quotation).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from reader.core.analysis.results import Entity, Quote
from reader.core.analysis.tokens import Token, sentence_spans
from reader.core.article.model import Document


@dataclass(slots=True)
class Item:
    """A word, or an entity mention standing for all the words it covers."""

    start: int
    end: int
    word: str
    """The casefolded word, or "" for an entity mention."""
    entity: Entity | None = None
    token: Token | None = None


class BlockItems:
    """One block's tokens with entity mentions folded into single items, and its sentences."""

    def __init__(self, text: str, tokens: list[Token], mentions: list[tuple[int, int, Entity]]):
        self.text = text
        self.items: list[Item] = []
        mentions = sorted(mentions, key=lambda m: m[0])
        m = 0
        for tok in tokens:
            while m < len(mentions) and mentions[m][1] <= tok.start:
                m += 1
            if m < len(mentions) and mentions[m][0] <= tok.start < mentions[m][1]:
                s, e, ent = mentions[m]
                if self.items and self.items[-1].entity is ent and self.items[-1].start == s:
                    continue
                self.items.append(Item(s, e, "", ent))
                continue
            self.items.append(Item(tok.start, tok.end, tok.lower, None, tok))
        self.starts = [it.start for it in self.items]
        self.sentences = sentence_spans(text, tokens)
        # (The sentences are in order and do not overlap: found by binary search.)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.sentence_ends = [e for _, e in self.sentences]
        self._sentence_items: dict[int, list[Item]] = {}

    def between(self, lo: int, hi: int) -> list[Item]:
        """The items wholly inside characters lo..hi."""
        i = bisect_right(self.starts, lo - 1)
        out = []
        while i < len(self.items) and self.items[i].start < hi:
            if self.items[i].end <= hi:
                out.append(self.items[i])
            i += 1
        return out

    def first_from(self, lo: int) -> Item | None:
        """The first item starting at `lo` or later."""
        i = bisect_right(self.starts, lo - 1)
        return self.items[i] if i < len(self.items) else None

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The character range of the sentence at `pos` (the whole block if none)."""
        k = bisect_right(self.sentence_starts, pos) - 1
        if k >= 0 and pos < self.sentence_ends[k]:
            return self.sentences[k]
        return (0, len(self.text))

    def sentence_items(self, k: int) -> list[Item]:
        """The items of sentence k, read once (many quotations look at one sentence)."""
        found = self._sentence_items.get(k)
        if found is None:
            found = self._sentence_items[k] = self.between(*self.sentences[k])
        return found


class ArticleItems:
    """Every block as items, and the way from one sentence to the next across blocks.

    A block is read into items the first time a quotation's frame needs it: most
    blocks of a long article are never near a quotation.
    """

    def __init__(self, doc: Document, tokens: list[list[Token]], entities: list[Entity]):
        self._mentions: dict[int, list[tuple[int, int, Entity]]] = {}
        for ent in entities:
            for m in ent.mentions:
                self._mentions.setdefault(m.block, []).append((m.start, m.end, ent))
        self._doc = doc
        self._tokens = tokens
        self._read: dict[int, BlockItems] = {}
        self.headings = [b.kind == "heading" for b in doc.blocks]

    def block(self, index: int) -> BlockItems:
        """Block `index` as items."""
        found = self._read.get(index)
        if found is None:
            b = self._doc.blocks[index]
            found = self._read[index] = BlockItems(b.text, self._tokens[index], self._mentions.get(index, []))
        return found

    def sentence_before(self, block: int, lo: int) -> tuple[int, int, list[Item]]:
        """(block, start, items) of the sentence before position `lo` of a block,
        looking into the previous block (not a heading) when this one has none."""
        b = self.block(block)
        k = bisect_right(b.sentence_ends, lo) - 1  # the last sentence that ends by lo
        if k >= 0:
            return block, b.sentences[k][0], b.sentence_items(k)
        if block > 0 and not self.headings[block - 1]:
            pb = self.block(block - 1)
            if pb.sentences:
                k = len(pb.sentences) - 1
                return block - 1, pb.sentences[k][0], pb.sentence_items(k)
        return block, lo, []

    def next_sentence(self, block: int, hi: int) -> list[Item]:
        """The items of the first sentence of a block that starts at `hi` or later."""
        b = self.block(block)
        k = bisect_left(b.sentence_starts, hi)  # the first sentence that starts at hi or later
        if k < len(b.sentences):
            return b.sentence_items(k)
        return []


@dataclass(frozen=True)
class Frame:
    """The words around one quotation that may name its speaker."""

    before: list[Item]
    """From the sentence start (or an earlier quotation's end) to the opening mark."""
    after: list[Item]
    """From the closing mark to the end of the sentence (or the next quotation)."""
    gap_before: str
    """The characters between the last item before and the opening mark (": ", ", ")."""
    block: int
    """The block the quotation opens in."""
    lo: int
    """Where `before` starts in that block."""
    end_block: int
    """The block the quotation closes in."""
    hi: int
    """Where `after` ends in that block."""
    shares_sentence: bool
    """An earlier quotation is in the same sentence."""


def frame_of(article: ArticleItems, quotes: list[Quote], index: int, neighbours: QuoteNeighbours) -> Frame:
    """The frame of quotation `index` of `quotes` (`neighbours` made from the same quotes)."""
    q = quotes[index]
    first, last = q.parts[0], q.parts[-1]
    b0, b1 = article.block(first.block), article.block(last.block)
    open_at = _mark_before(b0.text, first.start)
    close_at = _mark_after(b1.text, last.end)
    outer = quotes[q.nested_in] if q.nested_in is not None else None
    # Before: from the sentence start (or the end of an earlier quotation in it).
    s_lo, _ = b0.sentence_of(max(0, open_at - 1))
    lo = max(s_lo, neighbours.end_before(first.block, open_at))
    if outer is not None and outer.block == first.block:
        lo = max(lo, outer.start)
    before = b0.between(lo, open_at)
    # After: the rest of the closing mark's sentence; a quotation that ends its
    # sentence ("…two hours.") has nothing after it unless the text goes on in
    # lower case (French « … » a-t-il ajouté).
    _, s_hi = b1.sentence_of(max(0, close_at - 1))
    hi = s_hi
    following = b1.first_from(close_at)
    if hi <= close_at and following and following.entity is None and following.word[:1].islower():
        _, hi = b1.sentence_of(following.start)
    hi = min(hi, neighbours.start_after(last.block, close_at, len(b1.text)))
    if outer is not None and outer.parts[-1].block == last.block:
        hi = min(hi, outer.parts[-1].end)
    after = b1.between(close_at, hi) if hi > close_at else []
    gap_before = b0.text[before[-1].end if before else lo : open_at]
    return Frame(before, after, gap_before, first.block, lo, last.block, hi, shares_sentence=lo > s_lo)


def _mark_before(text: str, start: int) -> int:
    """Index of the opening mark of a quotation whose words start at `start`."""
    i = start - 1
    while i > 0 and text[i].isspace():
        i -= 1
    return max(0, i)


def _mark_after(text: str, end: int) -> int:
    """Index just after the closing mark of a quotation whose words end at `end`."""
    i = end
    while i < len(text) and text[i].isspace():
        i += 1
    return min(len(text), i + 1)


class QuoteNeighbours:
    """Where the quotations around a position end and start, per block.

    A paragraph may hold thousands of quotations; these are binary searches
    in lists made once, not a scan of the quotations per quotation.
    """

    def __init__(self, quotes: list[Quote]):
        self._ends: dict[int, list[int]] = {}
        """Per block, the ends of the quotations that close in it."""
        self._starts: dict[int, list[int]] = {}
        """Per block, the starts of the outermost quotations that open in it."""
        first: dict[int, int] = {}
        for i, q in enumerate(quotes):
            first.setdefault(q.block, i)
            last = q.parts[-1]
            if last.block == q.block:
                self._ends.setdefault(q.block, []).append(last.end)
            if q.nested_in is None:
                self._starts.setdefault(q.block, []).append(q.start)
        for block, i in first.items():
            # A quotation from an earlier paragraph that closes in this one counts
            # too, as long as no quotation closing before this paragraph comes after it.
            j = i - 1
            while j >= 0 and quotes[j].parts[-1].block >= block:
                if quotes[j].parts[-1].block == block:
                    self._ends.setdefault(block, []).append(quotes[j].parts[-1].end)
                j -= 1
        for ends in self._ends.values():
            ends.sort()

    def end_before(self, block: int, pos: int) -> int:
        """Just after the end of the last quotation that closes before `pos` in the block (0 if none)."""
        ends = self._ends.get(block, [])
        k = bisect_left(ends, pos)
        return ends[k - 1] + 1 if k else 0

    def start_after(self, block: int, pos: int, block_end: int) -> int:
        """Just before the start of the next outermost quotation after `pos` in the block (its end if none)."""
        starts = self._starts.get(block, [])
        k = bisect_right(starts, pos)
        return starts[k] - 1 if k < len(starts) else block_end
