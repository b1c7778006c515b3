"""Quotation marks in every style; apostrophes never; terms are not quotations."""

import pytest

from reader.core.analysis.quotes import find_quotes
from reader.core.article import parse


def quotes_of(*paragraphs: str) -> list[str]:
    doc = parse("Title\n" + "\n".join(paragraphs), markdown=False)
    return [q.text for q in find_quotes(doc)]


@pytest.mark.parametrize(
    "paragraph,expected",
    [
        ('He said "we will not give up the fight" on Monday.', "we will not give up the fight"),
        ("He said “we will not give up the fight” on Monday.", "we will not give up the fight"),
        ("Er sagte: „Wir geben den Kampf nicht auf“, am Montag.", "Wir geben den Kampf nicht auf"),
        ("Er sagte: »Wir geben den Kampf nicht auf«, am Montag.", "Wir geben den Kampf nicht auf"),
        ("Ha detto: «non ci arrenderemo mai adesso» ieri.", "non ci arrenderemo mai adesso"),
        ("Il a dit : « nous ne céderons jamais rien » lundi.", "nous ne céderons jamais rien"),
        ("Il a dit : ‹ nous ne céderons jamais rien › lundi.", "nous ne céderons jamais rien"),
        ("Er sagte ‚wir geben niemals auf‘ gestern.", "wir geben niemals auf"),
        ("He said ‘we will never give up’ today.", "we will never give up"),
        ("Dijo: «no vamos a rendirnos nunca» el lunes.", "no vamos a rendirnos nunca"),
    ],
)
def test_every_quotation_style(paragraph, expected):
    assert quotes_of(paragraph) == [expected]


def test_apostrophes_are_never_quotation_marks():
    text = "L'intelligenza artificiale di Meta's lab? Don't worry, it's l’ONU’s call, workers’ rights."
    assert quotes_of(text) == []


def test_nested_single_quotes_inside_a_quotation():
    found = quotes_of("Lui disse: \"Qui la gente dice: 'voglio meno persone e più GPU possibili' davvero\".")
    assert found[0].startswith("Qui la gente dice:")
    assert "voglio meno persone e più GPU possibili" in found


def test_scare_quotes_are_terms():
    assert quotes_of('Il misterioso "TBD Lab" resta e la "superintelligenza" arriva.') == []


def test_quoted_names_are_not_speech():
    assert quotes_of('A constituency known as the "Super District Council" voted.') == []
    assert quotes_of('The "Super District Council", said to be new, opened.') == []
    # a title keeps its small words lower-case
    assert quotes_of('He showed the print called "Cowboys and Indians" from 1987.') == []
    assert quotes_of('He said "we will win" and left.') == ["we will win"]


def test_a_word_or_two_followed_by_a_speech_verb_is_speech():
    assert quotes_of('"Never," said Janet Yellen. "No comment," the spokesman said.') == ["Never,", "No comment,"]
    assert quotes_of("«Andremo avanti», ha dichiarato la presidente.") == ["Andremo avanti"]
    assert quotes_of('Il cosiddetto «superbonus», che costa molto, resta.') == []


def test_multi_paragraph_quotation_is_one():
    found = quotes_of(
        '"We came here to win the election and to change the country for good.',
        '"And we will keep going until the work is done," she said.',
    )
    assert len(found) == 1
    assert found[0].startswith("We came here to win") and found[0].endswith("until the work is done,")


def test_a_curly_quotation_closed_by_a_straight_mark():
    """Hasty text opens with “ and closes with a straight ": still one quotation."""
    paragraph = "“Hoje, quando ouço o hino do Brasil, fico emocionado\", disse ele. Depois saiu."
    assert quotes_of(paragraph) == ["Hoje, quando ouço o hino do Brasil, fico emocionado"]


def test_unbalanced_mark_is_ignored():
    assert quotes_of('He said "this never closes and goes on.') == []


def test_quote_offsets_point_at_the_words():
    doc = parse('Title\nShe said "we will not give up now" today.', markdown=False)
    q = find_quotes(doc)[0]
    assert doc.blocks[q.block].text[q.start : q.end] == q.text


def test_a_line_of_dialogue_opened_by_a_dash():
    """Spanish and Portuguese news quote with dashes: the words before and after the
    narrator's aside; a paragraph that merely opens with a dash is no dialogue."""
    assert quotes_of("—Es una ley injusta y la vamos a cambiar —dijo Gabilondo—. Y lo haremos pronto.") == [
        "Es una ley injusta y la vamos a cambiar",
        "Y lo haremos pronto.",
    ]
    assert quotes_of("— Vamos aplicar as regras imediatamente — disse o ministro.") == [
        "Vamos aplicar as regras imediatamente"
    ]
    assert quotes_of("— The Associated Press contributed to this report.") == []


def test_a_headline_quotes_with_straight_single_marks():
    doc = parse("North Korea puts military in 'quasi-state of war'\nThe country's army is on alert.", markdown=False)
    assert [q.text for q in find_quotes(doc)] == ["quasi-state of war"]
    doc = parse("L'Italia e l'Europa: rock 'n' roll\nNothing is quoted here.", markdown=False)
    assert find_quotes(doc) == []
