"""The weights that turn a quotation's evidence into its speaker: data, fitted by a tool.

lang/speaker_weights.tsv holds one weight per evidence feature (speaker_evidence.py
names them), fitted on the team's gold files by `tools/fit_speakers.py` (a
conditional logistic regression: the choices of one quotation compete, "nobody
named" among them). A choice's score is the sum of its features' weights; the
speaker is the best choice, and nobody when "nobody" scores best, that is when the
best name's evidence is weak.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from reader.core.analysis.lexicon import DATA

WEIGHTS = "speaker_weights.tsv"


@cache
def weights() -> Mapping[str, float]:
    """Feature -> weight, as lang/speaker_weights.tsv gives them."""
    out: dict[str, float] = {}
    for line in (DATA / WEIGHTS).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        out[cols[0]] = float(cols[1])
    return out


def score(features: Iterable[str], table: Mapping[str, float] | None = None) -> float:
    """The sum of the features' weights (a feature without one weighs nothing)."""
    w = weights() if table is None else table
    return sum(w.get(f, 0.0) for f in features)
