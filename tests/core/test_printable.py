"""The one sanitiser: nothing that drives a terminal survives it, and nothing is hidden."""

import json

from hypothesis import given
from hypothesis import strategies as st

from reader.core.analysis import analyse
from reader.core.article import parse, printable, printable_json
from reader.core.export import render, to_web_annotations
from reader.core.notes import Note, make_anchor
from tests.terminal_check import violations


def test_controls_escapes_and_bidi_become_visible_escapes():
    assert printable("a\x1b]52;c;eA==\x07b") == "a\\x1b]52;c;eA==\\x07b"
    assert printable("\x00\x1bc\x9b2J\u202e\x7f") == "\\x00\\x1bc\\x9b2J\\u202e\\x7f"
    assert printable("one\ntwo\tthree") == "one\\ntwo\\tthree"
    assert printable("one\ntwo\tthree\r", multiline=True) == "one\ntwo\tthree\\r"
    assert printable("caf\udce9.txt") == "caf\\xe9.txt"  # an undecodable byte of a file name
    assert printable("Città «l'attività» — 東京 عربى") == "Città «l'attività» — 東京 عربى"


@given(st.text())
def test_nothing_unsafe_survives(text):
    for multiline in (False, True):
        shown = printable(text, multiline=multiline).encode("utf-8")  # lone surrogates are gone too
        assert violations(shown.replace(b"\t", b" "), window=False) == []
        if not multiline:
            assert b"\n" not in shown


@given(st.text())
def test_json_escapes_decode_to_the_same_text(text):
    dumped = printable_json(json.dumps([text], ensure_ascii=False))
    assert json.loads(dumped) == [text]
    assert violations(dumped.encode("utf-8"), window=False) == []


def test_an_export_shows_a_hostile_note_without_its_control_characters():
    doc = parse("Title\n\nA paragraph of the article.\n", markdown=False)
    nasty = "x\x1b]2;PWNED\x07\x00\x9b2J\u202e"
    note = Note("n1", "k" * 16, make_anchor(doc, 1), body=nasty + "\n\n```\n" + nasty + "\n```", tags=["t" + nasty])
    text = render(analyse(doc), [note], "/abs/evil\x1bc.txt")
    assert violations(text.encode("utf-8"), window=False) == []
    assert "\\x1b]2;PWNED" in text
    web = printable_json(json.dumps(to_web_annotations(doc, [note], "/abs/a.txt"), ensure_ascii=False))
    assert violations(web.encode("utf-8"), window=False) == []
