"""The peer for the first-paint figure: a bare Textual app showing the same article
in Textual's Markdown widget. Run as `python -m benchmarks.peer_markdown FILE`."""

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown


class Peer(App):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(self.text)


if __name__ == "__main__":
    Peer(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
