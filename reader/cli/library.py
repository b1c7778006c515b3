"""`reader library [--json]` lists the articles kept; `reader library rm ID` removes one."""

from __future__ import annotations

import argparse
import json
import shutil
import sys

from reader.cli.output import warn_damage
from reader.core.errors import InputError, ReaderError


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("library", parents=[common], help="list the articles kept in the library, or remove one")
    parser.add_argument("--json", action="store_true", help="print JSON: one object per article")
    parser.set_defaults(run=run, library_command=None)
    actions = parser.add_subparsers(dest="library_command", metavar="ACTION")
    remove = actions.add_parser("rm", parents=[common], help="remove an article from the library")
    remove.add_argument("id", help="the article's id (see reader library)")
    remove.add_argument(
        "--with-notes", action="store_true", help="remove its notes too (asks first; an article with notes is kept)"
    )
    remove.add_argument("--yes", action="store_true", help="with --with-notes: do not ask (for scripts)")


def run(args: argparse.Namespace) -> int:
    from reader.core.library import open_library

    library = open_library(args.db)
    status = _remove(library, args) if args.library_command == "rm" else _list(library, args.json)
    warn_damage(library.store)
    return status


def as_json(article) -> dict:
    """An article as `library --json` gives it (documented in README.md)."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "origin": article.origin,
        "format": article.format,
        "language": article.language,
        "words": article.words,
        "paragraphs": article.blocks,
        "added": article.added,
        "opened": article.opened or None,
        "progress": article.progress,
        "read": article.read,
        "notes": article.notes,
        "entities": list(article.top),
        "analysed": article.analysed > 0,
        "sha256": article.sha256,
        "feed": article.feed or None,
        "site": article.site or None,
        "author": article.author or None,
        "published": article.published or None,
        "partial": article.partial,
    }


def _list(library, as_json_lines: bool) -> int:
    from reader.core.article import printable, printable_json, shorten

    articles = library.articles(with_notes=True)
    if as_json_lines:
        sys.stdout.write(printable_json(json.dumps([as_json(a) for a in articles], ensure_ascii=False, indent=1)))
        sys.stdout.write("\n")
        return 0
    if not articles:
        print("the library is empty: reader add PATH keeps articles in it", file=sys.stderr)
        return 0
    width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 0
    head = f"{'id':<6}  {'lang':<4} {'words':>6} {'read':>4} {'notes':>5}  {'added':<10}  title"
    print(head)
    for a in articles:
        row = (f"{a.id:<6}  {a.language:<4} {a.words:>6} {round(100 * a.progress):>3}% {a.notes or '':>5}  "
               f"{a.added[:10]:<10}  ")
        title = " ".join(a.title.split()) or "(untitled)"
        if width:
            title = shorten(title, max(10, width - len(row) - 1))
        print(printable(row + title))
    return 0


def _remove(library, args: argparse.Namespace) -> int:
    from reader.core.article import printable

    article = library.find(args.id)
    notes = len(library.store.notes_for(article.key))
    if notes and args.with_notes and not args.yes:
        _ask(f"Remove “{article.title}” ({article.id}) and its {notes} note{'s' if notes != 1 else ''}? [y/N] ")
    removed = library.remove(article, with_notes=args.with_notes)
    also = f" and its {removed} note{'s' if removed != 1 else ''}" if removed else ""
    print(printable(f"removed {article.id} “{article.title}”{also}"))
    return 0


def _ask(question: str) -> None:
    """Ask on the terminal; anything but yes keeps the article.

    Raises:
        InputError: no terminal to ask on (give --yes).
        ReaderError: the answer was not yes.
    """
    from reader.core.article import printable

    if not sys.stdin.isatty():
        raise InputError("--with-notes asks before removing notes, and there is no terminal to ask: add --yes")
    print(printable(question), end="", file=sys.stderr, flush=True)
    try:
        answer = sys.stdin.readline().strip().lower()
    except (EOFError, KeyboardInterrupt):
        answer = ""
    if answer not in ("y", "yes"):
        raise ReaderError("not removed (the answer was not yes): nothing changed")
