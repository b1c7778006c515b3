"""Re-exporting over an earlier export: only reader's blocks change, the user's lines stay.

Exporting again replaces only the blocks between reader's markers: whatever the
user wrote around them stays where it was (after the block it followed), and
nothing of theirs is ever dropped.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from reader.core.analysis.pipeline import Analysis
from reader.core.export.escaping import yaml_scalar
from reader.core.export.markdown import render_blocks, wrap
from reader.core.notes.model import Note

_MARKER = re.compile(r"^<!-- reader:(begin|end) ([A-Za-z0-9:_-]+) -->$")
_FRONT = re.compile(r"\A---\n(.*?\n)?---\n", re.S)
_EXPORTED = re.compile(r"^exported: .*$", re.M)


def merge(existing: str, analysis: Analysis, notes: list[Note], source: str) -> str:
    """Re-export over an earlier export, keeping everything the user wrote.

    The user's text is kept after the block it followed; text after a block that
    no longer exists (a deleted note) stays after the block before that one.
    """
    front, blocks = render_blocks(analysis, notes, source, _exported_of(existing))
    body = _FRONT.sub("", existing, count=1) if existing.startswith("---\n") else existing
    old_order, user_after = _parse(body)
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


def _parse(body: str) -> tuple[list[str], dict[str, list[str]]]:
    """The order of managed blocks in a file, and the user's lines after each."""
    order: list[str] = []
    after: dict[str, list[str]] = {"top": []}
    current = "top"
    inside: str | None = None
    for line in body.splitlines(keepends=True):
        m = _MARKER.match(line.strip())
        if m and inside is None and m.group(1) == "begin":
            inside = m.group(2)
            continue
        if m and inside is not None and m.group(1) == "end" and m.group(2) == inside:
            order.append(inside)
            current = inside
            after.setdefault(current, [])
            inside = None
            continue
        if inside is None:
            after.setdefault(current, []).append(line)
    return order, after
