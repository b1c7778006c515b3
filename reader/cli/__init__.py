"""The `reader` command: one module per command, one-line errors, the UI imported lazily.

Each command module has `add_parser(sub, common)`, which adds its subcommand and
sets `run`, and `run(args)`, which does the work and returns the exit status. A
command that takes none of the common options (or no arguments) names the
parameter with a leading underscore.
"""

from __future__ import annotations

import os
import sys

from reader.cli.output import error
from reader.cli.parser import COMMANDS, build_parser
from reader.core.errors import ReaderError

OPTIONS_WITH_VALUE = ("--db", "--theme")


def split_command(argv: list[str]) -> list[str]:
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
        if arg in COMMANDS:
            return argv
        return [*argv[:i], "open", *argv[i:]]
    return [*argv, "open"]


def command_of(argv: list[str]) -> str | None:
    """The command `split_command` found or put in, or None where the whole parser must answer
    (--help, --version before any command)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("-h", "--help", "--version"):
            return None
        elif arg in OPTIONS_WITH_VALUE:
            skip = True
        elif not (arg.startswith("-") and arg != "-"):
            return arg if arg in COMMANDS else None
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        argv = split_command(argv)
        args = build_parser(only=command_of(argv)).parse_args(argv)
        return args.run(args)
    except ReaderError as exc:
        if os.environ.get("READER_DEBUG"):
            raise
        error(str(exc))
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
        error(f"unexpected {type(exc).__name__}: {exc} (READER_DEBUG=1 shows the traceback)")
        return 1
