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


def add_parser(sub, _common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("analyze", help="print the analysis of an article")
    parser.add_argument("path", help="article file, or - for stdin")
    parser.add_argument("--json", action="store_true", help="print JSON (schema version 1)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.core.analysis import analyse, to_json
    from reader.core.article import load, printable, printable_json

    doc = load(args.path)
    for warning in doc.warnings:
        warn(warning)
    result = analyse(doc)
    if args.json:
        sys.stdout.write(printable_json(json.dumps(to_json(result), ensure_ascii=False, indent=1)) + "\n")
    else:
        sys.stdout.write(printable(summary(result), multiline=True))
    sys.stdout.flush()
    return 0


def _short(text: str, width: int) -> str:
    from reader.core.article import shorten

    return shorten(" ".join(text.split()), width)


def summary(analysis: Analysis) -> str:
    """The readable form: plain text, one fact per line."""
    from reader.core.analysis import EntityKind

    doc = analysis.document
    kinds = Counter(b.kind for b in doc.blocks)
    lines = [
        doc.title,
        "",
        f"source     {doc.source}",
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
