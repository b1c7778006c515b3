#!/usr/bin/env python3
"""Build reader/core/analysis/lang/first_names_world.txt from Faker's name lists (developer tool).

Source: the person providers of Faker (https://github.com/joke2k/faker), MIT
licence, Copyright (c) 2012 Daniele Faraglia: the given names of every locale it
has (Czech, Danish, Finnish, Hungarian, Polish, Swedish, Norwegian, Turkish,
Indian, Kenyan...). Names in the Greek and Cyrillic scripts are transliterated to
the Latin letters news in the six languages write them with ("Γιώργος" ->
"Giorgos", "Дмитрий" -> "Dmitriy", "Dmitry", "Dmitri"). Names written otherwise
(Arabic, Chinese, Hindi...) are left out.

A name that is also a very common word of one of the six languages (wordfreq Zipf
>= 4.5: "Will", "Hope", "Summer") is left out unless the hand-made
first_names.txt already has it: such a word capitalised proves too little.

The shipped file keeps Faker's MIT licence (see lang/SOURCES.md). Faker and wordfreq
are needed here only, never at run time:

    python -m venv /tmp/toolvenv && /tmp/toolvenv/bin/pip install faker wordfreq
    /tmp/toolvenv/bin/python tools/build_first_names.py
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import unicodedata
from pathlib import Path

import faker.providers.person as person
import wordfreq

ROOT = Path(__file__).resolve().parent.parent
LANG = ROOT / "reader" / "core" / "analysis" / "lang"
OUT = LANG / "first_names_world.txt"
LANGUAGES = ("it", "en", "fr", "de", "es", "pt")
COMMON_ZIPF = 4.5
LATIN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-ž]+(?:[-'][A-Za-zÀ-ÿ][a-zà-öø-ÿā-ž]+)?$")

_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}
_GREEK_PAIRS = {"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "μπ": "b", "ντ": "nt", "γκ": "gk", "γγ": "ng"}
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def transliterate(name: str) -> list[str]:
    """Latin spellings of a Greek or Cyrillic given name (none for other scripts)."""
    low = _strip_accents(name.lower())
    if any("\u0370" <= c <= "\u03ff" for c in low):
        out = ""
        i = 0
        while i < len(low):
            pair = low[i : i + 2]
            if pair in _GREEK_PAIRS:
                out += _GREEK_PAIRS[pair]
                i += 2
                continue
            out += _GREEK.get(low[i], "")
            i += 1
        return [out.capitalize()] if out else []
    if any("\u0400" <= c <= "\u04ff" for c in low):
        base = "".join(_CYRILLIC.get(c, "") for c in low)
        forms = {base}
        if low.endswith("ий"):  # Дмитрий: Dmitriy, Dmitry, Dmitri
            stem = base[:-2]
            forms |= {stem + "y", stem + "i"}
        return sorted(f.capitalize() for f in forms if f)
    return []


def faker_names() -> set[str]:
    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = getattr(provider, attr, None)
            if not isinstance(value, (list, tuple, dict, set, frozenset)):
                continue
            for name in value:
                if LATIN.match(name):
                    names.add(name)
                else:
                    names.update(n for n in transliterate(name) if LATIN.match(n))
    return names


def main() -> int:
    hand = {ln.strip() for ln in (LANG / "first_names.txt").read_text(encoding="utf-8").splitlines()}
    kept, common = [], []
    for name in sorted(faker_names()):
        if name in hand:
            continue
        zipf = max(wordfreq.zipf_frequency(name.lower(), lang) for lang in LANGUAGES)
        (common if zipf >= COMMON_ZIPF else kept).append(name)
    header = [
        "# Given names across nationalities, one a line: built by tools/build_first_names.py",
        "# from the person providers of Faker (https://github.com/joke2k/faker), MIT licence,",
        "# Copyright (c) 2012 Daniele Faraglia; Greek and Cyrillic names transliterated.",
        "# Names in first_names.txt, and names that are very common words of the six",
        f"# languages (wordfreq Zipf >= {COMMON_ZIPF}), are left out. Do not edit: re-run the tool.",
    ]
    OUT.write_text("\n".join(header + kept) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(kept)} names; left out as common words: {len(common)}", file=sys.stderr)
    print("  e.g. " + ", ".join(common[:40]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
