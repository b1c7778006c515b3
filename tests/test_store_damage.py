"""Damaged stores: reported by file and record, left byte-identical, the rest keeps working.

Items 8-11 of issue 12, and fuzz tests that damage every record type of the store.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.article import load
from reader.core.notes import NoteStore, article_key
from tests.test_cli import one_line_error, run

ARTICLE_A = "Titolo A\n\nPrimo paragrafo dell'articolo A.\n\nSecondo paragrafo dell'articolo A.\n"
ARTICLE_B = "Titolo B\n\nPrimo paragrafo dell'articolo B.\n\nSecondo paragrafo dell'articolo B.\n"


@pytest.fixture
def two_articles(tmp_path):
    """Articles A and B, each with notes, a reading place and a theme, in one store."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    db = tmp_path / "store" / "notes.json"
    for path in (a, b):
        for block in (1, 2):
            assert main(["notes", "add", str(path), "--db", str(db), "--block", str(block), "--text", f"note {block}"]) == 0
    store = NoteStore(db)
    from reader.core.notes import make_anchor

    for path in (a, b):
        doc = load(path)
        store.set_position(article_key(doc), make_anchor(doc, 1))
        store.set_setting(f"theme:{article_key(doc)}", "paper")
    return a, b, db


def shard_of(db: Path, article: Path) -> Path:
    return db.with_name("notes.notes") / f"{article_key(load(article))}-1.json"


def edit_json(path: Path, change) -> bytes:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    raw = json.dumps(data).encode("utf-8")
    path.write_bytes(raw)
    return raw


# -- item 8: a bad record is reported by file and record, never a traceback ----------------


async def test_a_position_with_a_bad_anchor_does_not_break_the_window(two_articles):
    from reader.core.settings import Settings
    from reader.ui.app import build_app
    from tests.ui.conftest import ready

    a, _, db = two_articles
    before = edit_json(db, lambda d: [r.update(anchor=5) for r in d["positions"].values()])
    app = build_app(load(a), settings=Settings(), store=NoteStore(db))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        messages = " ".join(n.message for n in app._notifications)
        assert "notes.json" in messages and "positions record 1" in messages and "anchor" in messages
        assert len(app.screen.notes) == 2
        await pilot.press("j", "j", "q")
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    "damage, what",
    [
        (lambda r: r.pop("article"), "article is missing"),
        (lambda r: r.update(anchor="oops"), "anchor must be an object"),
        (lambda r: r["anchor"].update(block="x"), "anchor.block must be a whole number"),
    ],
)
def test_a_bad_note_is_named_and_its_file_never_written(two_articles, capsys, damage, what):
    a, b, db = two_articles
    shard = shard_of(db, a)
    before = edit_json(shard, lambda d: damage(d["notes"]["1"]))
    capsys.readouterr()
    assert main(["notes", "list", "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and str(shard) in err and "notes record 1" in err and what in err
    assert "note 2" in out  # the file's good note, and B's, are listed
    assert main(["notes", "add", str(a), "--db", str(db), "--block", "1", "--text", "more"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(shard) in err and "error: unexpected" not in err
    assert shard.read_bytes() == before
    assert main(["notes", "add", str(b), "--db", str(db), "--block", "1", "--text", "more"]) == 0


def test_a_bad_article_record_is_never_rewritten(two_articles, capsys):
    a, _, db = two_articles
    before = edit_json(db, lambda d: d["articles"].update({"1": "str"}))
    capsys.readouterr()
    assert main(["notes", "add", str(a), "--db", str(db), "--block", "1", "--text", "still saved"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "notes.json" in err and "articles record 1" in err
    assert db.read_bytes() == before
    assert "still saved" in [n.body for n in NoteStore(db).notes_for(article_key(load(a)))]


# -- item 9: a damaged notes.json hides no note ----------------------------------------------


async def test_a_truncated_index_still_shows_the_notes(two_articles):
    from reader.core.settings import Settings
    from reader.ui.app import build_app
    from tests.screen import screen_text
    from tests.ui.conftest import ready

    a, _, db = two_articles
    main(["notes", "add", str(a), "--db", str(db), "--block", "1", "--text", "third"])
    db.write_bytes(db.read_bytes()[:40])
    app = build_app(load(a), settings=Settings(), store=NoteStore(db))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert len(app.screen.notes) == 3
        assert "3 notes" in screen_text(app)
        assert "notes.json" in " ".join(n.message for n in app._notifications)


# -- item 10: a read-only store is read, and says why it cannot be written --------------------


def read_only(folder: Path, argv: list[str]) -> list[str]:
    """argv run with `folder` read-only: chmod for a user, a read-only bind mount for root."""
    if os.geteuid() != 0:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
        return argv
    script = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"'
    probe = subprocess.run(["unshare", "-m", "sh", "-c", script, str(folder), "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a read-only folder here: {probe.stderr.decode().strip()}")
    return ["unshare", "-m", "sh", "-c", script, str(folder), *argv]


def test_a_read_only_store_is_read_and_refuses_writes_in_one_line(two_articles):
    a, _, db = two_articles
    reader = [sys.executable, "-m", "reader"]
    listing = subprocess.run(read_only(db.parent, [*reader, "notes", "list", "--db", str(db)]), capture_output=True, timeout=60)
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.decode().count("note 1") == 2
    exported = subprocess.run(read_only(db.parent, [*reader, "export", str(a), "--db", str(db)]), capture_output=True, timeout=120)
    assert exported.returncode == 0, exported.stderr
    assert "note 2" in exported.stdout.decode()
    adding = subprocess.run(
        read_only(db.parent, [*reader, "notes", "add", str(a), "--db", str(db), "--block", "1"]), capture_output=True, timeout=60
    )
    one_line_error(adding, 1, str(db.parent), "the notes can be read, not saved")


def test_a_read_only_store_opens_the_window_read_only(two_articles):
    from benchmarks.terminal import Terminal
    from tests.terminal_check import wait_for_raw

    a, _, db = two_articles
    term = Terminal(read_only(db.parent, [sys.executable, "-m", "reader", "--db", str(db), str(a)]))
    try:
        wait_for_raw(term, b"2 notes")
        wait_for_raw(term, b"read, not saved")
        term.press("h")  # a write says why it cannot be done
        term.settle(0.5)
        term.press("q")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            term.pump(0.05)
            pid, status = os.waitpid(term.pid, os.WNOHANG)
            if pid:
                assert os.waitstatus_to_exitcode(status) == 0
                break
        else:
            raise AssertionError("the window did not quit")
        assert b"Traceback" not in term.raw and b"PermissionError" not in term.raw
    finally:
        os.close(term.fd)


# -- item 11: a stuck lock holder is named after a few seconds; stale temporaries go ----------

HOLDER = """
import sys, time
from reader.core.notes import NoteStore
store = NoteStore(sys.argv[1])
with store._lock.held():
    print("held", flush=True)
    time.sleep(120)
"""

KILLED_WRITER = """
import os, sys, time
from reader.core.notes import Anchor, Note, NoteStore
def stuck(*args):
    print("stuck", flush=True)
    time.sleep(120)
os.replace = stuck  # the writer is killed between writing its temporary file and renaming it
NoteStore(sys.argv[1]).add(Note("", sys.argv[2], Anchor(1, 0, 5, "Primo")))
"""


def test_a_stopped_lock_holder_is_named_after_five_seconds(two_articles):
    a, _, db = two_articles
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        os.kill(holder.pid, signal.SIGSTOP)
        start = time.monotonic()
        listing = run("notes", "list", "--db", str(db))
        assert listing.returncode == 0 and time.monotonic() - start < 5  # reads take no lock
        start = time.monotonic()
        adding = subprocess.run(
            [sys.executable, "-m", "reader", "notes", "add", str(a), "--db", str(db), "--block", "1"],
            capture_output=True,
            timeout=30,
            env={k: v for k, v in os.environ.items() if k != "READER_LOCK_TIMEOUT"},
        )
        waited = time.monotonic() - start
        one_line_error(adding, 1, f"process {holder.pid}", "5 s")
        assert 5 <= waited < 8, waited
    finally:
        os.kill(holder.pid, signal.SIGCONT)
        holder.kill()
        holder.wait()


def test_a_killed_writer_s_temporary_file_goes_at_the_next_write(two_articles):
    a, _, db = two_articles
    key = article_key(load(a))
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(db), key], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "stuck"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    left = [p for p in db.parent.rglob("*.tmp")]
    assert left, "the killed writer left its temporary file"
    assert run("notes", "add", str(a), "--db", str(db), "--block", "2").returncode == 0
    assert not [p for p in db.parent.rglob("*.tmp")]


# -- fuzz: damage every record type; the rest of the store keeps working ----------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
not_text = json_values.filter(lambda v: not isinstance(v, str))
not_whole = json_values.filter(lambda v: not (isinstance(v, int) and not isinstance(v, bool) and v >= 0))
not_object = json_values.filter(lambda v: not isinstance(v, dict))
not_key = json_values.filter(lambda v: not (isinstance(v, str) and len(v) == 16 and all(c in "0123456789abcdef" for c in v)))


def _field(name, bad):
    return bad.map(lambda value: (f"{name}={value!r}", lambda r, v=value: r.__setitem__(name, v)))


def _anchor_field(name, bad):
    return bad.map(lambda value: (f"anchor.{name}={value!r}", lambda r, v=value: r["anchor"].__setitem__(name, v)))


def _missing(name):
    return st.just((f"no {name}", lambda r: r.pop(name)))


ANCHOR_DAMAGE = [
    _field("anchor", not_object),
    _missing("anchor"),
    *(_anchor_field(f, not_whole) for f in ("block", "start", "end")),
    _anchor_field("exact", not_text),
    st.just(("no anchor.exact", lambda r: r["anchor"].pop("exact"))),
]
RECORD_DAMAGE = {
    ("index", "articles"): st.one_of(_field("key", not_key), _missing("key"), _field("title", not_text), _field("source", not_text)),
    ("index", "positions"): st.one_of(_field("key", not_text), _missing("key"), *ANCHOR_DAMAGE),
    ("index", "settings"): st.one_of(_field("name", not_text), _missing("name"), _missing("value")),
    ("index", "_meta"): st.one_of(_field("schema", not_whole), _missing("schema")),
    ("notes", "notes"): st.one_of(
        _field("id", json_values.filter(lambda v: not (isinstance(v, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,64}", v)))),
        _missing("id"),
        _field("article", not_text),
        _missing("article"),
        _field("tags", json_values.filter(lambda v: not (isinstance(v, list) and all(isinstance(t, str) for t in v)))),
        _field("body", not_text),
        *ANCHOR_DAMAGE,
    ),
    ("notes", "_meta"): st.one_of(_field("schema", not_whole), _missing("schema")),
}
FILE_DAMAGE = st.one_of(
    st.integers(1, 400).map(lambda n: (f"truncated to {n} bytes", lambda raw, n=n: raw[:n])),
    # (an empty file holds nothing to lose: it is a new store)
    st.binary(min_size=1, max_size=30).filter(bytes.strip).map(lambda b: (f"bytes {b!r}", lambda _, b=b: b)),
    # any JSON but an empty store, or one made only of a store's own tables (an older, valid file)
    json_values.filter(lambda v: v not in ({}, None, "", []) and not (isinstance(v, dict) and set(v) <= {"_meta", "notes", "articles", "positions", "settings"}))
    .map(lambda v: (f"JSON {v!r}", lambda _, v=v: json.dumps(v).encode())),
    st.just(("a table of another kind", lambda _: json.dumps({"": {}}).encode())),
    st.just(("an empty _meta", lambda _: json.dumps({"_meta": {}, "notes": {}}).encode())),
    st.just(("a record numbered 'x'", lambda _: json.dumps({"notes": {"x": {}}}).encode())),
    st.just(("a table that is a list", lambda _: json.dumps({"notes": [1, 2]}).encode())),
)


def _check_the_rest_works(a: Path, b: Path, db: Path, damaged: Path, before: bytes, capsys) -> None:
    """One message naming the damaged file, no traceback, the file unchanged, B readable and writable."""
    capsys.readouterr()
    status = main(["notes", "list", "--db", str(db)])
    out, err = capsys.readouterr()
    assert status in (0, 1) and "error: unexpected" not in err
    if status == 1:
        assert err.count("\n") == 1 and str(damaged) in err, err
    for args in (["notes", "list", str(b)], ["notes", "add", str(b), "--block", "1", "--text", "new on B"], ["export", str(b)]):
        status = main([*args, "--db", str(db)])
        out, err = capsys.readouterr()
        assert status == 0, (args, err)
        assert "error: unexpected" not in err and err.count("\n") <= 1
        if err:
            assert str(damaged) in err
    main(["notes", "add", str(a), "--block", "1", "--text", "new on A", "--db", str(db)])
    err = capsys.readouterr().err
    assert "error: unexpected" not in err and err.count("\n") <= 1
    assert damaged.read_bytes() == before
    assert "new on B" in [n.body for n in NoteStore(db).notes_for(article_key(load(b)))]


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def healthy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("healthy")
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    return folder


def _fresh_store(healthy: Path, tmp_path: Path, n: int) -> tuple[Path, Path, Path]:
    import shutil

    case = tmp_path / f"case{n}"
    shutil.copytree(healthy, case)
    a, b, db = case / "a.txt", case / "b.txt", case / "store" / "notes.json"
    store = NoteStore(db)
    from reader.core.notes import Note, article_record, make_anchor

    for path in (a, b):
        doc = load(path)
        for block in (1, 2):
            store.add(Note("", article_key(doc), make_anchor(doc, block), body=f"note {block}"), article_record(doc))
        store.set_position(article_key(doc), make_anchor(doc, 1))
        store.set_setting(f"theme:{article_key(doc)}", "paper")
    return a, b, db


_counter = iter(range(10**9))


@FUZZ
@given(st.sampled_from(sorted(RECORD_DAMAGE)).flatmap(lambda kind: st.tuples(st.just(kind), RECORD_DAMAGE[kind])))
def test_fuzz_a_damaged_record_of_every_type(healthy, tmp_path, capsys, case):
    (where, table), (label, damage) = case
    a, b, db = _fresh_store(healthy, tmp_path, next(_counter))
    target = db if where == "index" else shard_of(db, a)
    data = json.loads(target.read_text(encoding="utf-8"))
    damage(data[table]["1"])
    before = json.dumps(data).encode("utf-8")
    target.write_bytes(before)
    _check_the_rest_works(a, b, db, target, before, capsys)


@FUZZ
@given(st.sampled_from(["index", "notes"]), FILE_DAMAGE)
def test_fuzz_a_damaged_file(healthy, tmp_path, capsys, where, damage):
    label, change = damage
    a, b, db = _fresh_store(healthy, tmp_path, next(_counter))
    target = db if where == "index" else shard_of(db, a)
    before = change(target.read_bytes())
    target.write_bytes(before)
    _check_the_rest_works(a, b, db, target, before, capsys)
