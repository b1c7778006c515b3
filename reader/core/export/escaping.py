"""Text and note bodies as Markdown that cannot break the structure of an export."""

from __future__ import annotations

import json
import re

_TEXT_SPECIAL = re.compile(r"([\\`*_\[\]<>#^|~!])")


def escape_text(text: str) -> str:
    """Plain text as Markdown that renders exactly as the text (the passage)."""
    out = []
    for line in text.split("\n"):
        line = _TEXT_SPECIAL.sub(r"\\\1", line)
        line = re.sub(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)", r"\1\\\2", line)
        out.append(line)
    return "\n".join(out)


_OPEN_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_BLOCK_START = re.compile(
    # headings, quotations, setext underlines, and thematic breaks in any spacing
    r"^(\s{0,3})(#|>|=+\s*$|([-*_])(?:\s*\3){2,}\s*$)"
)


def escape_body(body: str) -> str:
    """A note's Markdown body, defused so it cannot leave its note."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    fence: str | None = None  # the open fence's characters, e.g. "```"
    for line in lines:
        if fence is not None:
            out.append(line)
            stripped = line.strip()
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence) and len(line) - len(line.lstrip(" ")) <= 3:
                fence = None
            continue
        m = _OPEN_FENCE.match(line)
        if m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
            fence = m.group(2)  # a code block: kept as written, closed at the end if need be
            out.append(line)
            continue
        line = _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        # Block ids and link syntax belong to reader; a body's are shown as typed.
        line = line.replace("^", "\\^").replace("[", "\\[").replace("]", "\\]")
        line = re.sub(r"<(?=[!/A-Za-z?])", r"\\<", line)
        out.append(line)
    if fence is not None:
        out.append(fence)
    while out and not out[-1].strip():
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    # A line of only spaces would not end a paragraph in every reader; make it empty.
    return "\n".join(line if line.strip() else "" for line in out)


def safe_tag(tag: str) -> str:
    tag = re.sub(r"[^\w/-]", "-", tag, flags=re.UNICODE).strip("-")
    if not tag or tag[0].isdigit():
        tag = "t-" + tag if tag else "tag"
    return tag


def yaml_scalar(value) -> str:
    """A YAML scalar or flow sequence (JSON is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)
