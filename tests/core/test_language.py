"""Language detection: seeded, per document and per block, "und" when unsure."""

import pytest

from reader.core.analysis.language import detect, detect_languages
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
    doc = load(sample_path)
    first = detect_languages(doc)
    second = detect_languages(load(sample_path))
    assert first.document == "it" and first.confidence > 0.9
    assert first == second
    body = [code for b, code in zip(doc.blocks, first.blocks) if len(b.text) > 80]
    assert body and all(code == "it" for code in body)


def test_a_foreign_block_keeps_its_own_language():
    doc = parse("Titolo\n" + "\n".join([SENTENCES["it"]] * 3 + [SENTENCES["de"]]), markdown=False)
    languages = detect_languages(doc)
    assert languages.document == "it"
    assert languages.blocks[-1] == "de"


def test_detection_leaves_the_document_alone():
    doc = parse("Titolo\n" + "\n".join([SENTENCES["it"]] * 3 + [SENTENCES["de"]]), markdown=False)
    before = repr(doc)
    detect_languages(doc)
    assert repr(doc) == before


def test_a_block_of_names_alone_is_und_without_asking_langdetect(monkeypatch):
    names = "Angela Merkel Emmanuel Macron Olaf Scholz Giorgia Meloni Pedro Sánchez Ursula Leyen"
    text = "Der Bundestag hat am Dienstag über den Haushalt beraten und ihn mit großer Mehrheit angenommen.\n\n"
    doc = parse(text + names + "\n\n" + text, markdown=False)
    asked: list[str] = []
    real = detect

    def counting(block_text, **kwargs):
        asked.append(block_text)
        return real(block_text, **kwargs)

    monkeypatch.setattr("reader.core.analysis.language.detect", counting)
    found = detect_languages(doc)
    assert found.blocks[1] == "und"
    assert names not in asked
