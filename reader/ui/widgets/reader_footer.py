"""The reading window's footer: every key that applies at wide widths, the essential ones when narrow.

It draws what Textual's Footer draws (the same keys, groups, spacing and colours)
as one widget and one line of text. Textual's Footer is a dozen widgets, rebuilt
(some 30 ms) whenever the screen's bindings may have changed: at every change of
focus, every refresh of the bindings; opening an article did that eight times, each
holding up the side panel behind it. This one reads the keys again and redraws a
line, once a frame at most.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

NARROW_HIDDEN = frozenset(
    {"next_block", "next_topic", "export", *(f"show_tab('{tab}')" for tab in ("entities", "quotes", "topics", "notes"))}
)
"""Actions left out of the footer below `narrow` columns (help lists them), so that
Help and Quit, and the keys that apply just now (next match, next mention), fit."""


@dataclass(frozen=True)
class FooterItem:
    """One thing the footer shows: a key and what it does, or a group of keys under one label."""

    keys: tuple[tuple[str, str, bool], ...]
    """(key, how the key is shown, enabled) for each key: one, or several in a group."""
    description: str
    tooltip: str = ""
    group: bool = False

    @property
    def enabled(self) -> bool:
        return any(enabled for _, _, enabled in self.keys)


class ReaderFooter(Widget, can_focus=False):
    """The keys that apply now, on one line; fewer of them below `narrow` columns."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "reader-footer--key",
        "reader-footer--description",
        "reader-footer--disabled",
        "reader-footer--hover",
        "reader-footer--divider",
    }
    DEFAULT_CSS = """
    ReaderFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .reader-footer--key {
            color: $reader-key;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .reader-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .reader-footer--disabled { color: $reader-muted; text-style: italic; }
        & > .reader-footer--hover { color: $footer-key-foreground; background: $block-hover-background; }
        & > .reader-footer--divider { color: $foreground 20%; }
    }
    """

    def __init__(self, narrow: int) -> None:
        super().__init__()
        self.narrow = narrow
        self._items: tuple[list[FooterItem], list[FooterItem], FooterItem | None] | None = None
        """The keys shown (and the command palette's, on the right); None: to be read again."""
        self._spans: list[tuple[int, int, FooterItem, str]] = []
        """Where each key was drawn: (first column, end column, item, key)."""
        self._hover: tuple[FooterItem, str] | None = None
        self._style: dict[str, Style] = {}
        """The theme's styles for keys, descriptions and the rest, read at each drawing."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self._items = None  # read again when next drawn: once a frame, however many changes
            self.refresh()

    @property
    def compact(self) -> bool:
        """Narrow: the essential keys only, closer together."""
        return self.app.size.width < self.narrow

    def _read(self, screen: Screen) -> tuple[list[FooterItem], list[FooterItem], FooterItem | None]:
        """The keys to show, as Textual's Footer picks them (the first key of each action
        shown, a group's keys under its label, the command palette's key on its own):
        all of them, then the few for a narrow window."""
        active = screen.active_bindings
        by_action: dict[str, list] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action.setdefault(binding.action, []).append((binding, enabled, tooltip))
        wide: list[FooterItem] = []
        narrow: list[FooterItem] = []
        for group, runs in groupby(by_action.values(), lambda bindings: bindings[0][0].group):
            firsts = [bindings[0] for bindings in runs]
            if group is not None and len(firsts) > 1:  # narrow, a group is left to help
                keys = tuple((b.key, self.app.get_key_display(b), enabled) for b, enabled, _ in firsts)
                wide.append(FooterItem(keys, group.description, group.description, group=True))
                continue
            for binding, enabled, tooltip in firsts:
                key = ((binding.key, self.app.get_key_display(binding), enabled),)
                item = FooterItem(key, binding.description, tooltip)
                wide.append(item)
                if binding.action not in NARROW_HIDDEN:
                    narrow.append(item)
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, tooltip = found
                key = ((binding.key, self.app.get_key_display(binding), enabled),)
                palette = FooterItem(key, binding.description, binding.tooltip or binding.description)
        return wide, narrow, palette

    # -- drawing --------------------------------------------------------------

    def render(self) -> Text:
        if self._items is None:
            self._items = self._read(self.screen)
        wide, narrow, palette = self._items
        width = self.size.width
        self._read_styles()
        if not self.compact:
            line, spans = self._line(wide, compact=False)
            if line.cell_len <= width:
                if palette is not None:
                    self._add_palette(line, spans, palette, width)
                self._spans = spans
                return line
        # Narrow, or a wide window whose keys do not fit (a search adds two): the
        # essential keys, closer together, so that Help and Quit stay in view.
        line, self._spans = self._line(narrow, compact=True)
        return line

    def _read_styles(self) -> None:
        style = self.get_component_rich_style
        names = ("key", "description", "disabled", "hover", "divider")
        self._style = {name: style(f"reader-footer--{name}") for name in names}
        self._style["base"] = Style(bgcolor=self.rich_style.bgcolor)  # blank cells: the background alone

    def _line(self, items: list[FooterItem], compact: bool) -> tuple[Text, list[tuple[int, int, FooterItem, str]]]:
        """The keys drawn as Textual's Footer draws them, wide or compact."""
        styles = self._style
        base = styles["base"]
        line = Text(no_wrap=True, overflow="crop", style=base, end="")
        spans: list[tuple[int, int, FooterItem, str]] = []
        for item in items:
            if item.group:
                line.append(" ", base)
                for key, shown, enabled in item.keys:
                    self._add(line, spans, shown, styles["key"], item, key, enabled)
                line.append(" ", base)
                self._add(line, spans, item.description, styles["description"], item, item.keys[0][0], item.enabled)
                line.append(" ", base)
                continue
            (key, shown, enabled), text = item.keys[0], item.description
            if compact:
                self._add(line, spans, shown, styles["key"], item, key, enabled)
                self._add(line, spans, f" {text}" if text else "", styles["description"], item, key, enabled)
                line.append(" ", base)
            else:
                self._add(line, spans, f" {shown} " if text else shown, styles["key"], item, key, enabled)
                self._add(line, spans, f"{text} " if text else "", styles["description"], item, key, enabled)
        return line, spans

    def _add_palette(self, line: Text, spans: list, palette: FooterItem, width: int) -> None:
        """The command palette's key at the right end, where it fits (ctrl+p works anyway)."""
        styles = self._style
        (key, shown, enabled), text = palette.keys[0], palette.description
        right = 1 + len(shown) + len(f" {text}") + 1
        if line.cell_len + right > width:
            return
        line.append(" " * (width - line.cell_len - right), styles["base"])
        line.append("▏", styles["divider"])
        self._add(line, spans, shown, styles["key"], palette, key, enabled)
        self._add(line, spans, f" {text}", styles["description"], palette, key, enabled)
        line.append(" ", styles["base"])

    def _add(self, line: Text, spans: list, text: str, style: Style, item: FooterItem, key: str, enabled: bool) -> None:
        """A key or its description, dimmed when it cannot act now, marked under the mouse."""
        if not enabled:
            style += self._style["disabled"]
        hover = self._hover
        if hover is not None and hover[0] == item and (not item.group or hover[1] == key):
            style += self._style["hover"]
        spans.append((len(line), len(line) + len(text), item, key))
        line.append(text, style)

    # -- the mouse ------------------------------------------------------------

    def _item_at(self, x: int) -> tuple[FooterItem, str] | None:
        for start, end, item, key in self._spans:
            if start <= x < end:
                return item, key
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        found = self._item_at(event.x)
        if found != self._hover:
            self._hover = found
            self.tooltip = (found[0].tooltip or None) if found else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        found = self._item_at(event.x)
        if found is None:
            return
        item, key = found
        if any(k == key and enabled for k, _, enabled in item.keys):
            self.app.simulate_key(key)
        else:
            self.app.bell()
