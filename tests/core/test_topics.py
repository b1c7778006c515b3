"""Topics: the article's sections, and keyword topics counted over the forms of a word."""

import pytest

from reader.core.analysis import analyse, lexicon
from reader.core.analysis.lexicon import strip_endings
from reader.core.analysis.tokens import tokenize
from reader.core.analysis.topics import keywords, sections
from reader.core.article import parse

ARTICLE = """# Tagli a Meta

Meta ha annunciato nuovi licenziamenti nel reparto di intelligenza artificiale.

## I licenziamenti

Il primo licenziamento riguarda il laboratorio di Mark Zuckerberg.

### Dettagli

Altri licenziamenti arriveranno, dice Mark Zuckerberg. Zuckerberg parla di intelligenza artificiale.

## Le reazioni

I sindacati criticano i licenziamenti e l'intelligenza artificiale.
"""


def test_sections_are_the_headings_after_the_title_with_their_blocks():
    found = [(t.title, t.blocks) for t in sections(parse(ARTICLE, markdown=True))]
    # A subhead's section runs to the next heading of its level or higher.
    assert found == [("I licenziamenti", (2, 3, 4, 5)), ("Dettagli", (4, 5)), ("Le reazioni", (6, 7))]


@pytest.mark.parametrize(
    "language,forms",
    [
        ("it", ["licenziamento", "licenziamenti"]),
        ("es", ["despido", "despidos"]),
        ("fr", ["grand", "grande", "grands", "grandes"]),
        ("de", ["wahl", "wahlen"]),
        ("en", ["party", "parties"]),
        ("pt", ["ministro", "ministra", "ministros"]),  # no file of its own: it borrows Spanish's
    ],
)
def test_the_forms_of_a_word_share_a_stem(language, forms):
    endings = lexicon.get(language).stemming
    assert len({strip_endings(f, endings) for f in forms}) == 1


def test_stems_keep_short_words_and_other_languages_whole():
    assert strip_endings("press", lexicon.get("en").stemming) == "press"  # "ss" is no plural
    assert strip_endings("mesi", lexicon.get("it").stemming) == "mesi"  # too short to strip
    assert lexicon.get("nl").stemming == ()  # no file, nothing borrowed: no stemming


def test_keyword_topics_count_word_forms_together_and_leave_names_out():
    doc = parse(ARTICLE, markdown=True)
    tokens = [tokenize(b.text) for b in doc.blocks]
    entities = analyse(doc).entities
    topics = {t.title: t.blocks for t in keywords(doc, tokens, entities, "it")}
    # "licenziamento" (block 3) counts with "licenziamenti".
    assert topics["licenziamenti"] == (1, 2, 3, 5, 7)
    # A phrase is chosen whole; its words are not chosen again on their own.
    assert "intelligenza artificiale" in topics and "intelligenza" not in topics
    # Names and function words are never topics.
    assert not {"meta", "zuckerberg", "mark zuckerberg", "di", "il"} & {title.casefold() for title in topics}


def test_without_stemming_the_forms_of_a_word_count_apart():
    doc = parse(ARTICLE, markdown=True)
    tokens = [tokenize(b.text) for b in doc.blocks]
    blocks = {t.title: t.blocks for t in keywords(doc, tokens, [], "nl")}
    assert blocks["licenziamenti"] == (1, 2, 5, 7)
