"""`?`: every key that works here, generated from the live bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from reader.ui.keys import describe_key

LEGEND = (
    "In the article: people are bold, organisations underlined, places italic, each in\n"
    "its theme colour; quotations are in the quotation colour; your notes are highlighted\n"
    "in their colour with a ● in the margin."
)


def binding_table(screen: Screen) -> Content:
    """Rows of "keys  description  id" for every binding of a screen and the app.

    Disabled keys are listed too (they say why when pressed); the id is what the
    config file's [keys] table rebinds.
    """
    seen: dict[str, list[str]] = {}
    ids: dict[str, str] = {}
    order: list[str] = []
    for _key, active in screen.active_bindings.items():
        binding: Binding = active.binding
        if not binding.description or (binding.system and binding.key != "ctrl+p"):
            continue
        label = binding.description
        if label not in seen:
            seen[label] = []
            order.append(label)
        seen[label].append(describe_key(binding.key, screen.app))
        if binding.id:
            ids[label] = binding.id
    width = max((len(" / ".join(dict.fromkeys(v))) for v in seen.values()), default=10)
    lines = []
    for label in order:
        keys = " / ".join(dict.fromkeys(seen[label]))
        lines.append(
            Content.assemble((keys.rjust(width), "bold $accent"), "   ", label.ljust(16), (ids.get(label, ""), "$text-muted"))
        )
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """The keys of the screen below, with a legend of the article's styles."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Content.styled("Keys", "bold"), id="help-title")
            yield Static(binding_table(self.under), id="help-keys")
            yield Static(Content(LEGEND), id="help-legend")
            yield Static(Content.styled("escape, q or ? closes this help", "italic $text-muted"), id="help-foot")

    def action_dismiss(self) -> None:
        self.dismiss(None)
