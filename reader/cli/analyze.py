"""`reader analyze PATH [--json]`: an article's analysis, as text or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import TYPE_CHECKING

from reader.cli.output import warn

if TYPE_CHECKING:
    from reader.core.analysis import Analysis


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("analyze", parents=[common], help="print the analysis of an article")
    parser.add_argument("path", help="article file (.txt, .md, .html), web address, or - for stdin")
    parser.add_argument("--json", action="store_true", help="print JSON (schema version 1)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.core.analysis import analyse, to_json
    from reader.core.article import printable, printable_json
    from reader.core.news import is_address, open_article

    library = None
    if is_address(args.path):
        from reader.core.library import open_library

        library = open_library(getattr(args, "db", None))  # a page is kept, and read offline after
    opened = open_article(args.path, library)
    doc = opened.document
    for warning in doc.warnings:
        warn(warning)
    if library is not None and opened.article is not None:
        result = library.analyse(opened.article, doc)  # the one kept, else made now and kept
    else:
        result = analyse(doc)
    if args.json:
        data = to_json(result)
        if opened.source is not None:  # only an article from the web has one: others' JSON is unchanged
            data = {"schema": data.pop("schema"), "path": data.pop("path"), "source": opened.source, **data}
        sys.stdout.write(printable_json(json.dumps(data, ensure_ascii=False, indent=1)) + "\n")
    else:
        sys.stdout.write(printable(summary(result, opened.source), multiline=True))
    sys.stdout.flush()
    return 0


def _short(text: str, width: int) -> str:
    from reader.core.article import shorten

    return shorten(" ".join(text.split()), width)


def summary(analysis: Analysis, source: dict | None = None) -> str:
    """The readable form: plain text, one fact per line (with where a web article came from)."""
    from reader.core.analysis import EntityKind

    doc = analysis.document
    kinds = Counter(b.kind for b in doc.blocks)
    lines = [
        doc.title,
        "",
        f"source     {doc.source}",
        *(f"{name:<11}{source[name]}" for name in ("url", "site", "author", "published")
          if source and source.get(name) and source[name] != doc.source),
        f"language   {analysis.language} ({analysis.languages.confidence:.2f})",
        f"words      {doc.word_count}",
        "blocks     " + ", ".join(f"{n} {kind.replace('_', ' ')}s" for kind, n in sorted(kinds.items())),
    ]
    sections = [t for t in analysis.topics if t.kind == "section"]
    if sections:
        lines += ["", "Sections"]
        lines += [f"  ¶{t.blocks[0] + 1:<5} {_short(t.title, 70)}" for t in sections]
    for kind in EntityKind:
        group = sorted((e for e in analysis.entities if e.kind == kind), key=lambda e: (-len(e.mentions), e.name))
        if not group:
            continue
        lines += ["", f"{kind.heading} ({len(group)})"]
        for e in group:
            also = f"  (also {', '.join(e.aliases)})" if e.aliases else ""
            lines.append(f"  {len(e.mentions):>3}  {e.name}{also}")
    if analysis.quotes:
        lines += ["", f"Quotations ({len(analysis.quotes)})"]
        for q in analysis.quotes:
            lines.append(f"  ¶{q.block + 1:<5} “{_short(q.text, 60)}” — {q.speaker or 'unattributed'}")
    keywords = [t for t in analysis.topics if t.kind == "keyword"]
    if keywords:
        lines += ["", "Topics", "  " + ", ".join(t.title for t in keywords)]
    return "\n".join(lines) + "\n"
