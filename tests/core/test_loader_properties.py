"""Property tests: any text, in any encoding the loader accepts, loads sanely."""

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.article import clean, decode, parse
from reader.core.errors import InputError

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "cp1252"]


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


def squash(text: str) -> str:
    return " ".join(text.split())


texts = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), max_size=400
) | st.lists(
    st.sampled_from(["Titolo", "Una frase.", "\n", "\n\n", "  ", "«citazione»", "# head", "[b]", "\x1b[31m", "\r\n", "é", "中文", "\t"]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(ENCODINGS), st.booleans())
def test_any_text_any_encoding_never_raises_unexpectedly(text, encoding, markdown):
    try:
        data = encode(text, encoding)
    except UnicodeEncodeError:
        return  # not representable in cp1252: not an input this encoding can carry
    try:
        decoded = decode(data)
    except InputError:
        return  # empty, binary-looking: refused with a message, which is the contract
    doc = parse(decoded.text, markdown=markdown)
    for block in doc.blocks:
        assert block.text.strip()
        # Code keeps its indentation as written; every other block is trimmed.
        assert block.text == (block.text.rstrip() if block.kind == "code" else block.text.strip())
        assert "\x1b" not in block.text and "\r" not in block.text
        for span in block.spans:
            assert 0 <= span.start < span.end <= len(block.text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_plain_blocks_are_the_normalised_text_in_order(text):
    normal = clean(text)
    doc = parse(normal, markdown=False)
    flat = squash(normal)
    pos = 0
    for block in doc.blocks:
        piece = squash(block.text)
        found = flat.find(piece, pos)
        assert found >= 0, (piece, flat)
        pos = found + len(piece)
    # Nothing is lost: every word of the text is in some block.
    assert sum(len(b.text.split()) for b in doc.blocks) == len(normal.split())


@settings(max_examples=200, deadline=None)
@given(texts)
def test_utf8_and_utf16_give_the_same_document(text):
    try:
        a = decode(text.encode("utf-8"))
        b = decode(text.encode("utf-16"))
    except InputError:
        return
    assert a.text == b.text
