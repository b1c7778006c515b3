"""Property tests: offsets always point at their text; analysis is deterministic."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.analysis import analyse, to_json
from reader.core.article import parse

WORDS = [
    "Mario Rossi", "ha detto", "«", "»", "\"", "“", "”", "„", "‘", "’", "'", "la", "Banca d'Italia",
    "secondo", "Meta's", "l'ONU", "OpenAI", "said", "Angela Merkel", "sagte", ".", ",", ":", "\n",
    "in", "Roma", "the", "New York", "il", "ministro", "(MSL)", "Meta Superintelligence Labs", "e",
    "and", "Dr.", "J.", "according to", "—", "Zuckerberg", "a déclaré", "dijo", "según", "X",
]

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=80).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_offsets_in_range_and_text_matches(text):
    result = analyse(parse("Titolo\n" + text, markdown=False))
    blocks = result.document.blocks
    for e in result.entities:
        assert e.mentions
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(blocks[m.block].text)
            assert blocks[m.block].text[m.start : m.end] == m.text
    for q in result.quotes:
        for p in q.parts:
            assert 0 <= p.start < p.end <= len(blocks[p.block].text)
        if len(q.parts) == 1:
            assert blocks[q.block].text[q.start : q.end] == q.text
        else:
            assert q.text == " ".join(blocks[p.block].text[p.start : p.end] for p in q.parts)
        assert q.speaker is None or q.speaker in {e.name for e in result.entities}
    for t in result.topics:
        assert all(0 <= b < len(blocks) for b in t.blocks)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_analysis_is_deterministic(text):
    doc = "Titolo\n" + text
    first = to_json(analyse(parse(doc, markdown=False)))
    second = to_json(analyse(parse(doc, markdown=False)))
    assert first == second


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_analysis_leaves_the_document_as_it_was(text):
    doc = parse("Titolo\n" + text, markdown=False)
    before = repr(doc)
    analyse(doc)
    assert repr(doc) == before
