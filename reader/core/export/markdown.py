"""Notes to Markdown that a notes vault takes as is, and to W3C Web Annotation JSON.

The Markdown is CommonMark: YAML front matter (title, source, language, export
time, reader version, entities named in the notes, tags), the title, a `##`
section per topic holding notes, and for each note its passage as a blockquote,
a line with its place, colour and speaker, its body, its tags and a block id
`^note-ID`. Orphaned notes come last.

Everything reader writes sits between `<!-- reader:begin KEY -->` and
`<!-- reader:end KEY -->` markers, one pair per heading and per note, so that
exporting again (merge.py) replaces only those blocks.

A note's body is Markdown and is kept as such, but nothing in it can break the
structure: lines that would start a heading, quotation, rule, HTML block, link
definition or fence are escaped, unbalanced fences closed, `^` and brackets
escaped, so a body stays inside its note however it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from reader import __version__
from reader.core.analysis.kinds import NAMED_KINDS
from reader.core.analysis.results import Analysis
from reader.core.export.escaping import escape_body, escape_text, safe_tag, yaml_scalar
from reader.core.notes.anchoring import Placement, resolve
from reader.core.notes.model import Note

BEGIN = "<!-- reader:begin {key} -->"
END = "<!-- reader:end {key} -->"
ORPHANS_INTRO = "\n\nThese notes' passages are no longer in the article; each is kept with the words it was on."


@dataclass
class _Placed:
    note: Note
    place: Placement | None
    section: str | None = None
    speaker: str | None = None
    entities: list[str] = field(default_factory=list)


def place_notes(analysis: Analysis, notes: list[Note]) -> list[_Placed]:
    """Notes with where they are now, their section, speaker and entities, in reading order."""
    doc = analysis.document
    sections = [t for t in analysis.topics if t.kind == "section"]
    placed: list[_Placed] = []
    for note in notes:
        place = resolve(doc, note.anchor)
        item = _Placed(note, place)
        if place is not None:
            holders = [t for t in sections if place.block in t.blocks]
            if holders:
                item.section = max(holders, key=lambda t: t.blocks[0]).title
            for q in analysis.quotes:
                if any(p.block == place.block and p.start < place.end and place.start < p.end for p in q.parts):
                    item.speaker = q.speaker
                    break
            for e in analysis.entities:
                if e.kind in NAMED_KINDS and any(
                    m.block == place.block and m.start < place.end and place.start < m.end for m in e.mentions
                ):
                    item.entities.append(e.name)
        placed.append(item)
    placed.sort(key=lambda p: (p.place is None, (p.place.block, p.place.start) if p.place else (0, 0), p.note.created))
    return placed


def render_blocks(
    analysis: Analysis, notes: list[Note], source: str, exported: str | None = None
) -> tuple[str, list[tuple[str, str]]]:
    """The front matter and the managed blocks (key, Markdown) of an export."""
    doc = analysis.document
    placed = place_notes(analysis, notes)
    entities: list[str] = []
    tags: list[str] = []
    for p in placed:
        for name in p.entities:
            if name not in entities:
                entities.append(name)
        for t in p.note.tags:
            if safe_tag(t) not in tags:
                tags.append(safe_tag(t))
    exported = exported or datetime.now(UTC).isoformat(timespec="seconds")
    front = "\n".join(
        [
            "---",
            f"title: {yaml_scalar(doc.title)}",
            f"source: {yaml_scalar(source)}",
            f"language: {yaml_scalar(analysis.language)}",
            f"exported: {yaml_scalar(exported)}",
            f"reader_version: {yaml_scalar(__version__)}",
            f"entities: {yaml_scalar(entities)}",
            f"tags: {yaml_scalar(tags)}",
            f"notes: {len(notes)}",
            "---",
            "",
        ]
    )
    blocks: list[tuple[str, str]] = [("title", f"# {escape_text(doc.title)}")]
    current: object = object()
    unsectioned = "Opening" if any(x.section for x in placed) else "Notes"
    for p in placed:
        heading = "Orphaned notes" if p.place is None else (p.section or unsectioned)
        if heading != current:
            current = heading
            key = "orphans" if p.place is None else "section-" + _slug(heading)
            intro = "" if p.place is not None else ORPHANS_INTRO
            blocks.append((key, f"## {escape_text(heading)}{intro}"))
        blocks.append((f"note-{p.note.id}", _render_note(p)))
    return front, blocks


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40] or "section"


def _render_note(p: _Placed) -> str:
    note = p.note
    passage = note.anchor.exact.strip() or "(empty passage)"
    quote = "\n".join("> " + line if line else ">" for line in escape_text(passage).split("\n"))
    where = f"¶ {p.place.block + 1}" if p.place else f"was ¶ {note.anchor.block + 1}"
    meta = [where, note.color]
    if p.speaker:
        meta.append(f"said by {escape_text(p.speaker)}")
    parts = [quote, " · ".join(meta)]
    body = escape_body(note.body)
    if body:
        parts.append(body)
    tail = " ".join(f"#{safe_tag(t)}" for t in note.tags)
    parts.append((tail + " " if tail else "") + f"^note-{note.id}")
    return "\n\n".join(parts)


def render(analysis: Analysis, notes: list[Note], source: str, exported: str | None = None) -> str:
    """A fresh export as one Markdown text."""
    front, blocks = render_blocks(analysis, notes, source, exported)
    return front + "\n" + "\n\n".join(wrap(key, text) for key, text in blocks) + "\n"


def wrap(key: str, text: str) -> str:
    """A managed block between its markers."""
    return f"{BEGIN.format(key=key)}\n{text}\n{END.format(key=key)}"
