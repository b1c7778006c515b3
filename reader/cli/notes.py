"""`reader notes list|add|rm`: the notes store for scripts."""

from __future__ import annotations

import argparse
import json
import sys

from reader.cli.output import warn_damage
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
    body = add.add_mutually_exclusive_group()
    body.add_argument(
        "--text", default="", help="the note's body (Markdown; empty for a highlight); - reads it from standard input"
    )
    body.add_argument("--text-file", metavar="PATH", help="read the note's body from a UTF-8 file (for long notes)")
    add.add_argument("--tag", action="append", default=[], help="a tag, without spaces (repeatable)")
    add.add_argument("--color", default="yellow", help=COLOR_NAMES)
    remove = actions.add_parser("rm", parents=[common], help="delete a note by id")
    remove.add_argument("id", help="the note's id (see notes list)")


def run(args: argparse.Namespace) -> int:
    from reader.core.notes import open_store

    store = open_store(args.db)
    if args.notes_command == "list":
        status = _list(store, args)
        warn_damage(store)  # what could be read is listed; a damaged file is named once
        return status
    if args.notes_command == "add":
        status = _add(store, args)
        warn_damage(store)  # the note is saved; a damaged notes.json is named
        return status
    from reader.core.article import printable

    note = store.delete(args.id)
    print(printable(f"deleted {note.id}"))
    warn_damage(store)
    return 0


def _list(store, args) -> int:
    from reader.core.article import load, printable, printable_json, shorten
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
    # 1 when some notes could not be read (a damaged notes.json hides only titles)
    status = 1 if any(path != store.path for path in store.problems) else 0
    if args.json:
        sys.stdout.write(printable_json(json.dumps(rows, ensure_ascii=False, indent=1)) + "\n")
        return status
    if not rows:
        print("no notes")
        return status
    heading = None
    for r in rows:
        if not args.path and (r["article"], r["source"]) != heading:
            # Notes of all articles: each article named once, above its notes.
            if heading is not None:
                print()
            heading = (r["article"], r["source"])
            print(printable(f"{r['article'] or '(untitled)'}  ({r['source'] or 'standard input'})"))
        body = (r["body"].strip().splitlines() or [""])[0]
        passage = r["passage"].replace("\n", " ")
        passage = shorten(passage, 50)
        tags = " ".join(f"#{t}" for t in r["tags"])
        indent = "" if args.path else "  "
        line = f"{indent}{r['id']}  ¶{r['paragraph']:<4} {r['color']:<6}  “{passage}”  {body}  {tags}"
        print(printable(line.rstrip()))
    return status


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
    body = _body(args)
    key = article_key(doc)
    anchor = make_anchor(doc, block, start, end)
    note = Note("", key, anchor, body=body, tags=tags, color=args.color)
    store.add(note, article_record(doc))
    print(note.id)
    return 0


def _body(args) -> str:
    """The note's body: --text, --text - (standard input) or --text-file PATH.

    Read as UTF-8 and kept as written, but for the line break(s) that end a file or
    an `echo`; a file must be a regular file (a FIFO is refused, never waited on).
    """
    from reader.core.article import MAX_BYTES, read_file

    if args.text_file is None and args.text != "-":
        return args.text
    if args.path == "-" and args.text == "-":
        raise InputError("--text - and the article - cannot both be standard input; use --text-file for the body")
    name = "standard input" if args.text == "-" else args.text_file
    if args.text == "-":
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise InputError(f"{name}: too long for a note (the limit is {MAX_BYTES // 2**20} MiB)")
    else:
        try:  # as an article is read: a regular file only, its size checked first
            raw = read_file(args.text_file, "a note's text")
        except InputError as exc:
            raise InputError(f"--text-file {exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: the note's body is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return text.rstrip("\r\n")
