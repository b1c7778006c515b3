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


class Progress:
    """A progress bar on standard error, drawn only when it is a terminal.

    `step(done, total, label)` redraws one line; `note(message)` prints a message
    on a line of its own (the bar is drawn again under it); `done()` ends the bar's line.
    """

    WIDTH = 20

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()
        self._drawn = False

    def step(self, done: int, total: int, label: str = "") -> None:
        if not self.shown or total <= 0:
            return
        from reader.core.article import printable, shorten

        bar = "█" * (self.WIDTH * done // total)
        text = f"\r[{bar:<{self.WIDTH}}] {done}/{total} {printable(shorten(label, 40))}"
        print(f"{text}\x1b[K", end="", file=sys.stderr, flush=True)
        self._drawn = True

    def note(self, message: str) -> None:
        """A warning that must not be drawn over by the bar."""
        if self._drawn:
            print("\r\x1b[K", end="", file=sys.stderr)
        warn(message)

    def done(self) -> None:
        if self._drawn:
            print("\r\x1b[K", end="", file=sys.stderr, flush=True)
            self._drawn = False
