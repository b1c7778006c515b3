"""The reading window as a new reader meets it (issue 13): resizing, the place, the panel."""

from __future__ import annotations

from reader.core.article import load
from reader.core.notes import NoteStore
from reader.core.settings import Settings
from reader.ui.app import build_app
from tests.screen import screen_text
from tests.ui.conftest import ready, settle


def make(sample_path, db=None):
    store = NoteStore(db) if db is not None else None
    return build_app(load(sample_path), settings=Settings(), store=store)


async def test_resize_storm_while_scrolled_everywhere(sample_path, tmp_path):
    """Scrolled to every part of the article, 20 resizes between 60 and 220 columns each."""
    app = make(sample_path, tmp_path / "n.json")
    widths = [120, 110, 60, 220, 75, 199, 100, 99, 61, 180, 140, 80, 215, 64, 101, 90, 160, 70, 210, 118]
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(app, pilot)
        view = app.screen.article
        last = len(app.screen.document.blocks) - 1
        for target in (5, 20, 40, last):
            view.go_to(target)
            await settle(pilot)
            for i, width in enumerate(widths):
                await pilot.resize_terminal(width, 24 + i % 20)
            await settle(pilot)
            assert app.return_code is None, "the window crashed"
            assert 0 <= view.scroll_y <= view.max_scroll_y
            # The paragraph that was being read is still on screen.
            shown = view.block_at_line(round(view.scroll_y))
            assert shown <= view.current <= shown + view.scrollable_content_region.height
        await pilot.press("G")
        await pilot.resize_terminal(110, 30)
        await settle(pilot)
        assert "Beh, se hai soldi" in screen_text(app)


async def test_the_reading_place_is_restored_on_screen(sample_path, tmp_path):
    """Read to ¶31, quit, reopen: ¶31 is on screen with its bar, and j goes to ¶32."""
    db = tmp_path / "n.json"
    app = make(sample_path, db)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(app, pilot)
        for _ in range(30):
            await pilot.press("j")
        assert app.screen.article.current == 30
        await pilot.press("q")
    again = make(sample_path, db)
    async with again.run_test(size=(120, 30)) as pilot:
        await ready(again, pilot)
        view = again.screen.article
        assert view.current == 30
        assert "¶ 31/56" in screen_text(again).splitlines()[0]
        top = round(view.scroll_y)
        height = view.scrollable_content_region.height
        assert top <= view.block_top(30) < top + height, "¶31 is on screen"
        painted = [view.render_line(y).text for y in range(height)]
        assert any(line.startswith("▎") for line in painted), "the current-paragraph bar shows"
        await pilot.press("j")
        assert view.current == 31
        assert "¶ 32/56" in screen_text(again).splitlines()[0]
