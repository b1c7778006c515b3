"""Who said each quotation, where the text says so; None where it does not.

Quotation by quotation, in reading order: the candidates and their evidence
(speaker_evidence.py) are weighed by the fitted weights (speaker_model.py), and
the best candidate speaks unless "nobody named" scores better. The speaker found
for one quotation is evidence for the next (a quotation that goes on, "he said").
A headline's quotation that the body quotes again takes the body's speaker.
"""

from __future__ import annotations

from collections import Counter

from reader.core.analysis import lexicon
from reader.core.analysis.entities import EntityFindings
from reader.core.analysis.quote_frames import ArticleItems
from reader.core.analysis.results import Entity, Quote
from reader.core.analysis.speaker_evidence import Choice, EvidenceReader
from reader.core.analysis.speaker_model import score
from reader.core.analysis.tokens import Token
from reader.core.article.model import Document

CROWDED = 40
"""A paragraph holding more quotations than this is no prose read for its speakers (a
list of quoted terms, a dump, a hostile input): its quotations keep no speaker, and
the evidence for each, read in a sentence that long, is not gathered at all."""


def attribute(
    doc: Document, tokens: list[list[Token]], quotes: list[Quote], found: EntityFindings, language: str
) -> dict[str, Entity]:
    """Who said each quotation: quotation id -> the speaking entity, for the
    quotations whose speaker the text names."""
    reader = reader_for(doc, tokens, quotes, found, language)
    speakers: dict[str, Entity] = {}
    previous: Entity | None = None
    per_block = Counter(q.block for q in quotes)
    for i, q in enumerate(quotes):
        if per_block[q.block] > CROWDED:
            continue  # found and shown, their speakers left unnamed
        speaker = best(reader.choices(i, previous))
        if speaker is not None:
            speakers[q.id] = speaker
            previous = speaker
    _echoed_headlines(doc, quotes, speakers)
    return speakers


def _echoed_headlines(doc: Document, quotes: list[Quote], speakers: dict[str, Entity]) -> None:
    """A headline's quotation that the body quotes again has the body's speaker:
    "North Korea puts military in 'quasi-state of war'" ... KCNA: ... "quasi-state of war"."""
    for q in quotes:
        if q.id in speakers or not (q.block == 0 or doc.blocks[q.block].kind == "heading"):
            continue
        words = " ".join(q.text.casefold().split()).strip(" .,;:!?")
        for other in quotes:
            if other.block > q.block and other.id in speakers and words in " ".join(other.text.casefold().split()):
                speakers[q.id] = speakers[other.id]
                break


def reader_for(
    doc: Document, tokens: list[list[Token]], quotes: list[Quote], found: EntityFindings, language: str
) -> EvidenceReader:
    """The evidence reader of an article (the fitting tool reads the same evidence)."""
    return EvidenceReader(ArticleItems(doc, tokens, found.entities), quotes, found.roles, lexicon.get(language))


def best(choices: list[Choice]) -> Entity | None:
    """The entity of the best-scoring choice; None when "nobody named" scores best.
    On a tie the earlier choice wins (nobody comes first)."""
    top = max(range(len(choices)), key=lambda k: (score(choices[k].features), -k))
    return choices[top].entity
