"""Deep Markdown and unterminated escape sequences never drop text."""

from reader.core.article import clean, parse


def words(doc) -> list[str]:
    return " ".join(b.text for b in doc.blocks).split()


def test_a_list_thirty_deep_keeps_every_item_and_what_follows():
    lines = ["# Title", ""] + ["  " * i + f"- item{i} *word{i}*" for i in range(30)] + ["", "After one.", "", "After two."]
    doc = parse("\n".join(lines) + "\n", markdown=True)
    kept = words(doc)
    for i in range(30):
        assert f"item{i}" in kept and f"word{i}" in kept
    assert doc.blocks[-2].text == "After one." and doc.blocks[-1].text == "After two."
    assert [b.kind for b in doc.blocks[1:31]] == ["list_item"] * 30


def test_two_thousand_quotation_marks_show_their_words():
    doc = parse("# T\n\n" + ">" * 2000 + " deep words\nand more\n\nafter\n", markdown=True)
    assert [(b.kind, b.text) for b in doc.blocks] == [("heading", "T"), ("blockquote", "deep words and more"), ("paragraph", "after")]


def test_deep_quotes_inside_a_document_keep_their_order():
    text = "# T\n\nfirst\n\n" + "> " * 25 + "deep\n\nmiddle\n\n" + "> " * 25 + "deeper\n\nlast\n"
    assert [b.text for b in parse(text, markdown=True).blocks] == ["T", "first", "deep", "middle", "deeper", "last"]


def test_an_unterminated_osc_or_apc_drops_nothing_after_it():
    for intro in ("\x1b]52;c;", "\x1b_", "\x1bP", "\x1b]"):
        text = clean(f"Title\n\nBefore {intro}payload\n\nAfter one.\n\nAfter two.\n")
        assert "\x1b" not in text
        assert "After one." in text and "After two." in text and "Before" in text
    # a terminated one is removed whole, on its line
    assert clean("a\x1b]2;title\x07b \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\") == "ab link"
