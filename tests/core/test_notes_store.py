"""The notes store: nothing lost, nothing damaged written over, old files migrated."""

import errno
import json
import os
import stat

import pytest

from reader.core.notes import SCHEMA, Anchor, DamagedStore, Note, NoteStore, StoreError, clean_tags

KEY = "0123456789abcdef"
ANCHOR = Anchor(2, 4, 9, "quick", "The ", " brown")


def note(body="a note", **kw) -> Note:
    return Note("", kw.pop("article", KEY), ANCHOR, body=body, **kw)


@pytest.fixture
def store(tmp_path) -> NoteStore:
    return NoteStore(tmp_path / "notes.json")


def test_add_update_delete_and_find(store):
    first = store.add(note("one", tags=["x"], color="blue"))
    second = store.add(note("two"))
    assert first.id and second.id and first.id != second.id
    assert [n.body for n in store.notes_for(KEY)] == ["one", "two"]
    first.body = "one, edited"
    store.update(first)
    assert store.find(first.id).body == "one, edited"
    assert store.find(first.id).color == "blue" and store.find(first.id).tags == ["x"]
    removed = store.delete(second.id)
    assert removed.body == "two"
    assert [n.id for n in store.notes_for(KEY)] == [first.id]
    with pytest.raises(StoreError):
        store.delete("nope")


def test_restoring_a_deleted_note_keeps_its_id(store):
    n = store.add(note())
    store.delete(n.id)
    again = store.add(n)
    assert again.id == n.id and store.find(n.id).body == "a note"


def test_positions_and_settings(store):
    assert store.position(KEY) is None
    store.set_position(KEY, ANCHOR)
    assert store.position(KEY) == ANCHOR
    store.set_setting("theme", "reader-light")
    assert store.setting("theme") == "reader-light"
    assert store.setting("missing", 3) == 3


def test_files_are_private(store):
    store.add(note())
    store.set_position(KEY, ANCHOR)
    for path in [store.path, store.path.with_name("notes.json.lock"), *store.notes_dir.iterdir()]:
        assert stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0, path
    assert stat.S_IMODE(os.stat(store.notes_dir).st_mode) & 0o077 == 0


def test_many_notes_are_split_across_files(store, monkeypatch):
    from reader.core.notes import store as store_module

    monkeypatch.setattr(store_module, "SHARD_SIZE", 3)
    for i in range(7):
        store.add(note(f"n{i}"))
    assert len(list(store.notes_dir.glob(f"{KEY}-*.json"))) == 3
    assert [n.body for n in store.notes_for(KEY)] == [f"n{i}" for i in range(7)]


def test_damaged_file_is_reported_and_left_untouched(store):
    store.add(note())
    shard = next(store.notes_dir.glob("*.json"))
    shard.write_bytes(b'{"notes": {"1": {"id": "x", "bo')
    before = shard.read_bytes()
    assert store.notes_for(KEY) == []  # read as far as it can be: nothing, here
    assert str(shard) in store.notes_problem(KEY)
    with pytest.raises(DamagedStore, match=str(shard)):
        store.add(note("another"))
    assert shard.read_bytes() == before

    store.path.write_bytes(b"\x00\x01 not json")
    with pytest.raises(DamagedStore, match="notes.json"):
        store.set_position(KEY, ANCHOR)
    assert store.path.read_bytes() == b"\x00\x01 not json"


def test_a_failed_write_leaves_the_previous_file_intact(store, monkeypatch):
    store.add(note("kept"))
    shard = next(store.notes_dir.glob("*.json"))
    before = shard.read_bytes()
    real_fsync = os.fsync

    def disk_full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(StoreError, match="No space left"):
        store.add(note("lost?"))
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert shard.read_bytes() == before
    assert [n.body for n in store.notes_for(KEY)] == ["kept"]
    assert not [p for p in store.notes_dir.iterdir() if p.name.endswith(".tmp")]


def test_old_schema_is_migrated(store):
    store.notes_dir.mkdir(parents=True)
    old = store.notes_dir / f"{KEY}-1.json"
    old.write_text(
        json.dumps({"notes": {"1": {"id": "abc", "article": KEY, "block": 1, "start": 0, "end": 5, "text": "Hello", "note": "old body"}}}),
        encoding="utf-8",
    )
    [n] = store.notes_for(KEY)
    assert (n.id, n.body, n.anchor.exact, n.color, n.tags) == ("abc", "old body", "Hello", "yellow", [])
    store.add(note("new"))
    data = json.loads(old.read_text(encoding="utf-8"))
    assert list(data["_meta"].values()) == [{"schema": SCHEMA}]
    assert data["notes"]["1"]["anchor"]["exact"] == "Hello"


def test_newer_schema_is_not_written_over(store):
    store.notes_dir.mkdir(parents=True)
    newer = store.notes_dir / f"{KEY}-1.json"
    newer.write_text(json.dumps({"_meta": {"1": {"schema": SCHEMA + 1}}, "notes": {}}), encoding="utf-8")
    before = newer.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        store.add(note())
    assert newer.read_bytes() == before


def test_clean_tags():
    assert clean_tags(["#a, b", "c #a"]) == ["a", "b", "c"]


def test_note_counts_by_article(store):
    other = "fedcba9876543210"
    for body in ("a", "b", "c"):
        store.add(note(body))
    store.add(note("d", article=other))
    assert store.note_counts() == {KEY: 3, other: 1}
    assert NoteStore(store.path.with_name("empty.json")).note_counts() == {}


def test_remove_notes_removes_one_articles_notes_only(store):
    other = "fedcba9876543210"
    store.add(note("a"))
    store.add(note("b"))
    kept = store.add(note("c", article=other))
    assert store.remove_notes(KEY) == 2
    assert store.notes_for(KEY) == []
    assert [n.id for n in store.notes_for(other)] == [kept.id]


def test_remove_notes_refuses_when_some_cannot_be_read(store):
    store.add(note("a"))
    path = next(store.notes_dir.glob(f"{KEY}-*.json"))
    data = json.loads(path.read_text())
    data["notes"]["1"]["anchor"] = 5
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(DamagedStore, match="not removed"):
        NoteStore(store.path).remove_notes(KEY)
    assert path.read_bytes() == before


def test_forget_article_drops_its_place_title_and_theme(store):
    from reader.core.notes import ArticleRecord

    store.remember_article(ArticleRecord(KEY, "Title", "/a.txt"))
    store.set_position(KEY, ANCHOR)
    store.set_setting(f"theme:{KEY}", "paper")
    store.set_setting("theme", "paper")
    store.forget_article(KEY)
    assert store.articles() == [] and store.position(KEY) is None
    assert store.setting(f"theme:{KEY}") is None and store.setting("theme") == "paper"


def test_a_web_articles_key_is_its_address_not_a_path():
    from reader.core.article import parse
    from reader.core.notes import article_key, article_record, is_url

    doc = parse("Title\nText.", markdown=False, source="https://example.org/news/1")
    assert is_url(doc.source) and not is_url("/home/a.txt") and not is_url("http-notes.txt")
    assert article_record(doc).source == "https://example.org/news/1"
    other = parse("Title\nText.", markdown=False, source="https://example.org/news/2")
    assert article_key(doc) != article_key(other)
    assert len(article_key(doc)) == 16
