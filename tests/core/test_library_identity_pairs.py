"""Cross-article identity on a hand-checked set of pairs: at least 30 that must merge, 10 that must not.

The pairs are data (tests/data/library/entity-pairs.toml), drawn from the test
articles whole and in parts; the library is built from them as a user would build
it (kept, analysed, indexed), and each pair is looked up in its index.
"""

import tomllib

import pytest

from reader.core.article import load, parse
from reader.core.library import Library
from reader.core.notes import NoteStore
from tests.conftest import ROOT

pytestmark = pytest.mark.eval

PAIRS = tomllib.loads((ROOT / "tests" / "data" / "library" / "entity-pairs.toml").read_text(encoding="utf-8"))


def _documents():
    docs = {"sample": load(ROOT / "seeds" / "meta-ai-layoffs-it.txt")}
    for path in sorted((ROOT / "tests" / "data").glob("*.txt")):
        docs[path.stem] = load(path)
    for name, part in PAIRS["parts"].items():
        lines = (ROOT / part["file"]).read_text(encoding="utf-8").split("\n")
        text = "\n".join(lines[n - 1] for n in part["lines"])
        docs[name] = parse(text, markdown=False, source=f"/library-parts/{name}.txt")
    return docs


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    lib = Library(NoteStore(tmp_path_factory.mktemp("pairs") / "notes.json"))
    ids, analyses = {}, {}
    for name, doc in _documents().items():
        kept = lib.keep(doc)
        ids[name] = kept.article.id
        analyses[name] = lib.analyse(kept.article, doc)
    return lib.entity_index(), ids, analyses


def _cluster(library, side):
    index, ids, analyses = library
    article, form = side
    entity = next((e for e in analyses[article].entities if form in e.forms), None)
    assert entity is not None, f"{article} has no entity named {form!r}: has the analysis changed?"
    found = index.of(ids[article], entity.name)
    assert found is not None
    return found


def test_the_set_is_big_enough():
    assert len(PAIRS["merge"]) >= 30
    assert len(PAIRS["apart"]) >= 10


def _merge_cases():
    """The pairs that must merge; one that the analysis still gets wrong says why under
    `known` and is expected to fail (strictly: once it passes, `known` must go)."""
    for case in PAIRS["merge"]:
        marks = [pytest.mark.xfail(reason=case["known"], strict=True)] if "known" in case else []
        yield pytest.param(case, marks=marks, id=" ~ ".join(f"{a}:{f}" for a, f in case["pair"]))


def test_the_set_is_big_enough_without_the_known_failures():
    assert sum("known" not in case for case in PAIRS["merge"]) >= 30


@pytest.mark.parametrize("case", list(_merge_cases()))
def test_must_merge(library, case):
    a, b = (_cluster(library, side) for side in case["pair"])
    assert a is b, f"{case['why']}: {a.name} ({a.kind}) and {b.name} ({b.kind}) stayed apart"


@pytest.mark.parametrize("case", PAIRS["apart"], ids=lambda c: " ≁ ".join(f"{a}:{f}" for a, f in c["pair"]))
def test_must_stay_apart(library, case):
    a, b = (_cluster(library, side) for side in case["pair"])
    assert a is not b, f"{case['why']}: both became {a.name}"
