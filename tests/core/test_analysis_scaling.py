"""Analysis time grows with the text, not faster: 4x the text takes well under 6x the time.

The inputs are the ones that once made it quadratic: a paragraph of nothing but
capitalised words (every cut of the run was tried, every stretch looked up) and
quotation marks of every kind, paired and not (every quotation compared with every
other). A linear analysis takes about 4x the time for 4x the text; the bound leaves
room for a loaded machine. `make bench` times 1 MB of each against the 3 s target.
"""

from __future__ import annotations

import gc
import random
import time

from reader.core.analysis import analyse
from reader.core.article import parse

SYLLABLES = ("al", "ber", "ca", "do", "el", "fi", "gor", "ha", "in", "jo", "ka", "lu", "mar", "ne", "os",
             "pi", "qua", "ro", "sa", "ti", "ur", "ve", "wen", "xa", "yo", "ze")
MARKS = ("“", "”", "«", "»", '"', "'", "„", "‘", "’", "‹", "›")
WORDS = ("said", "the", "Minister", "would", "Rome", "not", "yes", "Anna", "a", "of")


def capitalised(size: int) -> str:
    """Ten paragraphs of `size` characters of capitalised words, all names ("Alber Doka Fiher ...")."""
    rng = random.Random(1)
    names = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() for _ in range(2000)]
    paragraphs = []
    for _ in range(10):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < size:
            words.append(rng.choice(names))
        paragraphs.append(" ".join(words))
    return "Capitalised words\n" + "\n".join(paragraphs) + "\n"


def quotation_marks(size: int) -> str:
    """Ten paragraphs of `size` characters: quotation marks of every kind among short
    words, paired and not."""
    rng = random.Random(2)
    paragraphs = []
    for _ in range(10):
        text = ""
        while len(text) < size:
            piece = rng.choice(MARKS) if rng.random() < 0.5 else rng.choice(WORDS)
            text += piece + rng.choice((" ", "", " ", ", "))
        paragraphs.append(text)
    return "Quotation marks\n" + "\n".join(paragraphs) + "\n"


def seconds(text: str, runs: int) -> float:
    """The best of a few analyses of the text, in this process's CPU time (what other
    processes on a busy machine do counts less than in wall time)."""
    best = float("inf")
    for _ in range(runs):
        doc = parse(text, markdown=False)
        gc.collect()
        start = time.process_time()
        analyse(doc)
        best = min(best, time.process_time() - start)
    return best


def growth(make, size: int) -> float:
    """How many times longer the analysis of 4x the text takes."""
    analyse(parse(make(size), markdown=False))  # word lists and language profiles loaded
    return seconds(make(4 * size), 3) / seconds(make(size), 5)


# 1,200 then 4,800 characters a paragraph (a paragraph is cut at 5,000): what once
# grew faster than the text grew with the paragraph, a run of names or the quotations
# around a word.


def test_paragraphs_of_capitalised_words_take_time_in_proportion():
    ratio = growth(capitalised, 1200)
    assert ratio < 6, f"4x the capitalised words took {ratio:.1f}x the time"


def test_paragraphs_of_quotation_marks_take_time_in_proportion():
    ratio = growth(quotation_marks, 1200)
    assert ratio < 6, f"4x the quotation marks took {ratio:.1f}x the time"
