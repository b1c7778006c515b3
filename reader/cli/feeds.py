"""`reader feeds`: list, add, remove, refresh, import and export the feeds followed.

A refresh fetches the feeds at once (8 at a time), draws a progress bar on a
terminal, names each failing feed on a line of its own, goes on past it, and ends
with one line of counts; its exit status is 0 when every feed was read, else 1 when
some failed for the network, 2 when all failures were bad content.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.cli.output import Progress, warn, warn_damage
from reader.core.errors import InputError


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "feeds", parents=[common], help="the feeds followed: list, add, rm, refresh, import, export"
    )
    parser.add_argument("--json", action="store_true", help="print JSON: one object per feed")
    parser.set_defaults(run=run, feeds_command=None)
    actions = parser.add_subparsers(dest="feeds_command", metavar="ACTION")
    add = actions.add_parser("add", parents=[common], help="follow a feed (its address, or a page that names it)")
    add.add_argument("url", help="the feed's address, or a web page whose <link rel=alternate> names one")
    remove = actions.add_parser("rm", parents=[common], help="stop following a feed (its articles stay)")
    remove.add_argument("url", help="the feed's address, as reader feeds lists it")
    refresh = actions.add_parser("refresh", parents=[common], help="fetch the feeds' new items")
    refresh.add_argument("urls", nargs="*", metavar="URL", help="only these feeds (default: all)")
    refresh.add_argument(
        "--full", action="store_true", help="fetch the full article of every item not fetched yet, now (8 at a time)"
    )
    opml_in = actions.add_parser("import", parents=[common], help="follow the feeds an OPML file lists")
    opml_in.add_argument("file", metavar="FILE.opml")
    opml_out = actions.add_parser("export", parents=[common], help="write the feeds followed as OPML")
    opml_out.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")


def run(args: argparse.Namespace) -> int:
    from reader.core.library import open_library
    from reader.core.news import Following

    library = open_library(args.db)
    following = Following(library)
    command = args.feeds_command
    if command == "add":
        status = _add(following, args.url)
    elif command == "rm":
        status = _remove(following, args.url)
    elif command == "refresh":
        status = _refresh(following, args.urls or None, args.full)
    elif command == "import":
        status = _import(following, args.file)
    elif command == "export":
        status = _export(following, args.output)
    else:
        status = _list(following, args.json)
    problem = following.news.problem()
    if problem and following.news.path not in library.store.problems:
        warn(problem)
    warn_damage(library.store)
    return status


def _list(following, as_json: bool) -> int:
    from reader.core.article import printable, printable_json, shorten

    feeds = following.summaries()
    if as_json:
        sys.stdout.write(printable_json(json.dumps([f.to_json() for f in feeds], ensure_ascii=False, indent=1)))
        sys.stdout.write("\n")
        return 0
    if not feeds:
        print("no feeds followed: reader feeds add URL, or reader feeds import FILE.opml", file=sys.stderr)
        return 0
    print(f"{'unread':>6} {'items':>5}  {'refreshed':<16}  feed")
    for f in feeds:
        r = f.record
        when = r.refreshed[:16].replace("T", " ") if r.refreshed else "never"
        title = shorten(" ".join(r.title.split()), 50) if r.title else ""
        line = f"{f.unread:>6} {f.items:>5}  {when:<16}  {title + '  ' if title else ''}{r.url}"
        print(printable(line))
        if r.error:
            print(printable(f"{'':>31}last refresh failed: {r.error}"))
    return 0


def _add(following, url: str) -> int:
    from reader.core.article import printable

    record, outcome = following.subscribe(url)
    new = outcome.new
    for problem in outcome.problems:
        warn(f"{record.url}: partly read, the rest kept ({problem})")
    print(printable(f"following {record.title or record.url} ({record.url}): {new} new item{'s' if new != 1 else ''}"))
    return 0


def _remove(following, url: str) -> int:
    from reader.core.article import printable

    kept = following.unsubscribe(url)
    also = f"; its {kept} article{'s stay' if kept != 1 else ' stays'} in the library" if kept else ""
    print(printable(f"no longer following {url.strip()}{also}"))
    return 0


def _refresh(following, urls: list[str] | None, full: bool) -> int:
    from reader.core.article import printable
    from reader.core.web import NetworkError

    progress = Progress()
    outcomes = following.refresh(urls, full=full, progress=lambda done, total, url: progress.step(done, total, url))
    progress.done()
    failed = [o for o in outcomes if o.error is not None]
    for o in outcomes:
        if o.error is not None:
            progress.note(str(o.error))
        for problem in o.problems:
            progress.note(f"{o.url}: partly read, the rest kept ({problem})")
        for notice in o.full_failed:
            progress.note(notice)
    new = sum(o.new for o in outcomes)
    unchanged = sum(o.not_modified for o in outcomes)
    counts = [f"{len(outcomes)} feed{'s' if len(outcomes) != 1 else ''} refreshed",
              f"{new} new item{'s' if new != 1 else ''}"]
    if unchanged:
        counts.append(f"{unchanged} unchanged")
    if failed:
        counts.append(f"{len(failed)} failed")
    print(printable(", ".join(counts)), file=sys.stderr)
    if not failed:
        return 0
    return 1 if any(isinstance(o.error, NetworkError) for o in failed) else 2


def _import(following, path: str) -> int:
    from reader.core.article import printable

    added, already = following.import_opml(path)
    also = f" ({already} already followed)" if already else ""
    hint = "; reader feeds refresh fetches them" if added else ""
    print(printable(f"{added} feed{'s' if added != 1 else ''} imported{also}{hint}"), file=sys.stderr)
    return 0


def _export(following, output: str | None) -> int:
    from pathlib import Path

    from reader.core.notes import atomic_write

    text = following.export_opml()
    if output is None:
        sys.stdout.write(text)
        return 0
    target = Path(output)
    if target.is_dir():
        raise InputError(f"{output}: is a directory; give a file name")
    try:
        atomic_write(target, text.encode("utf-8"))
    except OSError as exc:
        raise InputError(f"{output}: cannot write ({exc.strerror or exc})") from None
    return 0
