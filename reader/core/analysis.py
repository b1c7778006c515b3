"""analyse(document) -> Analysis, and the JSON of `reader analyze` (schema version 1)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.document import Document

SCHEMA_VERSION = 1


@dataclass
class Analysis:
    """Everything the side panel shows about an article."""

    document: Document
    entities: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    topics: list = field(default_factory=list)


def analyse(doc: Document) -> Analysis:
    """Detect languages, then entities, quotations and topics."""
    from reader.core.language import detect_document

    detect_document(doc)
    return Analysis(doc)


def to_json(analysis: Analysis) -> dict:
    """The `reader analyze --json` document, version 1 (see DESIGN.md)."""
    doc = analysis.document
    return {
        "schema": SCHEMA_VERSION,
        "path": doc.source,
        "title": doc.title,
        "language": doc.language,
        "language_confidence": doc.language_confidence,
        "blocks": [
            {"id": b.id, "index": b.index, "kind": b.kind, "text": b.text, "language": b.language}
            for b in doc.blocks
        ],
        "entities": [e.to_json() for e in analysis.entities],
        "quotes": [q.to_json() for q in analysis.quotes],
        "topics": [t.to_json() for t in analysis.topics],
    }
