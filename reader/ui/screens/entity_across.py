"""One person, organisation or place across the library: every article naming it, and each
mention with a line of context around it (keyword in context).

Opened by o on an entity of an article's side panel; enter opens the chosen article
at that mention, escape comes back.
"""

from __future__ import annotations

import contextlib
import threading

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from reader.core.article import printable, shorten
from reader.core.library import Cluster, InContext

KIND_NOUNS = {"PERSON": "person", "ORG": "organisation", "PLACE": "place", "OTHER": "name"}

HELP_INTRO = (
    "An entity across the library: the articles that name it, most mentions first, and\n"
    "the words around each mention. ↑ ↓ (or j k) move, enter opens the article at the\n"
    "mention, escape goes back."
)


class MentionList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="across.down"),
        Binding("k", "cursor_up", "Up", show=False, id="across.up"),
    ]


class EntityAcrossScreen(Screen):
    """The mentions of a library entity, article by article."""

    HELP_INTRO = HELP_INTRO
    BINDINGS = [
        Binding("escape", "back", "Back", id="across.back"),
        Binding("question_mark", "help", "Help", id="across.help"),
    ]

    def __init__(self, entity: Cluster, here: str | None = None) -> None:
        super().__init__()
        self.entity = entity
        self.here = here
        """The library id of the article it was opened from (marked in the list)."""
        self.mentions: list[InContext] = []

    def compose(self) -> ComposeResult:
        e = self.entity
        articles = len(e.articles)
        head = (f" {e.name} · {KIND_NOUNS.get(e.kind, 'name')} · {articles} article{'s' if articles != 1 else ''}, "
                f"{e.mentions} mention{'s' if e.mentions != 1 else ''}")
        if e.aliases:
            head += f" · also {', '.join(e.aliases[:4])}"
        yield Static(Content(printable(head)), id="across-heading")
        yield MentionList(Option(Content.styled("Reading the articles…", "italic"), disabled=True), id="across-list")
        yield Footer()

    def on_mount(self) -> None:
        self.set_focus(self.query_one(MentionList))
        library = self.app.kept
        if library is None:
            return
        app = self.app

        def run() -> None:
            from reader.core.library import mentions_in_context

            try:
                found = mentions_in_context(library, self.entity)
            except Exception:
                found = []
            with contextlib.suppress(RuntimeError):  # the window has closed meanwhile
                app.call_from_thread(self._show, found)

        threading.Thread(target=run, name="reader-entity-across", daemon=True).start()

    def _show(self, found: list[InContext]) -> None:
        if not self.is_attached:
            return
        self.mentions = found
        options: list[Option] = []
        last = None
        first_elsewhere = None
        for i, m in enumerate(found):
            if m.article != last:
                last = m.article
                count = sum(1 for x in found if x.article == m.article)
                title = shorten(" ".join(m.title.split()) or "(untitled)", 80)
                mark = "  (this article)" if m.article == self.here else ""
                options.append(Option(Content.assemble(
                    (printable(title), "bold"), (f"  {count} mention{'s' if count != 1 else ''}{mark}", "$reader-muted")
                ), disabled=True))
            if first_elsewhere is None and m.article != self.here:
                first_elsewhere = len(options)
            s = m.snippet
            options.append(Option(Content.assemble(
                (f"  ¶{m.block + 1:<5}", "$reader-muted"),
                printable(s.before),
                (printable(s.match), "bold reverse"),
                printable(s.after),
            ), id=str(i)))
        if not options:
            options.append(Option(Content.styled("No mention could be read.", "italic"), disabled=True))
        lst = self.query_one(MentionList)
        lst.set_options(options)
        if first_elsewhere is not None:
            lst.highlighted = first_elsewhere
        else:
            lst.action_first()

    @on(OptionList.OptionSelected, "#across-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        from reader.ui.screens.library_open import open_kept

        m = self.mentions[int(event.option.id or 0)]
        open_kept(self, m.article, at=(m.block, m.start))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))
