"""The index note of `reader export --all`: each entity, linked to the exported articles naming it.

The same vault-ready Markdown as the articles' exports: YAML front matter, then the
people, organisations and places (most exported articles first), each with a link
to every exported article that names it and the number of its mentions there. The
links are relative Markdown links to the files written beside it, which Obsidian,
Logseq and any Markdown viewer follow. The note is made afresh at every export.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from reader.core.export.escaping import escape_text, yaml_scalar
from reader.core.library.index import EntityIndex

INDEX_NOTE = "Entities index.md"
"""The index note's file name, beside the articles' exports."""
HEADINGS = (("PERSON", "People"), ("ORG", "Organisations"), ("PLACE", "Places"))


def index_note(index: EntityIndex, files: Mapping[str, tuple[str, str]], exported: str, version: str) -> str:
    """The index note's text.

    Args:
        index: the library's entities.
        files: library id -> (title, file name) of each article exported.
        exported: when (ISO 8601), for the front matter.
        version: reader's version, for the front matter.
    """
    lines = [
        "---",
        f"title: {yaml_scalar('Entities index')}",
        f"exported: {yaml_scalar(exported)}",
        f"reader_version: {yaml_scalar(version)}",
        f"articles: {len(files)}",
        "---",
        "",
        "# Entities index",
        "",
        f"The people, organisations and places named in the {len(files)} exported "
        f"article{'s' if len(files) != 1 else ''}, and where.",
    ]
    for kind, heading in HEADINGS:
        rows = []
        for entity in index.find("", [kind]):
            counts = {a: entity.mentions_in(a) for a in entity.articles if a in files}
            if not counts:
                continue
            rows.append((entity, counts))
        if not rows:
            continue
        rows.sort(key=lambda r: (-len(r[1]), -sum(r[1].values()), r[0].name.casefold()))
        lines += ["", f"## {heading}", ""]
        for entity, counts in rows:
            also = f" (also {', '.join(escape_text(a) for a in entity.aliases[:4])})" if entity.aliases else ""
            links = ", ".join(
                f"[{escape_text(files[a][0]) or a}]({quote(files[a][1])}) ({n})"
                for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], files[kv[0]][0].casefold()))
            )
            lines.append(f"- **{escape_text(entity.name)}**{also}: {links}")
    return "\n".join(lines) + "\n"
