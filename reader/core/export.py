"""Notes to Markdown that a notes vault takes as is, and to W3C Web Annotation JSON.

The Markdown is CommonMark: YAML front matter (title, source, language, export
time, reader version, entities named in the notes, tags), the title, a `##`
section per topic holding notes, and for each note its passage as a blockquote,
a line with its place, colour and speaker, its body, its tags and a block id
`^note-ID`. Orphaned notes come last.

Everything reader writes sits between `<!-- reader:begin KEY -->` and
`<!-- reader:end KEY -->` markers, one pair per heading and per note. Exporting
again replaces only those blocks: whatever the user wrote around them stays where
it was (after the block it followed), and nothing of theirs is ever dropped.

A note's body is Markdown and is kept as such, but nothing in it can break the
structure: lines that would start a heading, quotation, rule, HTML block, link
definition or fence are escaped, unbalanced fences closed, `^` and brackets
escaped, so a body stays inside its note however it is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from reader import __version__
from reader.core.analysis import Analysis
from reader.core.anchoring import Placement, resolve
from reader.core.document import Document
from reader.core.notes import Note

BEGIN = "<!-- reader:begin {key} -->"
END = "<!-- reader:end {key} -->"
_MARKER = re.compile(r"^<!-- reader:(begin|end) ([A-Za-z0-9:_-]+) -->$")
_FRONT = re.compile(r"\A---\n(.*?\n)?---\n", re.S)
_EXPORTED = re.compile(r"^exported: .*$", re.M)


@dataclass
class _Placed:
    note: Note
    place: Placement | None
    section: str | None = None
    speaker: str | None = None
    entities: list[str] = field(default_factory=list)


# -- escaping -------------------------------------------------------------------------

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


def _yaml(value) -> str:
    """A YAML scalar or flow sequence (JSON is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


# -- placing notes ---------------------------------------------------------------------


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
                if e.kind in ("PERSON", "ORG", "PLACE") and any(
                    m.block == place.block and m.start < place.end and place.start < m.end for m in e.mentions
                ):
                    item.entities.append(e.name)
        placed.append(item)
    placed.sort(key=lambda p: (p.place is None, (p.place.block, p.place.start) if p.place else (0, 0), p.note.created))
    return placed


# -- Markdown -------------------------------------------------------------------------


def render_blocks(analysis: Analysis, notes: list[Note], source: str, exported: str | None = None) -> tuple[str, list[tuple[str, str]]]:
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
    exported = exported or datetime.now(timezone.utc).isoformat(timespec="seconds")
    front = "\n".join(
        [
            "---",
            f"title: {_yaml(doc.title)}",
            f"source: {_yaml(source)}",
            f"language: {_yaml(doc.language)}",
            f"exported: {_yaml(exported)}",
            f"reader_version: {_yaml(__version__)}",
            f"entities: {_yaml(entities)}",
            f"tags: {_yaml(tags)}",
            f"notes: {len(notes)}",
            "---",
            "",
        ]
    )
    blocks: list[tuple[str, str]] = [("title", f"# {escape_text(doc.title)}")]
    current: object = object()
    for p in placed:
        heading = "Orphaned notes" if p.place is None else (p.section or ("Notes" if not any(x.section for x in placed) else "Opening"))
        if heading != current:
            current = heading
            key = "orphans" if p.place is None else "section-" + _slug(heading)
            intro = "\n\nThese notes' passages are no longer in the article; each is kept with the words it was on." if p.place is None else ""
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
    return front + "\n" + "\n\n".join(_wrap(key, text) for key, text in blocks) + "\n"


def _wrap(key: str, text: str) -> str:
    return f"{BEGIN.format(key=key)}\n{text}\n{END.format(key=key)}"


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
        out.append(_wrap(key, text))
        extra = "".join(carried.get(key, [])).strip("\n")
        if extra:
            out.append(extra)
    result = front + "\n" + "\n\n".join(out) + "\n"
    previous = _EXPORTED.sub("", existing)
    if _EXPORTED.sub("", result) == previous:
        return existing  # nothing changed: the same file, timestamp included
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return _EXPORTED.sub(f"exported: {_yaml(now)}", result, count=1)


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


# -- files -----------------------------------------------------------------------------


def export_article(store, doc, fmt: str = "md", existing: str | None = None, analysis=None) -> str:
    """The export text of one article's notes (merged into `existing` if given)."""
    from reader.core.analysis import analyse
    from reader.core.notes import article_key, article_record

    notes = store.notes_for(article_key(doc))
    source = article_record(doc).source
    if fmt == "json":
        return json.dumps(to_web_annotations(doc, notes, source), ensure_ascii=False, indent=1) + "\n"
    analysis = analysis or analyse(doc)
    if existing:
        return merge(existing, analysis, notes, source)
    return render(analysis, notes, source)


def write_export(path: Path, render_text) -> Path:
    """Write (or re-export over) a file atomically; `render_text(existing)` makes the text."""
    from reader.core.errors import ReaderError
    from reader.core.storage import atomic_write

    try:
        existing = path.read_text(encoding="utf-8") if path.exists() else None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReaderError(f"{path}: cannot read the earlier export ({exc})") from None
    text = render_text(existing)
    if text != existing:
        atomic_write(path, text.encode("utf-8"))
    return path


# -- file names -----------------------------------------------------------------------

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_filename(title: str, suffix: str = ".md", limit: int = 100) -> str:
    """A file name from a title, valid on Windows, macOS and Linux."""
    name = re.sub(r"[\x00-\x1f\x7f<>:\"/\\|?*]+", " ", title)
    name = re.sub(r"\s+", " ", name).strip().strip(".")
    name = name.replace("..", ".")
    if len(name) > limit:
        cut = name.rfind(" ", 0, limit)
        name = name[: cut if cut > limit // 2 else limit].rstrip(" .")
    if not name or name.split(".")[0].casefold() in _RESERVED:
        name = f"article {name}".strip()
    return name + suffix


# -- W3C Web Annotation --------------------------------------------------------------------


def to_web_annotations(doc: Document, notes: list[Note], source: str) -> dict:
    """An AnnotationCollection with TextQuote and TextPosition selectors.

    Positions count characters in the article's text as the blocks joined by
    single newlines.
    """
    starts = []
    pos = 0
    for block in doc.blocks:
        starts.append(pos)
        pos += len(block.text) + 1
    target_source = Path(source).resolve().as_uri() if source not in ("", "-") else "urn:reader:stdin"
    items = []
    for note in notes:
        place = resolve(doc, note.anchor)
        selectors: list[dict] = [
            {"type": "TextQuoteSelector", "exact": note.anchor.exact, "prefix": note.anchor.prefix, "suffix": note.anchor.suffix}
        ]
        if place is not None:
            selectors.append(
                {"type": "TextPositionSelector", "start": starts[place.block] + place.start, "end": starts[place.block] + place.end}
            )
        body: list[dict] = []
        if note.body:
            body.append({"type": "TextualBody", "value": note.body, "format": "text/markdown", "purpose": "commenting"})
        body += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in note.tags]
        items.append(
            {
                "id": f"urn:reader:note:{note.id}",
                "type": "Annotation",
                "motivation": "commenting" if note.body else "highlighting",
                "created": note.created,
                "modified": note.updated,
                "body": body,
                "target": {"source": target_source, "selector": selectors},
                "reader:color": note.color,
            }
        )
    return {
        "@context": ["http://www.w3.org/ns/anno.jsonld", {"reader": "urn:reader:"}],
        "type": "AnnotationCollection",
        "label": doc.title,
        "total": len(items),
        "items": items,
    }
