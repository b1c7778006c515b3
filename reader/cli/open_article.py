"""`reader [open] [PATH|DIR|-]`: the reading window, on an article or a folder of them."""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
from pathlib import Path

from reader.cli.output import warn
from reader.cli.parser import THEME_HELP
from reader.core.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")
LIBRARY_ID = re.compile(r"[0-9a-fA-F]{4,16}")
"""What a library article's id looks like (or the start of one); a file of that name wins."""


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("open", parents=[common], help="open an article (the default command)")
    parser.add_argument("--theme", metavar="NAME", default=argparse.SUPPRESS, help=THEME_HELP)
    parser.add_argument(
        "path", nargs="?",
        help="article file (.txt, .md, .html), web address, folder of articles, - for stdin, or a library id",
    )
    parser.set_defaults(run=run)


def articles_in(folder: Path) -> list[Path]:
    """The article files of a folder, by name."""
    try:
        return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    except OSError as exc:
        raise InputError(f"{folder}: cannot list ({exc.strerror or exc})") from None


def run(args: argparse.Namespace) -> int:
    # Starting the window allocates much and frees little (modules, styles, widgets):
    # the collector's passes over it (one of 17 ms just before the first frame) find
    # next to nothing. ReaderApp turns it on again once the window is up.
    gc.disable()
    from reader.core import paths
    from reader.core.article import load
    from reader.core.news import is_address, is_saved_page
    from reader.core.notes import open_store

    store = open_store(args.db)
    path = args.path
    folder = None
    whole_library = False
    doc = None
    if path is None:
        # The library when it holds articles; the bundled sample while it is empty.
        from reader.core.library import Library

        whole_library = Library(store).has_articles()
        path = None if whole_library else str(paths.sample_article())
    if path is None:
        pass
    elif path != "-" and Path(path).is_dir():
        folder = articles_in(Path(path))
        if not folder:
            raise InputError(f"{path}: no articles here (looked for {', '.join(ARTICLE_SUFFIXES)})")
    elif path != "-" and not os.path.lexists(path) and LIBRARY_ID.fullmatch(path):
        doc = _library_article(store, path)
    elif is_address(path) or (path != "-" and is_saved_page(path)):
        doc = _web_article(store, path)
    else:
        doc = load(path)
        for warning in doc.warnings:
            warn(warning)
        if path == "-":
            _reattach_tty()

    from reader.ui.app import build_app

    theme = getattr(args, "theme", None)  # an unknown one is refused by build_app, in one line
    app = build_app(document=doc, library=folder, store=store, theme=theme, whole_library=whole_library)
    app.run()
    _end_now(app.return_code or 0)
    return app.return_code or 0  # not reached: _end_now ends the process


def _library_article(store, ident: str):
    """The library's article with this id, read from its copy.

    Raises:
        InputError: no such file, and no such article in the library.
    """
    from reader.core.library import Library

    library = Library(store)
    try:
        article = library.find(ident)
    except InputError as exc:
        if "several" in str(exc):
            raise
        raise InputError(f"{ident}: no such file, and no article of the library has this id") from None
    from reader.core.news import open_kept

    opened = open_kept(library, article)  # a feed's item: its full article, the first time
    for notice in opened.notices:
        warn(notice)
    return opened.document


def _web_article(store, path: str):
    """A web page (kept in the library, read offline once kept), or a saved .html page."""
    from reader.core.library import Library
    from reader.core.news import open_article

    opened = open_article(path, Library(store))
    for warning in opened.document.warnings:
        warn(warning)
    return opened.document


def _end_now(code: int) -> None:
    """End the process the moment the window has closed: quitting is immediate.

    By now the terminal is restored and every note and the reading place are
    saved (writes are synchronous). What is left is tearing the interpreter down
    (freeing the analysis, the language profiles, Textual), about 0.3 s, and a
    cancelled analysis thread that may still be finishing a step: neither is
    worth a wait.
    """
    from os import _exit  # public, despite its name: ends the process without tearing it down

    sys.stdout.flush()
    sys.stderr.flush()
    _exit(code)


def _reattach_tty() -> None:
    """After reading an article from a pipe, take keyboard input from the terminal."""
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise InputError("standard input was the article, and there is no terminal to read keys from") from None
    os.dup2(fd, 0)
    os.close(fd)
    # Not a `with`: this is standard input from now until the process ends.
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
