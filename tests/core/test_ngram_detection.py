"""The faster detection gives langdetect's own probabilities, to the last bit."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis.language import _get_factory
from reader.core.analysis.ngram_detection import probabilities

ROOT = Path(__file__).resolve().parents[2]


def langdetect_says(text: str, trials: int) -> list[tuple[str, float]]:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _get_factory().create()
    detector.n_trial = trials
    detector.append(text)
    try:
        return [(lang.lang, lang.prob) for lang in detector.get_probabilities()]
    except LangDetectException:
        return []


def paragraphs() -> list[str]:
    found = []
    for path in [ROOT / "seeds" / "meta-ai-layoffs-it.txt", *sorted((ROOT / "tests" / "data").glob("*.txt"))]:
        found += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:8]
    return found


ODD = [
    "", "   ", "Hello", "x" * 12_000, "NATO UNO EU said the BBC", "Tiếng Việt có dấu", "ș ț Ș Ț română",
    "こんにちは世界 漢字 テスト", "Привет, мир", "한국어 텍스트 입니다", "مرحبا بالعالم ی",
    "see https://example.com/x?a=1 or write to a@b.com", "Alber Doka Fiher Quasain Veos Tiurroca",
    "ABCdEFgHIJklMNOPqrSTUVwxyzÀÉiÔU" * 4 + " aB Ab AB a A", "Zeitung" * 30 + " " + "ZEITUNG" * 30,
]


@pytest.mark.parametrize("text", paragraphs() + ODD)
def test_same_probabilities_as_langdetect(text):
    for trials in (3, 7):
        assert probabilities(_get_factory(), text, trials) == langdetect_says(text, trials)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcdeABCDE  .,'’-àéßñ漢字ひらカタ한\u0300\u0301Ωω\u1ea1ș\n", max_size=200))
def test_same_probabilities_on_any_text(text):
    assert probabilities(_get_factory(), text, 3) == langdetect_says(text, 3)


NAMES = "Urdofi Cafiural Fiha Hajo Dosati Marrozeca Dorogorpi Zeurtial Xagorwenlu Quasain Veos Tiurroca Inxa Kaquaal"


@pytest.mark.parametrize("text", paragraphs() + ODD + [NAMES, NAMES.lower(), " ".join(reversed(NAMES.split()))])
def test_stopping_once_undetermined_is_certain_gives_the_same_language(text):
    from reader.core.analysis.language import detect

    assert detect(text, trials=3, code_only=True)[0] == detect(text, trials=3)[0]
