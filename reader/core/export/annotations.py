"""Notes as W3C Web Annotation JSON (an AnnotationCollection)."""

from __future__ import annotations

from pathlib import Path

from reader.core.article.model import Document
from reader.core.notes.anchoring import resolve
from reader.core.notes.model import Note


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
        anchor = note.anchor
        selectors: list[dict] = [
            {"type": "TextQuoteSelector", "exact": anchor.exact, "prefix": anchor.prefix, "suffix": anchor.suffix}
        ]
        if place is not None:
            offset = starts[place.block]
            selectors.append({"type": "TextPositionSelector", "start": offset + place.start, "end": offset + place.end})
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
