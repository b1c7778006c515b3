"""`reader notes list|add|rm`: the notes store for scripts."""

from __future__ import annotations

import json
import sys

from reader.core.errors import InputError
from reader.core.notes import COLORS, Note, article_key, article_record, clean_tags


def cmd_notes(args) -> int:
    from reader.cli import open_store

    store = open_store(args)
    if args.notes_command == "list":
        return _list(store, args)
    if args.notes_command == "add":
        return _add(store, args)
    note = store.delete(args.id)
    print(f"deleted {note.id}")
    return 0


def _list(store, args) -> int:
    from reader.core.document import load

    titles = {a.key: a for a in store.articles()}
    if args.path:
        doc = load(args.path)
        keys = [article_key(doc)]
    else:
        keys = sorted({n.article for n in store.all_notes()})
    rows = []
    for key in keys:
        for note in store.notes_for(key):
            article = titles.get(key)
            rows.append(
                {
                    "id": note.id,
                    "article": article.title if article else "",
                    "source": article.source if article else "",
                    "block": note.anchor.block,
                    "start": note.anchor.start,
                    "end": note.anchor.end,
                    "passage": note.anchor.exact,
                    "body": note.body,
                    "tags": note.tags,
                    "color": note.color,
                    "created": note.created,
                    "updated": note.updated,
                }
            )
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print("no notes")
        return 0
    for r in rows:
        body = (r["body"].strip().splitlines() or [""])[0]
        passage = r["passage"].replace("\n", " ")
        passage = passage if len(passage) <= 50 else passage[:49] + "…"
        tags = " ".join(f"#{t}" for t in r["tags"])
        print(f"{r['id']}  ¶{r['block'] + 1:<4} {r['color']:<6}  “{passage}”  {body}  {tags}".rstrip())
    return 0


def _add(store, args) -> int:
    from reader.core.anchoring import make_anchor
    from reader.core.document import load

    doc = load(args.path)
    if not 0 <= args.block < len(doc.blocks):
        raise InputError(f"--block {args.block}: the article has blocks 0 to {len(doc.blocks) - 1}")
    text = doc.blocks[args.block].text
    start, end = args.start, args.end
    if (start is None) != (end is None):
        raise InputError("--start and --end go together")
    if start is not None and not (0 <= start < end <= len(text)):
        raise InputError(f"--start {start} --end {end}: block {args.block} has {len(text)} characters")
    if args.color not in COLORS:
        raise InputError(f"--color {args.color}: choose one of {', '.join(COLORS)}")
    key = article_key(doc)
    note = Note("", key, make_anchor(doc, args.block, start, end), body=args.text, tags=clean_tags(args.tag), color=args.color)
    store.add(note, article_record(doc))
    print(note.id)
    return 0
