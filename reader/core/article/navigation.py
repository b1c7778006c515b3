"""Where the next quotation, topic, mention or match is: pure cursor arithmetic.

Positions are (block, offset) pairs in reading order. The cursor is where the
reader is: after moving by paragraph it is (block, -1), so anything in the
current paragraph still counts as ahead.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

Position = tuple[int, int]


def step(positions: Sequence[Position], cursor: Position, forward: bool) -> tuple[int | None, bool]:
    """The index of the first position after (or before) the cursor, wrapping at the ends.

    Returns:
        (index, wrapped): index is None when there are no positions; wrapped is
        True when the search went past the end (or the start) and came round.
    """
    if not positions:
        return None, False
    if forward:
        i = bisect_right(positions, cursor)
        if i < len(positions):
            return i, False
        return 0, True
    i = bisect_left(positions, cursor) - 1
    if i >= 0:
        return i, False
    return len(positions) - 1, True


def spread_map(blocks: Sequence[int], total_blocks: int, width: int = 12) -> str:
    """A one-line map of where in the article the given blocks fall.

    Each cell covers an equal share of the article: "·" where nothing falls,
    then "▂", "▄", "█" by how many do.
    """
    if total_blocks <= 0 or width <= 0:
        return ""
    cells = [0] * width
    for b in blocks:
        cells[min(width - 1, b * width // total_blocks)] += 1
    out = []
    for n in cells:
        out.append("·" if n == 0 else "▂" if n == 1 else "▄" if n <= 3 else "█")
    return "".join(out)
