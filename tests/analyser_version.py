"""Which expected analyses each analyser version gives, so that a change of them raises the version.

The library keeps every article's analysis, named by ANALYSER_VERSION
(reader/core/analysis/stored.py), and uses it for as long as the version stays the
same. A change that alters the analysis (the files in tests/data/analysis/ change)
must raise the version, or readers would keep seeing the old analyses. After
raising it:

    .venv/bin/python -m tests.analyser_version     # records the new digests here
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "data" / "analysis"
RECORD = ROOT / "tests" / "data" / "analyser-version.json"


def digests() -> dict[str, str]:
    """The SHA-256 of every expected analysis, by file name."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(EXPECTED.glob("*.json"))}


def main() -> int:
    from reader.core.analysis import ANALYSER_VERSION

    RECORD.write_text(json.dumps({"analyser": ANALYSER_VERSION, "expected": digests()}, indent=1) + "\n")
    print(f"{RECORD.relative_to(ROOT)}: analyser version {ANALYSER_VERSION}, {len(digests())} expected analyses")
    return 0


if __name__ == "__main__":
    sys.exit(main())
