"""An analysis kept by the library reads back as exactly what was analysed, or not at all."""

import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.analysis import ANALYSER_VERSION, StoredAnalysisError, analyse, from_stored, to_json, to_stored
from reader.core.article import load, parse
from tests.conftest import ROOT
from tests.core.test_analysis_properties import texts

ARTICLES = [ROOT / "seeds" / "meta-ai-layoffs-it.txt", *sorted((ROOT / "tests" / "data").glob("*.txt")),
            *sorted((ROOT / "tests" / "data" / "markdown").glob("*.md"))]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_round_trip_through_json_is_exact(path):
    doc = load(path)
    analysis = analyse(doc)
    stored = json.loads(json.dumps(to_stored(analysis), ensure_ascii=False))
    again = from_stored(stored, doc)
    assert again == analysis
    assert to_json(again) == to_json(analysis)


def test_stored_form_is_to_json_without_the_blocks_text(sample_path):
    doc = load(sample_path)
    analysis = analyse(doc)
    stored, full = to_stored(analysis), to_json(analysis)
    assert stored["analyser"] == ANALYSER_VERSION
    assert stored["blocks"] == [b["language"] for b in full["blocks"]]
    assert {k: v for k, v in stored.items() if k not in ("blocks", "analyser")} | {"quotes": full["quotes"]} == {
        k: v for k, v in full.items() if k != "blocks"
    }
    assert all(b.text not in json.dumps(stored, ensure_ascii=False) for b in doc.blocks if len(b.text) > 200)


def test_speaker_ids_and_nesting_survive(sample_path):
    analysis = analyse(load(sample_path))
    assert any(q.speaker_id for q in analysis.quotes)
    again = from_stored(to_stored(analysis), analysis.document)
    assert [(q.speaker_id, q.nested_in) for q in again.quotes] == [(q.speaker_id, q.nested_in) for q in analysis.quotes]


def test_another_analyser_version_is_refused(sample_path):
    analysis = analyse(load(sample_path))
    stored = to_stored(analysis)
    for version in (ANALYSER_VERSION - 1, ANALYSER_VERSION + 1, None):
        with pytest.raises(StoredAnalysisError, match="not this version"):
            from_stored({**stored, "analyser": version}, analysis.document)


def test_a_cache_that_does_not_fit_the_article_is_refused(sample_path):
    doc = load(sample_path)
    stored = to_stored(analyse(doc))
    shorter = replace(doc, blocks=doc.blocks[:-1])
    with pytest.raises(StoredAnalysisError, match="blocks stored"):
        from_stored(stored, shorter)
    changed = parse(doc.text.replace("LeCun", "LeCan"), markdown=False, source=doc.source)
    with pytest.raises(StoredAnalysisError, match="LeCun"):
        from_stored(stored, changed)


@pytest.mark.parametrize(
    "damage",
    [lambda s: s.pop("entities"), lambda s: s["entities"][0].update(kind="ALIEN"),
     lambda s: s["quotes"][0].update(block=10_000), lambda s: s["topics"][0].update(blocks="abc"),
     lambda s: s.update(language_confidence="high")],
)
def test_malformed_data_is_refused_never_raised_otherwise(sample_path, damage):
    doc = load(sample_path)
    stored = to_stored(analyse(doc))
    damage(stored)
    with pytest.raises(StoredAnalysisError):
        from_stored(stored, doc)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.booleans())
def test_any_analysis_round_trips(text, markdown):
    doc = parse(("# Titolo\n\n" if markdown else "Titolo\n") + text, markdown=markdown)
    analysis = analyse(doc)
    assert from_stored(json.loads(json.dumps(to_stored(analysis))), doc) == analysis
