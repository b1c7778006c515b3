#!/usr/bin/env python3
"""Build reader/core/analysis/lang/words_<code>.tsv, the common words of each language (developer tool).

Source: wordfreq (https://github.com/rspeer/wordfreq) 3.1, whose word frequencies
are CC BY-SA 4.0 (they come from Wikipedia, subtitles, news, books, the web and
Twitter; see wordfreq's README for the credits). For each language with a file in
lang/, the words of MIN_ZIPF or more on the Zipf scale (about once in 300,000 words
and more often), letters only, with their Zipf frequency times ten.

wordfreq looks words up in lower case: "Baker" and "baker" are one word. The list
tells how common a word is, not that it is no name; the analysis weighs it with
the name lists and the article's context. The shipped files keep wordfreq's
CC BY-SA 4.0 licence (see lang/SOURCES.md); wordfreq itself is needed here only,
never at run time (it costs 130-530 ms and 30-70 MB per language on first use):

    python -m venv /tmp/toolvenv && /tmp/toolvenv/bin/pip install wordfreq
    /tmp/toolvenv/bin/python tools/build_words.py
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import wordfreq

ROOT = Path(__file__).resolve().parent.parent
LANG = ROOT / "reader" / "core" / "analysis" / "lang"
MIN_ZIPF = 3.5


def languages() -> list[str]:
    return sorted(p.stem for p in LANG.glob("*.toml") if p.stem != "common")


def main() -> int:
    for code in languages():
        table = wordfreq.get_frequency_dict(code, wordlist="best")
        best: dict[str, int] = {}
        for word, freq in table.items():
            zipf = round((math.log10(freq) + 9) * 10)
            key = word.casefold()  # as the analysis compares words: German "straße" is "strasse"
            if zipf >= MIN_ZIPF * 10 and word.isalpha() and zipf > best.get(key, 0):
                best[key] = zipf
        rows = sorted(best.items())
        out = LANG / f"words_{code}.tsv"
        header = [
            f"# The common words of '{code}': built by tools/build_words.py from wordfreq 3.1 (CC BY-SA 4.0;",
            "# this file keeps that licence). Word, then its Zipf frequency times ten. Do not edit: re-run the tool.",
        ]
        out.write_text("\n".join(header + [f"{w}\t{z}" for w, z in rows]) + "\n", encoding="utf-8")
        print(f"wrote {out}: {len(rows)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
