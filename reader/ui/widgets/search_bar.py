"""The `/` search line: incremental, like a pager's.

Keys typed faster than the window draws (a busy moment, a fast typist) queue up
for whichever widget had focus when they arrived. So the line closes the moment
enter or escape reaches it, not a message later; a key queued for it behind them
is passed on to the reader's own keys, and a key meant for it that went to the
article first is handed back by the app (`take`).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events, on
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Type to search as you go; enter keeps the matches, escape clears them."""

    class QueryChanged(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    def __init__(self, on_close: Callable[[str, bool], None]) -> None:
        super().__init__(placeholder="search (case and accents ignored)", id="search")
        self._on_close = on_close

    @property
    def is_open(self) -> bool:
        return self.display

    def take(self, event: events.Key) -> bool:
        """Handle a key meant for the open line: enter keeps, escape drops, a letter is typed.

        Called for enter and escape as they reach the line, and by the app for a key
        typed after / that went to the article before the line had focus.
        """
        if event.key in ("enter", "escape"):
            self._on_close(self.value, event.key == "enter")
        elif event.is_printable and event.character:
            self.insert_text_at_cursor(event.character)
        else:
            return False
        return True

    async def on_key(self, event: events.Key) -> None:
        if not self.is_open:
            event.prevent_default()  # typed after the line closed: let it reach the reader's keys
        elif event.key in ("enter", "escape"):
            event.stop()
            event.prevent_default()
            self.take(event)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value))
