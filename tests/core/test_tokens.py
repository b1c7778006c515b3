"""Tokens: words with offsets, elisions and possessives split off, and where sentences start."""

import pytest

from reader.core.analysis.tokens import sentence_spans, tokenize


def texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def starts(text: str) -> list[str]:
    """The tokens that open a sentence."""
    return [t.text for t in tokenize(text) if t.sentence_start]


def test_offsets_point_at_the_words():
    text = "Il co-fondatore di OpenAI, Sam Altman, ha detto: «Andiamo avanti» (U.S. news)."
    toks = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert [t.text for t in toks] == [
        "Il", "co-fondatore", "di", "OpenAI", "Sam", "Altman", "ha", "detto", "Andiamo", "avanti", "U.S", "news",
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("L'ONU ha votato", ["L'", "ONU", "ha", "votato"]),
        ("il piano dell'azienda", ["il", "piano", "dell'", "azienda"]),
        ("l’Italia", ["l’", "Italia"]),  # the typographic apostrophe too
        ("jusqu'à ce qu'il parte", ["jusqu'", "à", "ce", "qu'", "il", "parte"]),
        ("Meta's plan", ["Meta", "plan"]),  # a possessive leaves the name alone
        ("Meta’s plan", ["Meta", "plan"]),
        ("O'Brien said", ["O'Brien", "said"]),  # not an elision: one name
        ("don't go", ["don't", "go"]),
    ],
)
def test_elisions_and_possessives_leave_names_whole(text, expected):
    assert texts(text) == expected


def test_sentence_starts():
    text = "Roma è grande. Milano no! Poi disse: «Basta così» e andò via.\nNuova riga"
    assert starts(text) == ["Roma", "Milano", "Poi", "Basta", "Nuova"]


@pytest.mark.parametrize(
    "text",
    [
        "Ieri il Dr. Smith è arrivato",  # an abbreviation
        "Ieri il Sig. Rossi è arrivato",
        "Il libro di J. R. R. Tolkien è qui",  # initials
        "Poi gli U.S. officials hanno parlato",  # an acronym with full stops
    ],
)
def test_a_full_stop_after_an_abbreviation_or_initial_starts_no_sentence(text):
    assert starts(text) == [text.split()[0]]


def test_initials_and_name_shapes():
    toks = {t.text: t for t in tokenize("George W. Bush met OpenAI, al-Assad and pro-Beijing MSL people")}
    assert toks["W"].is_initial and not toks["George"].is_initial
    assert toks["OpenAI"].is_camel and toks["OpenAI"].is_capitalised
    assert toks["al-Assad"].is_capitalised  # a name behind the Arabic article
    assert toks["pro-Beijing"].is_prefixed and not toks["al-Assad"].is_prefixed
    assert toks["MSL"].is_acronym and not toks["people"].is_capitalised


def test_sentence_spans_cover_each_sentence():
    text = "Prima frase. Seconda frase! «Terza», disse lui.\nQuarta"
    spans = sentence_spans(text, tokenize(text))
    assert [text[s:e].strip() for s, e in spans] == ["Prima frase.", "Seconda frase!", "«Terza», disse lui.", "Quarta"]
