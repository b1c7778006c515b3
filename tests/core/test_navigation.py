"""Where ], [, }, {, e, E, n and N go next, and the map of where an entity falls.

Positions are (paragraph, offset) in reading order. After moving by paragraph
the cursor is (paragraph, -1): everything in the current paragraph is still ahead.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.article import spread_map, step

QUOTES = [(1, 10), (3, 0), (3, 40), (7, 5)]


def test_forward_goes_to_the_next_position_after_the_cursor():
    assert step(QUOTES, (1, 10), True) == (1, False), "not the one the cursor is on"
    assert step(QUOTES, (2, -1), True) == (1, False)
    assert step(QUOTES, (3, 0), True) == (2, False)
    assert step(QUOTES, (3, 20), True) == (2, False)


def test_backward_goes_to_the_last_position_before_the_cursor():
    assert step(QUOTES, (7, 5), False) == (2, False), "not the one the cursor is on"
    assert step(QUOTES, (3, 40), False) == (1, False)
    assert step(QUOTES, (3, 20), False) == (1, False)
    assert step(QUOTES, (5, -1), False) == (2, False)


def test_forward_wraps_past_the_end_to_the_first_and_says_so():
    assert step(QUOTES, (7, 5), True) == (0, True)
    assert step(QUOTES, (9, -1), True) == (0, True)


def test_backward_wraps_past_the_start_to_the_last_and_says_so():
    assert step(QUOTES, (1, 10), False) == (3, True)
    assert step(QUOTES, (0, -1), False) == (3, True)


def test_a_single_position_is_reached_again_by_wrapping():
    assert step([(4, 2)], (4, 2), True) == (0, True)
    assert step([(4, 2)], (4, 2), False) == (0, True)
    assert step([(4, 2)], (0, -1), True) == (0, False)


def test_no_positions_means_nowhere_to_go():
    assert step([], (0, -1), True) == (None, False)
    assert step([], (5, 3), False) == (None, False)


def test_a_position_in_the_current_paragraph_is_still_ahead_after_moving_by_paragraph():
    # j onto paragraph 3, then ]: the quote at the start of paragraph 3 comes first.
    assert step(QUOTES, (3, -1), True) == (1, False)
    # but [ from there goes back to paragraph 1, not to a quote below the cursor.
    assert step(QUOTES, (3, -1), False) == (0, False)


positions = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 200)), unique=True).map(sorted)
cursors = st.tuples(st.integers(0, 30), st.integers(-1, 200))


@given(positions, cursors)
def test_forward_is_the_first_position_after_the_cursor_else_wraps(points, cursor):
    index, wrapped = step(points, cursor, True)
    ahead = [i for i, p in enumerate(points) if p > cursor]
    if not points:
        assert (index, wrapped) == (None, False)
    elif ahead:
        assert (index, wrapped) == (ahead[0], False)
    else:
        assert (index, wrapped) == (0, True)


@given(positions, cursors)
def test_backward_is_the_last_position_before_the_cursor_else_wraps(points, cursor):
    index, wrapped = step(points, cursor, False)
    behind = [i for i, p in enumerate(points) if p < cursor]
    if not points:
        assert (index, wrapped) == (None, False)
    elif behind:
        assert (index, wrapped) == (behind[-1], False)
    else:
        assert (index, wrapped) == (len(points) - 1, True)


@given(positions.filter(bool), cursors)
def test_pressing_forward_visits_every_position_once_then_comes_round(points, cursor):
    seen = []
    for _ in range(len(points)):
        index, _ = step(points, cursor, True)
        seen.append(index)
        cursor = points[index]
    assert sorted(seen) == list(range(len(points)))
    assert step(points, cursor, True)[0] == seen[0]


# -- spread_map: the side panel's map of where an entity is mentioned -------------------


def test_mentions_show_where_in_the_article_they_fall():
    assert spread_map([], 100, 10) == "··········"
    assert spread_map([0], 100, 10) == "▂·········"
    assert spread_map([99], 100, 10) == "·········▂", "the last paragraph is in the last cell"
    assert spread_map([50, 55], 100, 10) == "·····▄····"


def test_the_mark_grows_with_the_number_of_mentions():
    assert spread_map([5], 10, 10) == "·····▂····"
    assert spread_map([5, 5], 10, 10) == "·····▄····"
    assert spread_map([5, 5, 5], 10, 10) == "·····▄····"
    assert spread_map([5] * 4, 10, 10) == "·····█····"
    assert spread_map([5] * 40, 10, 10) == "·····█····"


def test_a_short_article_spreads_each_paragraph_over_several_cells():
    assert spread_map([0, 2], 3, 12) == "▂·······▂···"


def test_nothing_to_map_gives_an_empty_map():
    assert spread_map([1, 2], 0, 10) == ""
    assert spread_map([1, 2], 10, 0) == ""


@given(st.integers(1, 500).flatmap(lambda n: st.tuples(st.just(n), st.lists(st.integers(0, n - 1)))), st.integers(1, 40))
def test_the_map_is_as_wide_as_asked_and_marks_only_cells_with_mentions(article, width):
    total, blocks = article
    cells = spread_map(blocks, total, width)
    assert len(cells) == width
    # Cell i stands for the share [i / width, (i + 1) / width) of the article.
    hit = {i for i in range(width) if any(i * total <= b * width < (i + 1) * total for b in blocks)}
    assert {i for i, c in enumerate(cells) if c != "·"} == hit
    assert set(cells) <= set("·▂▄█")
