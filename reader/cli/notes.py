"""`reader notes list|add|rm`: the notes store for scripts."""

from __future__ import annotations

import argparse
import json
import sys

from reader.core.errors import InputError

COLOR_NAMES = "yellow, green, blue, pink or purple"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    notes = sub.add_parser("notes", help="list, add or remove notes from scripts")
    notes.set_defaults(run=run)
    actions = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="list notes (of one article, or all)")
    listing.add_argument("path", nargs="?", help="only the notes of this article")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add = actions.add_parser("add", parents=[common], help="add a note; prints its id")
    add.add_argument("path", help="the article")
    add.add_argument(
        "--block", type=int, required=True, metavar="N", help="the paragraph, from 1: the window's ¶ N, analyze's bN"
    )
    add.add_argument("--start", type=int, help="first character of the passage (default: whole paragraph)")
    add.add_argument("--end", type=int, help="character after the passage")
    add.add_argument("--text", default="", help="the note's body (Markdown); empty for a highlight")
    add.add_argument("--tag", action="append", default=[], help="a tag, without spaces (repeatable)")
    add.add_argument("--color", default="yellow", help=COLOR_NAMES)
    remove = actions.add_parser("rm", parents=[common], help="delete a note by id")
    remove.add_argument("id", help="the note's id (see notes list)")


def run(args: argparse.Namespace) -> int:
    from reader.core.notes import open_store

    store = open_store(args.db)
    if args.notes_command == "list":
        return _list(store, args)
    if args.notes_command == "add":
        return _add(store, args)
    note = store.delete(args.id)
    print(f"deleted {note.id}")
    return 0


def _list(store, args) -> int:
    from reader.core.article import load, shorten
    from reader.core.notes import article_key

    titles = {a.key: a for a in store.articles()}
    if args.path:
        doc = load(args.path)
        keys = [article_key(doc)]
    else:
        keys = {n.article for n in store.all_notes()}
    # By article (its title, then where it is), each article's notes in reading order.
    keys = sorted(keys, key=lambda k: ((titles[k].title.casefold(), titles[k].source) if k in titles else ("", k)))
    rows = []
    for key in keys:
        for note in sorted(store.notes_for(key), key=lambda n: (n.anchor.block, n.anchor.start, n.created)):
            article = titles.get(key)
            rows.append(
                {
                    "id": note.id,
                    "article": article.title if article else "",
                    "source": article.source if article else "",
                    "block": note.anchor.block,
                    "paragraph": note.anchor.block + 1,
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
    heading = None
    for r in rows:
        if not args.path and (r["article"], r["source"]) != heading:
            # Notes of all articles: each article named once, above its notes.
            if heading is not None:
                print()
            heading = (r["article"], r["source"])
            print(f"{r['article'] or '(untitled)'}  ({r['source'] or 'standard input'})")
        body = (r["body"].strip().splitlines() or [""])[0]
        passage = r["passage"].replace("\n", " ")
        passage = shorten(passage, 50)
        tags = " ".join(f"#{t}" for t in r["tags"])
        indent = "" if args.path else "  "
        print(f"{indent}{r['id']}  ¶{r['paragraph']:<4} {r['color']:<6}  “{passage}”  {body}  {tags}".rstrip())
    return 0


def _add(store, args) -> int:
    from reader.core.article import load
    from reader.core.notes import COLORS, Note, article_key, article_record, clean_tags, make_anchor

    doc = load(args.path)
    if not 1 <= args.block <= len(doc.blocks):
        raise InputError(f"--block {args.block}: the article has paragraphs ¶ 1 to {len(doc.blocks)} (counted from 1)")
    block = args.block - 1
    text = doc.blocks[block].text
    start, end = args.start, args.end
    if (start is None) != (end is None):
        raise InputError("--start and --end go together")
    if start is not None and not (0 <= start < end <= len(text)):
        raise InputError(f"--start {start} --end {end}: ¶ {args.block} has {len(text)} characters")
    if args.color not in COLORS:
        raise InputError(f"--color {args.color}: choose one of {', '.join(COLORS)}")
    tags: list[str] = []
    for value in args.tag:
        if len(value.split()) > 1:
            raise InputError(f"--tag {value!r}: a tag cannot hold spaces (a vault ends it at the first); "
                             f"write {'-'.join(value.lstrip('#').split())}, or give --tag once per tag")
        tags += [t for t in clean_tags([value]) if t not in tags]
    key = article_key(doc)
    anchor = make_anchor(doc, block, start, end)
    note = Note("", key, anchor, body=args.text, tags=tags, color=args.color)
    store.add(note, article_record(doc))
    print(note.id)
    return 0
