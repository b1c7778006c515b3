"""The `/` search line: incremental, like a pager's."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Type to search as you go; enter keeps the matches, escape clears them."""

    BINDINGS = [Binding("escape", "cancel", "Cancel search", id="search.cancel")]

    class QueryChanged(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Closed(Message):
        """The search line closed; `keep` is False when it was cancelled."""

        def __init__(self, query: str, keep: bool) -> None:
            super().__init__()
            self.query = query
            self.keep = keep

    def __init__(self) -> None:
        super().__init__(placeholder="search (case and accents ignored)", id="search")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Closed(event.value, keep=True))

    def action_cancel(self) -> None:
        self.post_message(self.Closed(self.value, keep=False))
