"""Command palette (ctrl+p): jump to any entity, quotation, topic or note by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.core.analysis import EntityKind
from reader.core.article import printable
from reader.ui.wording import count


class ArticleCommands(Provider):
    """Everything the side panel lists, searchable by name."""

    def _items(self) -> list[tuple[str, str, str, str]]:
        """(text to match, help, kind, key) for every jumpable item."""
        screen = self.screen
        analysis = getattr(screen, "analysis", None)
        items: list[tuple[str, str, str, str]] = []
        if analysis is not None:
            for e in analysis.entities:
                names = ", ".join(e.aliases[:3])
                help_ = f"{EntityKind(e.kind).noun} · {count(len(e.mentions), 'mention')}"
                if names:
                    help_ += f" · also {names}"
                items.append((f"Go to {e.name}", help_, "entity", e.id))
            for q in analysis.quotes:
                opening = " ".join(q.text.split()[:9])
                said = f"said by {q.speaker}" if q.speaker else "unattributed"
                items.append((f"Quote: “{opening}…”", said, "quote", q.id))
            for t in analysis.topics:
                label = "Section" if t.kind == "section" else "Topic"
                items.append((f"{label}: {t.title}", count(len(t.blocks), "paragraph"), "topic", t.id))
        for note in getattr(screen, "notes_for_palette", lambda: [])():
            items.append(note)
        # Names, quotations and notes came from outside: shown only through the sanitiser.
        return [(printable(text), printable(help_), kind, key) for text, help_, kind, key in items]

    async def discover(self) -> Hits:
        for text, help_, kind, key in self._items()[:40]:
            yield DiscoveryHit(text, partial(self.screen.choose, kind, key), help=help_)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_, kind, key in self._items():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.screen.choose, kind, key), text=text, help=help_)
