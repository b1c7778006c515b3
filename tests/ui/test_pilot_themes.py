"""Themes in the window: every theme works, ctrl+t previews and remembers, bad files reported."""

from textual.theme import BUILTIN_THEMES

from reader.core.article import load
from reader.core.notes import NoteStore
from reader.core.settings import Settings
from reader.ui.app import build_app
from tests.screen import screen_text
from tests.ui.conftest import ready


async def test_switching_through_every_available_theme(sample_path, tmp_path):
    app = build_app(load(sample_path), settings=Settings(), store=NoteStore(tmp_path / "n.json"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        names = sorted(app.available_themes)
        assert set(BUILTIN_THEMES) <= set(names) and "paper" in names
        for name in names:
            app.theme = name
            await pilot.pause()
            assert "Stamattina presto" in screen_text(app)
        assert app.theme == names[-1]


async def test_ctrl_t_previews_and_the_choice_survives_a_restart(sample_path, tmp_path):
    db = tmp_path / "n.json"
    app = build_app(load(sample_path), settings=Settings(), store=NoteStore(db))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert app.theme == "reader-dark"
        await pilot.press("ctrl+t")
        assert type(app.screen).__name__ == "ThemePicker"
        await pilot.press("down")
        previewed = app.theme
        assert previewed != "reader-dark"  # the window follows the cursor
        await pilot.press("down")
        chosen = app.theme
        await pilot.press("enter")
        assert type(app.screen).__name__ == "ReaderScreen" and app.theme == chosen
        await pilot.press("ctrl+t", "down", "escape")
        assert app.theme == chosen  # escape goes back to what was chosen
    again = build_app(load(sample_path), settings=Settings(), store=NoteStore(db))
    async with again.run_test(size=(120, 40)) as pilot:
        assert again.theme == chosen


async def test_a_broken_user_theme_is_reported_once_and_the_reader_starts(sample_path, tmp_path):
    from reader.core import paths

    folder = paths.user_themes_dir()
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('name = "broken"\nprimary = "#12"\n', encoding="utf-8")
    (folder / "mine.toml").write_text('name = "mine"\nprimary = "#aa3366"\ndark = false\n', encoding="utf-8")
    app = build_app(load(sample_path), settings=Settings(), store=NoteStore(tmp_path / "n.json"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        messages = [n.message for n in app._notifications]
        assert sum("broken.toml" in m for m in messages) == 1
        assert "mine" in app.available_themes
        app.theme = "mine"  # a user theme without reader colours falls back to defaults
        await pilot.pause()
        assert "Stamattina presto" in screen_text(app)
