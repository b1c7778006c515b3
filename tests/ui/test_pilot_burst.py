"""Keys typed faster than the window draws still land where the reader meant them.

`burst` queues every key before the first is handled, as when the window is busy
(the panel filling, a long article) while the reader types on.
"""

from tests.screen import screen_text
from tests.ui.conftest import burst, ready


async def test_a_search_typed_in_one_burst_finds_and_steps(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await burst(pilot, "slash", *"ricerca", "enter", "n")
        screen = app.screen
        bar = screen.query_one("SearchBar")
        assert not bar.display and app.focused is screen.article
        assert bar.value == "ricerca"  # the n went to the reader, not into the query
        assert "match 2 of 22" in screen_text(app).splitlines()[0]


async def test_letters_after_slash_are_the_query_not_commands(sample_app):
    # Typed into the article, these letters would annotate (a), highlight (h) and
    # step entities (e); in one burst after / they must all be the query.
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await burst(pilot, "slash", *"hae", "space", "a")
        screen = app.screen
        assert app.screen is screen and screen.query_one("SearchBar").value == "hae a"
        assert "0 notes" in screen_text(app).splitlines()[0]


async def test_escape_in_a_burst_closes_the_search_and_the_next_key_moves(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await burst(pilot, "slash", *"ricerca", "escape", "j")
        screen = app.screen
        assert not screen.query_one("SearchBar").display
        assert screen.matches == [] and screen.article.current == 1
        assert "¶ 2/56" in screen_text(app).splitlines()[0]


async def test_a_slash_inside_the_query_is_text(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await burst(pilot, "slash", *"24/7")
        assert app.screen.query_one("SearchBar").value == "24/7"


async def test_tab_then_arrows_in_one_burst_move_in_the_panel(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await burst(pilot, "tab", "down", "enter")
        # The down moved the panel's list (from its first person to its second), not the article.
        assert "mention 1 of 5 · Alexandr Wang" in screen_text(app).splitlines()[0]


async def test_a_note_typed_straight_after_a_is_saved_whole(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await burst(pilot, "j", "a", *"First line", "enter", *"second", "ctrl+s")
        screen = app.screen
        assert type(screen).__name__ == "ReaderScreen"
        notes = screen.store.notes_for(screen.key)  # read back from the store
        assert [n.body for n in notes] == ["First line\nsecond"]
        assert notes[0].anchor.block == 1
        assert "1 note" in screen_text(app).splitlines()[0]
