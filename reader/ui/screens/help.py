"""`?`: every key that works here, generated from the live bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from reader.core.article import printable
from reader.ui.keys import describe_key


def binding_table(screen: Screen) -> Content:
    """Rows of "keys  description  id" for every binding of a screen and the app.

    The screen's and app's own bindings are all listed, with the user's keymap
    applied, also those that do not apply this moment (they say why when
    pressed); then the framework's active ones (copy, focus, palette). The id is
    what the config file's [keys] table rebinds.
    """
    app = screen.app
    keymap = getattr(app, "keymap", {})
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for binding in [*getattr(type(screen), "BINDINGS", []), *getattr(type(app), "BINDINGS", [])]:
        if not isinstance(binding, Binding) or not binding.description or binding.id in seen:
            continue
        if screen.check_action(binding.action, ()) is False and binding.action == "back":
            continue  # "back to the library" exists only when there is a library
        seen.add(binding.id or binding.action)
        keys = keymap.get(binding.id, binding.key)
        shown = printable(" / ".join(dict.fromkeys(describe_key(k.strip(), app) for k in keys.split(","))))
        rows.append((shown, binding.tooltip or binding.description, binding.id or ""))
    ours = {desc for _, desc, _ in rows}
    for _key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.description and binding.description not in ours and (not binding.system or binding.key == "ctrl+p"):
            ours.add(binding.description)
            rows.append((describe_key(binding.key, app), binding.description, binding.id or ""))
    width = max((len(keys) for keys, _, _ in rows), default=10)
    room = max((len(desc) for _, desc, _ in rows), default=30) + 2  # descriptions never run into the ids
    return Content("\n").join(
        Content.assemble((keys.rjust(width), "bold $reader-key"), "   ", desc.ljust(room), (ident, "$reader-muted"))
        for keys, desc, ident in rows
    )


LEGEND = (
    "In the article: people are bold, organisations underlined, places italic, each in\n"
    "its theme colour; quotations are in the quotation colour; your notes are highlighted\n"
    "in their colour, with a mark in the margin whose shape tells the colour too:\n"
    "● yellow  ◆ green  ■ blue  ▲ pink  ★ purple."
)


PANEL_KEYS = (
    "In the side panel: ↑ ↓ (or j k) move, enter chooses and jumps, ← → go to the\n"
    "neighbouring tab, 1 2 3 4 choose a tab from anywhere (4: the notes of this paragraph),\n"
    "tab or escape go back to the article."
)


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
            intro = getattr(self.under, "HELP_INTRO", None)  # a screen of the library says what it is
            if intro:
                yield Static(Content(intro), id="help-legend")
            else:
                yield Static(Content(LEGEND), id="help-legend")
                yield Static(Content(PANEL_KEYS), id="help-panel")
            yield Static(Content.styled("Keys", "bold"), id="help-title")
            yield Static(binding_table(self.under), id="help-keys")
            yield Static(Content.styled("escape, q or ? closes this help", "italic $reader-muted"), id="help-foot")

    def action_dismiss(self) -> None:
        self.dismiss(None)
