"""An analysis kept on disk and read back: the library's cache of analyses.

The stored form is `reader analyze --json` (schema 1, `to_json`) without the
blocks' text, which the library keeps once, in its copy of the article: each
block keeps only its language. Two fields `to_json` leaves out are added, so that
what is read back equals what was analysed: a quotation's `speaker_id` and
`nested_in`. `ANALYSER_VERSION` says which analyser wrote it: a cache written by
another version is not used (the article is analysed again when next needed).

Reading back checks the stored analysis against the document it is for (the
same number of blocks; every mention's text where it says it is), so a cache that
does not fit its article is refused, never shown.
"""

from __future__ import annotations

from typing import Any

from reader.core.analysis.kinds import EntityKind
from reader.core.analysis.pipeline import SCHEMA_VERSION, to_json
from reader.core.analysis.results import Analysis, Entity, Languages, Mention, Quote, QuotePart, Topic
from reader.core.article.model import Document

ANALYSER_VERSION = 3
"""Which analyser's results a stored analysis holds. Raise it with every change
that alters what `analyse` returns, or how an article is cut into blocks (the
expected outputs in tests/data/analysis/ change then: tests/test_analyser_version.py
says so): the library then analyses each article again the next time it is needed."""


class StoredAnalysisError(ValueError):
    """A stored analysis that cannot be read back for this document."""


def to_stored(analysis: Analysis) -> dict[str, Any]:
    """The analysis as JSON data to keep: `to_json` without the blocks' text."""
    data = to_json(analysis)
    data["analyser"] = ANALYSER_VERSION
    data["blocks"] = [block["language"] for block in data["blocks"]]
    for quote, stored in zip(analysis.quotes, data["quotes"]):
        if quote.speaker_id is not None:
            stored["speaker_id"] = quote.speaker_id
        if quote.nested_in is not None:
            stored["nested_in"] = quote.nested_in
    return data


def from_stored(data: Any, document: Document) -> Analysis:
    """The analysis kept in `data`, for `document` (the article it was made from).

    Raises:
        StoredAnalysisError: data of another schema or analyser version, malformed,
            or not fitting the document.
    """
    try:
        return _read(data, document)
    except StoredAnalysisError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise StoredAnalysisError(f"malformed stored analysis ({type(exc).__name__}: {exc})") from None


def _read(data: Any, doc: Document) -> Analysis:
    if not isinstance(data, dict):
        raise StoredAnalysisError("not an object")
    if data.get("schema") != SCHEMA_VERSION or data.get("analyser") != ANALYSER_VERSION:
        raise StoredAnalysisError(f"schema {data.get('schema')}, analyser {data.get('analyser')}: not this version")
    blocks = data["blocks"]
    if len(blocks) != len(doc.blocks):
        raise StoredAnalysisError(f"{len(blocks)} blocks stored, the article has {len(doc.blocks)}")
    languages = Languages(str(data["language"]), float(data["language_confidence"]), tuple(str(b) for b in blocks))
    entities = [_entity(e, doc) for e in data["entities"]]
    quotes = [_quote(q, doc) for q in data["quotes"]]
    topics = [
        Topic(str(t["id"]), str(t["kind"]), str(t["title"]), tuple(_block(b, doc) for b in t["blocks"]))
        for t in data["topics"]
    ]
    return Analysis(doc, languages, entities, quotes, topics)


def _block(index: Any, doc: Document) -> int:
    if not isinstance(index, int) or not 0 <= index < len(doc.blocks):
        raise StoredAnalysisError(f"block {index!r} is not in the article")
    return index


def _span(block: Any, start: Any, end: Any, doc: Document) -> tuple[int, int, int]:
    b = _block(block, doc)
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(doc.blocks[b].text)):
        raise StoredAnalysisError(f"offsets {start!r}-{end!r} are not in block {b}")
    return b, start, end


def _entity(data: dict, doc: Document) -> Entity:
    mentions = []
    for m in data["mentions"]:
        block, start, end = _span(m["block"], m["start"], m["end"], doc)
        text = str(m["text"])
        if doc.blocks[block].text[start:end] != text:
            raise StoredAnalysisError(f"mention {text!r} is not at block {block}, {start}-{end}")
        mentions.append(Mention(block, start, end, text))
    return Entity(
        str(data["id"]),
        str(data["name"]),
        EntityKind(data["kind"]),
        tuple(str(a) for a in data["aliases"]),
        tuple(mentions),
    )


def _quote(data: dict, doc: Document) -> Quote:
    raw_parts = data.get("parts") or [{"block": data["block"], "start": data["start"], "end": data["end"]}]
    parts = tuple(QuotePart(*_span(p["block"], p["start"], p["end"], doc)) for p in raw_parts)
    speaker = data.get("speaker")
    speaker_id = data.get("speaker_id")
    nested_in = data.get("nested_in")
    return Quote(
        parts,
        str(data["text"]),
        speaker=None if speaker is None else str(speaker),
        speaker_id=None if speaker_id is None else str(speaker_id),
        nested_in=None if nested_in is None else int(nested_in),
        id=str(data["id"]),
    )
