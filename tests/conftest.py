"""Fixtures shared by every test, and the tier each test belongs to.

The machine's own config and data stay out of every test. Each test gets exactly
one tier marker, from where it is and what it uses, so one tier can run alone:
`pytest -m unit`, `-m "unit or property"`, `-m "not process"`, and so on (the
tiers are described in pyproject.toml). A test or module that sets a tier marker
itself keeps it.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "meta-ai-layoffs-it.txt"

TIERS = ("unit", "property", "pilot", "snapshot", "eval", "process")
EVAL_MODULES = ("test_eval", "test_analysis_expected")
"""The analysis against hand-made gold files and against its own expected output."""


def _starts_processes(module: types.ModuleType) -> bool:
    """The module, or a tests helper it takes functions from, imports subprocess."""
    helpers = {
        sys.modules[value.__module__]
        for value in vars(module).values()
        if isinstance(value, types.FunctionType) and value.__module__.startswith("tests.")
    }
    return any(isinstance(vars(m).get("subprocess"), types.ModuleType) for m in {module, *helpers})


def tier(item: pytest.Item) -> str:
    """The one tier of a test: its own marker if it has one, else from where it is and what it uses."""
    marked = {mark.name for mark in item.iter_markers() if mark.name in TIERS}
    if len(marked) > 1:
        raise pytest.UsageError(f"{item.nodeid}: more than one tier marker: {sorted(marked)}")
    if marked:
        return marked.pop()
    module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
    if "snap_compare" in getattr(item, "fixturenames", ()):
        return "snapshot"
    if module.startswith("test_pilot_"):
        return "pilot"
    if module in EVAL_MODULES:
        return "eval"
    if item.module is not None and _starts_processes(item.module):
        return "process"
    if getattr(getattr(item, "function", None), "is_hypothesis_test", False):
        return "property"
    return "unit"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(tier(item))


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory, monkeypatch):
    """Point config, data and the notes database at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("READER_DB", raising=False)
    monkeypatch.delenv("READER_DEBUG", raising=False)
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE
