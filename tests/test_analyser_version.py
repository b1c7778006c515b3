"""A change to the analysis raises ANALYSER_VERSION, so the library analyses its articles again."""

import json

from reader.core.analysis import ANALYSER_VERSION
from tests.analyser_version import RECORD, digests

RECORD_IT = "then run: .venv/bin/python -m tests.analyser_version"


def test_analysis_changes_come_with_a_new_analyser_version():
    record = json.loads(RECORD.read_text())
    now = digests()
    changed = sorted(name for name, digest in record["expected"].items() if now.get(name, digest) != digest)
    assert record["analyser"] <= ANALYSER_VERSION, "ANALYSER_VERSION only ever goes up"
    assert not (changed and record["analyser"] == ANALYSER_VERSION), (
        f"the expected analyses changed ({', '.join(changed)}) but ANALYSER_VERSION is still {ANALYSER_VERSION}: "
        f"raise it in reader/core/analysis/stored.py (libraries keep the old analyses until it changes), {RECORD_IT}"
    )
    assert record["analyser"] == ANALYSER_VERSION, f"ANALYSER_VERSION is now {ANALYSER_VERSION}: {RECORD_IT}"
