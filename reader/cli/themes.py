"""`reader themes`: the colour themes, whether each is dark or light, and where it comes from."""

from __future__ import annotations

import argparse

from reader.cli.output import warn


def add_parser(sub, _common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("themes", help="list the colour themes and where each comes from")
    parser.set_defaults(run=run)


def run(_args: argparse.Namespace) -> int:
    from reader.core.article import printable
    from reader.ui.theming import reader_themes, theme_listing

    _, specs, problems = reader_themes()
    for problem in problems:
        warn(problem)
    rows = theme_listing(specs)
    width = max(len(name) for name, _, _ in rows)
    for name, kind, where in rows:
        print(printable(f"{name:<{width}}  {kind:<5}  {where}"))
    return 0
