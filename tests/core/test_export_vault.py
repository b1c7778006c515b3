"""Exports for notes vaults (Obsidian, Logseq): links, tags and file names that work there."""

from reader.core.analysis import analyse
from reader.core.article import parse
from reader.core.export import render
from reader.core.export.escaping import escape_body
from reader.core.notes import Note, make_anchor


def test_wikilinks_and_embeds_are_kept_as_written():
    body = "See [[Meta AI]], [[Notes/Wang#^abc|Wang]] and ![[chart.png]]; not [this] ^id."
    assert escape_body(body) == "See [[Meta AI]], [[Notes/Wang#^abc|Wang]] and ![[chart.png]]; not \\[this\\] \\^id."


def test_a_wikilink_in_an_export_is_a_live_link():
    doc = parse("Title\nA paragraph about the harbour.\n", markdown=False)
    note = Note("n1", "k" * 16, make_anchor(doc, 1), body="Compare [[Harbour 2019]] and ![[map.png]]")
    text = render(analyse(doc), [note], "src")
    assert "Compare [[Harbour 2019]] and ![[map.png]]" in text
    assert "\\[\\[" not in text
