"""Markdown articles into blocks, through markdown-it-py with raw HTML off.

Inline markup is flattened to plain text; emphasis, links and inline code are kept
as spans (offsets into the flattened text) so the UI can style them.

markdown-it stops at MAX_NESTING levels of quotations and lists and drops what lies
deeper (and, for a deep list, what follows it). Nothing of an article may be lost:
the lines it left out are flattened, their markers stripped and their words kept,
in their place among the other blocks.
"""

from __future__ import annotations

import re

from reader.core.article.model import Block, InlineSpan
from reader.core.article.plain_parser import split_long

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
        _PARSER = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING})
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


def parse_markdown(text: str) -> tuple[str, list[Block]]:
    """Split clean Markdown into (title, blocks).

    The title is the front matter's `title`, else the first heading, else the
    beginning of the first block.
    """
    meta, body = front_matter(text)
    tokens = _parser().parse(body)
    # (first source line, kind, text, spans, heading level), in the order of the source
    found: list[tuple[int, str, str, tuple[InlineSpan, ...], int]] = []
    stack: list[str] = []
    heading_level = 0
    for tok in tokens:
        if tok.nesting == 1:
            stack.append(tok.type)
            if tok.type == "heading_open":
                heading_level = int(tok.tag[1:])
            continue
        if tok.nesting == -1:
            if stack:
                stack.pop()
            continue
        first = tok.map[0] if tok.map else 0
        if tok.type == "inline":
            flat, spans = flatten_inline(tok.children or [])
            flat = flat.strip("\n ")
            if not flat:
                continue
            if "heading_open" in stack:
                found.append((first, "heading", flat, spans, heading_level))
                continue
            kind = "list_item" if "list_item_open" in stack else (
                "blockquote" if "blockquote_open" in stack else "paragraph"
            )
            found.append((first, kind, flat, spans, 0))
        elif tok.type in ("fence", "code_block"):
            code = "\n".join(line.rstrip() for line in tok.content.split("\n")).strip()
            if code.strip():
                found.append((first, "paragraph", code, (InlineSpan(0, len(code), "code"),), 0))
    if any(tok.level >= MAX_NESTING - 2 for tok in tokens):
        found.extend(_beyond_nesting(body, tokens))
        found.sort(key=lambda f: f[0])
    blocks: list[Block] = []
    for _, kind, flat, spans, level in found:
        if kind == "heading":
            blocks.append(Block(len(blocks), "heading", flat, level=level, spans=spans))
        else:
            _add(blocks, kind, flat, spans)
    title = meta.get("title") or next(
        (b.text for b in blocks if b.kind == "heading"), blocks[0].text[:80] if blocks else ""
    )
    return title, blocks


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


def _add(blocks: list[Block], kind, text: str, spans: tuple[InlineSpan, ...]) -> None:
    parts = split_long(text)
    if len(parts) == 1:
        blocks.append(Block(len(blocks), kind, text, spans=spans))
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
        blocks.append(Block(len(blocks), kind, part, spans=kept))
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
            piece = tok.content or ""
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
