"""The side panel: Entities, Quotes, Topics and Notes tabs, each a list to choose from."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.core.analysis import EntityKind
from reader.core.article import shorten, spread_map
from reader.ui.wording import count

TABS = (("entities", "Entities"), ("quotes", "Quotes"), ("topics", "Topics"), ("notes", "Notes"))


@dataclass(frozen=True)
class Row:
    """One choosable row: what it is ("entity", "quote", "topic", "note") and its id."""

    kind: str
    key: str
    label: Content


class PanelList(OptionList):
    """An option list with vim keys too; ← and → go to the neighbouring tab.

    | Component class | Styles |
    |---|---|
    | `panel--person`, `panel--org`, `panel--place`, `panel--other` | entity names by kind |
    | `panel--count`, `panel--map`, `panel--heading`, `panel--speaker` | row details |

    They are the list's own, not the panel's: a row's style is looked up from the
    widget drawing it outwards, and four widgets lie between the list and the panel.
    """

    COMPONENT_CLASSES = {
        "panel--person",
        "panel--org",
        "panel--place",
        "panel--other",
        "panel--count",
        "panel--map",
        "panel--heading",
        "panel--speaker",
        "panel--muted",
        "panel--note-yellow",
        "panel--note-green",
        "panel--note-blue",
        "panel--note-pink",
        "panel--note-purple",
    }

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="panel.down"),
        Binding("k", "cursor_up", "Up", show=False, id="panel.up"),
        Binding("left", "switch_tab(-1)", "Previous tab", show=False, id="panel.previous_tab"),
        Binding("right", "switch_tab(1)", "Next tab", show=False, id="panel.next_tab"),
    ]

    def on_focus(self) -> None:
        """Taking focus, a row is always highlighted, so enter chooses at once."""
        self.highlight_first_if_none()

    def highlight_first_if_none(self) -> None:
        current = self.highlighted
        if current is None or self.get_option_at_index(current).disabled:
            self.action_first()

    def action_switch_tab(self, step: int) -> None:
        for panel in self.ancestors:
            if isinstance(panel, SidePanel):
                panel.switch_tab(step)
                return


class PanelTabs(Widget, can_focus=False):
    """The panel's tab labels on one line, the shown one in bold and underlined; a click
    on a label shows its tab.

    One widget where Textual's TabbedContent is a dozen (tabs, panes, an underline):
    mounting them and laying them out took 20 ms of the moment the panel first shows.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"panel-tabs--active"}
    DEFAULT_CSS = """
    PanelTabs {
        height: 2;
        & > .panel-tabs--active { text-style: bold underline; }
    }
    """

    class Clicked(Message):
        def __init__(self, tab: str) -> None:
            super().__init__()
            self.tab = tab

    def __init__(self) -> None:
        super().__init__()
        self.labels = {name: f"{title} …" if name != "notes" else f"{title} 0" for name, title in TABS}
        self.gap = 2
        self.active = TABS[0][0]
        self._spans: list[tuple[int, int, str]] = []

    def show(self, labels: dict[str, str], gap: int) -> None:
        if (labels, gap) != (self.labels, self.gap):
            self.labels, self.gap = dict(labels), gap
            self.refresh()

    def activate(self, tab: str) -> None:
        if tab != self.active:
            self.active = tab
            self.refresh()

    def render(self) -> Content:
        parts: list[str | tuple[str, str]] = []
        spans: list[tuple[int, int, str]] = []
        x = 0
        for name, label in self.labels.items():
            parts.append(" ")
            parts.append((label, ".panel-tabs--active") if name == self.active else label)
            end = x + 1 + len(label)
            if self.gap == 2:
                parts.append(" ")
                end += 1
            spans.append((x, end, name))
            x = end
        self._spans = spans
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        for start, end, name in self._spans:
            if start <= event.x < end and event.y == 0:
                self.post_message(self.Clicked(name))


class SidePanel(Vertical):
    """Tabs of what the article is made of; choosing a row posts `SidePanel.Chosen`."""


    class WidthChanged(Message):
        """The panel's width changed: rows laid out for the old width need redoing."""

    class Chosen(Message):
        """A row was chosen (enter or click)."""

        def __init__(self, kind: str, key: str) -> None:
            super().__init__()
            self.kind = kind
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._counts: dict[str, int | None] = {name: None for name, _ in TABS}
        self._counts["notes"] = 0

    @property
    def row_width(self) -> int:
        """Cells a row's text may take: the panel's width less its border and the list's scrollbar.

        Just mounted, before its first layout, the panel's width is the one it was given:
        rows laid out for it are not laid out again a frame later."""
        width = self.size.width
        if not width and self.styles.width is not None and self.styles.width.is_cells:
            width = int(self.styles.width.value)
        return max(20, width - 4 if width else 36)

    def on_resize(self) -> None:
        self._fit_tab_labels()
        self.post_message(self.WidthChanged())

    def _fit_tab_labels(self) -> None:
        """Tab labels that fit the panel, never cut ("Not" for "Notes").

        With their counts, spaced out; else with their counts, one space apart; else
        the names alone (the counts are in the lists' headings and the status line).
        """
        if not self.is_mounted:
            return
        counted = {name: f"{title} {'…' if self._counts[name] is None else self._counts[name]}" for name, title in TABS}
        room = self.size.width or 43
        for labels, gap in ((counted, 2), (counted, 1), (dict(TABS), 2), (dict(TABS), 1)):
            if sum(len(label) + gap for label in labels.values()) <= room:
                break
        self.query_one(PanelTabs).show(labels, gap)

    def compose(self) -> ComposeResult:
        yield PanelTabs()
        with ContentSwitcher(initial=f"list-{TABS[0][0]}"):
            for name, _ in TABS:
                yield PanelList(id=f"list-{name}")

    def on_panel_tabs_clicked(self, event: PanelTabs.Clicked) -> None:
        """A click on a tab's label: that tab, its list ready for the keys."""
        event.stop()
        self.show_tab(event.tab)
        self.active_list.highlight_first_if_none()
        self.screen.set_focus(self.active_list)

    # -- filling --------------------------------------------------------------

    def set_rows(self, tab: str, title: str, rows: Iterable[Row | str], count: int) -> None:
        """Replace a tab's rows; plain strings are headings that cannot be chosen."""
        options: list[Option] = []
        by_id: dict[str, Row] = {}
        for row in rows:
            if isinstance(row, str):
                options.append(Option(Content.styled(row, "bold"), disabled=True))
                continue
            option_id = f"{row.kind}:{row.key}"
            by_id[option_id] = row
            options.append(Option(row.label, id=option_id))
        if not options:
            options.append(Option(Content.styled(f"No {title.lower()} in this article.", "italic"), disabled=True))
        lst = self.query_one(f"#list-{tab}", PanelList)
        highlighted = lst.highlighted_option.id if lst.highlighted_option else None
        lst.set_options(options)
        if highlighted and highlighted in by_id:
            lst.highlighted = lst.get_option_index(highlighted)
        elif lst.has_focus:
            lst.highlight_first_if_none()
        self._counts[tab] = count
        self._fit_tab_labels()

    def show_tab(self, tab: str) -> None:
        self.query_one(ContentSwitcher).current = f"list-{tab}"
        self.query_one(PanelTabs).activate(tab)

    def switch_tab(self, step: int) -> None:
        """Show the tab `step` places along (wrapping), with its list focused."""
        names = [name for name, _ in TABS]
        self.show_tab(names[(names.index(self.active_tab) + step) % len(names)])
        self.active_list.highlight_first_if_none()
        self.screen.set_focus(self.active_list)

    @property
    def active_tab(self) -> str:
        return (self.query_one(ContentSwitcher).current or "list-entities").removeprefix("list-")

    def highlight(self, kind: str, key: str) -> None:
        """Move the list cursor to a row without choosing it."""
        tab = {"entity": "entities", "quote": "quotes", "topic": "topics", "note": "notes"}[kind]
        lst = self.query_one(f"#list-{tab}", PanelList)
        with suppress(OptionDoesNotExist):  # not listed (yet): the cursor stays where it is
            lst.highlighted = lst.get_option_index(f"{kind}:{key}")

    @property
    def active_list(self) -> PanelList:
        return self.query_one(f"#list-{self.active_tab}", PanelList)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        kind, _, key = option_id.partition(":")
        if key:
            self.post_message(self.Chosen(kind, key))


def entity_rows(entities, total_blocks: int, width: int, elsewhere: dict[str, int] | None = None) -> list[Row | str]:
    """Entities grouped by kind, most mentioned first, with a map of where they fall;
    under each that the library finds in other articles, in how many (`elsewhere`: id -> N)."""
    rows: list[Row | str] = []
    map_width = 10
    # The names' column is as wide as the longest name, if the panel has the room:
    # counts and maps then stand beside the names, not across a wide panel.
    longest = max((len(e.name) for e in entities), default=6)
    room = max(6, min(longest, width - map_width - 3 - 2))
    for kind in EntityKind:
        group = sorted((e for e in entities if e.kind == kind), key=lambda e: (-len(e.mentions), e.name))
        if not group:
            continue
        rows.append(f"{kind.heading} ({len(group)})")
        for e in group:
            count = str(len(e.mentions))
            name = shorten(e.name, room)
            where = spread_map([m.block for m in e.mentions], total_blocks, map_width)
            label = Content.assemble(
                (name, f".panel--{kind.slug}"),
                " " * max(1, room - len(name) + 1),
                (count.rjust(3), ".panel--count"),
                " ",
                (where, ".panel--map"),
            )
            others = (elsewhere or {}).get(e.id, 0)
            if others:
                also = f"also in {others} article{'s' if others != 1 else ''}"
                label = Content.assemble(label, "\n  ", (also, ".panel--muted"))
            rows.append(Row("entity", e.id, label))
    return rows


def quote_rows(quotes, width: int) -> list[Row | str]:
    rows: list[Row | str] = []
    for q in quotes:
        # As much of its opening as the row holds: a wide panel shows more of it.
        opening = shorten(" ".join(q.text.split()), max(10, width - 4), at_word=True)
        speaker = q.speaker or "unattributed"
        style = ".panel--speaker" if q.speaker else ".panel--muted"
        label = Content.assemble(
            ("“", ".panel--muted"),
            opening,
            ("”", ".panel--muted"),
            "\n  — ",
            (speaker, style),
        )
        rows.append(Row("quote", q.id, label))
    return rows


def topic_rows(topics) -> list[Row | str]:
    """Sections, then keyword topics: the topics } visits (those that cover a paragraph)."""
    rows: list[Row | str] = []
    sections = [t for t in topics if t.kind == "section" and t.blocks]
    keywords = [t for t in topics if t.kind == "keyword" and t.blocks]
    if sections:
        rows.append(f"Sections ({len(sections)})")
        for t in sections:
            rows.append(Row("topic", t.id, Content.assemble(("§ ", ".panel--muted"), t.title)))
    if keywords:
        rows.append(f"Keywords ({len(keywords)})")
        for t in keywords:
            # How many paragraphs it spans, in words: "¶8" read as paragraph 8.
            spread = count(len(t.blocks), "paragraph")
            label = Content.assemble(("# ", ".panel--muted"), t.title, (f"  {spread}", ".panel--count"))
            rows.append(Row("topic", t.id, label))
    return rows
