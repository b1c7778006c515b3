"""Loading articles into blocks: plain text, Markdown, standard input."""

import io
import sys

import pytest

from reader.core.article import load, parse
from reader.core.errors import InputError

SAMPLE_SUBHEADS = [
    "TBD Labs? È il preferito di Zuckerberg.",
    "Quanto è prezioso questo laboratorio TBD?",
    "Dichiarazione di Wang: siamo sulla strada giusta",
]


def test_sample_one_block_per_paragraph_with_its_subheads(sample_path):
    doc = load(sample_path)
    lines = [ln.strip() for ln in sample_path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert [b.text for b in doc.blocks] == lines
    assert doc.title == lines[0]
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].level == 1
    assert [b.text for b in doc.blocks if b.kind == "heading" and b.level == 2] == SAMPLE_SUBHEADS
    assert {b.kind for b in doc.blocks} == {"heading", "paragraph"}
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert [b.id for b in doc.blocks[:3]] == ["b1", "b2", "b3"]


def test_short_prose_lines_are_not_headings(sample_path):
    doc = load(sample_path)
    paragraphs = {b.text for b in doc.blocks if b.kind == "paragraph"}
    assert "emmnm, questa risposta è un po' risentita." in paragraphs
    assert "La fonte di tutto questo non può che essere Llama 4." in paragraphs
    assert "Beh, se hai soldi puoi fare quello che vuoi." in paragraphs


def test_blank_line_paragraphs_and_hard_wrapped_text_are_joined():
    text = (
        "Storm hits the coast\n\n"
        "The storm reached the coast on Monday night, bringing winds of up to\n"
        "120 km/h and heavy rain to several towns along the shore, officials\n"
        "said on Tuesday.\n\n"
        "Schools stayed closed across the region while crews cleared fallen\n"
        "trees from the main roads.\n"
    )
    doc = parse(text, markdown=False)
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph"]
    assert doc.blocks[1].text.startswith("The storm reached the coast on Monday night, bringing winds of up to 120 km/h")
    assert doc.blocks[1].text.endswith("officials said on Tuesday.")



def test_a_title_right_above_a_long_paragraph_is_not_a_wrapped_line():
    doc = parse(
        "Governo anuncia novo pacote económico\n"
        "O primeiro-ministro Luís Montenegro anunciou nesta terça-feira em Lisboa um pacote de medidas.",
        markdown=False,
    )
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    assert doc.title == "Governo anuncia novo pacote económico"

def test_markdown_blocks_and_inline_spans(tmp_path):
    md = tmp_path / "a.md"
    md.write_text(
        "---\ntitle: Front title\nauthor: x\n---\n"
        "# The headline\n\n"
        "The *minister* said on **Tuesday** that [talks](https://example.org) resumed, `code` too.\n\n"
        "> A quoted paragraph.\n\n"
        "- first item\n- second *item*\n\n"
        "<b>raw html</b> stays text\n",
        encoding="utf-8",
    )
    doc = load(md)
    assert doc.title == "Front title"
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "blockquote", "list_item", "list_item", "paragraph"]
    para = doc.blocks[1]
    assert para.text == "The minister said on Tuesday that talks resumed, code too."
    got = {(s.kind, para.text[s.start : s.end], s.href) for s in para.spans}
    assert got == {("em", "minister", None), ("strong", "Tuesday", None), ("link", "talks", "https://example.org"), ("code", "code", None)}
    assert doc.blocks[4].text == "second item" and doc.blocks[4].spans[0].kind == "em"
    assert doc.blocks[5].text == "<b>raw html</b> stays text"


def test_markdown_title_falls_back_to_first_heading(tmp_path):
    md = tmp_path / "b.markdown"
    md.write_text("Intro line\n\n## Section\n\nBody.\n", encoding="utf-8")
    doc = load(md)
    assert doc.title == "Section"
    assert doc.blocks[1].kind == "heading" and doc.blocks[1].level == 2


def test_standard_input(monkeypatch):
    data = b"Titolo\nPrimo paragrafo dell'articolo.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    doc = load("-")
    assert doc.title == "Titolo" and doc.source == "-"
    assert [b.text for b in doc.blocks] == ["Titolo", "Primo paragrafo dell'articolo."]


def test_markup_looking_text_is_kept_literally():
    text = "He said [sic] the plan [b]failed[/b], costing $var and [/x].\n"
    doc = parse("Title\n" + text, markdown=False)
    assert doc.blocks[1].text == text.strip()


def test_one_enormous_line_is_split_into_blocks(tmp_path):
    sentence = "Questa è una frase di prova che si ripete molte volte nel testo. "
    path = tmp_path / "line.txt"
    path.write_text("Titolo\n" + sentence * 40_000, encoding="utf-8")  # 2.6 MB, one line
    doc = load(path)
    assert len(doc.blocks) > 400
    assert max(len(b.text) for b in doc.blocks) <= 5000
    assert all(b.text.endswith(".") for b in doc.blocks[1:])


def test_title_only_file_still_opens():
    doc = parse("Just a title\n", markdown=False)
    assert doc.title == "Just a title" and len(doc.blocks) == 1


def test_whitespace_file_is_no_text(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n \t \n", encoding="utf-8")
    with pytest.raises(InputError, match="no text"):
        load(path)
