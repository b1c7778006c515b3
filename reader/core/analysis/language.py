"""Language detection with langdetect: seeded, loaded lazily, "und" when unsure.

langdetect samples n-grams at random; without a fixed seed the same text can come
out as different languages from one run to the next. Its 55 language profiles take
about 190 ms to load, so they are loaded on first use, never at import.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.analysis import lexicon
from reader.core.analysis.lexicon import UNDETERMINED
from reader.core.analysis.results import Languages
from reader.core.article.model import Document

if TYPE_CHECKING:
    from reader.core.analysis.tokens import Token

MIN_LETTERS_BLOCK = 30
"""Blocks with fewer letters than this are "und": langdetect guesses wildly on
short strings ("Hello" comes out Finnish)."""
MIN_PROB_BLOCK = 0.9
MIN_LETTERS_DOC = 20
MIN_PROB_DOC = 0.7
DOC_SAMPLE_CHARS = 6000

_lock = threading.Lock()
_factory = None


def _get_factory():
    global _factory
    with _lock:
        if _factory is None:
            _factory = _load_factory()
    return _factory


def _load_factory():
    """langdetect's profiles, stored as float32 arrays instead of lists of floats.

    langdetect keeps 87,000 n-grams x 55 languages as Python lists of floats,
    about 67 MB; as arrays they take about 25 MB and detect the same.
    """
    import json
    import os
    from array import array

    from langdetect import detector_factory

    detector_factory.DetectorFactory.seed = 0
    factory = detector_factory.DetectorFactory()
    folder = detector_factory.PROFILES_DIRECTORY
    names = sorted(n for n in os.listdir(folder) if not n.startswith("."))
    size = len(names)
    table: dict[str, array] = {}
    for index, name in enumerate(names):
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            profile = json.load(fh)
        factory.langlist.append(profile["name"])
        n_words = profile["n_words"]
        for word, count in profile["freq"].items():
            length = len(word)
            if not 1 <= length <= 3:
                continue
            row = table.get(word)
            if row is None:
                row = table[word] = array("f", bytes(4 * size))
            row[index] = count / n_words[length - 1]
    factory.word_lang_prob_map = table
    return factory


_NON_LETTERS = re.compile(r"[\W\d_]+")


_DENSE_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _letters(text: str) -> int:
    """Letters in text; a Chinese, Japanese or Korean character counts as three,
    as it carries about as much as a short word."""
    letters = _NON_LETTERS.sub("", text)
    return len(letters) + 2 * len(_DENSE_SCRIPT.findall(letters))


def detect(
    text: str,
    *,
    min_letters: int = MIN_LETTERS_BLOCK,
    min_prob: float = MIN_PROB_BLOCK,
    trials: int = 7,
    code_only: bool = False,
) -> tuple[str, float]:
    """Detect the language of text.

    Returns:
        (code, probability); code is "und" when the text is too short, has no
        letters, or the best guess is below `min_prob`. With `code_only`, the
        detection stops as soon as "und" is certain, and the probability that
        comes with "und" is then 0.0.
    """
    if _letters(text) < min_letters:
        return UNDETERMINED, 0.0
    from reader.core.analysis.ngram_detection import probabilities

    # langdetect's own default is 7 trials; its numbers, computed faster.
    found = probabilities(_get_factory(), text, trials, min_prob if code_only else 0.0)
    # zh-cn and zh-tw are one language here: add their probabilities.
    totals: dict[str, float] = {}
    for lang, p in found:
        code = _normalise_code(lang)
        totals[code] = totals.get(code, 0.0) + p
    if not totals:
        return UNDETERMINED, 0.0
    code, prob = max(totals.items(), key=lambda kv: kv[1])
    if prob < min_prob:
        return UNDETERMINED, round(prob, 4)
    return code, round(min(prob, 1.0), 4)


def _normalise_code(code: str) -> str:
    # langdetect reports Chinese as zh-cn / zh-tw; BCP 47 base codes are enough here.
    return code.split("-")[0]


def _sample(doc: Document) -> str:
    """Body text from across the article (not only its start), headings left out."""
    body = [b.text for b in doc.blocks if b.kind != "heading"] or [b.text for b in doc.blocks]
    total = sum(len(t) for t in body)
    if total <= DOC_SAMPLE_CHARS:
        return "\n".join(body)
    step = max(1, round(total / DOC_SAMPLE_CHARS))
    picked: list[str] = []
    size = 0
    for i in range(0, len(body), step):
        picked.append(body[i])
        size += len(body[i])
        if size >= DOC_SAMPLE_CHARS:
            break
    return "\n".join(picked)


def _by_function_words(toks: Sequence[Token], profiles: dict[str, frozenset[str]], expected: str) -> str | None:
    """A block's language from its function words, when they leave no doubt.

    Function words are a third or more of running text in the five languages with
    word lists. The article's own language needs only a clear lead; another one
    must also cover much of the block and lead by far, so a sixth language (a
    Portuguese paragraph, say) is not taken for a neighbour and goes to langdetect.
    """
    if len(toks) < 6:
        return None
    hits = sorted(((sum(1 for t in toks if t.lower in words), code) for code, words in profiles.items()), reverse=True)
    if not hits:
        return None
    best, code = hits[0]
    second = hits[1][0] if len(hits) > 1 else 0  # the languages are data: there may be only one
    if code == expected and ((best >= 3 and best >= 1.5 * second) or (best >= 1 and second == 0)):
        return code
    if best >= 4 and best >= 2.5 * second and best >= 0.35 * len(toks):
        return code
    return None


def _names_only(toks: Sequence[Token]) -> bool:
    """A block whose every word is capitalised: a list of names (or a heading in title
    case), which says too little of its language for langdetect to tell; it would
    guess, at about 10 ms a block (a megabyte of such lines took half a minute)."""
    words = [t for t in toks if t.text[:1].isalpha()]
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words)


def _document_by_function_words(toks: Sequence[Token], profiles: dict[str, frozenset[str]]) -> tuple[str, float] | None:
    """An article's language from its function words, when they leave no doubt: then
    langdetect (its profiles take about 200-450 ms to load) is not needed at all.

    Words that are function words of one language only decide: the leader needs ten
    of them and four times as many as the next language, and its function words must
    be a quarter of the text (a language without a word list shares a few words with
    ours, never that many). The confidence is the leader's share of those words.
    """
    exclusive: Counter = Counter()
    every: Counter = Counter()
    for t in toks:
        hits = [code for code, words in profiles.items() if t.lower in words]
        every.update(hits)
        if len(hits) == 1:
            exclusive[hits[0]] += 1
    if not exclusive:
        return None
    (code, best), *rest = exclusive.most_common(2)
    second = rest[0][1] if rest else 0
    if best >= 10 and best >= 4 * second and every[code] >= 0.25 * len(toks) and every.most_common(1)[0][0] == code:
        return code, round(best / sum(exclusive.values()), 4)
    return None


def detect_languages(doc: Document, tokens: Sequence[Sequence[Token]] | None = None) -> Languages:
    """The document's language and every block's.

    The document's language comes from its function words when they are clear
    (langdetect otherwise). Blocks whose function words clearly agree with the document's language get it
    without running langdetect (about 1 ms a paragraph, the bulk of analysis time);
    the others, foreign quotations and mixed blocks among them, are detected.
    """
    from reader.core.analysis.tokens import tokenize

    if tokens is None:
        tokens = [tokenize(b.text) for b in doc.blocks]
    profiles = {code: lexicon.get(code).stopwords for code in lexicon.languages()}
    profiles = {code: words for code, words in profiles.items() if words}
    sample = _sample(doc)
    by_words = _document_by_function_words(tokenize(sample), profiles)
    found, prob = by_words or detect(sample, min_letters=MIN_LETTERS_DOC, min_prob=MIN_PROB_DOC)
    # Three sampling trials instead of seven: a paragraph that the function words
    # left in doubt still comes out right, in less than half the time.
    blocks = tuple(
        _by_function_words(toks, profiles, found)
        or (UNDETERMINED if _names_only(toks) else detect(block.text, trials=3, code_only=True)[0])
        for block, toks in zip(doc.blocks, tokens)
    )
    return Languages(_dominant(blocks) if found == UNDETERMINED else found, prob, blocks)


def _dominant(blocks: tuple[str, ...]) -> str:
    """A mixed article with no dominant language: the language its blocks mostly are,
    if one clearly leads; "und" otherwise."""
    counts = Counter(code for code in blocks if code != UNDETERMINED)
    if counts:
        code, n = counts.most_common(1)[0]
        if n >= 0.8 * sum(counts.values()):
            return code
    return UNDETERMINED
