"""`reader add PATH|DIR...`: keep articles in the library, and analyse them (with a progress bar)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.output import Progress, warn_damage
from reader.core.errors import InputError, ReaderError


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "add", parents=[common], help="keep articles in the library and analyse them (a folder adds its articles)"
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="article file (.txt, .md, .html), web address, folder of articles, or - for stdin",
    )
    parser.set_defaults(run=run)


def articles_of(paths: list[str]) -> list[str]:
    """The article files the arguments name: files as given, a folder's articles by name.

    Raises:
        InputError: a folder with no articles in it.
    """
    from reader.cli.open_article import ARTICLE_SUFFIXES, articles_in

    found: list[str] = []
    for path in paths:
        if path != "-" and Path(path).is_dir():
            inside = articles_in(Path(path))
            if not inside:
                raise InputError(f"{path}: no articles here (looked for {', '.join(ARTICLE_SUFFIXES)})")
            found += [str(p) for p in inside]
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def run(args: argparse.Namespace) -> int:
    from reader.core.article import printable
    from reader.core.library import open_library
    from reader.core.news import is_address, keep_opened, open_article

    library = open_library(args.db)
    paths = articles_of(args.paths)
    if paths.count("-") > 1:
        raise InputError("- (standard input) can be given once")
    progress = Progress()
    added = updated = unchanged = 0
    failures: list[ReaderError] = []
    for done, path in enumerate(paths):
        label = path if is_address(path) else Path(path).name if path != "-" else "standard input"
        progress.step(done, len(paths), label)
        try:
            opened = open_article(path, library)
            doc = opened.document
            kept = keep_opened(library, opened)
            library.analyse(kept.article, doc)
        except ReaderError as exc:
            if len(paths) == 1:
                raise
            progress.note(str(exc))
            failures.append(exc)
            continue
        for warning in doc.warnings:
            progress.note(warning)
        what = "added" if kept.new else "updated" if kept.changed else "kept"
        added += kept.new
        updated += kept.changed
        unchanged += not (kept.new or kept.changed)
        progress.done()
        print(printable(f"{kept.article.id}  {what:<7}  {doc.title}"))
        progress.step(done + 1, len(paths))
    progress.done()
    if added or updated:
        progress.step(0, 1, "indexing the library's entities")
        library.entity_index()  # so that `reader entities` answers at once
        progress.done()
    counts = [f"{n} {what}" for n, what in ((added, "added"), (updated, "updated"), (unchanged, "already kept"))
              if n]
    if failures:
        counts.append(f"{len(failures)} not added")
    print(printable(", ".join(counts) or "nothing added"), file=sys.stderr)
    warn_damage(library.store)
    if not failures:
        return 0
    return 2 if all(isinstance(f, InputError) for f in failures) else 1
