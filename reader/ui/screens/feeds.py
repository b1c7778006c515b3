"""The feeds followed and their items: unread counts, refresh in the background, read or not.

| key | does |
|---|---|
| ↑/↓, j/k | move in the list that has focus |
| tab | from the feeds to their items and back |
| enter | on a feed: its items; on an item: open it (its full article fetched the first time) |
| a | follow a feed: its address, or a page that names it (fetched in the background) |
| r | refresh every feed, in the background (progress in the status line) |
| m | mark the item read, or unread again |
| u | show only the unread items, or all again |
| escape | back |
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.core.errors import ReaderError
from reader.core.library import Library, LibraryArticle

ALL = "*"
"""The id of the first row of the feeds: every feed's items together."""


def open_in_full(screen: Screen, library: Library, article: LibraryArticle, at: tuple[int, int] | None = None) -> None:
    """Open a library article over `screen`; a feed's item has its full article fetched first.

    The fetch runs in a thread worker, so the window stays responsive; when the page
    cannot be had, the feed's text is shown with a notice saying why.
    """
    app = screen.app

    def show(opened) -> None:
        from reader.ui.screens.reader import ReaderScreen

        status = getattr(screen, "status", None)
        if callable(status):
            status("")
        for notice in opened.notices:
            screen.notify(notice, title="Article", severity="warning", timeout=10, markup=False)
        app.push_screen(ReaderScreen(opened.document, getattr(app, "store", None), from_library=True, at=at))

    def failed(message: str) -> None:
        screen.notify(message, title="Library", severity="error", markup=False)

    def fetch() -> None:
        from reader.core.news import open_kept

        try:
            opened = open_kept(library, article)
        except ReaderError as exc:
            app.call_from_thread(failed, str(exc))
            return
        app.call_from_thread(show, opened)

    if article.partial:
        screen.notify("Fetching the full article…", timeout=3)
    screen.run_worker(fetch, thread=True, group="open-article", exclusive=True, exit_on_error=False)


class FollowScreen(ModalScreen[str | None]):
    """The address of a feed to follow: enter follows it, escape cancels."""

    DEFAULT_CSS = """
    FollowScreen { align: center middle; }
    FollowScreen #follow-box { width: 80; height: auto; padding: 1 2; background: $surface; border: tall $primary; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="follow.cancel")]

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        with Vertical(id="follow-box"):
            yield Static("Follow a feed: its address, or a web page that names one")
            yield Input(placeholder="https://…", id="follow-url")

    @on(Input.Submitted, "#follow-url")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class FeedList(OptionList):
    """The feeds, each with its unread count."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="feeds.down"),
        Binding("k", "cursor_up", "Up", show=False, id="feeds.up"),
    ]


class ItemList(OptionList):
    """A feed's items, newest first; unread ones marked."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="feeds.items_down"),
        Binding("k", "cursor_up", "Up", show=False, id="feeds.items_up"),
    ]


class FeedsScreen(Screen):
    """The feeds followed, and the items of the one chosen."""

    DEFAULT_CSS = """
    FeedsScreen #feeds-title { height: 1; background: $panel; text-style: bold; }
    FeedsScreen #feeds-body { height: 1fr; }
    FeedsScreen FeedList { width: 38; height: 1fr; border: none; border-right: vkey $panel; }
    FeedsScreen ItemList { width: 1fr; height: 1fr; border: none; }
    FeedsScreen OptionList:focus { border: none; background-tint: $foreground 3%; }
    FeedsScreen FeedList:focus { border-right: vkey $panel; }
    FeedsScreen #feeds-status { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    BINDINGS = [
        Binding("a", "follow", "Follow a feed", id="feeds.follow"),
        Binding("r", "refresh_feeds", "Refresh", id="feeds.refresh"),
        Binding("m", "toggle_read", "Read/unread", id="feeds.toggle_read"),
        Binding("u", "unread_only", "Unread only", id="feeds.unread_only"),
        Binding("escape", "back", "Back", id="feeds.back"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.feed = ALL
        """The feed whose items are shown (ALL: every feed's)."""
        self.unread_only = False
        self.items: list[LibraryArticle] = []
        """The items shown, in their order."""
        self.refreshing = False

    def compose(self) -> ComposeResult:
        yield Static(" Feeds", id="feeds-title")
        with Horizontal(id="feeds-body"):
            yield FeedList(id="feeds")
            yield ItemList(id="items")
        yield Static("", id="feeds-status")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(ItemList).focus()

    # -- what is shown ---------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        """Read the feeds and items again, keeping the highlighted item (or `keep`) in view."""
        from reader.core.article import printable, shorten
        from reader.core.news import Following

        summaries = Following(self.library).summaries()
        articles = [a for a in self.library.articles() if a.feed]
        unread = sum(not a.read for a in articles)
        title = f" Feeds · {unread} unread" + ("  (unread only: u shows all)" if self.unread_only else "")
        self.query_one("#feeds-title", Static).update(Content(title))
        feeds = self.query_one(FeedList)
        highlighted_feed = self.feed
        feeds.clear_options()
        feeds.add_option(Option(Content.assemble(("All feeds", "bold"), f"  {unread} unread"), id=ALL))
        for s in summaries:
            name = printable(shorten(" ".join((s.record.title or s.record.url).split()), 30))
            row = Content.assemble((name, "bold"), f"\n{s.unread} unread · {s.items} items")
            if s.record.error:
                row = row + Content.assemble(("\n! last refresh failed", "$text-error"))
            feeds.add_option(Option(row, id=s.record.url))
        ids = [ALL, *(s.record.url for s in summaries)]
        if highlighted_feed not in ids:
            highlighted_feed = ALL
        self.feed = highlighted_feed
        feeds.highlighted = ids.index(highlighted_feed)
        self._show_items(articles, keep)

    def _show_items(self, articles: list[LibraryArticle], keep: str | None = None) -> None:
        from reader.core.article import printable

        current = keep or self._highlighted_key()
        chosen = [a for a in articles if self.feed in (ALL, a.feed) and not (self.unread_only and a.read)]
        chosen.sort(key=lambda a: (a.published or a.added, a.added), reverse=True)
        self.items = chosen
        items = self.query_one(ItemList)
        items.clear_options()
        for a in chosen:
            mark = ("● ", "bold $accent") if not a.read else ("  ", "")
            when = (a.published or a.added)[:10]
            also = f"{when} · {printable(a.site)}" if a.site else when
            title = printable(" ".join(a.title.split())) or "(untitled)"
            items.add_option(Option(Content.assemble(mark, (title, "bold" if not a.read else ""), "\n  ",
                                                     (also, "$text-muted")), id=a.key))
        keys = [a.key for a in chosen]
        if current in keys:
            items.highlighted = keys.index(current)
        elif keys:
            items.highlighted = 0
        if not chosen:
            empty = "no unread items" if self.unread_only else "no items yet: r refreshes the feeds"
            self.status(empty if self.library_has_feeds() else "no feeds followed: reader feeds add URL")

    def library_has_feeds(self) -> bool:
        from reader.core.news import NewsStore

        return bool(NewsStore(self.library).feeds())

    def _highlighted_key(self) -> str | None:
        items = self.query_one(ItemList)
        if items.highlighted is None or items.highlighted >= len(self.items):
            return None
        return self.items[items.highlighted].key

    def status(self, message: str) -> None:
        from reader.core.article import printable

        self.query_one("#feeds-status", Static).update(Content(printable(message)))

    # -- keys ------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#feeds")
    def _feed_chosen(self, event: OptionList.OptionHighlighted) -> None:
        feed = event.option.id or ALL
        if feed != self.feed:
            self.feed = feed
            self._show_items([a for a in self.library.articles() if a.feed])

    @on(OptionList.OptionSelected, "#feeds")
    def _feed_entered(self) -> None:
        self.query_one(ItemList).focus()

    @on(OptionList.OptionSelected, "#items")
    def _item_entered(self, event: OptionList.OptionSelected) -> None:
        article = next((a for a in self.items if a.key == event.option.id), None)
        if article is not None:
            if article.partial:
                self.status("fetching the full article…")
            open_in_full(self, self.library, article)

    def _failed(self, message: str) -> None:
        self.status(message)
        self.notify(message, title="Feeds", severity="error", markup=False)

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.reload()

    def action_toggle_read(self) -> None:
        key = self._highlighted_key()
        article = next((a for a in self.items if a.key == key), None)
        if article is None:
            return
        try:
            self.library.update(article.key, read=not article.read)
        except ReaderError as exc:
            self._failed(str(exc))
            return
        self.reload(keep=key)
        self.status(f"marked {'unread' if article.read else 'read'}: {article.title}")

    def action_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self.reload()
        self.status("only the unread items (u shows all)" if self.unread_only else "every item")

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:  # the screen it was opened from is below
            self.app.pop_screen()
        else:
            self.app.exit()

    def action_follow(self) -> None:
        def chosen(url: str | None) -> None:
            if url:
                self.status(f"following {url}…")
                self._follow(url)

        self.app.push_screen(FollowScreen(), chosen)

    @work(thread=True, group="feeds-follow", exit_on_error=False)
    def _follow(self, url: str) -> None:
        """Subscribe off the event loop: the feed (or the page naming it) is fetched, its items kept."""
        from reader.core.news import Following

        try:
            record, outcome = Following(self.library).subscribe(url)
        except ReaderError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        message = f"following {record.title or record.url}: {outcome.new} new item{'s' if outcome.new != 1 else ''}"
        self.app.call_from_thread(self._followed, record.url, message)

    def _followed(self, url: str, message: str) -> None:
        self.feed = url
        self.reload()
        self.status(message)

    def action_refresh_feeds(self) -> None:
        if self.refreshing:
            self.notify("The feeds are being refreshed already", timeout=3)
            return
        self.refreshing = True
        self.status("refreshing the feeds…")
        self._refresh()

    @work(thread=True, exclusive=True, group="feeds-refresh", exit_on_error=False)
    def _refresh(self) -> None:
        """Refresh every feed off the event loop, the progress in the status line as each finishes."""
        from reader.core.news import Following

        def progress(done: int, total: int, url: str) -> None:
            self.app.call_from_thread(self.status, f"refreshing the feeds: {done}/{total}  {url}")

        try:
            outcomes = Following(self.library).refresh(progress=progress)
        except ReaderError as exc:
            self.app.call_from_thread(self._refreshed, None, str(exc))
            return
        self.app.call_from_thread(self._refreshed, outcomes, None)

    def _refreshed(self, outcomes, error: str | None) -> None:
        self.refreshing = False
        if error is not None:
            self._failed(error)
            return
        failed = [o for o in outcomes if o.error is not None]
        new = sum(o.new for o in outcomes)
        summary = f"{len(outcomes)} feeds refreshed, {new} new item{'s' if new != 1 else ''}"
        if failed:
            summary += f", {len(failed)} failed"
        self.reload()
        self.status(summary)
        for o in failed:
            self.notify(str(o.error), title="Feed failed", severity="warning", timeout=10, markup=False)
