"""Opening an article of the library from any of the library's screens, at a place if asked."""

from __future__ import annotations

from pathlib import PurePath

from textual.screen import Screen

from reader.core.errors import ReaderError
from reader.core.library import LibraryArticle


def source_label(article: LibraryArticle) -> str:
    """Where an article came from, briefly: a web site, a file's name, or standard input."""
    source = article.source
    if article.site:
        return article.site
    if "://" in source:
        return source.split("://", 1)[1].split("/", 1)[0].removeprefix("www.")
    if article.origin == "stdin" or source in ("", "-"):
        return "standard input"
    return PurePath(source).name


def open_kept(screen: Screen, article_id: str, at: tuple[int, int] | None = None) -> None:
    """Open a library article, read from the library's copy, over `screen`; at (block, offset) if given.

    Escape in the article comes back to `screen`.
    """
    from reader.ui.screens.reader import ReaderScreen

    app = screen.app
    library = app.kept
    if library is None:
        return
    try:
        article = library.find(article_id)
        if article.partial:  # a feed's item: its full article fetched first, off the event loop
            from reader.ui.screens.feeds import open_in_full

            open_in_full(screen, library, article, at)
            return
        doc = library.document(article)
    except ReaderError as exc:
        screen.notify(str(exc), title="Library", severity="error", markup=False)
        return
    app.push_screen(ReaderScreen(doc, app.store, from_library=True, at=at))
