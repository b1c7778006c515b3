"""Word wrapping for the article view: where each line of a paragraph starts.

Wrapping every paragraph of a 5,000-paragraph article must take milliseconds, not
the ~80 µs a paragraph that a general rich-text wrapper costs. Text whose every
character is one cell wide (Latin, Greek, Cyrillic and common punctuation: nearly
all news) takes a greedy fast path; anything else the same greedy rule measured in
cells, one grapheme (a letter with its accents, an emoji sequence) at a time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from rich.cells import get_character_cell_size, split_graphemes

# Characters known to be exactly one cell wide. Combining marks (0 cells), East
# Asian wide characters and emoji (2 cells) fall outside and take the slow path.
_NOT_SIMPLE = re.compile(
    "[^\x20-\x7e\u00a0-\u02ff\u0370-\u0482\u048a-\u0587\u1e00-\u1fff"
    "\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u214f]"
)


def wrap_offsets(text: str, width: int) -> list[int]:
    """Character offsets where the 2nd, 3rd, ... lines of `text` start at `width` cells.

    Lines break after spaces; a word longer than the width is folded. Hard line
    breaks ("\\n") always start a new line.
    """
    width = max(1, width)
    if "\n" in text:
        offsets: list[int] = []
        base = 0
        for i, part in enumerate(text.split("\n")):
            if i:
                offsets.append(base)
            offsets.extend(base + o for o in wrap_offsets(part, width))
            base += len(part) + 1
        return offsets
    if _NOT_SIMPLE.search(text):
        return _wrap_cells(text, width)
    offsets = []
    start = 0
    n = len(text)
    while n - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:
            cut = start + width
        else:
            cut += 1
            # Swallow a run of spaces so the next line does not start with one.
            while cut < n and text[cut] == " ":
                cut += 1
            if cut >= n:
                break
        offsets.append(cut)
        start = cut
    return offsets


def _wrap_cells(text: str, width: int) -> list[int]:
    """The fast path's rule, measured in terminal cells and never cutting a grapheme.

    A line takes as many words as fit in `width` cells; the spaces after its last
    word hang past the edge, where they do not show, so no line starts with one.
    A word wider than a line is folded at the edge; a character wider than the
    whole line (a wide one at width 1) gets a line of its own.
    """
    cells = list(accumulate(_cell_sizes(text), initial=0))  # cells[i]: width of text[:i]
    n = len(text)
    offsets: list[int] = []
    first = 0  # where the line starts
    while cells[n] - cells[first] > width:
        # text[first:fit] fits; at `fit` begins the first character past the edge (a
        # zero-width one, such as an accent, never: it belongs to the one before).
        fit = bisect_right(cells, cells[first] + width, first) - 1
        space = text.rfind(" ", first + 1, fit + 1)  # one at `fit` ends the line just in time
        if space >= 0:
            cut = space + 1
        elif fit > first:
            cut = fit  # no space to break after: fold the word at the edge
        else:
            cut = first + 1  # one character wider than the line: a line of its own
            while cut < n and cells[cut + 1] == cells[cut]:
                cut += 1
        while cut < n and text[cut] == " ":
            cut += 1
        if cut >= n:
            break
        offsets.append(cut)
        first = cut
    return offsets


def _cell_sizes(text: str) -> Iterable[int]:
    """Each character's cells; in an emoji sequence the first carries the whole width."""
    if "\u200d" not in text and "\ufe0f" not in text:
        return map(get_character_cell_size, text)
    sizes = [0] * len(text)
    for start, _, size in split_graphemes(text)[0]:
        sizes[start] = size
    return sizes
