"""Name candidates: runs of capitals, joined by particles, trimmed of what capitals do not prove."""

from reader.core.analysis import lexicon
from reader.core.analysis.candidates import Candidate, doc_stats, find_candidates
from reader.core.analysis.tokens import tokenize
from reader.core.article import parse


def candidates(text: str, language: str) -> dict[str, Candidate]:
    """The candidates of a one-paragraph article in a language, by their text."""
    doc = parse("Titolo\n" + text, markdown=False)
    tokens = [tokenize(b.text) for b in doc.blocks]
    lang = lexicon.get(language)
    return {c.text: c for c in find_candidates(doc, tokens, lang, doc_stats(doc, tokens, lang))}


def test_particles_join_names():
    found = candidates("Ieri Ursula von der Leyen ha incontrato Charles de Gaulle a Bruxelles.", "it")
    assert {"Ursula von der Leyen", "Charles de Gaulle", "Bruxelles"} <= set(found)
    found = candidates("Officials of the Bank of England praised Vincent van Gogh yesterday.", "en")
    assert {"Bank of England", "Vincent van Gogh"} <= set(found)


def test_a_particle_joins_an_organisation_word_to_its_name():
    assert "Banca d'Italia" in candidates("Il governatore della Banca d'Italia ha parlato ieri.", "it")


def test_a_particle_at_the_end_is_not_part_of_the_name():
    found = candidates("Il piano di Meta di Roma è pronto.", "it")
    assert "Meta" in found and not any(name.endswith(" di") for name in found)


def test_dates_and_sentence_starts_are_not_names():
    found = candidates("Tuttavia il 5 Settembre Mario Rossi è partito. Poi è tornato, tuttavia.", "it")
    assert set(found) == {"Mario Rossi"}


def test_a_title_is_cut_off_and_kept_as_the_role():
    found = candidates("The chief executive Tim Cook spoke, and CEO Sundar Pichai listened.", "en")
    assert found["Tim Cook"].titles == ("executive",) and found["Tim Cook"].evidence.person > 0
    assert "Sundar Pichai" in found and not any(name.startswith("CEO") for name in found)


def test_an_employer_before_a_name_is_a_name_of_its_own():
    found = candidates("La ricercatrice di OpenAI Shengjia Zhao ha detto che il lavoro continua.", "it")
    assert {"OpenAI", "Shengjia Zhao"} <= set(found)
    assert found["Shengjia Zhao"].evidence.speaks == 1


def test_german_capitalised_nouns_need_more_evidence():
    text = "Nach einer langen Debatte sagte Staatspräsident Traian Basescu, die Reform sei nötig."
    german, english = candidates(text, "de"), candidates(text, "en")
    # German capitalises every noun: a lone one is only a weak candidate there...
    assert german["Debatte"].evidence.weak == 1
    assert english["Debatte"].evidence.weak == 0
    # ...and a compound ending in a title ("Präsident") is a title, cut off the name;
    # elsewhere it is a capitalised word like any other, split off the person only
    # because "Traian" is a known given name.
    assert "Traian Basescu" in german and "Staatspräsident" not in german
    assert {"Staatspräsident", "Traian Basescu"} <= set(english)
