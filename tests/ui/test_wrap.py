"""Where the article view breaks a paragraph into lines (plain pytest, no window).

wrap_offsets gives the character offsets where the 2nd, 3rd, ... lines start.
Plain one-cell text takes a fast path; anything else (CJK, combining marks, emoji)
the same rule measured in terminal cells. Both must wrap the way a reader expects.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.ui.wrap import wrap_offsets


def lines(text: str, width: int) -> list[str]:
    cuts = [0, *wrap_offsets(text, width), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]


def word_end(text: str, i: int) -> int:
    """Where the word running through offset `i` ends."""
    end = text.find(" ", i)
    return len(text) if end < 0 else end


def test_lines_break_after_spaces_and_keep_words_whole():
    assert lines("the quick brown fox jumps", 10) == ["the quick ", "brown fox ", "jumps"]
    assert lines("short", 10) == ["short"]
    assert lines("", 10) == [""]


def test_a_word_longer_than_the_line_is_folded():
    assert lines("abcdefghij", 3) == ["abc", "def", "ghi", "j"]
    assert lines("see supercalifragilistic now", 10) == ["see ", "supercalif", "ragilistic ", "now"]


def test_trailing_and_repeated_spaces_never_start_a_line():
    assert lines("hello world   ", 5) == ["hello ", "world   "]
    assert lines("one   two   three", 5) == ["one   ", "two   ", "three"]


def test_wide_characters_take_two_cells():
    assert lines("日本語のテキスト", 4) == ["日本", "語の", "テキ", "スト"]
    assert lines("東京 大阪", 4) == ["東京 ", "大阪"]
    assert lines("Tokyo 東京都 Osaka", 8) == ["Tokyo ", "東京都 ", "Osaka"]


def test_after_a_folded_wide_word_the_next_line_starts_at_the_next_word():
    # Rich's wrapper began the next line with the space: one cell indented, or,
    # when the next word did not fit either, a line holding only that space.
    assert lines("日本語のテキストです 東京", 10) == ["日本語のテ", "キストです ", "東京"]
    assert lines("日本語のテキストです 日本語のテキストです", 10) == [
        "日本語のテ",
        "キストです ",
        "日本語のテ",
        "キストです",
    ]


def test_combining_marks_take_no_room():
    decomposed = "Cafe\u0301 cafe\u0301 cafe\u0301"
    assert lines(decomposed, 10) == ["Cafe\u0301 cafe\u0301 ", "cafe\u0301"]


def test_width_one_puts_each_letter_on_its_own_line():
    assert lines("ab cd", 1) == ["a", "b ", "c", "d"]
    assert lines("日本 語", 1) == ["日", "本 ", "語"], "a wide letter that cannot fit still gets a line"
    assert wrap_offsets("ab", 0) == wrap_offsets("ab", 1) == wrap_offsets("ab", -5) == [1]


def test_a_hard_line_break_always_starts_a_line():
    assert lines("one\ntwo", 20) == ["one\n", "two"]
    assert lines("a\n\nb", 20) == ["a\n", "\n", "b"]
    assert lines("abcdef\nxy", 3) == ["abc", "def\n", "xy"]


# -- properties -------------------------------------------------------------------------

letters = st.one_of(
    st.sampled_from("abcdefghijklmnopqrstuvwxyzAÉèñüßçø,.;:!?'’“”—-"),
    st.sampled_from("日本語東京テキスト한국어"),
    st.sampled_from("aeiou").map(lambda c: c + "\u0301"),  # a letter and a combining accent
)
words = st.lists(letters, min_size=1, max_size=24).map("".join)
spaces = st.sampled_from([" ", " ", " ", "  "])
paragraphs = st.lists(st.tuples(words, spaces), min_size=1, max_size=12).map(
    lambda pairs: "".join(w + s for w, s in pairs).rstrip()
)


@given(paragraphs, st.integers(1, 40))
def test_lines_cover_the_text_in_order_and_none_is_empty(text, width):
    offsets = wrap_offsets(text, width)
    assert all(0 < a < b < len(text) for a, b in zip(offsets, offsets[1:]))
    assert all(0 < o < len(text) for o in offsets)


@given(paragraphs, st.integers(1, 40))
def test_every_line_fits_the_width_and_none_starts_with_a_space(text, width):
    for line in lines(text, width):
        shown = line.rstrip(" ")
        assert cell_len(shown) <= width or len(shown) == 1, (line, width)
    assert not any(line.startswith(" ") for line in lines(text, width)[1:])


@given(paragraphs, st.integers(1, 40))
def test_a_word_is_split_only_when_it_is_longer_than_a_line(text, width):
    for offset in wrap_offsets(text, width):
        if text[offset - 1] != " " and text[offset] != " ":
            start = text.rfind(" ", 0, offset) + 1
            word = text[start : word_end(text, offset)]
            assert cell_len(word) > width, (word, width)


@given(paragraphs, st.integers(1, 40))
def test_each_line_takes_as_many_words_as_fit(text, width):
    cuts = [0, *wrap_offsets(text, width)]
    for start, offset in zip(cuts, cuts[1:]):
        if text[offset - 1] == " ":  # a break between words: the next one did not fit
            assert cell_len(text[start : word_end(text, offset)].rstrip(" ")) > width


@given(
    st.text(alphabet="abcdefghij  ", min_size=1, max_size=200).filter(lambda t: t.strip()),
    st.integers(1, 40),
    st.data(),
)
def test_an_accent_written_as_a_combining_mark_moves_no_line_break(text, width, data):
    # Plain text takes the fast path; the same text with one accent added as a
    # combining mark (no wider on screen) takes the cell-measuring one.
    i = data.draw(st.sampled_from([k for k, c in enumerate(text) if c != " "]))
    accented = text[: i + 1] + "\u0301" + text[i + 1 :]
    assert wrap_offsets(accented, width) == [o + (o > i) for o in wrap_offsets(text, width)]
