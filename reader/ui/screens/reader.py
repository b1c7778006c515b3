"""The reading screen: the article, the side panel, the status line and the footer.

The screen owns the reader's place (a cursor of block and offset) and turns keys
into jumps; where the next quotation, topic, mention or match lies is computed by
`reader.core.article.navigation`. After the first paint, the panel shows the analysis the
library kept of the text, or the analysis runs in a thread; until it arrives, the keys
that need it are disabled with the reason shown.

The analysis thread is a daemon, never waited for, and is cancelled when the
screen goes (an exception raised into it at its next step): quitting while it
runs ends the process at once. A thread of Textual's worker pool kept the process
alive, its screen blank, until a long analysis was done.

This module holds the screen's frame: layout, the analysis, and which keys can act
now. Its behaviour is mixed in from reader_movement, reader_panel, reader_search
and notes_actions.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from reader.core.article import Document, Position, SearchIndex
from reader.ui.decorations import entity_layer, quote_layer
from reader.ui.screens.notes_actions import NOTE_BINDINGS, NotesMixin
from reader.ui.screens.reader_library import LIBRARY_BINDINGS, LibraryLinksMixin
from reader.ui.screens.reader_movement import MovementMixin
from reader.ui.screens.reader_panel import PanelMixin
from reader.ui.screens.reader_search import SearchMixin
from reader.ui.widgets.article_view import GUTTER, MAX_TEXT_WIDTH, ArticleView
from reader.ui.widgets.reader_footer import ReaderFooter
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status_line import StatusLine

if TYPE_CHECKING:  # the analysis's modules load in its thread; the panel's after the first paint
    from reader.core.analysis import Analysis
    from reader.core.notes import NoteStore
    from reader.ui.widgets.side_panel import SidePanel


class AnalysisCancelled(BaseException):
    """Raised into the analysis thread to stop it: the screen it was for has gone."""


NARROW = 100
"""Below this many columns the side panel folds away (p shows it over the text)."""

READ_EARLY = 200_000
"""An article of up to this many characters has the analysis the library kept of it
read before its first frame (news: tens of thousands, a few ms); a longer one's after."""

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


class ReaderScreen(LibraryLinksMixin, MovementMixin, PanelMixin, SearchMixin, NotesMixin, Screen):
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
            yield Static(id="panel-place")  # the side panel's, until it comes after the first frame
        yield SearchBar(on_close=self.close_search)
        yield ReaderFooter(NARROW)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def panel(self) -> SidePanel:
        return cast("SidePanel", self.query_one("#panel"))

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        self.query_one(SearchBar).display = False
        self._laid_out_for = self.app.size
        """The window size the screen was last laid out for (a resize to the same is skipped)."""
        self._fit(self.app.size.width)
        self.article.expect_width(self._article_width(self.app.size.width))
        # The analysis the library kept of this very text (some 8 ms for news): its
        # names and quotations are marked in the first frame, its panel comes in the next.
        # A long text's (2 MB for 5,000 paragraphs) is read after that frame instead.
        self._read_early = len(self.document.text) <= READ_EARLY
        self._kept_analysis = self.cached_analysis(self.library) if self._read_early else None
        if self._kept_analysis is not None:
            self._mark_text(self._kept_analysis)
        self.article.focus()
        self._shown = False
        """Whether the first frame is out."""
        self.set_interval(2.0, self._save_position_if_moved, pause=False)
        self.set_interval(0.5, self.show_background, pause=False)
        self._saved_at: int | None = None

    def on_screen_resume(self) -> None:
        if not self._shown:
            # The panel, notes and analysis wait for the first frame: the text shows first.
            # Textual draws that frame as this event's last step; what is posted now comes
            # after it, before anything else redraws the window.
            self._shown = True
            self.call_later(self._after_first_paint)

    async def _after_first_paint(self) -> None:
        from textual.widget import MountError

        # The analysis the library kept fills the panel in the frame that shows it (read
        # in a thread, it wanted the interpreter with the window and came 80 ms later).
        kept = self._kept_analysis if self._read_early else self.cached_analysis(self.library)
        from reader.ui.widgets.side_panel import SidePanel

        panel = SidePanel(id="panel")
        try:
            with self.app.batch_update():  # one frame: the panel in its place
                await self.query_one("#body").mount(panel, before="#panel-place")
                await self.query_one("#panel-place").remove()
        except MountError:
            return  # quit before the first frame was done: nothing more to show
        if not (self.is_attached and panel.query("PanelList")):
            return  # quit as the panel was mounting: nothing more to show
        self._fit(self.app.size.width)
        self.load_notes()
        self.go_to_start()
        if kept is not None:
            self.show_analysis(kept)
        # Once the panel is drawn: an analysis holds the interpreter for long stretches.
        self.call_after_refresh(self.analyse, kept)

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
        if event.size == self._laid_out_for:
            # Textual sends the starting size up to three times as it starts; each would
            # lay out and repaint the whole window again for nothing.
            event.prevent_default()
            return
        self._laid_out_for = event.size
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        narrow = width < NARROW
        if narrow and not self.has_class("-narrow") and self.panel_has_focus and not self.has_class("-overlay"):
            self.set_focus(self.article)  # the panel folds away: keys go to the text, not to a hidden list
        self.set_class(narrow, "-narrow")
        if not narrow:
            self.remove_class("-overlay")
        for panel in self.query("#panel, #panel-place"):
            panel.styles.width = self._panel_width(width)
        self.refresh_bindings()  # the footer shows fewer keys when narrow

    @staticmethod
    def _panel_width(width: int) -> int:
        """Beside the text, the panel takes what the article's measure leaves (over it when narrow)."""
        return PANEL_MIN if width < NARROW else max(PANEL_MIN, width - ARTICLE_MAX)

    def _article_width(self, width: int) -> int:
        """The article's columns in a window `width` wide: all of them when the panel folds away."""
        return width if width < NARROW else width - self._panel_width(width)

    # -- analysis ----------------------------------------------------------------

    def analyse(self, kept: Analysis | None = None) -> None:
        """In a daemon thread: analyse the article (unless the library `kept` an analysis
        of it, already shown), show the result when it comes, then keep the article in
        the library."""
        app = self.app
        library = self.library
        self._analysing = kept is None

        def run() -> None:
            result = kept
            try:
                if result is None:
                    try:
                        result = self._analysed()
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

    def _analysed(self) -> Analysis:
        """A fresh analysis; its rules and word lists load only when no kept one will do."""
        from reader.core.analysis import analyse

        return analyse(self.document)

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
        self.analysis = result
        self._fill_panel()
        self.topic_positions = topic_stops(result.topics)
        from reader.ui.widgets.side_panel import topic_rows

        self.panel.set_rows("topics", "Topics", topic_rows(result.topics), len(self.topic_positions))
        self._mark_text(result)
        self.quote_positions = sorted((q.block, q.start) for q in result.quotes)
        self.refresh_bindings()

    def _mark_text(self, result: Analysis) -> None:
        """The names and quotations marked in the text, and its language in the status line."""
        self.status.language = result.language
        self.article.set_layer("quotes", quote_layer(result.quotes))
        self.article.set_layer("entities", entity_layer(result.entities))

    def _fill_panel(self) -> None:
        """Entity and quotation rows laid out for the panel's width, which changes with the window."""
        if self.analysis is None:
            return
        from reader.ui.widgets.side_panel import entity_rows, quote_rows

        result, doc = self.analysis, self.document
        width = self.panel.row_width
        self._rows_width = width
        entities = entity_rows(result.entities, len(doc.blocks), width, self.elsewhere)
        self.panel.set_rows("entities", "Entities", entities, len(result.entities))
        self.panel.set_rows("quotes", "Quotes", quote_rows(result.quotes, width), len(result.quotes))

    def on_side_panel_width_changed(self) -> None:
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
