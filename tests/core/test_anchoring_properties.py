"""Property tests: anchors follow their words through edits, or become orphans."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.article import Block, Document
from reader.core.notes import make_anchor, resolve

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.", min_size=0, max_size=60)


def doc_of(texts: list[str]) -> Document:
    texts = [t if t.strip() else "x" for t in texts]
    return Document("T", [Block(i, "paragraph", t) for i, t in enumerate(texts)], "mem")


@st.composite
def article_with_passage(draw, min_passage: int = 3):
    paragraphs = draw(st.lists(words, min_size=1, max_size=8))
    at = draw(st.integers(0, len(paragraphs) - 1))
    passage = draw(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=min_passage, max_size=40))
    before, after = draw(words), draw(words)
    paragraphs[at] = before + passage + after
    return paragraphs, at, len(before), passage


@st.composite
def edits(draw):
    """Edits away from the passage: (kind, paragraph offset or side, text)."""
    return draw(
        st.lists(
            st.tuples(st.sampled_from(["insert_before", "insert_after", "trim_before", "trim_after", "new_block", "drop_block"]), words),
            max_size=6,
        )
    )


def apply(paragraphs, at, start, passage, changes):
    paragraphs = list(paragraphs)
    for kind, text in changes:
        block = paragraphs[at]
        head, tail = block[:start], block[start + len(passage) :]
        if kind == "insert_before":
            head = text + head
        elif kind == "insert_after":
            tail = tail + text
        elif kind == "trim_before":
            head = head[len(head) // 2 :]
        elif kind == "trim_after":
            tail = tail[: len(tail) // 2]
        elif kind == "new_block":
            paragraphs.insert(0, text or "new")
            at += 1
        elif kind == "drop_block" and len(paragraphs) > 1:
            victim = 0 if at != 0 else len(paragraphs) - 1
            del paragraphs[victim]
            if victim < at:
                at -= 1
        start = len(head)
        paragraphs[at] = head + passage + tail
    return paragraphs, at, start


@settings(max_examples=300, deadline=None)
@given(article_with_passage(), edits())
def test_edits_outside_the_passage_keep_it_anchored_to_the_same_words(article, changes):
    paragraphs, at, start, passage = article
    anchor = make_anchor(doc_of(paragraphs), at, start, start + len(passage))
    edited, new_at, new_start = apply(paragraphs, at, start, passage, changes)
    doc = doc_of(edited)
    place = resolve(doc, anchor)
    assert place is not None
    assert doc.blocks[place.block].text[place.start : place.end] == passage
    assert (place.block, place.start) == (new_at, new_start)


@settings(max_examples=300, deadline=None)
@given(article_with_passage(), edits())
def test_deleting_the_passage_makes_the_note_an_orphan(article, changes):
    paragraphs, at, start, passage = article
    anchor = make_anchor(doc_of(paragraphs), at, start, start + len(passage))
    edited, new_at, new_start = apply(paragraphs, at, start, passage, changes)
    block = edited[new_at]
    edited[new_at] = block[:new_start] + block[new_start + len(passage) :]
    assert resolve(doc_of(edited), anchor) is None


@settings(max_examples=200, deadline=None)
@given(article_with_passage(min_passage=12), st.integers(0, 2))
def test_small_corrections_inside_the_passage_still_anchor_there(article, typo_at):
    paragraphs, at, start, passage = article
    anchor = make_anchor(doc_of(paragraphs), at, start, start + len(passage))
    fixed = passage[: 4 + typo_at] + passage[5 + typo_at :]  # one letter dropped
    paragraphs = list(paragraphs)
    paragraphs[at] = paragraphs[at][:start] + fixed + paragraphs[at][start + len(passage) :]
    place = resolve(doc_of(paragraphs), anchor)
    assert place is not None and place.block == at
    # Where letters repeat, an edit at the edge can be counted either way: the
    # placement may be off by one character at each end, never more.
    assert abs(place.start - start) <= 1
    assert abs(place.end - (start + len(fixed))) <= 1
