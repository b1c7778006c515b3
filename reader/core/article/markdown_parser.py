"""Markdown articles into blocks, through markdown-it-py with raw HTML off.

Inline markup is flattened to plain text; emphasis, links and inline code are kept
as spans (offsets into the flattened text) so the UI can style them.
"""

from __future__ import annotations

import re

from reader.core.article.model import Block, InlineSpan
from reader.core.article.plain_parser import split_long

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)
_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        # HTML off: an article's raw HTML is shown as the text it is, never obeyed.
        _PARSER = MarkdownIt("commonmark", {"html": False})
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
    blocks: list[Block] = []
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
        if tok.type == "inline":
            flat, spans = flatten_inline(tok.children or [])
            flat = flat.strip("\n ")
            if not flat:
                continue
            if "heading_open" in stack:
                blocks.append(Block(len(blocks), "heading", flat, level=heading_level, spans=spans))
                continue
            kind = "list_item" if "list_item_open" in stack else (
                "blockquote" if "blockquote_open" in stack else "paragraph"
            )
            _add(blocks, kind, flat, spans)
        elif tok.type in ("fence", "code_block"):
            code = "\n".join(line.rstrip() for line in tok.content.split("\n")).strip()
            if code.strip():
                _add(blocks, "paragraph", code, (InlineSpan(0, len(code), "code"),))
    title = meta.get("title") or next(
        (b.text for b in blocks if b.kind == "heading"), blocks[0].text[:80] if blocks else ""
    )
    return title, blocks


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
