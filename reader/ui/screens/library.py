"""Choose an article from a folder: `reader DIR`."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from reader.core.errors import ReaderError


def _row(path: Path) -> Content:
    """An article in the list: its first line, and below it its file name."""
    from reader.core.article import printable

    return Content.assemble((_first_line(path), "bold"), "\n", (printable(path.name), "$reader-muted"))


def _first_line(path: Path) -> str:
    """An article's first line as the loader reads it, else its file name."""
    from reader.core.article import decode, printable

    try:
        with path.open("rb") as fh:
            head = fh.read(400)
        text = decode(head, path.name).text
    except (OSError, ReaderError):
        return printable(path.name)  # binary, empty or unreadable: opening it will say why
    line = text.lstrip("# \n").split("\n", 1)[0].strip()
    return printable(line[:100] or path.name)


class LibraryList(OptionList):
    """The articles: ↑/↓ or j/k move, enter opens (shown in the footer)."""

    BINDINGS = [
        Binding("enter", "select", "Open", id="library.open"),
        Binding("j", "cursor_down", "Down", show=False, id="library.down"),
        Binding("k", "cursor_up", "Up", show=False, id="library.up"),
    ]


class LibraryScreen(Screen):
    """A list of the articles in a folder; enter opens one."""

    BINDINGS = [Binding("enter", "open", "Open", show=False, id="library.open_screen")]

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.paths = paths

    def compose(self) -> ComposeResult:
        from reader.core.article import printable

        folder = self.paths[0].parent if self.paths else Path(".")
        yield Static(Content(f" Articles in {printable(str(folder))}"), id="library-title")
        yield LibraryList(
            *(
                Option(_row(p), id=str(i))
                for i, p in enumerate(self.paths)
            ),
            id="library",
        )
        yield Footer()

    @on(OptionList.OptionSelected, "#library")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._open(int(event.option.id or 0))

    def action_open(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self._open(index)

    def _open(self, index: int) -> None:
        from reader.core.article import load
        from reader.ui.screens.reader import ReaderScreen

        path = self.paths[index]
        try:
            doc = load(path)
        except ReaderError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        for warning in doc.warnings:
            self.notify(warning, severity="warning", markup=False)
        self.app.push_screen(ReaderScreen(doc, getattr(self.app, "store", None), from_library=True))
