"""The readable form of `reader analyze`: plain text, one fact per line."""

from __future__ import annotations

from collections import Counter

from reader.core.analysis import Analysis


def summary(analysis: Analysis) -> str:
    doc = analysis.document
    kinds = Counter(b.kind for b in doc.blocks)
    lines = [
        doc.title,
        "",
        f"source     {doc.source}",
        f"language   {doc.language} ({doc.language_confidence:.2f})",
        f"words      {doc.word_count}",
        "blocks     " + ", ".join(f"{n} {kind.replace('_', ' ')}s" for kind, n in sorted(kinds.items())),
    ]
    headings = [b for b in doc.blocks if b.kind == "heading" and b.level > 1]
    if headings:
        lines += ["", "Sections"]
        lines += [f"  {b.index + 1:>4}  {b.text}" for b in headings]
    return "\n".join(lines) + "\n"
