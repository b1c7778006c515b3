"""Nothing from outside the code reaches the terminal with its control characters.

Every screen and command runs in a real pseudo-terminal with hostile file names,
note bodies and tags, and everything it writes is checked byte by byte.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.terminal_check import HOSTILE, HOSTILE_NAME, READER, violations, wait_for_raw, window

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

ARTICLE = "Titolo dell'articolo\n\nMario Rossi ha detto: «Siamo pronti a tutto, davvero a tutto quanto».\n\nIl secondo paragrafo parla di Roma e di Milano.\n"


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*READER, *args], input=stdin, capture_output=True, timeout=60)


@pytest.fixture
def hostile(tmp_path):
    """A folder with a hostile article name, and a store with hostile notes on it."""
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / (HOSTILE_NAME + ".txt")
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "notes.json"
    for block, tag in ((1, "t" + HOSTILE), (2, "plain")):
        added = cli("notes", "add", str(article), "--db", str(db), "--block", str(block), "--text", "body " + HOSTILE + "\nline two", "--tag", tag)
        assert added.returncode == 0, added.stderr
    return article, db


def test_the_library_shows_hostile_file_names_escaped(hostile):
    article, db = hostile
    term = window(["--db", str(db), str(article.parent)])
    try:
        wait_for_raw(term, b"Articles in")
        term.settle(0.5)
        assert violations(bytes(term.raw), window=True) == []
        assert "\\x1b]52;c;" in term.text()  # the name is shown, its escapes visible
    finally:
        term.close()


def test_hostile_note_bodies_and_tags_in_the_palette_and_the_editor(hostile):
    article, db = hostile
    term = window(["--db", str(db), str(article)])
    try:
        wait_for_raw(term, b"2 notes")
        term.press("\x10")  # ctrl+p: the palette lists the notes
        wait_for_raw(term, b"Note: body")
        term.settle(0.5)
        assert violations(bytes(term.raw), window=True) == []
        term.press("Note: body")
        term.settle(0.5)
        term.press("\r")  # choose the first note: its editor opens
        wait_for_raw(term, b"Edit note")
        term.settle(0.5)
        assert violations(bytes(term.raw), window=True) == []
        assert "\\x1b]52;c;SE9TVElMRQ==" in term.text()  # the body is shown, its escapes visible
    finally:
        term.close()


NASTY = "\x00" + "\x1bc" + "\x9b2J" + "\u202e" + "\x07"


def _store_with_nasty_note(tmp_path):
    from reader.core.article import load
    from reader.core.notes import Note, NoteStore, article_key, article_record, make_anchor

    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    doc = load(article)
    store = NoteStore(tmp_path / "notes.json")
    note = Note("", article_key(doc), make_anchor(doc, 1), body="b" + NASTY + "\nmore" + NASTY, tags=["t" + NASTY])
    store.add(note, article_record(doc))
    return article, store.path


def test_commands_print_no_control_characters(tmp_path):
    article, db = _store_with_nasty_note(tmp_path)
    for args in (
        ["notes", "list"],
        ["notes", "list", "--json"],
        ["notes", "list", str(article)],
        ["export", str(article)],
        ["export", str(article), "--format", "json"],
    ):
        result = cli(*args, "--db", str(db))
        assert result.returncode == 0, (args, result.stderr)
        assert violations(result.stdout, window=False) == [], args
    listed = json.loads(cli("notes", "list", "--json", "--db", str(db)).stdout)
    assert listed[0]["body"] == "b" + NASTY + "\nmore" + NASTY  # JSON escapes decode to the very note


def test_error_messages_quoting_a_file_name_print_no_control_characters(tmp_path):
    missing = tmp_path / ("gone" + NASTY[1:] + ".txt")  # a file name cannot hold NUL
    for args in (["analyze", str(missing)], ["notes", "list", str(missing)], ["export", str(missing)], [str(missing)]):
        result = cli("--db", str(tmp_path / "n.json"), *args)
        assert result.returncode == 2
        assert violations(result.stderr, window=False) == [], args
        assert "\\x1bc" in result.stderr.decode() and "\\u202e" in result.stderr.decode()
