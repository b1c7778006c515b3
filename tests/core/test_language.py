"""Language detection: seeded, per document and per block, "und" when unsure."""

import pytest

from reader.core.analysis.language import detect, detect_document
from reader.core.article import load, parse

SENTENCES = {
    "it": "Il governo ha approvato ieri la nuova legge di bilancio dopo una lunga discussione in parlamento.",
    "en": "The government approved the new budget law yesterday after a long debate in parliament.",
    "fr": "Le gouvernement a approuvé hier la nouvelle loi de finances après un long débat au parlement.",
    "de": "Die Regierung hat gestern nach einer langen Debatte im Parlament das neue Haushaltsgesetz gebilligt.",
    "es": "El gobierno aprobó ayer la nueva ley de presupuestos tras un largo debate en el parlamento.",
}


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_detects_each_language(code):
    assert detect(SENTENCES[code])[0] == code


@pytest.mark.parametrize("text", ["OK", "Ciao", "Angela Merkel", "12345 678", "https://example.org", "!!!"])
def test_short_or_letterless_text_is_und(text):
    assert detect(text)[0] == "und"


def test_sample_is_italian_and_deterministic(sample_path):
    first = load(sample_path)
    detect_document(first)
    second = load(sample_path)
    detect_document(second)
    assert first.language == "it" and first.language_confidence > 0.9
    assert [b.language for b in first.blocks] == [b.language for b in second.blocks]
    body = [b for b in first.blocks if len(b.text) > 80]
    assert all(b.language == "it" for b in body)


def test_a_foreign_block_keeps_its_own_language():
    doc = parse("Titolo\n" + "\n".join([SENTENCES["it"]] * 3 + [SENTENCES["de"]]), markdown=False)
    detect_document(doc)
    assert doc.language == "it"
    assert doc.blocks[-1].language == "de"
