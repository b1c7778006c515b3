"""How one block of an article is laid out in lines at a given width.

A plain paragraph is its text wrapped, and nothing more: it keeps the fast path
(line starts only), so a 5,000-paragraph article still lays out in milliseconds.
Every other block is a list of lines, each line a list of pieces: a piece is either
a range of the block's text, `(start, end)`, which the view paints with all its
styles (entities, notes, matches), or decoration, `(text, style)`, which belongs to
no character of the text: quote bars, bullets and numbers, a heading's rule, a
table's rules and padding, a link's footnote mark and address, an image's mark.

Markdown shapes (see `Block`): a bar per blockquote level; list items indented by
depth with their bullet or number, wrapped lines hanging under the text; level 1
and 2 headings ruled under; code blocks line for line on their own background;
tables with aligned columns, cells wrapped within the width; links followed by a
numbered mark, their addresses listed under the paragraph; images marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from reader.core.article import Block
from reader.ui.wrap import wrap_offsets

Piece = tuple[int, int] | tuple[str, str]
"""(start, end) of the block's text, or (text, style) decoration."""

QUOTE_BAR = "│ "
RULES = {1: "═", 2: "─"}
"""The rule drawn under a heading, by level; deeper headings have none."""
IMAGE_MARK = "[image]\u00a0"
"""Before an image's alt text (a no-break space: the mark never ends a line)."""
CELL_GAP = " │ "
MIN_COLUMN = 3

QUOTE_BAR_STYLE = ".article--quote-bar"
MARKER_STYLE = ".article--list-marker"
RULE_STYLE = ".article--rule"
CODE_STYLE = ".article--code-block"
TABLE_RULE_STYLE = ".article--table-rule"
FOOTNOTE_STYLE = ".article--footnote"
FOOTNOTE_MARK_STYLE = ".article--footnote-mark"
IMAGE_MARK_STYLE = ".article--image-mark"


@dataclass(frozen=True, slots=True)
class Link:
    """A link in a block: where its text ends, its footnote number and its address."""

    end: int
    number: int
    href: str


@dataclass(slots=True)
class BlockLayout:
    """A block's lines at one width: line starts (plain paragraphs) or lines of pieces."""

    height: int
    offsets: list[int] | None = None
    lines: list[list[Piece]] | None = None

    def line_of(self, offset: int) -> int:
        """The line (from 0) showing character `offset` of the block."""
        if self.offsets is not None:
            from bisect import bisect_right

            return bisect_right(self.offsets, offset)
        assert self.lines is not None
        best = 0
        for row, line in enumerate(self.lines):
            for piece in line:
                start, end = piece
                if isinstance(start, int) and isinstance(end, int):
                    if start <= offset < end or start == offset:
                        return row
                    if start <= offset:
                        best = row
        return best


def is_plain(block: Block, links: Sequence[Link]) -> bool:
    """Whether a block is a paragraph with nothing but its wrapped text."""
    return (
        block.kind == "paragraph"
        and not block.quote_depth
        and not block.list_depth
        and not links
        and not any(s.kind == "image" for s in block.spans)
    )


def layout_block(block: Block, width: int, links: Sequence[Link] = ()) -> BlockLayout:
    """Lay out one block in `width` cells."""
    if is_plain(block, links):
        offsets = wrap_offsets(block.text, width)
        return BlockLayout(len(offsets) + 1, offsets=offsets)
    first, rest = _prefixes(block)
    inner = max(8, width - sum(cell_len(text) for text, _ in first))
    if block.kind == "code":
        body = _code_lines(block, inner)
    elif block.kind == "table" and block.cells:
        body = _table_lines(block, inner)
    else:
        body = _prose_lines(block, inner, links)
        if block.kind == "heading" and block.level in RULES:
            longest = max(_line_cells(block, line) for line in body)
            body.append([(RULES[block.level] * max(1, min(inner, longest)), RULE_STYLE)])
        body += _footnote_lines(links, inner)
    lines = [[*(first if row == 0 else rest), *line] for row, line in enumerate(body)]
    return BlockLayout(len(lines), lines=lines)


def quote_bars(depth: int) -> list[Piece]:
    """The bars of `depth` blockquote levels, as decoration."""
    return [(QUOTE_BAR * depth, QUOTE_BAR_STYLE)] if depth else []


# -- prefixes ------------------------------------------------------------------


def _prefixes(block: Block) -> tuple[list[Piece], list[Piece]]:
    """Decoration before the first line and before the others: bars, indent, bullet."""
    bars = quote_bars(block.quote_depth)
    if not block.list_depth:
        return bars, bars
    indent = "  " * (block.list_depth - 1)
    mark_width = max(2, cell_len(block.marker) + 1)
    first: list[Piece] = [*bars]
    if block.marker:
        first += [(indent, ""), (block.marker, MARKER_STYLE), (" " * (mark_width - cell_len(block.marker)), "")]
    else:
        first += [(indent + " " * mark_width, "")]
    rest: list[Piece] = [*bars, (indent + " " * mark_width, "")]
    return first, rest


# -- prose: paragraphs, headings, list items, quoted text -------------------------


def _prose_lines(block: Block, width: int, links: Sequence[Link]) -> list[list[Piece]]:
    """Wrapped text, with link marks and image marks inserted where they belong."""
    text = block.text
    inserts: list[tuple[int, str, str]] = [(link.end, f"[{link.number}]", FOOTNOTE_MARK_STYLE) for link in links]
    inserts += [(s.start, IMAGE_MARK, IMAGE_MARK_STYLE) for s in block.spans if s.kind == "image"]
    if not inserts:
        starts = [0, *wrap_offsets(text, width)]
        ends = [*starts[1:], len(text)]
        return [[(a, b)] for a, b in zip(starts, ends)]
    inserts.sort(key=lambda item: (item[0], item[2] == IMAGE_MARK_STYLE))
    # The text as shown, in runs: (shown start, shown end, source start or None, text, style).
    runs: list[tuple[int, int, int | None, str, str]] = []
    shown: list[str] = []
    at = 0
    pos = 0
    for offset, mark, style in inserts:
        if offset > at:
            runs.append((pos, pos + offset - at, at, "", ""))
            shown.append(text[at:offset])
            pos += offset - at
            at = offset
        runs.append((pos, pos + len(mark), None, mark, style))
        shown.append(mark)
        pos += len(mark)
    if at < len(text):
        runs.append((pos, pos + len(text) - at, at, "", ""))
        shown.append(text[at:])
        pos += len(text) - at
    display = "".join(shown)
    starts = [0, *wrap_offsets(display, width)]
    ends = [*starts[1:], len(display)]
    lines: list[list[Piece]] = []
    for a, b in zip(starts, ends):
        line: list[Piece] = []
        for r_start, r_end, source, mark, style in runs:
            lo, hi = max(a, r_start), min(b, r_end)
            if lo >= hi:
                continue
            if source is None:
                line.append((mark[lo - r_start : hi - r_start], style))
            else:
                line.append((source + lo - r_start, source + hi - r_start))
        lines.append(line)
    return lines


def _footnote_lines(links: Sequence[Link], width: int) -> list[list[Piece]]:
    """Each link's address under the paragraph, numbered as its mark; long ones folded."""
    lines: list[list[Piece]] = []
    seen: set[int] = set()
    for link in links:
        if link.number in seen:
            continue
        seen.add(link.number)
        label = f"[{link.number}] "
        room = max(8, width - len(label))
        chunks = [link.href[i : i + room] for i in range(0, len(link.href), room)] or [""]
        for k, chunk in enumerate(chunks):
            lines.append([(label if k == 0 else " " * len(label), FOOTNOTE_STYLE), (chunk, FOOTNOTE_STYLE)])
    return lines


def _line_cells(block: Block, line: list[Piece]) -> int:
    total = 0
    for start, end in line:
        total += cell_len(block.text[start:end].rstrip()) if isinstance(start, int) else cell_len(str(start))
    return total


# -- code ---------------------------------------------------------------------------


def _code_lines(block: Block, width: int) -> list[list[Piece]]:
    """Code line for line on a box of its own background, long lines folded."""
    text = block.text
    room = max(4, width - 2)
    rows: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        start, end = at, at + len(line)
        at = end + 1
        if start == end:
            rows.append((start, end))
            continue
        cuts = [start + c for c in _fold(line, room)]
        for a, b in zip([start, *cuts], [*cuts, end]):
            rows.append((a, b))
    box = min(width, max(cell_len(text[a:b]) for a, b in rows) + 2)
    lines: list[list[Piece]] = []
    for a, b in rows:
        pad = box - 1 - cell_len(text[a:b])
        lines.append([(" ", CODE_STYLE), (a, b), (" " * max(0, pad), CODE_STYLE)])
    return lines


def _fold(line: str, width: int) -> list[int]:
    """Where a code line too long for `width` cells is cut (anywhere, spaces kept)."""
    cuts: list[int] = []
    used = 0
    for i, ch in enumerate(line):
        w = cell_len(ch)
        if used + w > width:
            cuts.append(i)
            used = 0
        used += w
    return cuts


# -- tables ---------------------------------------------------------------------------


def _table_lines(block: Block, width: int) -> list[list[Piece]]:
    """Columns aligned, cells wrapped within their column, a rule under the header."""
    text = block.text
    columns = max(len(row) for row in block.cells)
    natural = [MIN_COLUMN] * columns
    for row in block.cells:
        for c, (start, end) in enumerate(row):
            natural[c] = max(natural[c], cell_len(text[start:end]))
    widths = _fit_columns(natural, width - len(CELL_GAP) * (columns - 1))
    align = [*block.align, *[""] * columns][:columns]
    lines: list[list[Piece]] = []
    for r, row in enumerate(block.cells):
        wrapped: list[list[tuple[int, int]]] = []
        for c in range(columns):
            start, end = row[c] if c < len(row) else (0, 0)
            cuts = [start + o for o in wrap_offsets(text[start:end], widths[c])] if end > start else []
            pieces = list(zip([start, *cuts], [*cuts, end]))
            wrapped.append([(a, a + len(text[a:b].rstrip())) for a, b in pieces])
        for k in range(max(1, *(len(cell) for cell in wrapped))):
            line: list[Piece] = []
            for c in range(columns):
                if c:
                    line.append((CELL_GAP, TABLE_RULE_STYLE))
                if k < len(wrapped[c]):
                    a, b = wrapped[c][k]
                    spare = max(0, widths[c] - cell_len(text[a:b]))
                    left = spare if align[c] == "right" else spare // 2 if align[c] == "center" else 0
                    if left:
                        line.append((" " * left, ""))
                    line.append((a, b))
                    if spare - left:
                        line.append((" " * (spare - left), ""))
                else:
                    line.append((" " * widths[c], ""))
            lines.append(line)
        if r + 1 == block.header_rows:
            rule = "─┼─".join("─" * w for w in widths)
            lines.append([(rule, TABLE_RULE_STYLE)])
    return lines


def _fit_columns(natural: list[int], room: int) -> list[int]:
    """Column widths within `room`: the widest column gives way first, none below MIN_COLUMN."""
    widths = list(natural)
    excess = sum(widths) - room
    while excess > 0:
        widest = max(range(len(widths)), key=lambda c: widths[c])
        if widths[widest] <= MIN_COLUMN:
            break  # too many columns for the width: the line is cut at the edge
        second = max((w for c, w in enumerate(widths) if c != widest), default=MIN_COLUMN)
        step = max(1, min(excess, widths[widest] - max(second, MIN_COLUMN)))
        widths[widest] -= step
        excess -= step
    return widths
