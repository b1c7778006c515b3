"""The library: `reader` with no argument, when the library holds articles.

A table of every article kept (title, source, language, length, progress, notes,
top entities), filtered as you type, sorted by a key per column; enter opens the
article, escape in the article comes back here. Articles not yet analysed are
analysed in the background, with the progress in the status line.
"""

from __future__ import annotations

import contextlib
import threading

from rich.measure import Measurement
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from reader.core.article import fold_query, printable, shorten
from reader.core.errors import ReaderError
from reader.core.library import LibraryArticle
from reader.ui.screens.library_open import open_kept, source_label

COLUMNS = (
    ("title", "Title"),
    ("source", "Source"),
    ("language", "Lang"),
    ("words", "Length"),
    ("progress", "Read"),
    ("notes", "Notes"),
    ("entities", "Top entities"),
)
SORTS = {
    "title": ("title", lambda a: (" ".join(a.title.split()).casefold(), a.id), False),
    "source": ("source", lambda a: (source_label(a).casefold(), a.id), False),
    "language": ("language", lambda a: (a.language, a.id), False),
    "words": ("length", lambda a: (a.words, a.id), True),
    "progress": ("progress", lambda a: (a.progress, a.opened or "", a.id), True),
    "notes": ("notes", lambda a: (a.notes, a.id), True),
    "added": ("date added", lambda a: (a.added, a.id), True),
    "opened": ("last opened", lambda a: (a.opened or "", a.id), True),
}
"""column -> (its name in the status line, the sort key, whether it starts with the largest)."""
SORT_GROUP = Binding.Group("Sort", compact=True)
HEADER_SORT = {"title": "title", "source": "source", "language": "language", "words": "words",
               "progress": "progress", "notes": "notes", "entities": "added"}

FIRST_ROWS = 80
"""Rows put in the table before its first frame: more than a screenful."""

HELP_INTRO = (
    "The library: every article you opened or added. Type to filter (title, source,\n"
    "language, people and organisations); ↓ or tab go to the table, / back to the filter;\n"
    "enter opens the article, escape there comes back here. A key sorts by a column\n"
    "(again: the other way round); clicking a column's heading sorts by it too."
)


class _Cell(Text):
    """A cell of one line: measured by its length alone (the table measures every cell
    of every row it is given, and a Text's own measure looks for its longest word)."""

    def __rich_measure__(self, console, options) -> Measurement:
        return Measurement(self.cell_len, self.cell_len)


def widths(columns: int) -> tuple[int, int, int]:
    """How wide the title, source and entities may be in a window this wide: the table fits it."""
    room = max(28, columns - 2 - (4 + 8 + 5 + 5) - 7 * 2)  # the short columns, and the gaps between all
    source = min(22, max(8, room // 5))
    title = min(60, max(16, (room - source) * 11 // 20))
    return title, source, max(10, room - source - title)


def _cells(a: LibraryArticle, room: tuple[int, int, int] = (60, 22, 48)) -> tuple:
    read = "—" if not a.opened and not a.progress else "read" if a.read else f"{round(100 * a.progress)}%"
    title, source, entities = room
    cells = (
        shorten(" ".join(a.title.split()) or "(untitled)", title),
        shorten(source_label(a), source),
        a.language,
        f"{a.words:,} w",
        read,
        str(a.notes) if a.notes else "",
        shorten(", ".join(a.top), entities),
    )
    justify = ("left", "left", "left", "right", "right", "right", "left")
    return tuple(_Cell(printable(c), no_wrap=True, overflow="ellipsis", justify=j) for c, j in zip(cells, justify))


def _haystack(a: LibraryArticle) -> str:
    return fold_query(" ".join((a.title, a.source, a.language, " ".join(a.top), a.site, a.author)))


class LibraryTableScreen(Screen):
    """Every article kept: filter, sort, open."""

    HELP_INTRO = HELP_INTRO
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", id="library.filter"),
        Binding("ctrl+f", "search", "Search all", tooltip="Search the text and notes of every article",
                id="library.search"),
        Binding("down", "cursor(1)", "Down", show=False, id="library.down"),
        Binding("up", "cursor(-1)", "Up", show=False, id="library.up"),
        Binding("t", "sort('title')", "Sort by title", group=SORT_GROUP, id="library.sort_title"),
        Binding("s", "sort('source')", "Sort by source", group=SORT_GROUP, id="library.sort_source"),
        Binding("l", "sort('language')", "Sort by language", group=SORT_GROUP, id="library.sort_language"),
        Binding("w", "sort('words')", "Sort by length", group=SORT_GROUP, id="library.sort_length"),
        Binding("r", "sort('progress')", "Sort by reading progress", group=SORT_GROUP, id="library.sort_progress"),
        Binding("n", "sort('notes')", "Sort by notes", group=SORT_GROUP, id="library.sort_notes"),
        Binding("d", "sort('added')", "Sort by date added", group=SORT_GROUP, id="library.sort_added"),
        Binding("o", "sort('opened')", "Sort by last opened", show=False, id="library.sort_opened"),
        Binding("escape", "clear", "Clear the filter", show=False, id="library.clear"),
        Binding("f", "feeds", "Feeds", tooltip="The feeds followed and their unread items", id="library.feeds"),
        Binding("question_mark", "help", "Help", id="library.help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.articles: list[LibraryArticle] = []
        self.shown: list[LibraryArticle] = []
        self.sort_by = "added"
        self.reverse = True
        self._haystacks: dict[str, str] = {}
        """Article id -> what the filter looks in, folded (made when the filter is first used)."""
        self._message = ""
        self._away = False
        self._generation = 0
        self._told: set[str] = set()
        self._note_counts: dict[str, int] = {}
        self._room = (60, 22, 48)

    def compose(self) -> ComposeResult:
        yield Static(id="library-heading")
        yield Input(placeholder="Filter: title, source, language, people, organisations…", id="library-filter")
        table: DataTable = DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        yield table
        yield Static(id="library-status")
        yield Footer()

    @property
    def table(self) -> DataTable:
        return self.query_one("#library-table", DataTable)

    @property
    def filter(self) -> Input:
        return self.query_one("#library-filter", Input)

    def on_mount(self) -> None:
        self.reload()
        self.set_focus(self.filter)
        self.set_interval(0.25, self._show_status)
        self.call_after_refresh(self._analyse_pending)

    def on_resize(self) -> None:
        if self.articles and widths(self.app.size.width) != self._room:
            self.refilter()  # the columns fit the new width

    def on_screen_suspend(self) -> None:
        self._away = True

    def on_screen_resume(self) -> None:
        if self._away:  # back from an article: its progress, notes and date opened changed
            self._away = False
            self.reload()

    def reload(self) -> None:
        """Read the records again and show them, filtered and sorted as they were."""
        library = self.app.kept
        try:
            self.articles = library.articles() if library is not None else []
        except ReaderError as exc:
            self.notify(str(exc), title="Library", severity="error", markup=False)
        for a in self.articles:  # as last counted; counted again in a thread (reading every notes file)
            a.notes = self._note_counts.get(a.key, 0)
        self.call_after_refresh(self._tell_problems)  # once the screen is shown, where its notices are
        self.call_after_refresh(self._count_notes)
        self._haystacks = {}
        self.refilter()

    def _count_notes(self) -> None:
        store = getattr(self.app, "store", None)
        if store is None:
            return
        app = self.app

        def run() -> None:
            try:
                counts = store.note_counts()
            except Exception:  # a damaged store is named where notes are read
                return
            with contextlib.suppress(RuntimeError):  # the window has closed meanwhile
                app.call_from_thread(self._show_note_counts, counts)

        threading.Thread(target=run, name="reader-note-counts", daemon=True).start()

    def _show_note_counts(self, counts: dict[str, int]) -> None:
        if counts == self._note_counts or not self.is_attached:
            return
        self._note_counts = counts
        for a in self.articles:
            a.notes = counts.get(a.key, 0)
        self.refilter()

    def _tell_problems(self) -> None:
        library = self.app.kept
        for problem in library.problems() if library is not None else []:
            if problem not in self._told:  # a damaged record file is left as it is, and said once
                self._told.add(problem)
                self.notify(problem, title="Library", severity="warning", timeout=10, markup=False)

    def refilter(self) -> None:
        query = fold_query(self.filter.value.strip())
        if query and not self._haystacks:
            self._haystacks = {a.id: _haystack(a) for a in self.articles}
        shown = [a for a in self.articles if not query or query in self._haystacks[a.id]]
        _name, key, _largest = SORTS[self.sort_by]
        shown.sort(key=key, reverse=self.reverse)
        current = self.current()
        self.shown = shown
        table = self.table
        table.clear()
        index = next((i for i, a in enumerate(shown) if a.id == current.id), 0) if current is not None else 0
        # A screenful first (the table measures every cell it is given); the rest after the frame is drawn.
        first = max(FIRST_ROWS, index + 1)
        self._room = room = widths(self.app.size.width)
        table.add_rows(_cells(a, room) for a in shown[:first])
        self._generation += 1
        if len(shown) > first:
            self.call_after_refresh(self._add_rest, self._generation, first)
        if index:
            table.move_cursor(row=index, animate=False, scroll=True)
        self._show_status()

    def _add_rest(self, generation: int, start: int) -> None:
        if generation == self._generation and self.is_attached:  # else the rows have been replaced since
            self.table.add_rows(_cells(a, self._room) for a in self.shown[start:])

    def current(self) -> LibraryArticle | None:
        """The article under the table's cursor."""
        row = self.table.cursor_row if self.shown else -1
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _show_status(self) -> None:
        total = len(self.articles)
        heading = f" Library · {total} article{'s' if total != 1 else ''}"
        unread = sum(1 for a in self.articles if a.feed and not a.read)
        if any(a.feed for a in self.articles):
            heading += f" · feeds: {unread} unread (f)"
        self.query_one("#library-heading", Static).update(printable(heading))
        name = SORTS[self.sort_by][0]
        arrow = "↓" if self.reverse else "↑"
        parts = [f"{len(self.shown)} of {total} shown" if self.filter.value.strip()
                 else f"{total} article{'s' if total != 1 else ''}",
                 f"sorted by {name} {arrow}"]
        background = getattr(self.app, "background", None)
        working = background.status() if background is not None else ""
        if working:
            parts.append(working)
        elif self._message:
            parts.append(self._message)
        self.query_one("#library-status", Static).update(printable(" " + "  ·  ".join(parts)))

    # -- background analysis ------------------------------------------------------------

    def _analyse_pending(self) -> None:
        from reader.ui.background import BackgroundAnalysis

        app = self.app
        library = app.kept
        if library is None:
            return
        background = getattr(app, "background", None)
        if background is None:
            background = app.background = BackgroundAnalysis()

        def finished(count: int) -> None:
            if count:
                self._message = f"{count} article{'s' if count != 1 else ''} analysed"
                if self.is_attached:
                    self.reload()

        background.start(app, library, finished)

    def cancel_analysis(self) -> None:
        """Quitting: the background analysis stops before its next article."""
        background = getattr(self.app, "background", None)
        if background is not None:
            background.stop()

    # -- keys -----------------------------------------------------------------------------

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self) -> None:
        self.refilter()

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self) -> None:
        self.action_open()

    @on(DataTable.RowSelected, "#library-table")
    def _row_selected(self) -> None:
        self.action_open()

    @on(DataTable.HeaderSelected, "#library-table")
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        self.action_sort(HEADER_SORT.get(str(event.column_key.value), "added"))

    def action_open(self) -> None:
        article = self.current()
        if article is not None:
            open_kept(self, article.id)

    def action_cursor(self, step: int) -> None:
        """↓ ↑ in the filter: ↓ goes down to the table (its own keys move in it)."""
        table = self.table
        if step > 0 and self.filter.has_focus:
            self.set_focus(table)
        elif self.shown:
            table.move_cursor(row=max(0, min(len(self.shown) - 1, table.cursor_row + step)), animate=False)

    def action_sort(self, column: str) -> None:
        """Sort by a column; the same key again turns the order round."""
        if column == self.sort_by:
            self.reverse = not self.reverse
        else:
            self.sort_by = column
            self.reverse = SORTS[column][2]
        self.refilter()

    def action_focus_filter(self) -> None:
        self.set_focus(self.filter)

    def action_clear(self) -> None:
        """escape: clear the filter, else go from the filter to the table."""
        if self.filter.value:
            self.filter.value = ""
            self.refilter()
        elif self.filter.has_focus:
            self.set_focus(self.table)

    def action_search(self) -> None:
        from reader.ui.screens.library_search import LibrarySearchScreen

        self.app.push_screen(LibrarySearchScreen())

    def action_feeds(self) -> None:
        from reader.ui.screens.feeds import FeedsScreen

        if self.app.kept is not None:
            self.app.push_screen(FeedsScreen(self.app.kept))

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))
