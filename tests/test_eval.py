"""The analysis measured against hand-made gold files (the figures make eval prints)."""

import pytest

from tests.evaluate import run, totals


@pytest.fixture(scope="module")
def rows():
    return run()


def test_sample_article(rows):
    t = totals(rows[:1])
    assert t.languages_right == 1
    assert t.typed_f1 >= 0.90, t
    assert t.quote_f1 >= 0.90, t
    assert t.speaker_accuracy >= 0.85, t


def test_team_set(rows):
    assert len(rows) >= 7, "the sample and at least six more articles"
    t = totals(rows[1:])
    assert t.languages_right == t.articles, "the document language is always right"
    assert t.typed_f1 >= 0.90, t
    assert t.quote_f1 >= 0.90, t
    assert t.speaker_accuracy >= 0.85, t


def test_every_language_is_in_the_set(rows):
    """Each language with a word-list file has an article in the team's set."""
    from reader.core.analysis import lexicon

    languages = {name.split("-")[0] for name, _ in rows[1:]}
    assert set(lexicon.languages()) <= languages
