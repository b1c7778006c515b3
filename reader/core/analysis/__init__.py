"""What an article is made of: languages, entities, quotations with speakers, topics.

`analyse(document)` runs the stages of pipeline.py; each stage takes plain data and
returns plain, typed data. Language rules live in lang/<code>.toml (lexicon.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.analysis.kinds import NAMED_KINDS, EntityKind
    from reader.core.analysis.pipeline import SCHEMA_VERSION, analyse, to_json
    from reader.core.analysis.results import Analysis, Entity, Languages, Mention, Quote, QuotePart, Topic
    from reader.core.analysis.stored import ANALYSER_VERSION, StoredAnalysisError, from_stored, to_stored

_EXPORTS = {
    "Analysis": "results",
    "analyse": "pipeline",
    "to_json": "pipeline",
    "SCHEMA_VERSION": "pipeline",
    "Entity": "results",
    "Languages": "results",
    "Mention": "results",
    "Quote": "results",
    "QuotePart": "results",
    "Topic": "results",
    "EntityKind": "kinds",
    "NAMED_KINDS": "kinds",
    "ANALYSER_VERSION": "stored",
    "StoredAnalysisError": "stored",
    "from_stored": "stored",
    "to_stored": "stored",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
