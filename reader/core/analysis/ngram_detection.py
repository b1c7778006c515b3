"""langdetect's detection of one text, step for step, with the same numbers, faster.

langdetect (1.0.9) reads a text character by character in Python objects, then
multiplies 55 probabilities one at a time for every n-gram it samples: on a page of
names that never converges it spends 10 ms a paragraph. This is the same algorithm
on the same profiles, with the same random sequence and the same floating-point
operations in the same order, so its probabilities are equal to the last bit
(tests/core/test_ngram_detection.py compares them); only the work is shared:

- characters are normalised once per distinct character (`str.translate`), not once
  per occurrence;
- the n-grams of a word depend on the word alone (langdetect starts afresh at every
  space), so they are computed once per distinct word;
- each sampled n-gram updates the probabilities in one list comprehension.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from typing import Any

_SPACES = re.compile(" {2,}")
_LATIN = re.compile("[A-z]")
"""What langdetect counts as Latin: every character from "A" to "z" (so "[", "_" too)."""
_FROM_U0300 = re.compile("[\u0300-\U0010ffff]")
_LONGEST_KEPT = 40
"""Longer words (a run of letters with no space) are not remembered: they seldom recur."""
_table: dict[str, Any] = {}


def probabilities(factory: Any, text: str, trials: int, unless_below: float = 0.0) -> list[tuple[str, float]]:
    """(language, probability) above langdetect's threshold, most probable first, as
    `Detector.get_probabilities()` gives them; [] where it finds no n-gram.

    With `unless_below`, also [] as soon as no language (zh-cn and zh-tw counted as
    one) can end with that much: a trial gives a language at most 1, so once the
    trials so far leave every language short even if all the others gave it 1, the
    rest need not run. Two trials that settle on two languages leave each below 0.9.
    """
    from langdetect.detector import Detector

    global _table
    if _table is not factory.word_lang_prob_map:
        _table = factory.word_lang_prob_map
        _ngrams.cache_clear()
        _row.cache_clear()
    ngrams = _text_ngrams(_cleaned(_appended(text, Detector)))
    if not ngrams:
        return []
    rows_of = {w: _row(w) for w in set(ngrams)}
    rows = [rows_of[w] for w in ngrams]
    langs = factory.langlist
    n = len(langs)
    rng = random.Random()
    rng.seed(factory.seed)
    # random.choice(rows) and rows[rng.randrange(len(rows))] draw the same numbers
    # (both go through the generator's _randbelow, which is private and not called here).
    below, gauss, count = rng.randrange, rng.gauss, len(rows)
    limit, converged = Detector.ITERATION_LIMIT, Detector.CONV_THRESHOLD
    langprob = [0.0] * n
    groups = _groups(tuple(langs))
    for t in range(trials):
        prob = [1.0 / n] * n
        weight = (Detector.ALPHA_DEFAULT + gauss(0.0, 1.0) * Detector.ALPHA_WIDTH) / Detector.BASE_FREQ
        i = 0
        while True:
            row = rows[below(count)]
            prob = [p * (weight + w) for p, w in zip(prob, row)]
            if i % 5 == 0:
                total = sum(prob)
                prob = [p / total for p in prob]
                if max(prob) > converged or i >= limit:
                    break
            i += 1
        for j in range(n):
            langprob[j] += prob[j] / trials
        if unless_below and t < trials - 1:
            # (A margin far above the rounding of these sums.)
            still = (trials - 1 - t) / trials + 1e-6
            if all(sum(langprob[j] for j in group) + still < unless_below for group in groups):
                return []
    found = [(lang, p) for lang, p in zip(langs, langprob) if p > Detector.PROB_THRESHOLD]
    found.sort(key=lambda pair: pair[1], reverse=True)
    return found


@lru_cache(maxsize=4)
def _groups(langs: tuple[str, ...]) -> list[list[int]]:
    """The indices of each language, variants together (zh-cn and zh-tw are zh)."""
    by_code: dict[str, list[int]] = {}
    for j, lang in enumerate(langs):
        by_code.setdefault(lang.split("-")[0], []).append(j)
    return list(by_code.values())


@lru_cache(maxsize=4096)
def _row(ngram: str) -> tuple[float, ...]:
    """The n-gram's probability in each language, as floats (the profiles keep float32)."""
    return tuple(_table[ngram])


def _appended(text: str, detector: Any) -> str:
    """`Detector.append`: addresses out, Vietnamese marks joined, cut to the maximum
    length, runs of spaces made one."""
    from langdetect.utils.ngram import NGram

    text = detector.URL_RE.sub(" ", text)
    text = detector.MAIL_RE.sub(" ", text)
    text = NGram.normalize_vi(text)
    return _SPACES.sub(" ", text[:10000])


def _cleaned(text: str) -> str:
    """`Detector.cleaning_text`: Latin letters out of a text that is mostly not Latin.

    langdetect compares a block number with a block name there, so every character
    from U+0300 on counts as not Latin; so it does here.
    """
    latin = len(text) - len(_LATIN.sub("", text))
    others = len(text) - len(_FROM_U0300.sub("", text))
    return _LATIN.sub("", text) if latin * 2 < others else text


def _text_ngrams(text: str) -> list[str]:
    """`Detector._extract_ngrams`, a word at a time."""
    normalised = text.translate({ord(ch): _normal(ch) for ch in set(text)})
    words = normalised.split(" ")
    last = len(words) - 1
    out: list[str] = []
    for i, word in enumerate(words):
        if len(word) > _LONGEST_KEPT:
            out += _word_ngrams(word, i < last)
        elif word:
            out += _ngrams(word, i < last)
    return out


@lru_cache(maxsize=1 << 16)
def _normal(ch: str) -> str:
    from langdetect.utils.ngram import NGram

    return NGram.normalize(ch)


def _word_ngrams(word: str, spaced: bool) -> tuple[str, ...]:
    """The n-grams langdetect keeps from one word (normalised, without spaces), and from
    the space after it when there is one.

    langdetect starts each word with " " and keeps the last three characters: at each
    character it takes the last one, two and three of " " + word; none where that
    character and the one before are both capitals (a word in capitals).
    """
    table = _table
    padded = " " + word + " " if spaced else " " + word
    upper = [ch.isupper() for ch in padded]
    out: list[str] = []
    for j in range(1, len(padded)):
        if upper[j] and upper[j - 1]:
            continue
        ch = padded[j]
        if ch != " " and ch in table:
            out.append(ch)
        gram = padded[j - 1 : j + 1]
        if gram in table:
            out.append(gram)
        if j >= 2:
            gram = padded[j - 2 : j + 1]
            if gram in table:
                out.append(gram)
    return tuple(out)


_ngrams = lru_cache(maxsize=1 << 16)(_word_ngrams)
"""The n-grams of the words met before: most words of an article are."""
