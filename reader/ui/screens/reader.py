"""The reading screen: the article, the side panel, the status line and the footer.

The screen owns the reader's place (a cursor of block and offset) and turns keys
into jumps; where the next quotation, topic, mention or match lies is computed by
`reader.core.article.navigation`. Analysis runs in a thread after the first paint; until it
arrives, the keys that need it are disabled with the reason shown.

The analysis thread is a daemon, never waited for, and is cancelled when the
screen goes (an exception raised into it at its next step): quitting while it
runs ends the process at once. A thread of Textual's worker pool kept the process
alive, its screen blank, until a long analysis was done.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen

from reader.core.analysis import Analysis
from reader.core.article import Document, Position, SearchIndex, shorten, step
from reader.core.notes import NoteStore
from reader.ui.decorations import entity_layer, quote_layer, spans_layer
from reader.ui.screens.notes_actions import NOTE_BINDINGS, NotesMixin
from reader.ui.screens.reader_library import LIBRARY_BINDINGS, LibraryLinksMixin
from reader.ui.widgets.article_view import GUTTER, MAX_TEXT_WIDTH, ArticleView, Decoration
from reader.ui.widgets.reader_footer import ReaderFooter
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.side_panel import SidePanel, entity_rows, quote_rows, topic_rows
from reader.ui.widgets.status_line import StatusLine


class AnalysisCancelled(BaseException):
    """Raised into the analysis thread to stop it: the screen it was for has gone."""


NARROW = 100
"""Below this many columns the side panel folds away (p shows it over the text)."""

PANEL_MIN = 43
"""The side panel's narrowest width beside the text (and its width over the text)."""
ARTICLE_MAX = MAX_TEXT_WIDTH + GUTTER + 2
"""Columns the article needs for its full measure (the scrollbar and a spare column
included); past that, a wide window gives its room to the panel."""

TAB_KEYS = Binding.Group("Tabs", compact=True)
"""1 2 3 4 choose a tab of the side panel; the footer shows them as one item."""


def topic_stops(topics) -> list[tuple[Position, str]]:
    """Where } stops: every topic that covers a paragraph (as many as the Topics tab
    counts), at its first paragraph, sections before keywords; several starting on
    one paragraph are told apart by their place among them: (block, 0), (block, 1)."""
    shown = [t for t in topics if t.blocks]
    order = sorted(shown, key=lambda t: (t.blocks[0], t.kind != "section"))
    stops: list[tuple[Position, str]] = []
    for t in order:
        k = sum(1 for (block, _), _ in stops if block == t.blocks[0])
        stops.append(((t.blocks[0], k), t.title))
    return stops


class ReaderScreen(LibraryLinksMixin, NotesMixin, Screen):
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
    | 1 2 3 4 | the Entities, Quotes, Topics or Notes tab (4: this paragraph's notes) |
    | p | show or hide the side panel |
    | escape | clear the search matches, leave the panel, or back to the articles |
    | a | annotate the current paragraph, or the selected text |
    | h | highlight it without a note |
    | d | delete the note chosen in the Notes tab (or on this paragraph) |
    | u | undo the last delete |
    | o | the chosen entity in the other articles of the library |
    | ctrl+f | search the whole library |
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
        Binding(
            "e", "next_occurrence", "Mention", tooltip="Next mention of the chosen item", id="reader.next_occurrence"
        ),
        Binding("E", "previous_occurrence", "Prev mention", show=False, id="reader.previous_occurrence"),
        Binding("slash", "search", "Search", id="reader.search"),
        Binding("n", "next_match", "Match", tooltip="Next search match", id="reader.next_match"),
        Binding("N", "previous_match", "Prev match", show=False, id="reader.previous_match"),
        Binding("tab", "toggle_focus", "Panel", id="reader.toggle_focus"),
        Binding("p", "toggle_panel", "Show or hide the panel", show=False, id="reader.toggle_panel"),
        Binding("1", "show_tab('entities')", "Entities tab", id="reader.tab_entities", group=TAB_KEYS),
        Binding("2", "show_tab('quotes')", "Quotes tab", id="reader.tab_quotes", group=TAB_KEYS),
        Binding("3", "show_tab('topics')", "Topics tab", id="reader.tab_topics", group=TAB_KEYS),
        Binding(
            "4", "show_tab('notes')", "Notes tab, at this paragraph's notes", id="reader.tab_notes", group=TAB_KEYS
        ),
        *NOTE_BINDINGS,
        *LIBRARY_BINDINGS,
        Binding("question_mark", "help", "Help", id="reader.help"),
        Binding(
            "escape",
            "back",
            "Back",
            tooltip="Clear the search matches, close the panel, or go back to the articles",
            id="reader.back",
        ),
    ]

    @staticmethod
    def _commands():
        from reader.ui.commands import ArticleCommands

        return ArticleCommands

    COMMANDS = {_commands}

    def __init__(
        self,
        document: Document,
        store: NoteStore | None = None,
        from_library: bool = False,
        at: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.from_library = from_library
        self.init_notes(store)
        self.init_library(at)
        self.analysis: Analysis | None = None
        self._early: Analysis | None = None
        self._panel_ready = False
        self.cursor: Position = (0, -1)
        self.quote_positions: list[Position] = []
        self.topic_positions: list[tuple[Position, str]] = []
        self.occurrences: list[tuple[int, int, int]] = []
        self.occurrence_label = "mention"
        self.occurrence_name = ""
        self.search_index: SearchIndex | None = None
        self.analysis_thread: threading.Thread | None = None
        self._analysing = False
        self._analysis_lock = threading.Lock()
        self.matches: list = []
        self.match_index = -1
        self._search_origin: Position | None = None

    def compose(self) -> ComposeResult:
        yield StatusLine(self.document)
        with Horizontal(id="body"):
            yield ArticleView(self.document, id="article")
        yield SearchBar(on_close=self.close_search)
        yield ReaderFooter(NARROW)

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
        self.set_interval(2.0, self._save_position_if_moved, pause=False)
        self.set_interval(0.5, self.show_background, pause=False)
        self._saved_at: int | None = None

    async def _after_first_paint(self) -> None:
        from textual.widget import MountError

        self.analyse()  # first: an analysis the library kept is read while the panel mounts
        try:
            await self.query_one("#body").mount(SidePanel(id="panel"))
        except MountError:
            return  # quit before the first frame was done: nothing more to show
        self._panel_ready = True
        self._fit(self.app.size.width)
        self.load_notes()
        self.go_to_start()
        if self._early is not None:
            self.show_analysis(self._early)

    def _save_position_if_moved(self) -> None:
        if self._saved_at != self.cursor[0]:
            self._saved_at = self.cursor[0]
            self.save_position()
            self.save_progress()

    def on_unmount(self) -> None:
        self.cancel_analysis()
        if self._saved_at != self.cursor[0]:
            self.save_position()
            self.save_progress()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        narrow = width < NARROW
        if narrow and not self.has_class("-narrow") and self.panel_has_focus and not self.has_class("-overlay"):
            self.set_focus(self.article)  # the panel folds away: keys go to the text, not to a hidden list
        self.set_class(narrow, "-narrow")
        if not narrow:
            self.remove_class("-overlay")
        if self.query(SidePanel):
            # Beside the text, the panel takes what the article's measure leaves.
            self.panel.styles.width = PANEL_MIN if narrow else max(PANEL_MIN, width - ARTICLE_MAX)
        self.refresh_bindings()  # the footer shows fewer keys when narrow

    # -- analysis ----------------------------------------------------------------

    def analyse(self) -> None:
        """Analyse the article in a daemon thread (or read the analysis the library kept of it);
        its result is shown when it comes, then the article is kept in the library."""
        app = self.app
        library = self.library
        self._analysing = True

        def run() -> None:
            from reader.core.analysis import analyse

            result = None
            try:
                try:
                    result = self.cached_analysis(library) or analyse(self.document)
                except Exception as exc:  # shown, never raised into a thread nobody watches
                    outcome, value = self._analysis_failed, f"{type(exc).__name__}: {exc}"
                else:
                    outcome, value = self.show_analysis, result
                finally:
                    with self._analysis_lock:  # from here on, no cancellation is sent
                        self._analysing = False
                with contextlib.suppress(RuntimeError):  # the window has closed meanwhile: nothing to show
                    app.call_from_thread(outcome, value)
            except AnalysisCancelled:
                return  # sent while analysing, delivered at the thread's next step: within this try
            if library is not None and result is not None:
                self.keep_in_library(library, result, app)

        self.analysis_thread = threading.Thread(target=run, name="reader-analysis", daemon=True)
        self.analysis_thread.start()

    def cancel_analysis(self) -> None:
        """Stop a running analysis at its next step (its result is no longer wanted)."""
        thread = self.analysis_thread
        with self._analysis_lock:
            if self._analysing and thread is not None and thread.ident is not None:
                cancelled = ctypes.py_object(AnalysisCancelled)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), cancelled)
                self._analysing = False

    def _analysis_failed(self, message: str) -> None:
        self.notify(f"The analysis failed: {message}", severity="error", markup=False)

    def show_analysis(self, result: Analysis) -> None:
        if not self.is_attached:
            return
        if not self._panel_ready:
            self._early = result  # came before the panel was mounted: shown once it is
            return
        self._early = None
        self.analysis = result
        self.status.language = result.language
        self._fill_panel()
        self.topic_positions = topic_stops(result.topics)
        self.panel.set_rows("topics", "Topics", topic_rows(result.topics), len(self.topic_positions))
        self.article.set_layer("quotes", quote_layer(result.quotes))
        self.article.set_layer("entities", entity_layer(result.entities))
        self.quote_positions = sorted((q.block, q.start) for q in result.quotes)
        self.refresh_bindings()

    def _fill_panel(self) -> None:
        """Entity and quotation rows laid out for the panel's width, which changes with the window."""
        if self.analysis is None:
            return
        result, doc = self.analysis, self.document
        width = self.panel.row_width
        self._rows_width = width
        entities = entity_rows(result.entities, len(doc.blocks), width, self.elsewhere)
        self.panel.set_rows("entities", "Entities", entities, len(result.entities))
        self.panel.set_rows("quotes", "Quotes", quote_rows(result.quotes, width), len(result.quotes))

    @on(SidePanel.WidthChanged)
    def _panel_width_changed(self) -> None:
        if self.analysis is not None and self.panel.row_width != getattr(self, "_rows_width", None):
            self._fill_panel()

    # -- what can be done now ----------------------------------------------------------

    def disabled_reason(self, action: str) -> str | None:
        """Why an action cannot run now, or None when it can."""
        if action in ("other_articles", "library_search"):
            return self.library_disabled_reason(action)
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

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        reason = self.disabled_reason(action)
        if action in ("next_occurrence", "previous_occurrence", "next_match", "previous_match", "other_articles"):
            return reason is None  # hidden from the footer until they apply
        if action == "back":
            return bool(self.matches) or self._panel_shown_over_text() or self.panel_has_focus or self.from_library
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
        if at_end or view.scroll_y >= view.max_scroll_y:
            target = len(self.document.blocks) - 1
        else:
            target = view.first_visible_block()
        view.current = max(view.current, target) if not at_end else target
        self.cursor = (view.current, -1)

    def action_previous_page(self) -> None:
        view = self.article
        page = max(1, view.scrollable_content_region.height - 2)
        view.scroll_to(y=view.scroll_y - page, animate=False, immediate=True)
        view.current = view.first_visible_block() if view.scroll_y > 0 else 0
        self.cursor = (view.current, -1)

    def _jump(self, block: int, start: int) -> None:
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
        (block, k), title = self.topic_positions[i]
        self._jump(block, 0)
        self.cursor = (block, k)  # the next } goes on to a topic that starts on the same paragraph
        short = shorten(title, 40)
        self.status.extra = f"topic {i + 1} of {len(positions)} · {short}"

    def action_previous_topic(self) -> None:
        self.action_next_topic(forward=False)

    # -- side panel ------------------------------------------------------------------

    @on(SidePanel.Chosen)
    def _chosen(self, event: SidePanel.Chosen) -> None:
        if self._panel_shown_over_text() and event.kind != "note":
            self._close_panel_over_text()  # the jump must be seen, not hidden under the panel
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

    @property
    def panel_has_focus(self) -> bool:
        return bool(self.query(SidePanel)) and self.panel.has_focus_within

    def _panel_shown_over_text(self) -> bool:
        return self.has_class("-narrow") and self.has_class("-overlay")

    def _show_panel(self) -> None:
        """Show the panel: over the text in a narrow window, beside it otherwise."""
        self.remove_class("-no-panel")
        if self.has_class("-narrow"):
            self.add_class("-overlay")
        self.refresh_bindings()

    def _close_panel_over_text(self) -> None:
        self.remove_class("-overlay")
        self.set_focus(self.article)
        self.refresh_bindings()

    def action_toggle_focus(self) -> None:
        if not self.query(SidePanel):
            return  # before the first frame is drawn there is no panel yet
        if self.panel_has_focus:
            if self._panel_shown_over_text():
                self._close_panel_over_text()
            else:
                self.set_focus(self.article)
            return
        self._show_panel()
        self._focus_list()

    def _focus_list(self) -> None:
        """Focus the active tab's list with a row highlighted, at once: a key typed
        right after (down, enter) acts on that row, before the list hears of its focus."""
        lst = self.panel.active_list
        lst.highlight_first_if_none()
        self.set_focus(lst)

    def action_toggle_panel(self) -> None:
        """p: hide or show the panel, at any width."""
        if not self.query(SidePanel):
            return
        narrow = self.has_class("-narrow")
        shown = self._panel_shown_over_text() if narrow else not self.has_class("-no-panel")
        if shown:
            self.remove_class("-overlay")
            if not narrow:
                self.add_class("-no-panel")
            self.set_focus(self.article)
        else:
            self._show_panel()
            if narrow:
                self._focus_list()  # it covers the text: it is what is read now
        self.refresh_bindings()

    def action_show_tab(self, tab: str) -> None:
        """1-4: a tab of the panel, focused; 4 (Notes) starts at this paragraph's notes."""
        if not self.query(SidePanel):
            return
        self._show_panel()
        self.panel.show_tab(tab)
        if tab == "notes":
            note = self.note_at_or_after(self.article.current)
            if note is not None:
                self.panel.highlight("note", note.id)
        self._focus_list()

    def action_back(self) -> None:
        """escape: clear the search matches, else leave the panel, else back to the articles."""
        if self.matches:
            self._clear_matches()
            return
        if self._panel_shown_over_text() or self.panel_has_focus:
            self._close_panel_over_text()
            return
        if self.from_library:
            self.save_position()
            self.save_progress()  # before the library below reads it again
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
            self._clear_matches()
            if self._search_origin is not None and not keep:
                self._go_block(self._search_origin[0])
        elif self.match_index >= 0:
            m = self.matches[self.match_index]
            self.cursor = (m.block, m.start)
        self.refresh_bindings()

    def _clear_matches(self) -> None:
        self.matches = []
        self.match_index = -1
        self.article.set_layer("search", {})
        self.status.extra = ""
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
