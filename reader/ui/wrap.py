"""Word wrapping for the article view: where each line of a paragraph starts.

Wrapping every paragraph of a 5,000-paragraph article must take milliseconds, not
the ~80 µs a paragraph that a general rich-text wrapper costs. Text whose every
character is one cell wide (Latin, Greek, Cyrillic and common punctuation: nearly
all news) takes a greedy fast path; anything else goes through Rich's wrapper,
which measures cells.
"""

from __future__ import annotations

import re

from reader.ui.private_api import divide_line

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
        return list(divide_line(text, width, fold=True))
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
