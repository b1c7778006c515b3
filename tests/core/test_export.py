"""Export: clean CommonMark with front matter, hostile bodies contained, re-export keeps user text."""

import json
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.core.analysis import analyse
from reader.core.article import load, parse
from reader.core.export import merge, render, safe_filename, to_web_annotations
from reader.core.notes import Note, make_anchor

MD = MarkdownIt("commonmark")


def notes_on(doc, specs):
    out = []
    for i, (block, start, end, body, tags) in enumerate(specs):
        out.append(
            Note(f"n{i:04d}", "k" * 16, make_anchor(doc, block, start, end), body=body, tags=tags, color="green", created=f"2026-01-01T00:00:{i:02d}+00:00")
        )
    return out


def front_matter(text: str) -> dict:
    m = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
    assert m, "front matter first"
    return yaml.safe_load(m.group(1))


def body_tokens(text: str):
    """Markdown tokens after the front matter (vaults read that part as YAML)."""
    return MD.parse(re.sub(r"\A---\n.*?\n---\n", "", text, count=1, flags=re.S))


def top_level(tokens):
    return [t for t in tokens if t.level == 0 and t.nesting in (0, 1)]


def test_export_shape_on_the_sample(sample_path):
    doc = load(sample_path)
    analysis = analyse(doc)
    notes = notes_on(doc, [(3, 10, 22, "Chi è?", ["persone"]), (45, None, None, "Wang again", ["wang", "meta"]), (50, 0, 4, "", [])])
    text = render(analysis, notes, "/abs/article.txt")
    meta = front_matter(text)
    assert meta["title"] == doc.title and meta["language"] == "it" and meta["source"] == "/abs/article.txt"
    assert set(meta) >= {"title", "source", "language", "exported", "reader_version", "entities", "tags"}
    assert "Xianjun Yang" in meta["entities"] and meta["tags"] == ["persone", "wang", "meta"]
    tokens = body_tokens(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == doc.title
    assert "Dichiarazione di Wang: siamo sulla strada giusta" in headings
    assert "said by Alexandr Wang" in text  # the passage is a quotation
    # Each body, passage and tag line exactly once, in reading order.
    pieces = ["> jun Yang, ex", "Chi è?", "#persone ^note-n0000", "Wang again", "#wang #meta ^note-n0001", "^note-n0002"]
    assert [text.count(p) for p in pieces] == [1] * len(pieces)
    assert [text.index(p) for p in pieces] == sorted(text.index(p) for p in pieces)
    assert text.count("^note-n0001") == 1 and "#wang #meta ^note-n0001" in text


@st.composite
def hostile(draw):
    pieces = st.sampled_from(
        ["---", "# Heading", "> quote", "<div>", "<!-- x", "-->", "```", "~~~", "^note-evil", "]", "[", "[x]: http://e",
         "===", "* * *", "<b>", "`", "\\", "    code", "- item", "1. one", "<script>", "|a|b|", "***", "___", "text", "  ",
         "[[Note]]", "![[embed.png]]", "[[Note#^block|alias]]", "[[x]]:", "[[<div>]]"]
    )
    lines = draw(st.lists(st.lists(pieces, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6))
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(hostile(), min_size=1, max_size=4))
def test_hostile_bodies_never_leak_out_of_their_note(bodies):
    doc = parse("Title\nFirst paragraph of the article, long enough.\nSecond paragraph here.\nThird one.", markdown=False)
    analysis = analyse(doc)
    notes = notes_on(doc, [(1 + i % 3, None, None, body, ["t"]) for i, body in enumerate(bodies)])
    text = render(analysis, notes, "src")
    front_matter(text)
    tokens = body_tokens(text)
    # At the top level only reader's own headings (the title, one section) and no
    # rule: whatever a body holds stays nested inside its note.
    assert [t.tag for t in top_level(tokens) if t.type == "heading_open"] == ["h1", "h2"]
    assert not [t for t in top_level(tokens) if t.type == "hr"]
    # One passage blockquote per note at the top level, and each note's block id
    # exactly once, in order, in a paragraph of its own note.
    quotes = [t for t in top_level(tokens) if t.type == "blockquote_open"]
    assert len(quotes) == len(notes)
    ids = re.findall(r"\^note-(n\d{4})", "\n".join(t.content for t in tokens if t.type == "inline"))
    reading_order = sorted(notes, key=lambda n: (n.anchor.block, n.created))
    assert ids == [n.id for n in reading_order]
    # Every managed block still closes: the markers pair up.
    begins = re.findall(r"<!-- reader:begin (\S+) -->", text)
    ends = re.findall(r"<!-- reader:end (\S+) -->", text)
    assert begins == ends
    html = [t.content.strip() for t in tokens if t.type == "html_block"]
    assert all(h.startswith("<!-- reader:") and h.count("\n") == 0 for h in html), html


def test_reexport_keeps_user_text_and_is_stable(sample_path):
    doc = load(sample_path)
    analysis = analyse(doc)
    notes = notes_on(doc, [(3, 10, 22, "one", []), (20, None, None, "two", []), (45, None, None, "three", [])])
    first = render(analysis, notes, "src")
    assert merge(first, analysis, notes, "src") == first  # exporting twice: the same file
    lines = first.split("\n")
    end_two = lines.index(f"<!-- reader:end note-{notes[1].id} -->")
    edited = "\n".join(lines[: end_two + 1] + ["", "My own thoughts after note two."] + lines[end_two + 1 :])
    edited = edited.replace("<!-- reader:begin title -->", "Written above everything.\n\n<!-- reader:begin title -->")
    edited += "\nA closing line of mine.\n"
    # Re-export with a changed note and one note gone.
    notes[0].body = "one, revised"
    again = merge(edited, analysis, [notes[0], notes[2]], "src")
    assert "one, revised" in again and "\n\ntwo\n\n" not in again
    for mine in ("My own thoughts after note two.", "Written above everything.", "A closing line of mine."):
        assert again.count(mine) == 1
    # The thought that followed note two now follows note one (the block before it).
    assert again.index("My own thoughts") > again.index("one, revised") < again.index("three")
    assert again.index("Written above everything.") < again.index("# Meta AI")
    assert merge(again, analysis, [notes[0], notes[2]], "src") == again


def test_orphans_come_last(sample_path):
    doc = load(sample_path)
    analysis = analyse(doc)
    [orphan, kept] = notes_on(doc, [(3, 10, 22, "lost", []), (5, None, None, "kept", [])])
    from dataclasses import replace

    orphan.anchor = replace(orphan.anchor, exact="words that are nowhere in this article", block=3)
    text = render(analysis, [orphan, kept], "src")
    assert text.index("## Orphaned notes") > text.index("kept")
    assert "words that are nowhere in this article" in text


def test_safe_file_names():
    assert safe_filename("a/b\\c:d*e?f\"g<h>i|j") == "a b c d e f g h i j.md"
    assert safe_filename("..") == "article.md"
    assert safe_filename("CON") == "article CON.md"
    assert safe_filename("  Trailing dots...  ") == "Trailing dots.md"
    assert len(safe_filename("x" * 500)) <= 103
    assert "\x1b" not in safe_filename("bad\x1b[31mtitle")


def test_web_annotation_json(sample_path):
    doc = load(sample_path)
    [note] = notes_on(doc, [(3, 10, 22, "Chi è?", ["persone"])])
    data = to_web_annotations(doc, [note], str(sample_path))
    json.dumps(data)
    item = data["items"][0]
    assert item["type"] == "Annotation" and data["type"] == "AnnotationCollection"
    quote, position = item["target"]["selector"]
    assert quote == {"type": "TextQuoteSelector", "exact": note.anchor.exact, "prefix": note.anchor.prefix, "suffix": note.anchor.suffix}
    full = "\n".join(b.text for b in doc.blocks)
    assert full[position["start"] : position["end"]] == note.anchor.exact
    assert {"purpose": "tagging", "type": "TextualBody", "value": "persone"} in item["body"]
