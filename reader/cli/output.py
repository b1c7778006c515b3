"""One-line messages on standard error, as every command writes them.

Messages quote file names, config values and note text: everything goes through
the one sanitiser, so no control character or escape sequence reaches the terminal.
"""

from __future__ import annotations

import sys


def _safe(message: str) -> str:
    from reader.core.article import printable

    return printable(message)


def error(message: str) -> None:
    print(f"reader: error: {_safe(message)}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"reader: warning: {_safe(message)}", file=sys.stderr)


def warn_damage(store) -> int:
    """Warn, once each, of the damaged store files a command met; their number."""
    for message in store.problems.values():
        warn(message)
    return len(store.problems)
