"""`make eval`: the analysis scored against every gold file, one row per article."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from reader.core.analysis import analyse, to_json
from reader.core.article import load
from tests.scoring import score

DATA = Path(__file__).resolve().parent / "data"
ROOT = DATA.parent.parent


def cases() -> list[tuple[str, Path, Path]]:
    """(name, article, gold) for the sample and every article in tests/data."""
    found = [("sample (it)", ROOT / "seeds" / "meta-ai-layoffs-it.txt", DATA / "meta-ai-layoffs-it.gold.json")]
    for gold in sorted(DATA.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        if stem == "meta-ai-layoffs-it":
            continue
        article = next((p for p in DATA.glob(stem + ".*") if p.suffix in (".txt", ".md")), None)
        if article is not None:
            found.append((stem, article, gold))
    return found


def run(verbose: bool = False) -> list[tuple[str, object]]:
    rows = []
    for name, article, gold_path in cases():
        pred = to_json(analyse(load(article)))
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        s = score(gold, pred)
        rows.append((name, s))
        if verbose:
            print(f"== {name}")
            for label, items in (
                ("missed entity", s.missed_entities),
                ("extra entity", s.extra_entities),
                ("wrong kind", s.wrong_kinds),
                ("missed quote", s.missed_quotes),
                ("extra quote", s.extra_quotes),
                ("wrong speaker", s.wrong_speakers),
            ):
                for item in items:
                    print(f"   {label}: {item}")
    return rows


@dataclass
class Totals:
    """Micro-averaged figures over a set of articles."""

    entity_f1: float
    typed_f1: float
    quote_f1: float
    speakers_right: int
    speakers_known: int
    languages_right: int
    articles: int

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_known if self.speakers_known else 1.0


def totals(rows) -> Totals:
    from tests.scoring import prf

    def f1(tp, pred, gold):
        return prf(tp, pred, gold)[2] if gold or pred else 1.0

    s = [r for _, r in rows]
    return Totals(
        entity_f1=f1(sum(x.counts["ent_tp"] for x in s), sum(x.counts["ent_pred"] for x in s), sum(x.counts["ent_gold"] for x in s)),
        typed_f1=f1(sum(x.counts["typed_tp"] for x in s), sum(x.counts["ent_pred"] for x in s), sum(x.counts["ent_gold"] for x in s)),
        quote_f1=f1(sum(x.counts["quote_tp"] for x in s), sum(x.counts["quote_pred"] for x in s), sum(x.counts["quote_gold"] for x in s)),
        speakers_right=sum(x.speakers_right for x in s),
        speakers_known=sum(x.speakers_known for x in s),
        languages_right=sum(x.language_ok for x in s),
        articles=len(s),
    )


def language_of(name: str) -> str:
    """An article's language, from its name ("en-…", or "sample (it)")."""
    return name[-3:-1] if name.endswith(")") else name.split("-")[0]


def by_language(rows) -> dict[str, list]:
    """The rows grouped by the article's language, languages in order."""
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(language_of(row[0]), []).append(row)
    return dict(sorted(groups.items()))


@dataclass
class KindTotals:
    """The gold quotations attributed one way (verb_after, pronoun...): found and speakers right."""

    quotations: int = 0
    found: int = 0
    speakers_right: int = 0
    speakers_known: int = 0
    """Found quotations whose gold names a speaker."""

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_known if self.speakers_known else 1.0


def by_attribution(rows) -> dict[str, KindTotals]:
    """Per kind of attribution (the gold's `attribution`), over a set of articles."""
    kinds: dict[str, KindTotals] = {}
    for _, s in rows:
        for q in s.quotations:
            k = kinds.setdefault(q.attribution, KindTotals())
            k.quotations += 1
            k.found += q.found
            if q.speaker_right is not None:
                k.speakers_known += 1
                k.speakers_right += q.speaker_right
    return dict(sorted(kinds.items(), key=lambda kv: (-kv[1].quotations, kv[0])))


def main(argv: list[str]) -> int:
    rows = run(verbose="-v" in argv)
    head = f"{'article':34} {'lang':>4} {'ent P':>6} {'ent R':>6} {'typed F1':>8} {'quote F1':>8} {'speakers':>9}"
    print(head)
    print("-" * len(head))
    for name, s in rows:
        print(
            f"{name[:34]:34} {'ok' if s.language_ok else 'BAD':>4} {s.entity_p:6.2f} {s.entity_r:6.2f} "
            f"{s.typed_f1:8.2f} {s.quote_f1:8.2f} {s.speakers_right:>4}/{s.speakers_known:<4}"
        )
    print("-" * len(head))
    sets = [(f"{code} (micro)", subset) for code, subset in by_language(rows).items()]
    sets += [("sample", rows[:1]), ("team's set (micro)", rows[1:]), ("all (micro)", rows)]
    for label, subset in sets:
        t = totals(subset)
        print(
            f"{label:34} {t.languages_right:>2}/{t.articles:<2} entity F1 {t.entity_f1:.2f}  typed F1 {t.typed_f1:.2f}  "
            f"quote F1 {t.quote_f1:.2f}  speakers {t.speakers_right}/{t.speakers_known} ({100 * t.speaker_accuracy:.0f}%)"
        )
    print()
    head = f"{'attribution (all articles)':34} {'quotes':>6} {'found':>6} {'speakers':>9} {'right':>6}"
    print(head)
    print("-" * len(head))
    for kind, k in by_attribution(rows).items():
        share = f"{100 * k.speaker_accuracy:.0f}%" if k.speakers_known else "-"
        print(f"{kind:34} {k.quotations:>6} {k.found:>6} {k.speakers_right:>4}/{k.speakers_known:<4} {share:>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
