"""The reading screen's side panel: choosing an item, its occurrences, focus and tabs.

ReaderScreen mixes this in. Choosing an entity, quotation or topic highlights its
occurrences and jumps to the first; e / E step through them. In a narrow window
the panel shows over the text, and closes when a jump must be seen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.article import shorten
from reader.ui.decorations import spans_layer

if TYPE_CHECKING:
    from reader.core.analysis import Analysis
    from reader.core.article import Document
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.side_panel import SidePanel
    from reader.ui.widgets.status_line import StatusLine


class PanelMixin:
    """The side panel's behaviour for ReaderScreen (which provides document, article, panel, status)."""

    document: Document
    analysis: Analysis | None
    occurrences: list[tuple[int, int, int]]
    occurrence_label: str
    occurrence_name: str
    from_library: bool
    article: ArticleView
    panel: SidePanel
    status: StatusLine

    def on_side_panel_chosen(self, event: SidePanel.Chosen) -> None:
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
        return bool(self.query("#panel")) and self.panel.has_focus_within

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
        if not self.query("#panel"):
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
        if not self.query("#panel"):
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
        if not self.query("#panel"):
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
