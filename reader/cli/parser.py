"""The `reader` argument parser: one subcommand per module of this package."""

from __future__ import annotations

import argparse

from reader import __version__
from reader.core.errors import InputError

COMMANDS = ("open", "add", "library", "entities", "search", "feeds", "analyze", "themes", "export", "notes")
"""The commands, in the order `reader --help` lists them; each is a module of reader.cli."""
MODULES = {"open": "open_article"}
"""Commands whose module has another name."""

DB_HELP = "notes database (default: READER_DB, else the user data folder)"
THEME_HELP = "colour theme for this session (see: reader themes)"


class ReaderParser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line, exit status 2."""

    def error(self, message: str):  # type: ignore[override]
        raise InputError(message)


def common_options() -> argparse.ArgumentParser:
    """Options accepted before or after a command.

    SUPPRESS keeps a subcommand from resetting a value given before it.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)
    return common


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; with `only`, just that command's (what a run of it needs: building
    every command's parser, and importing its module, costs the window some 10 ms)."""
    from importlib import import_module

    from reader.core import paths
    from reader.core.article import printable

    parser = ReaderParser(
        prog="reader",
        description="Read news articles closely in the terminal.",
        epilog=(
            "commands:\n"
            "  reader [PATH|URL|ID]          open an article (.txt, .md, .html; - for stdin), a web\n"
            "                                page (kept, then read offline), or one of the\n"
            "                                library by its id; with neither, the library (or the\n"
            "                                bundled sample article while the library is empty)\n"
            "  reader DIR                    choose among the articles in DIR (kept in the library)\n"
            "  reader add PATH|DIR|URL...    keep articles in the library and analyse them\n"
            "  reader library [--json]       the articles kept; reader library rm ID [--with-notes]\n"
            "  reader entities [QUERY] [--json] [--kind K]\n"
            "                                people, organisations and places across the library\n"
            "  reader search QUERY [--json]  the articles and notes of the library\n"
            "  reader analyze PATH|URL [--json]\n"
            "                                print the article's analysis\n"
            "  reader feeds [--json]         the feeds followed: unread and items, last refresh, errors\n"
            "  reader feeds add URL | rm URL | refresh [URL...] [--full]\n"
            "  reader feeds import FILE.opml | export [-o FILE]\n"
            "  reader notes list [PATH] [--json]\n"
            "  reader notes add PATH --block N [--start S --end E] [--text TEXT | --text - | --text-file F]\n"
            "                  [--tag T ...] [--color C]\n"
            "  reader notes rm ID\n"
            "  reader export PATH [-o FILE] [--format md|json] [--force]\n"
            "  reader export --all -o DIR    one Markdown file per annotated article\n"
            "  reader themes                 list the colour themes and where each comes from\n"
            "\n"
            f"config file: {printable(str(paths.config_file()))}\n"
            f"notes:       {printable(str(paths.default_db_path()))} (--db or READER_DB to change)\n"
            "READER_DEBUG=1 shows tracebacks instead of one-line errors."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("--db", metavar="PATH", help=DB_HELP)
    parser.add_argument("--theme", metavar="NAME", help=THEME_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = common_options()
    for name in COMMANDS:
        if only is None or name == only:
            import_module(f"reader.cli.{MODULES.get(name, name)}").add_parser(sub, common)
    return parser
