"""Nothing from outside the code reaches the terminal with its control characters.

Every screen and command runs in a real pseudo-terminal with hostile file names,
note bodies and tags, and everything it writes is checked byte by byte.
"""

from __future__ import annotations

import json
import os
import sys

import pytest

from tests.terminal_check import HOSTILE, HOSTILE_NAME, cli, run_in_terminal, violations, wait_for_raw, window

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

ARTICLE = "Titolo dell'articolo\n\nMario Rossi ha detto: «Siamo pronti a tutto, davvero a tutto quanto».\n\nIl secondo paragrafo parla di Roma e di Milano.\n"


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


# -- every command and every screen, in a real terminal ---------------------------------------


@pytest.fixture
def hostile_world(tmp_path, isolated_dirs):
    """Hostile names everywhere: folder, article, notes, tags, a user theme file, config."""
    folder = tmp_path / ("lib" + HOSTILE)
    folder.mkdir()
    article = folder / (HOSTILE_NAME + ".txt")
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / ("store" + HOSTILE) / "notes.json"
    for block in (1, 2):
        added = cli("notes", "add", str(article), "--db", str(db), "--block", str(block), "--text", f"body{block} " + HOSTILE, "--tag", "t" + HOSTILE)
        assert added.returncode == 0, added.stderr
    config = isolated_dirs / "config" / "reader"
    themes = config / "themes"
    themes.mkdir(parents=True)
    (themes / ("evil" + HOSTILE + ".toml")).write_text('name = "evil-theme"\nprimary = "#aa3311"\n', encoding="utf-8")
    (themes / ("broken" + HOSTILE + ".toml")).write_text("name = [", encoding="utf-8")
    exports = tmp_path / ("exports" + HOSTILE)
    esc = json.dumps(str(exports))[1:-1]
    (config / "config.toml").write_text(
        f'[keys]\n"reader.nope\\u001b]2;KEY\\u0007" = "z"\n\n[export]\nfolder = "{esc}"\n', encoding="utf-8"
    )
    fifo = folder / ("pipe" + HOSTILE + ".txt")
    os.mkfifo(fifo)
    return {"folder": folder, "article": article, "db": db, "exports": exports, "fifo": fifo, "tmp": tmp_path}


def test_every_command_writes_no_control_byte_to_the_terminal(hostile_world):
    w = hostile_world
    article, db, tmp = str(w["article"]), str(w["db"]), w["tmp"]
    note_id = json.loads(cli("notes", "list", "--db", db, "--json").stdout)[0]["id"]
    damaged = tmp / ("bad" + HOSTILE) / "notes.json"
    damaged.parent.mkdir()
    damaged.write_bytes(b'{"positions": {"1": {"key": "k\\u001b]2;X\\u0007", "anchor": 5}}}')
    commands = [
        ["analyze", article],
        ["analyze", article, "--json"],
        ["notes", "list", "--db", db],
        ["notes", "list", "--db", db, "--json"],
        ["notes", "list", article, "--db", db],
        ["notes", "add", article, "--db", db, "--block", "1", "--text", HOSTILE, "--tag", HOSTILE],
        ["notes", "rm", "nope" + HOSTILE, "--db", db],
        ["notes", "rm", note_id, "--db", db],
        ["export", article, "--db", db],
        ["export", article, "--db", db, "--format", "json"],
        ["export", article, "--db", db, "-o", str(tmp / ("out" + HOSTILE + ".md"))],
        ["export", "--all", "--db", db, "-o", str(tmp / ("all" + HOSTILE))],
        ["themes"],
        ["analyze", str(w["folder"] / ("missing" + HOSTILE + ".txt"))],
        ["analyze", str(w["fifo"])],
        ["notes", "list", "--db", str(damaged)],
        ["notes", "add", article, "--db", str(damaged), "--block", "1"],
        ["--theme", "no" + HOSTILE, article],
        ["notes", "add", article, "--db", db, "--block", "1", "--color", HOSTILE],
        ["--help"],
    ]
    for args in commands:
        raw, status = run_in_terminal(args, env={"XDG_CONFIG_HOME": os.environ["XDG_CONFIG_HOME"] + HOSTILE})
        assert status in (0, 1, 2), (args, raw[-300:])
        assert b"Traceback" not in raw, (args, raw[-600:])
        assert violations(raw, window=False) == [], args


def test_every_screen_writes_no_control_byte_to_the_terminal(hostile_world):
    w = hostile_world
    term = window(["--db", str(w["db"]), str(w["folder"])])
    try:
        wait_for_raw(term, b"Articles in")  # the library, with a config problem and a theme problem shown
        term.press("\r")
        wait_for_raw(term, b"2 notes")
        wait_for_raw(term, b"Entities 3")
        for keys, shown, close in (
            ("?", b"organisations underlined", "\x1b"),  # help
            ("\x14", b"evil-theme", "\x1b"),  # ctrl+t: the theme picker
            ("\x10", b"Note: body1", "\x1b"),  # ctrl+p: the palette
            ("jd", b"Delete this note?", "n"),  # the confirm question quotes the note
            ("\t", b"Notes 2", "\t"),  # the side panel
        ):
            term.press(keys)
            wait_for_raw(term, shown)
            term.settle(0.3)
            term.press(close)
            term.settle(0.6)  # a lone ESC is a key only once the next byte is late enough
        term.press("\x10")
        wait_for_raw(term, b"Note: body1")
        term.press("Note: body2")
        term.settle(0.3)
        term.press("\r")  # the note editor, on a hostile note
        wait_for_raw(term, b"Edit note")
        term.settle(0.3)
        term.press("\x1b")
        term.settle(0.6)
        term.press("x")  # export: the message names the hostile folder
        wait_for_raw(term, b"Exported 2 notes")
        term.settle(0.3)
        term.press("\x1b")  # back to the library
        wait_for_raw(term, b"Articles in" , timeout=10)
        term.settle(0.3)
        assert violations(bytes(term.raw), window=True) == []
    finally:
        term.close()
    assert list(w["exports"].iterdir())
