"""The `reader` command: argument parsing, one-line errors, the UI imported lazily."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from reader import __version__
from reader.core.errors import InputError, ReaderError

COMMANDS = ("analyze", "notes", "themes", "export")
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line, exit status 2."""

    def error(self, message: str):  # type: ignore[override]
        raise InputError(message)


def build_parser() -> argparse.ArgumentParser:
    from reader.core import paths

    parser = _Parser(
        prog="reader",
        description="Read news articles closely in the terminal.",
        epilog=(
            "commands:\n"
            "  reader [PATH]                 open an article (.txt, .md; - for stdin);\n"
            "                                with no PATH, the bundled sample article\n"
            "  reader DIR                    choose among the articles in DIR\n"
            "  reader analyze PATH [--json]  print the article's analysis\n"
            "  reader notes list [PATH] [--json]\n"
            "  reader notes add PATH --block N [--start S --end E] --text TEXT [--tag T ...] [--color C]\n"
            "  reader notes rm ID\n"
            "  reader export PATH [-o FILE] [--format md|json]\n"
            "  reader export --all -o DIR    one Markdown file per annotated article\n"
            "  reader themes                 list the colour themes and where each comes from\n"
            "\n"
            f"config file: {paths.config_file()}\n"
            f"notes:       {paths.default_db_path()} (--db or READER_DB to change)\n"
            "READER_DEBUG=1 shows tracebacks instead of one-line errors."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    # Options accepted before or after the command; SUPPRESS keeps a subcommand
    # from resetting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="notes database (default: READER_DB, else the user data folder)")
    parser.add_argument("--db", metavar="PATH", help="notes database (default: READER_DB, else the user data folder)")
    parser.add_argument("--theme", metavar="NAME", help="colour theme for this session (see: reader themes)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_ = sub.add_parser("open", parents=[common], help="open an article (the default command)")
    open_.add_argument("--theme", metavar="NAME", default=argparse.SUPPRESS, help="colour theme for this session (see: reader themes)")
    open_.add_argument("path", nargs="?", help="article file, folder of articles, or - for stdin")

    analyze = sub.add_parser("analyze", help="print the analysis of an article")
    analyze.add_argument("path", help="article file, or - for stdin")
    analyze.add_argument("--json", action="store_true", help="print JSON (schema version 1)")

    sub.add_parser("themes", help="list the colour themes and where each comes from")

    export = sub.add_parser("export", parents=[common], help="write an article's notes as Markdown")
    export.add_argument("path", nargs="?", help="the article")
    export.add_argument("-o", "--output", metavar="FILE", help="file (or folder) to write; standard output without it")
    export.add_argument("--all", action="store_true", help="every annotated article, one file each (needs -o DIR)")
    export.add_argument("--format", choices=("md", "json"), default="md", help="md (default) or json (W3C Web Annotation)")

    notes = sub.add_parser("notes", help="list, add or remove notes from scripts")
    notes_sub = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    n_list = notes_sub.add_parser("list", parents=[common], help="list notes (of one article, or all)")
    n_list.add_argument("path", nargs="?", help="only the notes of this article")
    n_list.add_argument("--json", action="store_true", help="print JSON")
    n_add = notes_sub.add_parser("add", parents=[common], help="add a note; prints its id")
    n_add.add_argument("path", help="the article")
    n_add.add_argument("--block", type=int, required=True, help="paragraph index, from 0 (as in analyze --json)")
    n_add.add_argument("--start", type=int, help="first character of the passage (default: whole paragraph)")
    n_add.add_argument("--end", type=int, help="character after the passage")
    n_add.add_argument("--text", default="", help="the note's body (Markdown); empty for a highlight")
    n_add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    n_add.add_argument("--color", default="yellow", help="yellow, green, blue, pink or purple")
    n_rm = notes_sub.add_parser("rm", parents=[common], help="delete a note by id")
    n_rm.add_argument("id", help="the note's id (see notes list)")
    return parser


OPTIONS_WITH_VALUE = ("--db", "--theme")


def _split_command(argv: list[str]) -> list[str]:
    """Insert the implicit `open` command: `reader FILE` means `reader open FILE`."""
    skip = False
    for i, arg in enumerate(argv):
        if skip:
            skip = False
            continue
        if arg in ("-h", "--help", "--version"):
            return argv
        if arg in OPTIONS_WITH_VALUE:
            skip = True
            continue
        if arg.startswith("-") and arg != "-":
            continue
        if arg in COMMANDS or arg == "open":
            return argv
        return [*argv[:i], "open", *argv[i:]]
    return [*argv, "open"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(_split_command(argv))
        if args.command == "analyze":
            return cmd_analyze(args)
        if args.command == "export":
            from reader.export_cli import cmd_export

            return cmd_export(args)
        if args.command == "themes":
            return cmd_themes(args)
        if args.command == "notes":
            from reader.notes_cli import cmd_notes

            return cmd_notes(args)
        return cmd_open(args)
    except ReaderError as exc:
        if os.environ.get("READER_DEBUG"):
            raise
        _error(str(exc))
        return exc.exit_status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `reader analyze x | head`: the reader of our output went away; not an error.
        sys.stderr.close()
        return 0
    except Exception as exc:  # one line, never a traceback, unless asked for
        if os.environ.get("READER_DEBUG"):
            raise
        _error(f"unexpected {type(exc).__name__}: {exc} (READER_DEBUG=1 shows the traceback)")
        return 1


def _error(message: str) -> None:
    print(f"reader: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"reader: warning: {message}", file=sys.stderr)


def _articles_in(folder: Path) -> list[Path]:
    try:
        return sorted(
            p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
        )
    except OSError as exc:
        raise InputError(f"{folder}: cannot list ({exc.strerror or exc})") from None


def cmd_open(args) -> int:
    from reader.core import document, paths

    path = args.path or str(paths.sample_article())
    library = None
    if path != "-" and Path(path).is_dir():
        library = _articles_in(Path(path))
        if not library:
            raise InputError(f"{path}: no articles here (looked for {', '.join(ARTICLE_SUFFIXES)})")
        doc = None
    else:
        doc = document.load(path)
        for warning in doc.warnings:
            _warn(warning)
        if path == "-":
            _reattach_tty()

    from reader.ui.app import build_app

    theme = getattr(args, "theme", None)  # an unknown one is refused by build_app, in one line
    app = build_app(document=doc, library=library, store=open_store(args), theme=theme)
    app.run()
    return app.return_code or 0


def _reattach_tty() -> None:
    """After reading an article from a pipe, take keyboard input from the terminal."""
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise InputError("standard input was the article, and there is no terminal to read keys from") from None
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, encoding="utf-8", closefd=False)


def cmd_analyze(args) -> int:
    from reader.core import document
    from reader.core.analysis import analyse, to_json

    doc = document.load(args.path)
    for warning in doc.warnings:
        _warn(warning)
    result = analyse(doc)
    if args.json:
        json.dump(to_json(result), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        from reader.core.summary import summary

        sys.stdout.write(summary(result))
    sys.stdout.flush()
    return 0


def open_store(args):
    """The notes store named by --db, READER_DB or the default place."""
    from reader.core import paths
    from reader.core.notes import NoteStore

    db = getattr(args, "db", None)
    return NoteStore(Path(db).expanduser() if db else paths.default_db_path())


def cmd_themes(args) -> int:
    from reader.ui.theming import reader_themes, theme_listing

    _, specs, problems = reader_themes()
    for problem in problems:
        _warn(problem)
    rows = theme_listing(specs)
    width = max(len(name) for name, _, _ in rows)
    for name, kind, where in rows:
        print(f"{name:<{width}}  {kind:<5}  {where}")
    return 0
