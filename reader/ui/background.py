"""The library's articles analysed in the background, one after another, never blocking reading.

The work runs in a daemon thread (never waited for: quitting ends it), and says
how far it is in plain attributes that the screens read as they redraw; nothing is
pushed into the window from the thread but the final "done".
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.library import Library


class BackgroundAnalysis:
    """Analyses the articles that have no analysis yet; `done` of `total`, now on `current`."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.current = ""
        self.failed = 0
        self.running = False
        self._stop = False
        self._thread: threading.Thread | None = None

    def start(self, app, library: Library, finished: Callable[[int], None] | None = None) -> bool:
        """Start on whatever is pending (found in the thread); False if already running."""
        if self.running:
            return False
        self.running = True
        self._stop = False

        def progress(done: int, total: int, article) -> None:
            self.done, self.total, self.current = done, total, article.title

        def run() -> None:
            analysed = 0
            try:
                pending = library.pending()
                self.done, self.total = 0, len(pending)
                if pending:
                    failures = library.analyse_all(pending, progress=progress, cancelled=lambda: self._stop)
                    self.failed = len(failures)
                    analysed = len(pending) - self.failed
                    self.done = len(pending)
                    if not self._stop:
                        library.entity_index()  # built now, so that the window finds it at once
            except Exception:
                pass
            finally:
                self.running = False
                self.current = ""
            if finished is not None and not self._stop:
                with contextlib.suppress(Exception):  # the window has closed meanwhile
                    app.call_from_thread(finished, analysed)

        self._thread = threading.Thread(target=run, name="reader-library-analysis", daemon=True)
        self._thread.start()
        return True

    def stop(self) -> None:
        """Stop before the next article (the one being analysed is finished, or the process ends)."""
        self._stop = True

    def status(self) -> str:
        """"analysing 12 of 40 · title" while it runs, else ""."""
        if not self.running or not self.total:
            return ""
        title = " ".join(self.current.split())
        return f"analysing {min(self.done + 1, self.total)} of {self.total}" + (f" · {title}" if title else "")
