"""`make eval`: the analysis scored against every gold file, one row per article."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reader.core.analysis import analyse, to_json
from reader.core.document import load
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
