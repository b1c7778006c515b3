#!/usr/bin/env python3
"""Fit reader/core/analysis/lang/speaker_weights.tsv on the team's gold files (developer tool).

Every gold file in tests/data (and the sample) is analysed; each quotation found
that matches a gold quotation (80% of words, as make eval matches them) becomes one
example: its choices (speaker_evidence.py: nobody, and each candidate with its
features), and the right one (the candidate that names the gold speaker, or nobody
where the gold names none). A quotation whose gold speaker is no candidate teaches
nothing and is counted apart.

The model is a conditional logistic regression: a choice's score is the sum of its
features' weights, and the choices of one quotation compete through a softmax. The
weights maximise the log-likelihood of the right choices minus an L2 penalty on
their distance to the priors of tools/speaker_priors.toml (`--l2`, 1.0 by default),
by plain gradient ascent from the priors for a fixed number of steps: the fit is
deterministic, and a re-run on the same data writes the same file.
The previous speaker a quotation sees is the gold one (as the analysis sees its own
previous answer).

    .venv/bin/python -m tools.fit_speakers            # fit, report, write the weights
    .venv/bin/python -m tools.fit_speakers --check    # report only (leave-one-article-out too)

The report gives the accuracy on the fitted set and, left one article out at a
time, on articles the weights never saw: the second is the honest figure.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tomllib
from collections import Counter
from pathlib import Path

from reader.core.analysis import lexicon
from reader.core.analysis.entities import find_entities
from reader.core.analysis.language import detect_languages
from reader.core.analysis.quotes import find_quotes
from reader.core.analysis.speaker_evidence import Choice
from reader.core.analysis.speaker_model import WEIGHTS
from reader.core.analysis.speakers import reader_for
from reader.core.analysis.tokens import tokenize
from reader.core.article import load
from reader.core.article.prose import without_code
from tests.evaluate import cases
from tests.scoring import fold, forms, words

OUT = lexicon.DATA / WEIGHTS
PRIORS = Path(__file__).resolve().parent / "speaker_priors.toml"
Example = tuple[list[frozenset[str]], int]
"""One quotation: each choice's features, and the index of the right choice."""


def _gold_speaker_index(gold_entities: list[dict], name: str | None) -> int | None:
    if not name:
        return None
    f = fold(name)
    for i, g in enumerate(gold_entities):
        if f in forms(g):
            return i
    return None


def _names(entity, gold_entities: list[dict]) -> int | None:
    """The gold entity a predicted entity names (by any shared form), if any."""
    mine = {fold(x) for x in entity.forms}
    for i, g in enumerate(gold_entities):
        if mine & forms(g):
            return i
    return None


def article_examples(article: Path, gold: dict) -> tuple[list[Example], int]:
    """The examples of one article, and how many gold speakers were no candidate."""
    doc = without_code(load(article))
    tokens = [tokenize(b.text) for b in doc.blocks]
    language = detect_languages(doc, tokens).document
    found = find_entities(doc, tokens, language)
    quotes = find_quotes(doc)
    reader = reader_for(doc, tokens, quotes, found, language)
    ge = gold["entities"]
    examples: list[Example] = []
    unreachable = 0
    previous = None
    used: set[int] = set()
    for i, q in enumerate(quotes):
        qw = words(q.text)
        match = None
        for gi, g in enumerate(gold["quotes"]):
            gw = words(g["text"])
            if gi not in used and gw and qw and len(gw & qw) / len(gw | qw) >= 0.8:
                match = gi
                break
        choices: list[Choice] = reader.choices(i, previous)
        if match is None:
            continue
        used.add(match)
        want = _gold_speaker_index(ge, gold["quotes"][match].get("speaker"))
        if want is None and gold["quotes"][match].get("speaker"):
            unreachable += 1
            continue
        right = 0 if want is None else next(
            (k for k, c in enumerate(choices) if c.entity is not None and _names(c.entity, ge) == want), None
        )
        if right is None:
            unreachable += 1
            continue
        examples.append(([c.features for c in choices], right))
        if right:
            previous = choices[right].entity
    return examples, unreachable


def priors() -> dict[str, float]:
    """The prior weight of each feature (tools/speaker_priors.toml)."""
    return {k: float(v) for k, v in tomllib.loads(PRIORS.read_text(encoding="utf-8")).items()}


def fit(examples: list[Example], l2: float, steps: int = 3000, rate: float = 0.05) -> dict[str, float]:
    """Gradient ascent on the conditional log-likelihood penalised by the distance to
    the priors, starting from the priors."""
    prior = priors()
    names = sorted({f for feats, _ in examples for choice in feats for f in choice} | set(prior))
    w = {f: prior.get(f, 0.0) for f in names}
    for _ in range(steps):
        grad = {f: -l2 * (w[f] - prior.get(f, 0.0)) for f in names}
        for feats, right in examples:
            scores = [sum(w[f] for f in c) for c in feats]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            for c, e in zip(feats, exps):
                p = e / total
                for f in c:
                    grad[f] -= p
            for f in feats[right]:
                grad[f] += 1.0
        for f in names:
            w[f] += rate * grad[f]
    return w


def predict(feats: list[frozenset[str]], w: dict[str, float]) -> int:
    scores = [sum(w.get(f, 0.0) for f in c) for c in feats]
    return max(range(len(feats)), key=lambda k: (scores[k], -k))


def accuracy(examples: list[Example], w: dict[str, float]) -> tuple[int, int]:
    """(right, total) over the examples whose gold names a speaker (as make eval counts)."""
    named = [(f, r) for f, r in examples if r != 0]
    return sum(predict(f, w) == r for f, r in named), len(named)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--check", action="store_true", help="report only; do not write the weights")
    args = ap.parse_args(argv)
    per_article: dict[str, list[Example]] = {}
    unreachable = 0
    for name, article, gold_path in cases():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        ex, lost = article_examples(article, gold)
        per_article[name] = ex
        unreachable += lost
    everything = [e for ex in per_article.values() for e in ex]
    w = fit(everything, args.l2)
    right, total = accuracy(everything, w)
    print(f"examples {len(everything)} (gold speaker not among the candidates: {unreachable})")
    print(f"fitted set: speakers right {right}/{total}")
    loao_right = loao_total = 0
    for name, ex in per_article.items():
        if not any(r for _, r in ex):
            continue
        rest = [e for other, exs in per_article.items() if other != name for e in exs]
        r, t = accuracy(ex, fit(rest, args.l2, steps=1500, rate=0.1))
        loao_right += r
        loao_total += t
    print(f"leave one article out: speakers right {loao_right}/{loao_total}")
    if args.check:
        return 0
    used = Counter(f for feats, _ in everything for c in feats for f in c)
    lines = [
        "# Speaker attribution weights: one evidence feature (speaker_evidence.py) and its weight a line.",
        "# Fitted by tools/fit_speakers.py (conditional logistic regression, L2 = "
        f"{args.l2} towards tools/speaker_priors.toml) on the team's gold files",
        f"# (tests/data/*.gold.json and the sample): {len(everything)} quotations; speakers right on that set "
        f"{right}/{total},",
        f"# {loao_right}/{loao_total} left one article out. Do not edit by hand: change the evidence or the gold "
        "and re-run the tool.",
        "# feature\tweight\t(choices seen with it in the fitted set)",
    ]
    for f in sorted(w, key=lambda f: (-w[f], f)):
        lines.append(f"{f}\t{w[f]:.3f}\t# {used[f]}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
