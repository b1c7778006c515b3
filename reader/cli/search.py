"""`reader search QUERY [--json]`: the articles' text and the notes across the library."""

from __future__ import annotations

import argparse
import json
import os
import sys
from itertools import groupby

from reader.cli.output import warn_damage
from reader.core.errors import InputError

SHOWN = 5
"""Matches shown per article in the readable output (--json gives them all)."""


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "search", parents=[common], help="search the articles and notes of the library (case and accents ignored)"
    )
    parser.add_argument("query", help="words to find, as written (case and accents ignored)")
    parser.add_argument("--json", action="store_true", help="print JSON: every match")
    parser.set_defaults(run=run)


def as_json(hit, title: str) -> dict:
    """A match as `search --json` gives it (documented in README.md)."""
    return {
        "article": hit.article,
        "title": title,
        "paragraph": hit.block + 1,
        "in": "note" if hit.note else "text",
        "note": hit.note,
        "start": hit.start,
        "end": hit.end,
        "match": hit.snippet.match,
        "snippet": hit.snippet.text,
    }


def run(args: argparse.Namespace) -> int:
    from reader.core.article import printable, printable_json, shorten
    from reader.core.library import open_library

    if not args.query.strip():
        raise InputError("search needs words to find")
    library = open_library(args.db)
    titles = {a.id: a.title for a in library.articles()}
    hits = library.search(args.query)
    warn_damage(library.store)
    if args.json:
        data = [as_json(h, titles.get(h.article, "")) for h in hits]
        sys.stdout.write(printable_json(json.dumps(data, ensure_ascii=False, indent=1)) + "\n")
        return 0
    if not hits:
        print(printable(f"no matches for {args.query!r} in the library"), file=sys.stderr)
        return 0
    bold = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    articles = 0
    for article, group in groupby(hits, key=lambda h: h.article):
        found = list(group)
        articles += 1
        print(printable(f"{article}  {shorten(' '.join(titles.get(article, '').split()), 90)}"))
        for hit in found[:SHOWN]:
            where = f"¶{hit.block + 1}" + (f" note {hit.note}" if hit.note else "")
            s = hit.snippet
            match = printable(s.match)
            if bold:
                match = f"\x1b[1m{match}\x1b[0m"  # our own escape, around text already made printable
            print(f"  {where:<6} {printable(s.before)}{match}{printable(s.after)}")
        if len(found) > SHOWN:
            print(f"  … and {len(found) - SHOWN} more in this article")
        print()
    print(printable(f"{len(hits)} match{'es' if len(hits) != 1 else ''} in {articles} article"
                    f"{'s' if articles != 1 else ''}"), file=sys.stderr)
    return 0
