"""Re-exporting over an earlier export: only reader's blocks and keys change, the user's lines stay.

Exporting again replaces only what reader wrote: the blocks between its markers,
and its own keys in the front matter (READER_KEYS). Whatever the user wrote around
the blocks stays where it was (after the block it followed), and every other
front-matter key stays as written.

A marker is read as one only where Markdown reads it as an HTML comment of its own
at the top level, never inside a code block, quotation or list: so no note body,
whatever it holds, can end its block early. When the markers cannot be trusted
(missing, unpaired or duplicated), `merge` refuses (MergeRefused names the line)
rather than guess what is whose: the caller leaves the file as it was.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from reader.core.analysis.results import Analysis
from reader.core.errors import ReaderError
from reader.core.export.escaping import yaml_scalar
from reader.core.export.markdown import render_blocks, wrap
from reader.core.notes.model import Note

READER_KEYS = ("title", "source", "language", "exported", "reader_version", "entities", "tags", "notes")
"""The front-matter keys reader owns and rewrites; every other key is the user's."""

_MARKER = re.compile(r"^<!-- reader:(begin|end) ([A-Za-z0-9:_-]+) -->$")
_EXPORTED = re.compile(r"^exported: .*$", re.M)
_FRONT_KEY = re.compile(r"""^(?:"([^"]*)"|'([^']*)'|([^\s#'"\-][^:]*?))\s*:(?:\s|$)""")
_MD = None


class MergeRefused(ReaderError):
    """An earlier export whose markers cannot be trusted; nothing is written over it."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        super().__init__(f"line {line}: {problem}" if line else problem)
        self.problem = problem
        self.line = line


def merge(existing: str, analysis: Analysis, notes: list[Note], source: str) -> str:
    """Re-export over an earlier export, keeping everything the user wrote.

    The user's text is kept after the block it followed; text after a block that
    no longer exists (a deleted note) stays after the block before that one.

    Raises:
        MergeRefused: when the markers are missing, unpaired or duplicated, or the
            front matter is never closed (the line is named).
    """
    front, blocks = render_blocks(analysis, notes, source, _exported_of(existing))
    old_front, body, first_line = _split_front(existing)
    old_order, user_after = _user_text(body, first_line)
    if old_front is not None:
        front = _merge_front(old_front, front)
    new_keys = [k for k, _ in blocks]
    # Carry text from vanished blocks back to the nearest surviving earlier block.
    carried: dict[str, list[str]] = {key: [] for key in ["top", *new_keys]}
    last_alive = "top"
    for key in ["top", *old_order]:
        if key in carried:
            last_alive = key
        carried[last_alive].extend(user_after.get(key, []))
    out = []
    top = "".join(carried["top"]).strip("\n")
    if top:
        out.append(top)
    for key, text in blocks:
        out.append(wrap(key, text))
        extra = "".join(carried.get(key, [])).strip("\n")
        if extra:
            out.append(extra)
    result = front + "\n" + "\n\n".join(out) + "\n"
    previous = _EXPORTED.sub("", existing)
    if _EXPORTED.sub("", result) == previous:
        return existing  # nothing changed: the same file, timestamp included
    now = datetime.now(UTC).isoformat(timespec="seconds")
    return _EXPORTED.sub(f"exported: {yaml_scalar(now)}", result, count=1)


def _exported_of(text: str) -> str | None:
    m = _EXPORTED.search(text)
    if not m:
        return None
    try:
        return json.loads(m.group(0).split(":", 1)[1].strip())
    except ValueError:
        return None


# -- the front matter ---------------------------------------------------------------


def _split_front(text: str) -> tuple[list[str] | None, str, int]:
    """(the front matter's lines, or None; the body; the body's first line number, from 1)."""
    if not text.startswith("---\n"):
        return None, text, 1
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if lines[i] in ("---", "..."):
            return lines[1:i], "\n".join(lines[i + 1 :]), i + 2
    raise MergeRefused("the front matter that opens on line 1 is never closed by a line '---'", 1)


def _front_entries(lines: list[str]) -> list[tuple[str | None, list[str]]]:
    """Top-level keys with their lines (a value may run on over indented or `- ` lines);
    comments and blank lines stand on their own."""
    entries: list[tuple[str | None, list[str]]] = []
    for line in lines:
        m = _FRONT_KEY.match(line)
        if m:
            entries.append((next(g for g in m.groups() if g is not None).strip(), [line]))
        elif entries and line[:1] in (" ", "\t", "-") and line.strip():
            entries[-1][1].append(line)
        else:
            entries.append((None, [line]))
    return entries


def _merge_front(old: list[str], new_front: str) -> str:
    """Reader's keys rewritten in place; every other key, comment and line kept as written."""
    new_lines = new_front.split("\n")[1:-2]  # between the two '---' lines
    ours = {line.split(":", 1)[0]: line for line in new_lines}
    out: list[str] = []
    done: set[str] = set()
    for key, lines in _front_entries(old):
        if key in ours and key not in done:
            out.append(ours[key])
            done.add(key)
        else:
            out.extend(lines)
    out.extend(line for key, line in ours.items() if key not in done)
    return "\n".join(["---", *out, "---", ""])


# -- the body -----------------------------------------------------------------------


def _markdown():
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt

        _MD = MarkdownIt("commonmark")
    return _MD


def _markers(body: str) -> tuple[list[tuple[int, str, str]], dict[str, int]]:
    """Reader's markers as (line index, "begin" or "end", key), and the lines that look
    like a marker but are not read as one (inside code, a quotation or a comment)."""
    lines = body.split("\n")
    found: list[tuple[int, str, str]] = []
    # A lone CR would count as a line break for the parser, not for us: line numbers must agree.
    for token in _markdown().parse(re.sub(r"\r(?!\n)", " ", body)):
        if token.type != "html_block" or token.level != 0 or not token.map:
            continue
        start, end = token.map
        text = [line for line in lines[start:end] if line.strip()]
        m = _MARKER.match(text[0].strip()) if len(text) == 1 and lines[start].strip() else None
        if m:
            found.append((start, m.group(1), m.group(2)))
    real = {i for i, _, _ in found}
    loose: dict[str, int] = {}
    for i, line in enumerate(lines):
        m = _MARKER.match(line.strip())
        if m and i not in real:
            loose.setdefault(f"{m.group(1)} {m.group(2)}", i)
    return found, loose


def _user_text(body: str, first_line: int) -> tuple[list[str], dict[str, list[str]]]:
    """The order of managed blocks in a file, and the user's lines after each.

    Raises:
        MergeRefused: naming the line of the first marker that does not pair up.
    """
    markers, loose = _markers(body)

    def refuse(problem: str, index: int | None, looks: str | None = None) -> MergeRefused:
        hint = ""
        if looks and looks in loose:
            hint = (
                f" (line {loose[looks] + first_line} looks like it, but sits inside a code block, "
                "quotation or HTML comment above it)"
            )
        return MergeRefused(problem + hint, None if index is None else index + first_line)

    spans: list[tuple[int, int, str]] = []
    opened: tuple[int, str] | None = None
    seen: dict[str, int] = {}
    for index, kind, key in markers:
        if kind == "begin":
            if opened is not None:
                raise refuse(
                    f"<!-- reader:begin {key} --> comes before <!-- reader:end {opened[1]} --> "
                    f"closes the block opened on line {opened[0] + first_line}",
                    index,
                    f"end {opened[1]}",
                )
            if key in seen:
                first = seen[key] + first_line
                raise refuse(f"<!-- reader:begin {key} --> appears twice (first on line {first})", index)
            opened = (index, key)
            seen[key] = index
        elif opened is None:
            missing = f"<!-- reader:end {key} --> closes no block: its reader:begin is missing"
            raise refuse(missing, index, f"begin {key}")
        elif key != opened[1]:
            raise refuse(
                f"<!-- reader:end {key} --> does not close <!-- reader:begin {opened[1]} --> "
                f"on line {opened[0] + first_line}",
                index,
            )
        else:
            spans.append((opened[0], index, key))
            opened = None
    if opened is not None:
        raise refuse(f"<!-- reader:begin {opened[1]} --> is never closed", opened[0], f"end {opened[1]}")
    if not spans and body.strip():
        looks = next(iter(loose), None)
        raise refuse("no reader:begin/end markers: this is not an earlier export of reader", None, looks)

    order: list[str] = []
    after: dict[str, list[str]] = {"top": []}
    current = "top"
    span = iter(spans)
    next_span = next(span, None)
    inside = False
    lines = body.split("\n")
    for index, text in enumerate(lines):
        line = text + "\n" if index < len(lines) - 1 else text
        if next_span is not None and index == next_span[0]:
            inside = True
            continue
        if inside:
            if index == next_span[1]:  # type: ignore[index]
                inside = False
                current = next_span[2]  # type: ignore[index]
                order.append(current)
                after.setdefault(current, [])
                next_span = next(span, None)
            continue
        after.setdefault(current, []).append(line)
    return order, after
