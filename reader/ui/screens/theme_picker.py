"""ctrl+t: choose a theme; the window previews each one as you move."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.core.article import printable


class ThemePicker(ModalScreen[str | None]):
    """A list of themes: arrows preview, enter keeps, escape goes back."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="themes.cancel")]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows
        self.original = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(Content.styled("Theme", "bold"), id="picker-title")
            yield OptionList(
                *(Option(_label(name, kind, where), id=name) for name, kind, where in self.rows),
                id="picker-list",
            )
            yield Static(Content.styled("↑↓ preview · enter choose · escape cancel", "$reader-muted"), id="picker-keys")

    def on_mount(self) -> None:
        self.original = self.app.theme
        lst = self.query_one(OptionList)
        names = [r[0] for r in self.rows]
        if self.original in names:
            lst.highlighted = names.index(self.original)
        lst.focus()

    @on(OptionList.OptionHighlighted)
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.app.theme = event.option.id

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.app.theme = self.original
        self.dismiss(None)


def _label(name: str, kind: str, where: str) -> Content:
    """A theme's row; its name and file come from outside, so through the sanitiser."""
    return Content.assemble((printable(name), "bold"), f"  {kind}", (f"  {printable(where)}", "$reader-muted"))
