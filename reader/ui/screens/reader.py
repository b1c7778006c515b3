"""The reading screen: the article, the side panel, the status line and the footer.

The screen owns the reader's place (a cursor of block and offset) and turns keys
into jumps; where the next quotation, topic, mention or match lies is computed by
`reader.core.article.navigation`. Analysis runs in a thread after the first paint; until it
arrives, the keys that need it are disabled with the reason shown.
"""

from __future__ import annotations

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer

from reader.core.analysis import Analysis
from reader.core.article import Document, Position, SearchIndex, shorten, step
from reader.core.notes import NoteStore
from reader.ui.decorations import entity_layer, quote_layer, spans_layer
from reader.ui.screens.notes_actions import NOTE_BINDINGS, NotesMixin
from reader.ui.widgets.article_view import ArticleView, Decoration
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.side_panel import SidePanel, entity_rows, quote_rows, topic_rows
from reader.ui.widgets.status_line import StatusLine

NARROW = 100
"""Below this many columns the side panel folds away (p shows it over the text)."""


class ReaderScreen(NotesMixin, Screen):
    """Reads one article.

    | key | action |
    |---|---|
    | j / down, k / up | next / previous paragraph |
    | space / page down, b / page up | next / previous page |
    | g / home, G / end | top / end |
    | ] / [ | next / previous quotation |
    | } / { | next / previous topic |
    | e / E | next / previous occurrence of what is chosen in the side panel |
    | / then n / N | search, then next / previous match |
    | tab | move between the article and the side panel |
    | p | show or hide the side panel |
    | a | annotate the current paragraph, or the selected text |
    | h | highlight it without a note |
    | d | delete the note chosen in the Notes tab (or on this paragraph) |
    | u | undo the last delete |
    | ? | help |
    """

    BINDINGS = [
        Binding("j,down", "next_block", "Next ¶", id="reader.next_paragraph"),
        Binding("k,up", "previous_block", "Prev ¶", show=False, id="reader.previous_paragraph"),
        Binding("space,pagedown", "next_page", "Page down", show=False, id="reader.next_page"),
        Binding("b,pageup", "previous_page", "Page up", show=False, id="reader.previous_page"),
        Binding("g,home", "first_block", "Top", show=False, id="reader.top"),
        Binding("G,end", "last_block", "End", show=False, id="reader.end"),
        Binding("right_square_bracket", "next_quote", "Quote", id="reader.next_quote"),
        Binding("left_square_bracket", "previous_quote", "Prev quote", show=False, id="reader.previous_quote"),
        Binding("right_curly_bracket", "next_topic", "Topic", id="reader.next_topic"),
        Binding("left_curly_bracket", "previous_topic", "Prev topic", show=False, id="reader.previous_topic"),
        Binding("e", "next_occurrence", "Mention", tooltip="Next mention of the chosen item", id="reader.next_occurrence"),
        Binding("E", "previous_occurrence", "Prev mention", show=False, id="reader.previous_occurrence"),
        Binding("slash", "search", "Search", id="reader.search"),
        Binding("n", "next_match", "Match", tooltip="Next search match", id="reader.next_match"),
        Binding("N", "previous_match", "Prev match", show=False, id="reader.previous_match"),
        Binding("tab", "toggle_focus", "Panel", id="reader.toggle_focus"),
        Binding("p", "toggle_panel", "Show panel", show=False, id="reader.toggle_panel"),
        *NOTE_BINDINGS,
        Binding("question_mark", "help", "Help", id="reader.help"),
        Binding("escape", "back", "Library", id="reader.back"),
    ]

    @staticmethod
    def _commands():
        from reader.ui.commands import ArticleCommands

        return ArticleCommands

    COMMANDS = {_commands}

    def __init__(self, document: Document, store: NoteStore | None = None, from_library: bool = False) -> None:
        super().__init__()
        self.document = document
        self.from_library = from_library
        self.init_notes(store)
        self.analysis: Analysis | None = None
        self.cursor: Position = (0, -1)
        self.quote_positions: list[Position] = []
        self.topic_positions: list[tuple[Position, str]] = []
        self.selected: tuple[str, str] | None = None
        self.occurrences: list[tuple[int, int, int]] = []
        self.occurrence_label = "mention"
        self.occurrence_name = ""
        self.search_index: SearchIndex | None = None
        self.matches: list = []
        self.match_index = -1
        self._search_origin: Position | None = None

    def compose(self) -> ComposeResult:
        yield StatusLine(self.document)
        with Horizontal(id="body"):
            yield ArticleView(self.document, id="article")
        yield SearchBar(on_close=self.close_search)
        yield Footer()

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def panel(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        self.query_one(SearchBar).display = False
        self._fit(self.app.size.width)
        self.article.focus()
        # The panel, notes and analysis wait for the first frame: the text shows first.
        self.call_after_refresh(self._after_first_paint)
        self._position_timer = self.set_interval(2.0, self._save_position_if_moved, pause=False)
        self._saved_at: int | None = None

    async def _after_first_paint(self) -> None:
        from textual.widget import MountError

        try:
            await self.query_one("#body").mount(SidePanel(id="panel"))
        except MountError:
            return  # quit before the first frame was done: nothing more to show
        self.load_notes()
        self.analyse()

    def _save_position_if_moved(self) -> None:
        if self._saved_at != self.cursor[0]:
            self._saved_at = self.cursor[0]
            self.save_position()

    def on_unmount(self) -> None:
        if self._saved_at != self.cursor[0]:
            self.save_position()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        narrow = width < NARROW
        self.set_class(narrow, "-narrow")
        if not narrow:
            self.remove_class("-overlay")
        self.refresh_bindings()

    # -- analysis ----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False, description="analysing the article")
    def analyse(self) -> None:
        from reader.core.analysis import analyse

        result = analyse(self.document)
        self.app.call_from_thread(self.show_analysis, result)

    def show_analysis(self, result: Analysis) -> None:
        self.analysis = result
        doc = self.document
        self.status.language = result.language
        width = max(20, self.panel.size.width - 4 if self.panel.size.width else 36)
        self.panel.set_rows("entities", "Entities", entity_rows(result.entities, len(doc.blocks), width), len(result.entities))
        self.panel.set_rows("quotes", "Quotes", quote_rows(result.quotes, width), len(result.quotes))
        self.panel.set_rows("topics", "Topics", topic_rows(result.topics), len(result.topics))
        self.article.set_layer("quotes", quote_layer(result.quotes))
        self.article.set_layer("entities", entity_layer(result.entities))
        self.quote_positions = sorted((q.block, q.start) for q in result.quotes)
        stops: dict[Position, str] = {}
        for t in result.topics:
            if t.blocks:
                stops.setdefault((t.blocks[0], 0), t.title)
        self.topic_positions = sorted(stops.items())
        self.refresh_bindings()

    # -- what can be done now ----------------------------------------------------------

    def disabled_reason(self, action: str) -> str | None:
        """Why an action cannot run now, or None when it can."""
        waiting = "the analysis is still running" if self.analysis is None else None
        if action in ("next_quote", "previous_quote"):
            return waiting or (None if self.quote_positions else "this article has no quotations")
        if action in ("next_topic", "previous_topic"):
            return waiting or (None if self.topic_positions else "this article has no topics")
        if action in ("next_occurrence", "previous_occurrence"):
            return None if self.occurrences else "choose an entity, quotation or topic in the side panel first"
        if action in ("next_match", "previous_match"):
            return None if self.matches else "no search matches: press / to search"
        if action in ("annotate", "highlight", "delete_note", "undo_delete"):
            return self.store_problem
        return None

    def check_action(self, action: str, parameters) -> bool | None:
        reason = self.disabled_reason(action)
        if action in ("next_occurrence", "previous_occurrence", "next_match", "previous_match"):
            return reason is None  # hidden from the footer until they apply
        if action == "toggle_panel":
            return True if self.has_class("-narrow") else None
        if action == "back":
            return self.from_library
        return True if reason is None else None

    def explain_key(self, key: str) -> bool:
        """Say why a key's action is disabled; False when the key is not one of ours."""
        keymap = getattr(self.app, "keymap", {})
        for binding in self.BINDINGS:
            keys = keymap.get(binding.id, binding.key)
            if key in [k.strip() for k in keys.split(",")]:
                reason = self.disabled_reason(binding.action)
                if reason:
                    self.notify(f"{binding.description}: {reason}", timeout=3)
                return bool(reason)
        return False

    def take_typed_ahead(self, event: events.Key) -> bool:
        """A key typed after / that reached the article first belongs to the search line."""
        bar = self.query_one(SearchBar)
        return bar.is_open and bar.take(event)

    # -- movement -------------------------------------------------------------------

    @on(ArticleView.CurrentChanged)
    def _current_changed(self, event: ArticleView.CurrentChanged) -> None:
        self.status.position = event.index
        if event.index != self.cursor[0]:
            self.cursor = (event.index, -1)

    def _go_block(self, index: int) -> None:
        self.article.go_to(index)
        self.cursor = (self.article.current, -1)
        self.status.position = self.article.current  # now, not a message later
        self.status.extra = ""  # "match 6 of 10" no longer says where the reader is

    def action_next_block(self) -> None:
        self._go_block(self.article.current + 1)

    def action_previous_block(self) -> None:
        self._go_block(self.article.current - 1)

    def action_first_block(self) -> None:
        self._go_block(0)
        self.article.scroll_home(animate=False, immediate=True)

    def action_last_block(self) -> None:
        self._go_block(len(self.document.blocks) - 1)
        self.article.scroll_end(animate=False, immediate=True)

    def action_next_page(self) -> None:
        view = self.article
        page = max(1, view.scrollable_content_region.height - 2)
        at_end = view.scroll_y >= view.max_scroll_y
        view.scroll_to(y=view.scroll_y + page, animate=False, immediate=True)
        target = len(self.document.blocks) - 1 if at_end or view.scroll_y >= view.max_scroll_y else view.first_visible_block()
        view.current = max(view.current, target) if not at_end else target
        self.cursor = (view.current, -1)

    def action_previous_page(self) -> None:
        view = self.article
        page = max(1, view.scrollable_content_region.height - 2)
        view.scroll_to(y=view.scroll_y - page, animate=False, immediate=True)
        view.current = view.first_visible_block() if view.scroll_y > 0 else 0
        self.cursor = (view.current, -1)

    def _jump(self, block: int, start: int, end: int | None = None) -> None:
        self.article.go_to(block, offset=max(0, start))
        self.cursor = (block, start)
        self.status.position = block

    def _step(self, positions: list[Position], forward: bool, what: str) -> int | None:
        index, wrapped = step(positions, self.cursor, forward)
        if index is None:
            return None
        if wrapped:
            self.notify(f"Wrapped to the {'first' if forward else 'last'} {what}", timeout=2)
        return index

    def action_next_quote(self, forward: bool = True) -> None:
        if self.analysis is None:
            return
        i = self._step(self.quote_positions, forward, "quotation")
        if i is None:
            return
        block, start = self.quote_positions[i]
        quote = next(q for q in self.analysis.quotes if (q.block, q.start) == (block, start))
        self._jump(block, start)
        who = quote.speaker or "unattributed"
        self.status.extra = f"quote {i + 1} of {len(self.quote_positions)} · {who}"
        self.panel.highlight("quote", quote.id)

    def action_previous_quote(self) -> None:
        self.action_next_quote(forward=False)

    def action_next_topic(self, forward: bool = True) -> None:
        positions = [p for p, _ in self.topic_positions]
        i = self._step(positions, forward, "topic")
        if i is None:
            return
        (block, _), title = self.topic_positions[i]
        self._jump(block, 0)
        self.cursor = (block, 0)
        short = shorten(title, 40)
        self.status.extra = f"topic {i + 1} of {len(positions)} · {short}"

    def action_previous_topic(self) -> None:
        self.action_next_topic(forward=False)

    # -- side panel ------------------------------------------------------------------

    @on(SidePanel.Chosen)
    def _chosen(self, event: SidePanel.Chosen) -> None:
        self.choose(event.kind, event.key)

    def choose(self, kind: str, key: str) -> None:
        """Select a panel item: highlight its occurrences and jump to the first."""
        if self.analysis is None:
            return
        occurrences: list[tuple[int, int, int]] = []
        label = "occurrence"
        if kind == "entity":
            entity = next(e for e in self.analysis.entities if e.id == key)
            occurrences = [(m.block, m.start, m.end) for m in entity.mentions]
            label, name = "mention", entity.name
        elif kind == "quote":
            quote = next(q for q in self.analysis.quotes if q.id == key)
            same = [q for q in self.analysis.quotes if quote.speaker and q.speaker == quote.speaker] or [quote]
            occurrences = [(p.block, p.start, p.end) for q in same for p in q.parts[:1]]
            label, name = "quote", (f"by {quote.speaker}" if quote.speaker else "unattributed")
        elif kind == "note":
            note = next((n for n in self.notes if n.id == key), None)
            if note is None:
                return
            place = self.placements.get(key)
            if place is not None:
                self._jump(place.block, place.start)
                self.status.extra = f"note on ¶ {place.block + 1}"
            self.edit_note(key)
            return
        elif kind == "topic":
            topic = next(t for t in self.analysis.topics if t.id == key)
            occurrences = [(b, 0, len(self.document.blocks[b].text)) for b in topic.blocks]
            label, name = "paragraph", topic.title
        else:
            return
        self.selected = (kind, key)
        self.occurrences = sorted(occurrences)
        self.occurrence_label = label
        self.occurrence_name = name
        layer: dict[int, list] = {}
        if kind != "topic":
            layer = spans_layer(self.occurrences, ".article--selected")
        self.article.set_layer("selected", layer)
        self.refresh_bindings()
        if self.occurrences:
            # The first occurrence at or after the start of the article.
            block, start, _ = self.occurrences[0]
            self._jump(block, start)
            self._show_occurrence(0)

    def _show_occurrence(self, i: int) -> None:
        name = shorten(self.occurrence_name, 30)
        self.status.extra = f"{self.occurrence_label} {i + 1} of {len(self.occurrences)} · {name}"

    def action_next_occurrence(self, forward: bool = True) -> None:
        positions = [(b, s) for b, s, _ in self.occurrences]
        i = self._step(positions, forward, self.occurrence_label)
        if i is None:
            return
        block, start, _ = self.occurrences[i]
        self._jump(block, start)
        self._show_occurrence(i)

    def action_previous_occurrence(self) -> None:
        self.action_next_occurrence(forward=False)

    # Focus moves at once (set_focus), not after the next refresh as focus() does,
    # so keys typed right after tab, p or / reach the widget they were meant for.

    def action_toggle_focus(self) -> None:
        if not self.query(SidePanel):
            return  # before the first frame is drawn there is no panel yet
        if self.has_class("-narrow") and not self.has_class("-overlay"):
            self.add_class("-overlay")
        self.set_focus(self.panel.active_list if self.article.has_focus else self.article)

    def action_toggle_panel(self) -> None:
        if not self.query(SidePanel):
            return
        self.toggle_class("-overlay")
        self.set_focus(self.panel.active_list if self.has_class("-overlay") else self.article)

    def action_back(self) -> None:
        """Back to the list of articles (when opened from `reader DIR`)."""
        self.save_position()
        self.app.pop_screen()

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    # -- search ----------------------------------------------------------------------

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        self._search_origin = self.cursor
        bar.display = True
        bar.value = ""
        self.set_focus(bar)

    @on(SearchBar.QueryChanged)
    def _search_changed(self, event: SearchBar.QueryChanged) -> None:
        bar = self.query_one(SearchBar)
        if bar.is_open and event.query == bar.value:  # else a late echo of a closed or older query
            self._apply_query(event.query)

    def _apply_query(self, query: str) -> None:
        if self.search_index is None:
            self.search_index = SearchIndex(self.document)
        self.matches = self.search_index.find(query) if query.strip() else []
        self.match_index = -1
        origin = self._search_origin or self.cursor
        if self.matches:
            positions = [(m.block, m.start) for m in self.matches]
            i, _ = step(positions, (origin[0], origin[1] - 1), True)
            self._show_match(i or 0, move_cursor=False)
        else:
            self.article.set_layer("search", {})
            self.status.extra = "no matches" if query.strip() else ""
        self.refresh_bindings()

    def close_search(self, query: str, keep: bool) -> None:
        """Close the search line at once, keeping the matches of `query` or dropping them."""
        bar = self.query_one(SearchBar)
        bar.display = False
        self.set_focus(self.article)
        if keep:
            self._apply_query(query)  # the line's last change may not have been seen yet
        if not keep or not self.matches:
            self.matches = []
            self.match_index = -1
            self.article.set_layer("search", {})
            self.status.extra = ""
            if self._search_origin is not None and not keep:
                self._go_block(self._search_origin[0])
        elif self.match_index >= 0:
            m = self.matches[self.match_index]
            self.cursor = (m.block, m.start)
        self.refresh_bindings()

    def _show_match(self, i: int, move_cursor: bool = True) -> None:
        self.match_index = i
        m = self.matches[i]
        layer = spans_layer([(x.block, x.start, x.end) for x in self.matches], ".article--match")
        layer[m.block].append(Decoration(m.start, m.end, ".article--match-current"))
        self.article.set_layer("search", layer)
        self.article.go_to(m.block, offset=m.start)
        if move_cursor:
            self.cursor = (m.block, m.start)
        self.status.extra = f"match {i + 1} of {len(self.matches)}"

    def action_next_match(self, forward: bool = True) -> None:
        positions = [(m.block, m.start) for m in self.matches]
        i = self._step(positions, forward, "match")
        if i is not None:
            self._show_match(i)

    def action_previous_match(self) -> None:
        self.action_next_match(forward=False)
