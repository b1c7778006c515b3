"""The line above the article: title, language, position and notes."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reader.core.article import Document, printable, shorten


class StatusLine(Widget):
    """Title, language, "¶ n/N", a percentage, and the note count.

    | Component class | Styles |
    |---|---|
    | `status--title` | the article title |
    | `status--meta` | language, position, notes |
    """

    COMPONENT_CLASSES = {"status--title", "status--meta"}

    position: reactive[int] = reactive(0)
    language: reactive[str] = reactive("…")
    notes: reactive[int] = reactive(0)
    extra: reactive[str] = reactive("")
    """A transient indicator such as "mention 3 of 7" or "match 2 of 9"."""
    background: reactive[str] = reactive("")
    """The library's analysis in the background, "library 3/40", while it runs."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document

    def render(self) -> Content:
        total = max(1, len(self.document.blocks))
        n = min(self.position + 1, total)
        percent = round(100 * n / total)
        notes = f"{self.notes} note" + ("" if self.notes == 1 else "s")
        parts = [f"{self.language}", f"¶ {n}/{total}", f"{percent}%", notes]
        if self.extra:
            parts.insert(0, self.extra)
        if self.background:
            parts.append(self.background)
        meta = printable("  ·  ".join(parts))
        width = self.size.width
        title = printable(self.document.title)
        room = max(0, width - len(meta) - 4)
        if len(title) > room:
            title = shorten(title, room) if room > 1 else ""
        gap = max(1, width - len(title) - len(meta) - 2)
        return Content.assemble(
            " ",
            (title, ".status--title"),
            " " * gap,
            (meta, ".status--meta"),
            " ",
        )
