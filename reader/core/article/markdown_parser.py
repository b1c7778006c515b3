"""Markdown articles into blocks, through markdown-it-py with raw HTML off.

Inline markup is flattened to plain text; emphasis, links, images (as their alt
text) and inline code are kept as spans (offsets into the flattened text) so the UI
can style them. Lists keep their bullets, numbers and nesting, blockquotes their
depth, code blocks their lines and tables their cells (see `Block`).

markdown-it stops at MAX_NESTING levels of quotations and lists and drops what lies
deeper (and, for a deep list, what follows it). Nothing of an article may be lost:
the lines it left out are flattened, their markers stripped and their words kept,
in their place among the other blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reader.core.article.model import Block, InlineSpan
from reader.core.article.plain_parser import MAX_BLOCK_CHARS, split_long

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)
_PARSER = None
MAX_NESTING = 20
"""Levels of nested quotations and lists kept as such (markdown-it's own limit); deeper
ones are flattened. It also bounds the parser's recursion on a line of 2,000 `>`."""
_CONTAINER_MARKER = re.compile(r"[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))")
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:")


def _parser():
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        # HTML off: an article's raw HTML is shown as the text it is, never obeyed.
        # Tables (GitHub's pipe tables) on: news in Markdown has them.
        _PARSER = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable("table")
    return _PARSER


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split simple YAML front matter (`key: value` lines) from the Markdown body."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "-", "#")):
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[m.end() :]


BULLETS = ("•", "◦", "▪")
"""Bullets by list depth (then round again), as they are printed."""
_ALIGN = re.compile(r"text-align:\s*(left|right|center)")


@dataclass
class _Item:
    """An open list item: its marker waits for the item's first block."""

    marker: str
    pending: bool = True


def parse_markdown(text: str) -> tuple[str, list[Block]]:
    """Split clean Markdown into (title, blocks).

    Every heading, paragraph, list item, code block and table is a block. Blocks
    keep how they were written: list items their bullet or number and nesting,
    quoted blocks their depth, code blocks their lines, tables their cells.

    The title is the front matter's `title`, else the first heading, else the
    beginning of the first block.
    """
    meta, body = front_matter(text)
    tokens = _parser().parse(body)
    blocks: list[Block] = []
    stack: list[str] = []
    heading_level = 0
    lists: list[list] = []  # per open list: [ordered, delimiter]
    items: list[_Item] = []
    quote_depth = 0
    table: _Table | None = None
    lines: list[int] = []  # the source line each block starts on, to place what deep nesting left out
    line = 0

    def place(**extra) -> dict:
        """Where a new block stands: its list and quote depth, and its item's marker."""
        marker = ""
        if items and items[-1].pending:
            marker, items[-1].pending = items[-1].marker, False
        return {"list_depth": len(lists), "quote_depth": quote_depth, "marker": marker, **extra}

    for tok in tokens:
        lines.extend([line] * (len(blocks) - len(lines)))
        if tok.map:
            line = tok.map[0]
        if tok.nesting == 1:
            stack.append(tok.type)
            if tok.type == "heading_open":
                heading_level = int(tok.tag[1:])
            elif tok.type in ("bullet_list_open", "ordered_list_open"):
                lists.append([tok.type == "ordered_list_open", tok.markup or "."])
            elif tok.type == "list_item_open":
                ordered, delimiter = lists[-1] if lists else (False, "")
                marker = f"{tok.info}{delimiter}" if ordered and tok.info else BULLETS[(len(lists) - 1) % len(BULLETS)]
                items.append(_Item(marker))
            elif tok.type == "blockquote_open":
                quote_depth += 1
            elif tok.type == "table_open":
                table = _Table()
            elif tok.type == "tr_open" and table is not None:
                table.rows.append([])
                table.header += "thead_open" in stack
            elif tok.type in ("th_open", "td_open") and table is not None and len(table.rows) == 1:
                found = _ALIGN.search(str(tok.attrs.get("style", "")))
                table.align.append(found.group(1) if found else "")
            continue
        if tok.nesting == -1:
            if stack:
                stack.pop()
            if tok.type in ("bullet_list_close", "ordered_list_close") and lists:
                lists.pop()
            elif tok.type == "list_item_close" and items:
                items.pop()
            elif tok.type == "blockquote_close":
                quote_depth = max(0, quote_depth - 1)
            elif tok.type == "table_close" and table is not None:
                if table.rows:
                    _add_table(blocks, table, place())
                table = None
            continue
        if tok.type == "inline":
            flat, spans = flatten_inline(tok.children or [])
            flat = flat.strip("\n ")  # flatten_inline has shifted the spans to match
            if table is not None and table.rows:
                table.rows[-1].append((flat, spans))
                continue
            if not flat:
                continue
            if "heading_open" in stack:
                blocks.append(Block(len(blocks), "heading", flat, level=heading_level, spans=spans, **place()))
                continue
            kind = "list_item" if items else ("blockquote" if quote_depth else "paragraph")
            _add(blocks, kind, flat, spans, place())
        elif tok.type in ("fence", "code_block"):
            code = [text_line.rstrip() for text_line in tok.content.split("\n")]
            while code and not code[0].strip():
                code.pop(0)
            while code and not code[-1].strip():
                code.pop()
            if code:
                info = tok.info.split()[0] if tok.type == "fence" and tok.info.split() else ""
                _add_code(blocks, code, place(info=info))
    lines.extend([line] * (len(blocks) - len(lines)))
    if any(tok.level >= MAX_NESTING - 2 for tok in tokens):
        blocks = _with_beyond_nesting(blocks, lines, _beyond_nesting(body, tokens))
    title = meta.get("title") or next(
        (b.text for b in blocks if b.kind == "heading"), blocks[0].text[:80] if blocks else ""
    )
    return title, blocks


def _with_beyond_nesting(
    blocks: list[Block], lines: list[int], beyond: list[tuple[int, str, str, tuple[InlineSpan, ...], int]]
) -> list[Block]:
    """The parsed blocks with the flattened ones from past MAX_NESTING, in source order."""
    merged: list[tuple[int, int, Block | tuple]] = [(line, 0, block) for line, block in zip(lines, blocks)]
    merged += [(item[0], 1, item) for item in beyond]
    merged.sort(key=lambda m: (m[0], m[1]))
    out: list[Block] = []
    for _, _, item in merged:
        if isinstance(item, Block):
            out.append(replace(item, index=len(out)))
        else:
            _, kind, flat, spans, _ = item
            _add(out, kind, flat, spans, {})
    return out


def _beyond_nesting(body: str, tokens) -> list[tuple[int, str, str, tuple[InlineSpan, ...], int]]:
    """The lines markdown-it left out past MAX_NESTING, flattened: markers stripped, words kept.

    A line that starts with a quotation or list marker starts a block; a line
    without one continues the block above it (a lazy continuation).
    """
    covered: set[int] = set()
    for tok in tokens:
        if tok.nesting == 0 and tok.map:
            covered.update(range(*tok.map))
    found: list[tuple[int, str, str, tuple[InlineSpan, ...], int]] = []
    current: list[str] = []
    start, kind = 0, "paragraph"

    def flush() -> None:
        if current:
            inline = _parser().parseInline(" ".join(current))
            flat, spans = flatten_inline(inline[0].children or [] if inline else [])
            flat = flat.strip("\n ")
            if flat:
                found.append((start, kind, flat, spans, 0))
            current.clear()

    previous = -2
    for number, line in enumerate(body.split("\n")):
        if number in covered or not line.strip() or _LINK_DEFINITION.match(line):
            flush()
            continue
        markers, end = "", 0
        while m := _CONTAINER_MARKER.match(line, end):
            if m.end() == end:
                break
            markers += m.group().strip()
            end = m.end()
        words = line[end:].strip()
        if markers or previous != number - 1:
            flush()
            start = number
            kind = "blockquote" if markers.startswith(">") else ("list_item" if markers else "paragraph")
        previous = number
        if words:
            current.append(words)
    flush()
    return found


@dataclass
class _Table:
    rows: list[list[tuple[str, tuple[InlineSpan, ...]]]] = field(default_factory=list)
    header: int = 0
    align: list[str] = field(default_factory=list)


CELL_SEPARATOR = " | "
"""Between a table's cells in its block text (rows are on lines of their own)."""


def _add_table(blocks: list[Block], table: _Table, where: dict) -> None:
    """A table as one block: its text is the rows, cells joined by " | ", with each cell's place kept."""
    width = max(len(row) for row in table.rows)
    parts: list[str] = []
    spans: list[InlineSpan] = []
    rows: list[tuple[tuple[int, int], ...]] = []
    pos = 0
    for r, row in enumerate(table.rows):
        if r:
            parts.append("\n")
            pos += 1
        cells: list[tuple[int, int]] = []
        row = row + [("", ())] * (width - len(row))
        for c, (cell, cell_spans) in enumerate(row):
            if c:
                parts.append(CELL_SEPARATOR)
                pos += len(CELL_SEPARATOR)
            cell = cell.replace("\n", " ")
            parts.append(cell)
            spans.extend(InlineSpan(s.start + pos, s.end + pos, s.kind, s.href) for s in cell_spans)
            cells.append((pos, pos + len(cell)))
            pos += len(cell)
        rows.append(tuple(cells))
    text = "".join(parts)
    if not text.replace("|", "").strip():
        return
    align = tuple((table.align + [""] * width)[:width])
    blocks.append(
        Block(
            len(blocks), "table", text, spans=tuple(spans), cells=tuple(rows),
            header_rows=min(table.header, len(rows)), align=align, **where,
        )
    )


def _add_code(blocks: list[Block], lines: list[str], where: dict) -> None:
    """A code block, kept line for line; a very long one is split between lines."""
    chunk: list[str] = []
    size = 0
    for line in lines:
        if chunk and size + len(line) + 1 > MAX_BLOCK_CHARS:
            blocks.append(Block(len(blocks), "code", "\n".join(chunk), **where))
            where = {**where, "marker": ""}
            chunk, size = [], 0
        chunk.append(line[:MAX_BLOCK_CHARS])
        size += len(line) + 1
    blocks.append(Block(len(blocks), "code", "\n".join(chunk), **where))


def _add(blocks: list[Block], kind, text: str, spans: tuple[InlineSpan, ...], where: dict) -> None:
    parts = split_long(text)
    if len(parts) == 1:
        blocks.append(Block(len(blocks), kind, text, spans=spans, **where))
        return
    # A split paragraph keeps no spans that cross its cuts.
    offset = 0
    for part in parts:
        start = text.index(part, offset)
        end = start + len(part)
        kept = tuple(
            InlineSpan(s.start - start, s.end - start, s.kind, s.href)
            for s in spans
            if s.start >= start and s.end <= end
        )
        blocks.append(Block(len(blocks), kind, part, spans=kept, **where))
        where = {**where, "marker": ""}  # the bullet belongs to the first part
        offset = end


def flatten_inline(children) -> tuple[str, tuple[InlineSpan, ...]]:
    """Plain text of inline tokens, with emphasis, link and code spans."""
    out: list[str] = []
    pos = 0
    spans: list[InlineSpan] = []
    open_at: list[tuple[str, int, str | None]] = []
    for tok in children:
        t = tok.type
        piece = ""
        if t in ("text", "html_inline"):
            piece = tok.content
        elif t == "code_inline":
            piece = tok.content
            if piece:
                spans.append(InlineSpan(pos, pos + len(piece), "code"))
        elif t == "softbreak":
            piece = " "
        elif t == "hardbreak":
            piece = "\n"
        elif t == "image":
            # Shown as its alt text (else its file's name), marked as an image.
            src = str(tok.attrs.get("src") or "")
            piece = tok.content or src.rstrip("/").rsplit("/", 1)[-1] or "image"
            spans.append(InlineSpan(pos, pos + len(piece), "image", src or None))
        elif t in ("em_open", "strong_open", "link_open"):
            href = tok.attrs.get("href") if t == "link_open" else None
            open_at.append((t[:-5], pos, str(href) if href is not None else None))
        elif t in ("em_close", "strong_close", "link_close"):
            kind = t[:-6]
            for i in range(len(open_at) - 1, -1, -1):
                if open_at[i][0] == kind:
                    _, start, href = open_at.pop(i)
                    if pos > start:
                        spans.append(InlineSpan(start, pos, kind, href))
                    break
        if piece:
            out.append(piece)
            pos += len(piece)
    text = "".join(out)
    # Leading whitespace is stripped by the caller; shift spans to match.
    lead = len(text) - len(text.lstrip("\n "))
    if lead:
        spans = [InlineSpan(max(0, s.start - lead), s.end - lead, s.kind, s.href) for s in spans]
    trimmed = len(text.rstrip("\n ")) - lead
    spans = [
        InlineSpan(s.start, min(s.end, trimmed), s.kind, s.href)
        for s in spans
        if s.start < trimmed and s.end > 0
    ]
    spans.sort(key=lambda s: (s.start, -s.end))
    return text, tuple(spans)
