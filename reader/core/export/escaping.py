"""Text and note bodies as Markdown that cannot break the structure of an export."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

from reader.core.article.text import printable, printable_json

_TEXT_SPECIAL = re.compile(r"([\\`*_\[\]<>#^|~!])")


def escape_text(text: str) -> str:
    """Plain text as Markdown that renders exactly as the text (the passage).

    Control characters are shown as visible escapes (`printable`), never written raw.
    """
    out = []
    for line in printable(text, multiline=True).split("\n"):
        line = _TEXT_SPECIAL.sub(r"\\\1", line)
        line = re.sub(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)", r"\1\\\2", line)
        out.append(line)
    return "\n".join(out)


_BLOCK_START = re.compile(
    # headings, quotations, setext underlines, and thematic breaks in any spacing
    r"^(\s{0,3})(#|>|=+\s*$|([-*_])(?:\s*\3){2,}\s*$)"
)
_SENTINEL = "reader-sentinel ^end"
_ALLOWED_AT_TOP = frozenset({"paragraph_open", "bullet_list_open", "ordered_list_open", "fence", "code_block"})


def escape_body(body: str) -> str:
    """A note's Markdown body, defused so it cannot leave its note.

    Code (fenced or indented) is kept as written and a fence left open is closed;
    elsewhere a line that would start a heading, quotation, rule or HTML block at
    the top level is escaped, and so are block ids and link brackets, which belong
    to reader, except in wikilinks and embeds (`[[Note]]`, `![[file]]`), kept as
    written for the vault. The result is parsed once more to prove that it stays inside its
    note; if it would not, the body is written as plain text instead.
    """
    body = printable(body.replace("\r\n", "\n").replace("\r", "\n"), multiline=True)
    lines = body.split("\n")
    code = _code_lines(lines)
    out = [line if i in code else _defuse_line(line) for i, line in enumerate(lines)]
    out = _close_open_fence(out)
    text = _tidy(out)
    if not _contained(text):
        text = _tidy(escape_text("\n".join(lines)).split("\n"))
    return text


_WIKILINK = re.compile(r"!?\[\[[^\[\]\n]+\]\]")
"""A vault's wikilink or embed: [[Note]], [[Note#^block|alias]], ![[image.png]]."""


def _defuse_line(line: str) -> str:
    line = _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
    # Block ids and link syntax belong to reader; a body's are shown as typed.
    # Wikilinks and embeds are the vault's own links and stay as written: they
    # mean nothing to CommonMark, so they cannot open anything that leaks.
    out: list[str] = []
    at = 0
    for link in _WIKILINK.finditer(line):
        out.append(_defuse_text(line[at : link.start()]))
        out.append(link.group(0))
        at = link.end()
    out.append(_defuse_text(line[at:]))
    return "".join(out)


def _defuse_text(text: str) -> str:
    text = text.replace("^", "\\^").replace("[", "\\[").replace("]", "\\]")
    return re.sub(r"<(?=[!/A-Za-z?])", r"\\<", text)


def _parse(text: str) -> list[Token]:
    """The blocks of `text`: what a body may break is its export's block structure, which
    CommonMark settles before any inline parsing (emphasis, links), so that is skipped."""
    from markdown_it import MarkdownIt

    global _MD
    if _MD is None:
        _MD = MarkdownIt("commonmark").disable("inline")
    return _MD.parse(text)


_MD: MarkdownIt | None = None


def _code_lines(lines: list[str]) -> set[int]:
    """Lines inside fenced or indented code, at any depth (kept as written)."""
    keep: set[int] = set()
    for token in _parse("\n".join(lines)):
        if token.type in ("fence", "code_block") and token.map:
            keep.update(range(*token.map))
    return keep


def _close_open_fence(lines: list[str]) -> list[str]:
    """A fence still open at the end of the body would swallow the rest of the export."""
    for token in _parse("\n".join(lines)):
        if token.type != "fence" or token.level != 0 or not token.map:
            continue
        first, last = token.map
        closing = re.compile(r"^ {0,3}" + re.escape(token.markup[0]) + "{" + str(len(token.markup)) + r",}\s*$")
        if last - first < 2 or not closing.match(lines[last - 1]):
            return [*lines, token.markup]
    return lines


def _tidy(lines: list[str]) -> str:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    while lines and not lines[0].strip():
        lines = lines[1:]
    # A line of only spaces would not end a paragraph in every reader; make it empty.
    return "\n".join(line if line.strip() else "" for line in lines)


def _contained(text: str) -> bool:
    """Whether a body, followed by reader's own next line, stays inside its note."""
    tokens = _parse(f"{text}\n\n{_SENTINEL}\n" if text else _SENTINEL)
    top = [t for t in tokens if t.level == 0 and t.nesting in (0, 1)]
    if not top or any(t.type not in _ALLOWED_AT_TOP for t in top):
        return False
    last = tokens.index(top[-1])
    return top[-1].type == "paragraph_open" and tokens[last + 1].content == _SENTINEL


def safe_tag(tag: str) -> str:
    tag = re.sub(r"[^\w/-]", "-", tag, flags=re.UNICODE).strip("-")
    if not tag or tag[0].isdigit():
        tag = "t-" + tag if tag else "tag"
    return tag


def yaml_scalar(value) -> str:
    """A YAML scalar or flow sequence (JSON is valid YAML), with no control character raw."""
    return printable_json(json.dumps(value, ensure_ascii=False))
