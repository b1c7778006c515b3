"""The expected `reader analyze --json` of every test article, kept in tests/data/analysis/.

A change meant to leave the analysis alone (a refactoring) must keep every file
byte-identical; a change meant to improve it regenerates them on purpose:

    make analysis-expected
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "data" / "analysis"


def articles() -> list[Path]:
    """Every test article and the sample, as paths relative to the repository."""
    data = ROOT / "tests" / "data"
    found = sorted(p for p in data.iterdir() if p.suffix in (".txt", ".md") and p.stem != "SOURCES")
    return [Path("seeds/meta-ai-layoffs-it.txt"), *(p.relative_to(ROOT) for p in found)]


def analysis_json(article: Path) -> str:
    """What `reader analyze --json ARTICLE` prints, run from the repository's root."""
    from reader.core.analysis import analyse, to_json
    from reader.core.article import load

    here = Path.cwd()
    os.chdir(ROOT)
    try:
        data = to_json(analyse(load(str(article))))
    finally:
        os.chdir(here)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def expected_path(article: Path) -> Path:
    return EXPECTED / (article.stem + ".json")


def main() -> int:
    EXPECTED.mkdir(exist_ok=True)
    for article in articles():
        expected_path(article).write_text(analysis_json(article), encoding="utf-8")
        print(f"wrote {expected_path(article).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
