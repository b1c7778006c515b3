"""Search the whole library: every article's text and every note, as you type.

ctrl+f from the library or an article. The matches come article by article, each
with its paragraph and the words around it; enter opens the article at the match
(a note's match, at the paragraph the note is on); escape goes back.
"""

from __future__ import annotations

import contextlib
import threading

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.core.article import printable, shorten

SHOWN = 300
"""Matches listed at most (the count says how many more there are)."""
DEBOUNCE = 0.15
"""Seconds of quiet typing before a search starts."""

HELP_INTRO = (
    "Search the library: the text and the notes of every article, case and accents\n"
    "ignored. Type the words; ↓ or tab go to the matches, enter opens the article at\n"
    "the match, escape goes back."
)


class LibrarySearchScreen(Screen):
    """A search line over the matches of the whole library."""

    HELP_INTRO = HELP_INTRO
    BINDINGS = [
        Binding("escape", "back", "Back", id="library_search.back"),
        Binding("down", "to_matches", "Matches", show=False, id="library_search.matches"),
        Binding("question_mark", "help", "Help", show=False, id="library_search.help"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.hits: list = []
        self.shown_query: str | None = None
        """The query whose matches are listed."""
        self._generation = 0
        self._timer = None

    def compose(self) -> ComposeResult:
        yield Static(" Search the library", id="search-heading")
        yield Input(value=self.initial, placeholder="Words to find in every article and note…", id="search-query")
        yield OptionList(id="search-hits")
        yield Static(" Type to search", id="search-status")
        yield Footer()

    @property
    def matches(self) -> OptionList:
        return self.query_one("#search-hits", OptionList)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#search-query", Input))
        if self.initial:
            self._search(self.initial)

    @on(Input.Changed, "#search-query")
    def _changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        query = event.value
        self._timer = self.set_timer(DEBOUNCE, lambda: self._search(query))

    @on(Input.Submitted, "#search-query")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.hits:
            self.action_to_matches()
            self._open(0)
        else:
            self._search(event.value)

    def _search(self, query: str) -> None:
        """Search in a thread; only the newest query's answer is shown."""
        self._generation += 1
        generation = self._generation
        status = self.query_one("#search-status", Static)
        if not query.strip():
            self._show(generation, query, [], {})
            return
        status.update(Content(" Searching…"))
        library = self.app.kept
        if library is None:
            return
        app = self.app

        def run() -> None:
            try:
                hits = library.search(query)
                titles = {a.id: a.title for a in library.articles()}
            except Exception as exc:
                hits, titles = [], {"": f"{type(exc).__name__}: {exc}"}
            with contextlib.suppress(RuntimeError):  # the window has closed meanwhile
                app.call_from_thread(self._show, generation, query, hits, titles)

        threading.Thread(target=run, name="reader-library-search", daemon=True).start()

    def _show(self, generation: int, query: str, hits: list, titles: dict[str, str]) -> None:
        if generation != self._generation or not self.is_attached:
            return  # an older query's answer, or the screen has gone
        self.hits = hits[:SHOWN]
        self.shown_query = query
        options: list[Option] = []
        last = None
        for i, hit in enumerate(self.hits):
            if hit.article != last:
                last = hit.article
                title = shorten(" ".join(titles.get(hit.article, "").split()) or "(untitled)", 90)
                options.append(Option(Content.styled(printable(title), "bold"), disabled=True))
            where = f"¶{hit.block + 1}" + (" note" if hit.note else "")
            s = hit.snippet
            label = Content.assemble(
                (f"  {where:<9}", "$reader-muted"),
                printable(s.before),
                (printable(s.match), "bold reverse"),
                printable(s.after),
            )
            options.append(Option(label, id=str(i)))
        self.matches.set_options(options)
        articles = len({h.article for h in hits})
        if not query.strip():
            text = "Type to search"
        elif "" in titles:
            text = f"The search failed: {titles['']}"
        elif not hits:
            text = f"No matches for “{query.strip()}”"
        else:
            more = f" (the first {SHOWN} listed)" if len(hits) > SHOWN else ""
            text = (f"{len(hits)} match{'es' if len(hits) != 1 else ''} in {articles} "
                    f"article{'s' if articles != 1 else ''}{more}")
        self.query_one("#search-status", Static).update(Content(" " + printable(text)))

    @on(OptionList.OptionSelected, "#search-hits")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._open(int(event.option.id or 0))

    def _open(self, i: int) -> None:
        from reader.ui.screens.library_open import open_kept

        if not 0 <= i < len(self.hits):
            return
        hit = self.hits[i]
        open_kept(self, hit.article, at=(hit.block, 0 if hit.note else hit.start))

    def action_to_matches(self) -> None:
        matches = self.matches
        if matches.option_count:
            self.set_focus(matches)
            if matches.highlighted is None:
                matches.action_first()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))
