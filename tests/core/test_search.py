"""Search (`/`): case and accents ignored, and every match highlights exactly what it matched.

A match's offsets go back into the original text, so the highlight covers the
word as written (Straße, oﬃce, Café with a combining accent), however its
folded form differs in length.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from reader.core.article import Block, Document, SearchIndex, fold


def document(*paragraphs: str) -> Document:
    return Document("T", [Block(i, "paragraph", text) for i, text in enumerate(paragraphs)], "-")


def found(query: str, *paragraphs: str) -> list[str]:
    """What each match of `query` highlights."""
    doc = document(*paragraphs)
    return [doc.blocks[m.block].text[m.start : m.end] for m in SearchIndex(doc).find(query)]


def test_case_is_ignored():
    assert found("meta", "Meta, META and meta.") == ["Meta", "META", "meta"]
    assert found("META", "a meta-analysis") == ["meta"]


def test_accents_are_ignored_both_ways():
    assert found("cafe", "Un café, due CAFFÈ, tre Café.") == ["café", "Café"]
    assert found("café", "cafe") == ["cafe"]
    assert found("Łódź", "lodz") == [], "ł is a letter of its own, not l with an accent"
    assert found("sao paulo", "São Paulo") == ["São Paulo"]


def test_sharp_s_matches_ss_and_the_text_after_it_keeps_its_offsets():
    text = "Die Straße, die STRASSE und die Strasse; dann Meta."
    assert found("strasse", text) == ["Straße", "STRASSE", "Strasse"]
    assert found("straße", text) == ["Straße", "STRASSE", "Strasse"]
    assert found("meta", text) == ["Meta"], "ß folds to two letters: what follows must not shift"
    assert found("STRASSE", "GROẞE STRAẞE") == ["STRAẞE"], "the capital sharp s too"


def test_a_query_inside_one_letters_folding_matches_that_letter_once():
    # "s" is found twice in the folded "ss" of ß: one match, or n would stay put once.
    assert found("s", "Straße") == ["S", "ß"]
    assert found("ss", "Straße, Strasse") == ["ß", "ss"]


def test_ligatures_match_the_letters_they_join():
    assert found("office", "The oﬃce and the office.") == ["oﬃce", "office"]
    assert found("fire", "ﬁre") == ["ﬁre"]
    assert found("ﬁ", "fine") == ["fi"]
    assert found("offer", "an oﬀer") == ["oﬀer"]


def test_combining_marks_stay_with_their_letter():
    decomposed = "Cafe\u0301 au lait"  # é as e + COMBINING ACUTE ACCENT
    assert found("cafe", decomposed) == ["Cafe\u0301"], "the accent of the last letter is highlighted too"
    assert found("café", decomposed) == ["Cafe\u0301"]
    assert found("e au", decomposed) == ["e\u0301 au"]
    # Yoruba: ọ́ has no precomposed form, so the acute stays a combining mark after NFC.
    yoruba = unicodedata.normalize("NFC", "Ọlọ́run")
    assert found("olo", yoruba) == ["Ọlọ́"]
    assert found("olorun", yoruba) == [yoruba]


def test_no_match_and_blank_queries_find_nothing():
    assert found("xyz", "Meta and OpenAI") == []
    assert found("", "Meta") == []
    assert found("   ", "Meta and OpenAI") == []


def test_matches_come_in_reading_order_with_their_paragraph():
    doc = document("Meta first.", "No match here.", "meta twice: META.")
    assert [(m.block, m.start, m.end) for m in SearchIndex(doc).find(" meta ")] == [(0, 0, 4), (2, 0, 4), (2, 12, 16)]


def test_repeated_letters_match_side_by_side_not_overlapping():
    assert found("aa", "aaaa") == ["aa", "aa"]


# -- properties -------------------------------------------------------------------------

BASES = "aAeEsSoOiInN ßẞﬀﬁﬂﬃﬄﬅﬆéÉçÇñøåäöüÜαΣςжЖİŉǰΐ日本한"
MARKS = "\u0301\u0308\u0323\u0327"

letters = st.builds(
    lambda base, marks: base + marks,
    st.sampled_from(BASES.replace(" ", "")),
    st.text(alphabet=MARKS, max_size=2),
)
words = st.lists(letters, min_size=1, max_size=6).map("".join)
texts = st.lists(words, max_size=8).map(" ".join)


@given(text=texts, query=st.one_of(words, st.text(alphabet=BASES + MARKS, min_size=1, max_size=4)))
def test_every_match_holds_the_query_and_matches_do_not_overlap(text, query):
    doc = document(text)
    wanted = fold(query.strip())[0]
    last_end = 0
    for m in SearchIndex(doc).find(query):
        assert m.block == 0 and last_end <= m.start < m.end <= len(text)
        assert wanted in fold(text[m.start : m.end])[0]
        assert not unicodedata.combining(text[m.end : m.end + 1] or "a"), "a match never ends before an accent"
        last_end = m.end


@given(before=texts, word=words, after=texts, shout=st.booleans())
def test_a_word_is_found_whole_however_it_is_cased(before, word, after, shout):
    text = f"{before} {word} {after}"
    query = word.upper() if shout else unicodedata.normalize("NFD", word).casefold()
    start = len(before) + 1
    doc = document(text)
    assert (0, start, start + len(word)) in [(m.block, m.start, m.end) for m in SearchIndex(doc).find(query)]
