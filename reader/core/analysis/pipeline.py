"""analyse(document) -> Analysis, and the JSON of `reader analyze` (schema version 1)."""

from __future__ import annotations

from dataclasses import replace

from reader.core.analysis.results import Analysis, Entity, Quote
from reader.core.article.model import Document
from reader.core.article.prose import without_code

SCHEMA_VERSION = 1


def analyse(doc: Document) -> Analysis:
    """Detect languages, then entities, quotations (with speakers) and topics.

    Code blocks are read as blank (`without_code`): a string literal is no
    quotation and a class name no person. Offsets and block indices are the same.
    """
    from reader.core.analysis.entities import find_entities
    from reader.core.analysis.language import detect_languages
    from reader.core.analysis.quotes import find_quotes
    from reader.core.analysis.speakers import attribute
    from reader.core.analysis.tokens import tokenize
    from reader.core.analysis.topics import find_topics

    prose = without_code(doc)
    tokens = [tokenize(b.text) for b in prose.blocks]
    languages = detect_languages(prose, tokens)
    found = find_entities(prose, tokens, languages.document)
    quotes = find_quotes(prose)
    speakers = attribute(prose, tokens, quotes, found, languages.document)
    quotes = [_said_by(q, speakers.get(q.id)) for q in quotes]
    topics = find_topics(prose, tokens, found.entities, languages.document)
    return Analysis(doc, languages, found.entities, quotes, topics)


def _said_by(quote: Quote, speaker: Entity | None) -> Quote:
    """The quotation with its speaker's name and id (None where the text names none)."""
    if speaker is None:
        return quote
    return replace(quote, speaker=speaker.name, speaker_id=speaker.id)


def to_json(analysis: Analysis) -> dict:
    """The `reader analyze --json` document, version 1 (described in README.md)."""
    doc = analysis.document
    languages = analysis.languages
    return {
        "schema": SCHEMA_VERSION,
        "path": doc.source,
        "title": doc.title,
        "language": languages.document,
        "language_confidence": languages.confidence,
        "blocks": [
            {"id": b.id, "index": b.index, "kind": b.kind, "text": b.text, "language": code}
            for b, code in zip(doc.blocks, languages.blocks)
        ],
        "entities": [e.to_json() for e in analysis.entities],
        "quotes": [q.to_json() for q in analysis.quotes],
        "topics": [t.to_json() for t in analysis.topics],
    }
