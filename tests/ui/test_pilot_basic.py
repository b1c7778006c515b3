"""The reading window opens the article, moves through it, and quits with q."""

from reader.core.article import load, parse
from reader.ui.app import build_app
from tests.screen import screen_text


async def test_sample_shows_title_and_text(sample_path):
    app = build_app(load(sample_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Meta AI ha licenziato 600 dipendenti" in text.splitlines()[0]
        assert "Stamattina presto, 600 persone" in text
        assert "¶ 1/56" in text


async def test_keys_move_the_current_paragraph_and_q_quits(sample_path):
    app = build_app(load(sample_path))
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.article
        await pilot.press("j", "j", "down")
        assert view.current == 3
        assert "¶ 4/56" in screen_text(app)
        await pilot.press("k")
        assert view.current == 2
        await pilot.press("G")
        assert view.current == 55 and view.scroll_y == view.max_scroll_y
        assert "Beh, se hai soldi" in screen_text(app)
        await pilot.press("g")
        assert view.current == 0 and view.scroll_y == 0
        await pilot.press("space")
        assert view.scroll_y > 0 and view.current > 0
        await pilot.press("b")
        assert view.scroll_y == 0
        await pilot.press("q")
    assert app.return_code == 0


async def test_markup_looking_text_is_shown_literally():
    doc = parse("Titolo\nHe said [sic] the plan [b]failed[/b] for $var [/x].\n", markdown=False)
    app = build_app(doc)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        assert "He said [sic] the plan [b]failed[/b] for $var [/x]." in screen_text(app)


async def test_library_opens_an_article_and_escape_goes_back(tmp_path):
    from reader.core.notes import NoteStore
    from reader.core.settings import Settings

    for name, title in (("a.txt", "First article"), ("b.md", "# Second article")):
        (tmp_path / name).write_text(f"{title}\nSome words of the article body.\n", encoding="utf-8")
    app = build_app(library=sorted(tmp_path.glob("*.*")), settings=Settings(), store=NoteStore(tmp_path / "n.json"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "First article" in screen_text(app) and "Second article" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen"
        assert "Second article" in screen_text(app).splitlines()[0]
        await pilot.press("escape")
        assert type(app.screen).__name__ == "LibraryScreen"
