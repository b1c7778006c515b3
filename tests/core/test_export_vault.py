"""Exports for notes vaults (Obsidian, Logseq): links, tags and file names that work there."""

import pytest

from reader.core.analysis import analyse
from reader.core.article import parse
from reader.core.errors import InputError
from reader.core.export import render, safe_filename
from reader.core.export.escaping import escape_body
from reader.core.notes import Note, make_anchor, parse_tags


def test_wikilinks_and_embeds_are_kept_as_written():
    body = "See [[Meta AI]], [[Notes/Wang#^abc|Wang]] and ![[chart.png]]; not [this] ^id."
    assert escape_body(body) == "See [[Meta AI]], [[Notes/Wang#^abc|Wang]] and ![[chart.png]]; not \\[this\\] \\^id."


def test_a_wikilink_in_an_export_is_a_live_link():
    doc = parse("Title\nA paragraph about the harbour.\n", markdown=False)
    note = Note("n1", "k" * 16, make_anchor(doc, 1), body="Compare [[Harbour 2019]] and ![[map.png]]")
    text = render(analyse(doc), [note], "src")
    assert "Compare [[Harbour 2019]] and ![[map.png]]" in text
    assert "\\[\\[" not in text


@pytest.mark.parametrize(
    ("typed", "tags"),
    [("#economy #ai", ["economy", "ai"]), ("economy, ai", ["economy", "ai"]), ("economy", ["economy"]),
     ("#a, b", ["a", "b"]), ("", []), ("#tag-with-space", ["tag-with-space"])],
)
def test_tags_as_typed(typed, tags):
    assert parse_tags(typed) == tags


@pytest.mark.parametrize("typed", ["tag with space", "#tag with space", "economy ai"])
def test_a_tag_with_spaces_is_refused_saying_how_to_write_it(typed):
    with pytest.raises(InputError) as caught:
        parse_tags(typed)
    message = str(caught.value)
    assert "spaces" in message and "#" + "-".join(typed.lstrip("#").split()) in message


def test_file_names_are_safe_targets_for_vault_links():
    name = safe_filename("Meta #AI [update] ^3 | the lab")
    assert name == "Meta AI update 3 the lab.md"
    assert not set("#^[]|") & set(name)
