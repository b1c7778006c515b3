"""Markdown as written: lists, nested quotes, tables, code blocks and images keep their shape."""

import pytest

from reader.core.analysis import analyse
from reader.core.article import load, parse, without_code
from tests.conftest import ROOT

HARBOUR = ROOT / "tests" / "data" / "markdown" / "harbour-report.md"


@pytest.fixture(scope="module")
def harbour():
    return load(HARBOUR)


def test_list_items_keep_their_bullets_numbers_and_nesting(harbour):
    items = [(b.marker, b.list_depth, b.text) for b in harbour.blocks if b.kind == "list_item"]
    assert items[:7] == [
        ("•", 1, "The outer breakwater, over 120 metres"),
        ("◦", 2, "its lighthouse, now on generator power"),
        ("◦", 2, "two mooring bollards"),
        ("•", 1, "The fish market roof"),
        ("•", 1, "Nine moored boats, of which:"),
        ("1.", 2, "four sank"),
        ("2.", 2, "five were towed to the inner basin"),
    ]
    # An ordered list keeps the number it starts from and its delimiter.
    assert items[7:] == [("3.", 1, "Repairs start with the breakwater."), ("4.", 1, "The market follows in spring.")]


def test_a_second_paragraph_of_an_item_has_no_bullet_of_its_own():
    doc = parse("- first\n\n  more of the first\n- second\n\n7) seven\n", markdown=True)
    assert [(b.kind, b.marker, b.list_depth) for b in doc.blocks] == [
        ("list_item", "•", 1), ("list_item", "", 1), ("list_item", "•", 1), ("list_item", "7)", 1),
    ]


def test_nested_blockquotes_keep_their_depth(harbour):
    quoted = [(b.quote_depth, b.text[:20]) for b in harbour.blocks if b.quote_depth]
    assert quoted == [(1, "We had warned for ye"), (2, '"Tired is not broken'), (3, "Nobody answered afte")]


def test_headings_keep_their_levels(harbour):
    assert [(b.level, b.text) for b in harbour.blocks if b.kind == "heading"] == [
        (1, "The harbour reopens after the storm"), (2, "What was damaged"), (2, "The figures"),
        (2, "What the harbour master wrote"), (3, "Timeline"),
    ]


def test_a_table_is_one_block_with_its_cells(harbour):
    [table] = [b for b in harbour.blocks if b.kind == "table"]
    rows = [[table.text[s:e] for s, e in row] for row in table.cells]
    assert rows == [
        ["Site", "Damage (€)", "Status"],
        ["Outer breakwater", "2,400,000", "under repair"],
        ["Fish market", "310,000", "closed"],
        ["Moorings and bollards along the whole eastern quay", "45,500", "reopened on Monday after inspection"],
    ]
    assert table.header_rows == 1 and table.align == ("left", "right", "center")
    assert table.text.split("\n")[1] == "Outer breakwater | 2,400,000 | under repair"


def test_emphasis_inside_a_cell_is_a_span_of_the_table():
    doc = parse("| a | b |\n|---|---|\n| *x* | `y` |\n", markdown=True)
    [table] = doc.blocks
    assert {(s.kind, table.text[s.start : s.end]) for s in table.spans} == {("em", "x"), ("code", "y")}


def test_code_blocks_keep_their_lines_and_language(harbour):
    [code] = [b for b in harbour.blocks if b.kind == "code"]
    assert code.info == "text"
    assert code.text.split("\n") == [
        "03:10  gust  41 m/s   NNW",
        '03:40  gust  47 m/s   NW   "peak"',
        "04:15  gust  38 m/s   W",
    ]
    indented = parse("Intro.\n\n    def f():\n        return 1\n", markdown=True).blocks[1]
    assert indented.kind == "code" and indented.text == "def f():\n    return 1"


def test_a_huge_code_block_is_split_between_lines():
    body = "\n".join(f"line {i} " + "x" * 60 for i in range(200))
    doc = parse(f"```\n{body}\n```\n", markdown=True)
    assert len(doc.blocks) > 1 and all(b.kind == "code" for b in doc.blocks)
    assert "\n".join(b.text for b in doc.blocks) == body


def test_images_are_their_alt_text(harbour):
    para = next(b for b in harbour.blocks if b.text.startswith("A crane"))
    [image] = [s for s in para.spans if s.kind == "image"]
    assert para.text[image.start : image.end] == "A crane lifting a sunk boat out of the inner basin"
    assert image.href == "crane.jpg"
    untitled = parse("![](photos/harbour.png)\n", markdown=True).blocks[0]
    assert untitled.text == "harbour.png" and untitled.spans[0].kind == "image"


def test_every_block_numbers_in_order(harbour):
    assert [b.index for b in harbour.blocks] == list(range(len(harbour.blocks)))
    assert {b.kind for b in harbour.blocks} == {"heading", "paragraph", "list_item", "table", "blockquote", "code"}


CODE_ARTICLE = (
    "# Code and quotes\n\n"
    'Alice Walker said "we will win this" at the meeting in Paris.\n\n'
    "```python\n"
    'print("Bob Marley says hello to everyone here")\n'
    'Charlie = "this is not a quotation at all"\n'
    "```\n"
)


def test_the_analysis_view_blanks_code_and_keeps_every_offset():
    doc = parse(CODE_ARTICLE, markdown=True)
    view = without_code(doc)
    assert [len(b.text) for b in view.blocks] == [len(b.text) for b in doc.blocks]
    assert view.blocks[2].text.strip() == "" and doc.blocks[2].text.startswith("print(")
    assert view.blocks[1] is doc.blocks[1]
    plain = parse("Title\nA paragraph.\n", markdown=False)
    assert without_code(plain) is plain


def test_code_is_never_searched_for_quotations_or_names():
    doc = parse(CODE_ARTICLE, markdown=True)
    result = analyse(doc)
    assert [q.text for q in result.quotes] == ["we will win this"]
    assert {e.name for e in result.entities} == {"Alice Walker", "Paris"}
    assert result.document is doc and result.language == "en"
    assert doc.blocks[2].text.startswith("print(")
    assert result.languages.blocks[2] == "und"


def test_the_pipeline_leaves_code_blocks_alone():
    result = analyse(parse(CODE_ARTICLE, markdown=True))
    assert [q.block for q in result.quotes] == [1]
