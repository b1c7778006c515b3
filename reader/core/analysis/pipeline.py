"""analyse(document) -> Analysis, and the JSON of `reader analyze` (schema version 1)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.article.model import Document

SCHEMA_VERSION = 1


@dataclass
class Analysis:
    """Everything the side panel shows about an article."""

    document: Document
    entities: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    topics: list = field(default_factory=list)


def analyse(doc: Document) -> Analysis:
    """Detect languages, then entities, quotations (with speakers) and topics."""
    from reader.core.analysis.entities import find_entities
    from reader.core.analysis.language import detect_document
    from reader.core.analysis.quotes import find_quotes
    from reader.core.analysis.speakers import attribute
    from reader.core.analysis.tokens import tokenize
    from reader.core.analysis.topics import find_topics

    tokens = [tokenize(b.text) for b in doc.blocks]
    detect_document(doc, tokens)
    entities = find_entities(doc, tokens)
    quotes = find_quotes(doc)
    attribute(doc, tokens, quotes, entities)
    topics = find_topics(doc, tokens, entities)
    return Analysis(doc, entities, quotes, topics)


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
