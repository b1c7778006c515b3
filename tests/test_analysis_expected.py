"""The analysis of every test article is exactly what tests/data/analysis/ holds."""

import pytest

from tests.expected_analysis import analysis_json, articles, expected_path


@pytest.mark.parametrize("article", articles(), ids=lambda p: p.stem)
def test_analysis_is_unchanged(article):
    expected = expected_path(article)
    assert expected.exists(), f"no expected analysis for {article}: run make analysis-expected"
    assert analysis_json(article) == expected.read_text(encoding="utf-8"), (
        f"the analysis of {article} changed; if that is meant, run make analysis-expected and review the diff"
    )
