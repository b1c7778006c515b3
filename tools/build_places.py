#!/usr/bin/env python3
"""Build reader/core/analysis/lang/places.tsv (developer tool, NOT needed at runtime).

The gazetteer is generated from two inputs:

1. Unicode CLDR data as shipped by the Python package Babel
   (https://babel.pocoo.org, BSD-3-Clause; CLDR is under the Unicode License v3,
   https://www.unicode.org/license.txt):
   * territory names per locale (countries, dependent territories, world regions),
   * localised exemplar-city names of time zones (only for cities that are
     selected in places_manual.txt; the time-zone city list itself contains many
     small places and is never copied wholesale).
2. places_manual.txt beside this script: hand-written rows (regions, states,
   cities, seas, rivers...), extra names for CLDR entries, exclusions and
   conflict decisions. Its format is documented at its top.

The languages, and the CLDR locales each takes its names from, are listed in
places_languages.toml beside this script (one line per file in lang/).

Usage (Babel is only needed here, not by reader):

    python -m venv /tmp/venv && /tmp/venv/bin/pip install babel
    /tmp/venv/bin/python tools/build_places.py

It rewrites reader/core/analysis/lang/places.tsv and prints the decisions it made (names dropped as
stopwords, names claimed by two places) on stderr.
"""
from __future__ import annotations

import os
import sys
import tomllib

from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

HERE = os.path.dirname(os.path.abspath(__file__))
LANG_DIR = os.path.join(os.path.dirname(HERE), "reader", "core", "analysis", "lang")


def _languages() -> dict[str, list[str]]:
    """Language code -> CLDR locales, from places_languages.toml, checked against lang/."""
    with open(os.path.join(HERE, "places_languages.toml"), "rb") as f:
        table = tomllib.load(f)
    files = {name[:-5] for name in os.listdir(LANG_DIR) if name.endswith(".toml") and name != "common.toml"}
    if set(table) != files:
        sys.exit(f"places_languages.toml lists {sorted(table)}, but lang/ has files for {sorted(files)}")
    return table


LOCALES = _languages()
LANGS = tuple(LOCALES)
KIND_RANK = {"country": 0, "continent": 1, "region": 2, "city": 3, "water": 4}

# CLDR territory codes that are not places, or are handled by hand.
SKIP_TERRITORIES = {
    "001", "057", "QO", "EU", "EZ", "UN", "XA", "XB", "ZZ", "UM",  # world, unions, pseudo
    "EA",  # "Ceuta & Melilla": two cities, added by hand
    "SJ",  # "Svalbard & Jan Mayen": Svalbard added by hand
    "HK", "MO", "PS", "CD", "CG",  # rewritten by hand (names need care)
    "DG",  # "Diego Garcia" / "Diego García" reads as a person name
}
CONTINENTS = {"002", "009", "142", "150", "019", "003", "005", "021", "AQ"}
# numeric regions whose CLDR name is kept as a region (others are skipped)
REGIONS = {"011", "013", "014", "015", "017", "018", "029", "030", "034", "035",
           "039", "053", "054", "061", "143", "145", "151", "154", "155", "202", "419"}
# canonical English names where CLDR's English display name is not the usual one
CANONICAL = {
    "021": "North America", "003": "North America", "011": "West Africa", "014": "East Africa",
    "017": "Central Africa", "030": "East Asia", "034": "South Asia", "TR": "Turkey",
    "MM": "Myanmar", "CI": "Ivory Coast", "SH": "Saint Helena", "VA": "Vatican City",
    "FK": "Falkland Islands", "CZ": "Czech Republic", "BA": "Bosnia and Herzegovina",
    "AQ": "Antarctica", "TL": "East Timor", "CV": "Cape Verde",
}
# territories that are better described as a region than a country
ALT_IN_PARENS = {"MM"}  # "Myanmar (Burma)": both names are used
REGION_CODES = {"AC", "IC", "DG", "CP", "TA", "AX", "BQ", "EH", "TF", "GS", "HM", "IO", "CQ"}


def clean_cldr(name: str, lang: str, alt_in_parens: bool = False) -> list[str]:
    """CLDR display name -> names used in running text.

    A parenthesised part is dropped ("Tripoli (Libye)", "Saint-Martin (partie
    néerlandaise)", "Cocos (Keeling) Islands"); with alt_in_parens it is kept
    as a second name ("Myanmar (Burma)").
    """
    out = []
    name = name.replace("\u2019", "'")
    if "(" in name and ")" in name:
        head, rest = name.split("(", 1)
        inner, tail = rest.split(")", 1)
        out.append(" ".join((head.strip() + " " + tail.strip()).split()))
        if alt_in_parens:
            out.append(inner.strip())
    else:
        out.append(name)
    res = []
    for n in out:
        if lang == "en" and " & " in n:
            n = n.replace(" & ", " and ")
        res.append(n)
        if lang == "en" and n.startswith("St. "):
            res.append("Saint " + n[4:])
    return res


def parse_manual(path):
    rows, excludes, prefer = [], [], {}
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
            if not line:
                continue
            parts = [p.strip() for p in line.split("|")]
            kind = parts[0]
            if kind == "exclude":
                langs = parts[2].split(",") if len(parts) > 2 and parts[2] else list(LANGS)
                excludes.append((parts[1], [lang.strip() for lang in langs]))
                continue
            if kind == "prefer":
                prefer[parts[1]] = parts[2]
                continue
            if kind not in KIND_RANK:
                sys.exit(f"places_manual.txt:{lineno}: unknown kind {kind!r}")
            canonical = parts[1]
            spec = parts[2] if len(parts) > 2 else ""
            ops = []
            for item in filter(None, (s.strip() for s in spec.split(";"))):
                key, _, val = item.partition("=")
                key = key.strip()
                names = [v.strip() for v in val.split("/") if v.strip()]
                op = "set"
                if key.startswith("+"):
                    op, key = "add", key[1:]
                elif key.startswith("!"):
                    op, key = "del", key[1:]
                if key == "cc":
                    ops.append(("cc", None, names[0]))
                    continue
                langs = LANGS if key == "*" else key.split(",")
                for lang in langs:
                    if lang not in LANGS:
                        sys.exit(f"places_manual.txt:{lineno}: bad language {lang!r}")
                    ops.append((op, lang, names))
            rows.append((lineno, kind, canonical, ops))
    return rows, excludes, prefer


def load_stopwords():
    sw = {}
    for lang in LANGS:
        p = os.path.join(LANG_DIR, f"{lang}.toml")
        if os.path.exists(p):
            with open(p, "rb") as f:
                sw[lang] = set(tomllib.load(f).get("stopwords", []))
        else:
            sw[lang] = set()
    return sw


def _merged(lists: list[list[str]]) -> list[str]:
    """The names of a language's CLDR locales in one list, its own locale's first, without repeats."""
    names: list[str] = []
    for found in lists:
        names += [name for name in found if name not in names]
    return names


def main():
    locales = {lang: Locale.parse(LOCALES[lang][0]) for lang in LANGS}
    extra_locales = {loc: Locale.parse(loc) for lang in LANGS for loc in LOCALES[lang]}
    log = sys.stderr
    entries = []  # (kind, canonical, {lang: [names]})

    # --- time-zone exemplar cities, indexed by their English name
    tz_by_en = {}
    for tz in sorted(get_global("zone_territories")):
        if tz.startswith("Etc/"):
            continue
        try:
            en = get_timezone_location(tz, locale="en", return_city=True)
        except Exception:
            continue
        tz_by_en.setdefault(en, tz)

    def tz_names(tz):
        return {
            lang: _merged(
                [
                    clean_cldr(get_timezone_location(tz, locale=extra_locales[loc], return_city=True), lang)
                    for loc in LOCALES[lang]
                ]
            )
            for lang in LANGS
        }

    rows, excludes, prefer = parse_manual(os.path.join(HERE, "places_manual.txt"))
    by_cc = {}
    for row in rows:
        for op, _, val in row[3]:
            if op == "cc":
                by_cc[val] = row

    # --- CLDR territories
    for code in sorted(locales["en"].territories):
        if code in SKIP_TERRITORIES:
            continue
        if code.isdigit() and code not in CONTINENTS | REGIONS:
            continue
        names = {
            lang: _merged(
                [clean_cldr(extra_locales[loc].territories[code], lang, code in ALT_IN_PARENS) for loc in LOCALES[lang]]
            )
            for lang in LANGS
        }
        if code in CONTINENTS:
            kind = "continent"
        elif code.isdigit() or code in REGION_CODES:
            kind = "region"
        else:
            kind = "country"
        canonical = CANONICAL.get(code, names["en"][0])
        row = by_cc.pop(code, None)
        if row:
            kind, canonical = row[1], row[2]
            names = apply_ops(names, row[3])
        entries.append((kind, canonical, names))
    for code, row in by_cc.items():
        sys.exit(f"places_manual.txt:{row[0]}: unknown CLDR code {code}")

    # --- manual rows
    used_tz = set()
    for _lineno, kind, canonical, ops in rows:
        if any(op == "cc" for op, _, _ in ops):
            continue
        tz = tz_by_en.get(canonical) if kind == "city" else None
        if tz:
            used_tz.add(tz)
            names = tz_names(tz)
        else:
            names = {lang: [canonical] for lang in LANGS}
        entries.append((kind, canonical, apply_ops(names, ops)))
    print(f"time-zone cities used: {len(used_tz)}", file=log)

    # --- exclusions
    excl = {}
    for name, langs in excludes:
        excl.setdefault(name, set()).update(langs)
    stop = load_stopwords()

    table = {}  # name -> [kind, canonical, set(langs)]
    conflicts = []
    for kind, canonical, names in entries:
        for lang in LANGS:
            for n in names.get(lang, []):
                if lang in excl.get(n, ()):
                    continue
                if " " not in n and not (n.isupper() and len(n) > 1) and n.casefold() in stop[lang]:
                    print(f"dropped as {lang} stopword: {n}", file=log)
                    continue
                cur = table.get(n)
                if cur is None:
                    table[n] = [kind, canonical, {lang}]
                elif cur[1] == canonical:
                    cur[2].add(lang)
                else:
                    conflicts.append((n, lang, cur[1], canonical))
                    want = prefer.get(n)
                    if want == canonical or (want is None and KIND_RANK[kind] < KIND_RANK[cur[0]]):
                        table[n] = [kind, canonical, cur[2] | {lang}]
                    else:
                        cur[2].add(lang)
    for n, lang, a, b in conflicts:
        print(f"conflict: {n!r} ({lang}) {a} / {b} -> {table[n][1]}", file=log)

    # curly-apostrophe twins of names with an apostrophe
    for n, v in list(table.items()):
        if "'" in n:
            twin = n.replace("'", "\u2019")
            table.setdefault(twin, [v[0], v[1], set(v[2])])

    out = os.path.join(LANG_DIR, "places.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("name\tkind\tlangs\tcanonical\n")
        for n in sorted(table, key=lambda s: (s.casefold(), s)):
            kind, canonical, langs = table[n]
            f.write(f"{n}\t{kind}\t{','.join(lang for lang in LANGS if lang in langs)}\t{canonical}\n")
    print(f"wrote {out}: {len(table)} names", file=log)


def apply_ops(names, ops):
    names = {lang: list(v) for lang, v in names.items()}
    for op, lang, val in ops:
        if op == "cc":
            continue
        if op == "set":
            names[lang] = [] if val == ["-"] else list(val)
        elif op == "add":
            names[lang] = names.get(lang, []) + [v for v in val if v not in names.get(lang, [])]
        elif op == "del":
            names[lang] = [v for v in names.get(lang, []) if v not in val]
    return names


if __name__ == "__main__":
    main()
