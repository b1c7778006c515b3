"""`reader entities [QUERY] [--json]`: the people, organisations and places across the library."""

from __future__ import annotations

import argparse
import json
import sys

from reader.cli.output import warn_damage

KINDS = {"person": "PERSON", "org": "ORG", "place": "PLACE", "other": "OTHER"}
SHOWN = 5
"""Articles listed under each entity in the readable output (--json lists them all)."""


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "entities", parents=[common], help="people, organisations and places across the library, with their articles"
    )
    parser.add_argument("query", nargs="?", default="", help="only those whose name or an alias holds this")
    parser.add_argument(
        "--kind", action="append", choices=sorted(KINDS), help="only this kind (repeatable; default: all but other)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def as_json(entity, titles: dict[str, str]) -> dict:
    """An entity as `entities --json` gives it (documented in README.md)."""
    return {
        "name": entity.name,
        "kind": entity.kind,
        "aliases": list(entity.aliases),
        "article_count": len(entity.articles),
        "mention_count": entity.mentions,
        "articles": [
            {"id": a, "title": titles.get(a, ""), "mentions": entity.mentions_in(a)} for a in entity.articles
        ],
    }


def run(args: argparse.Namespace) -> int:
    from reader.core.analysis import EntityKind
    from reader.core.article import printable, printable_json, shorten
    from reader.core.library import open_library

    library = open_library(args.db)
    index = library.entity_index()
    kinds = [KINDS[k] for k in args.kind] if args.kind else ["PERSON", "ORG", "PLACE"]
    found = index.find(args.query, kinds)
    warn_damage(library.store)
    if args.json:
        data = [as_json(e, index.titles) for e in found]
        sys.stdout.write(printable_json(json.dumps(data, ensure_ascii=False, indent=1)) + "\n")
        return 0
    if not found:
        where = f" named like {args.query!r}" if args.query else ""
        print(printable(f"no entities{where} in the library"), file=sys.stderr)
        return 0
    for entity in found:
        articles = entity.articles
        also = f"  (also {', '.join(entity.aliases)})" if entity.aliases else ""
        counts = f"{len(articles)} article{'s' if len(articles) != 1 else ''}, {entity.mentions} mention" + (
            "s" if entity.mentions != 1 else ""
        )
        print(printable(f"{entity.name}  {EntityKind(entity.kind).noun}  {counts}{also}"))
        for article in articles[:SHOWN]:
            title = shorten(" ".join(index.titles.get(article, "").split()), 70)
            print(printable(f"  {article}  {entity.mentions_in(article):>3}  {title}"))
        if len(articles) > SHOWN:
            print(f"  … and {len(articles) - SHOWN} more (--json lists them all)")
    return 0
