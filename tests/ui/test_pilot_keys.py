"""Every key of the reading window, pressed for real on the sample article."""

from tests.screen import screen_text
from tests.ui.conftest import ready


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_first_screen_has_text_and_a_filled_panel(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        text = screen_text(app)
        assert "Stamattina presto, 600 persone" in text
        assert "Entities " in text and "Quotes 17" in text and "Topics " in text and "Notes 0" in text
        assert "People (" in text and "Alexandr Wang" in text
        assert "it  ·  ¶ 1/56  ·  2%" in text.splitlines()[0]


async def test_quote_keys_walk_quotations_and_wrap(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        await pilot.press("right_square_bracket")
        first = screen.analysis.quotes[0]
        assert screen.article.current == first.block == 3
        assert "quote 1 of 17 · Xianjun Yang" in screen_text(app)
        await pilot.press("right_square_bracket")
        assert screen.article.current == 5
        assert "quote 2 of 17 · Alexandr Wang" in screen_text(app)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert "quote 17 of 17" in screen_text(app)
        assert any("Wrapped to the last quotation" in n for n in notifications(app))
        await pilot.press("right_square_bracket")
        assert "quote 1 of 17" in screen_text(app)
        assert any("Wrapped to the first quotation" in n for n in notifications(app))


async def test_two_quotes_in_one_paragraph_are_both_visited(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        in_20 = [q for q in screen.analysis.quotes if q.block == 20]
        assert len(in_20) == 2
        screen.article.go_to(19)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.cursor == (20, in_20[1].start)
        assert "LeCun" in screen_text(app).split("\n")[0] or "Yann LeCun" in screen_text(app)


async def test_topic_keys(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        stops = [p for p, _ in screen.topic_positions]
        await pilot.press("right_curly_bracket")
        assert (screen.article.current, 0) == stops[0]
        assert f"topic 1 of {len(stops)}" in screen_text(app)
        await pilot.press("right_curly_bracket")
        assert (screen.article.current, 0) == stops[1]
        await pilot.press("left_curly_bracket")
        assert (screen.article.current, 0) == stops[0]


async def test_paragraph_page_and_end_keys(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        view = app.screen.article
        await pilot.press("j", "down", "j")
        assert view.current == 3 and "¶ 4/56" in screen_text(app)
        await pilot.press("k", "up")
        assert view.current == 1
        await pilot.press("pagedown")
        assert view.scroll_y > 0 and view.current > 1
        page_block = view.current
        await pilot.press("space")
        assert view.current > page_block
        await pilot.press("b", "pageup")
        assert view.scroll_y == 0 and view.current == 0
        await pilot.press("end")
        assert view.current == 55 and "100%" in screen_text(app)
        await pilot.press("home")
        assert view.current == 0
        await pilot.press("G")
        assert view.current == 55
        await pilot.press("g")
        assert view.current == 0


async def test_choosing_an_entity_then_e_walks_its_mentions(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert "e Mention" not in screen_text(app)  # nothing chosen yet: hidden
        await pilot.press("e")
        assert any("choose an entity" in n for n in notifications(app))
        await pilot.press("tab")
        assert screen.focused.id == "list-entities"
        await pilot.press("enter")  # the first person, highlighted on focus: the most mentioned
        people = [e for e in screen.analysis.entities if e.kind == "PERSON"]
        top = sorted(people, key=lambda e: (-len(e.mentions), e.name))[0]
        assert screen.occurrences == sorted((m.block, m.start, m.end) for m in top.mentions)
        n = len(top.mentions)
        assert n >= 3
        assert f"mention 1 of {n} · {top.name}" in screen_text(app)
        assert screen.article.current == top.mentions[0].block
        await pilot.press("tab", "e")
        assert f"mention 2 of {n}" in screen_text(app)
        assert screen.article.current == top.mentions[1].block
        await pilot.press("E", "E")
        assert f"mention {n} of {n}" in screen_text(app)
        assert "e Mention" in screen_text(app)


async def test_search_is_incremental_and_n_walks_matches(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        await pilot.press("slash")
        assert screen.focused.id == "search"
        await pilot.press(*"LICENZ")
        total = len(screen.matches)
        assert total >= 5
        assert f"match 1 of {total}" in screen_text(app)
        await pilot.press("enter")
        assert screen.focused is screen.article
        await pilot.press("n")
        assert f"match 2 of {total}" in screen_text(app)
        await pilot.press("N", "N")
        assert f"match {total} of {total}" in screen_text(app)


async def test_search_ignores_accents_and_escape_clears(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        await pilot.press("slash", *"opportunita")
        assert len(screen.matches) == 2  # "opportunità" twice, typed without its accent
        await pilot.press("escape")
        assert screen.matches == [] and "match" not in screen_text(app).splitlines()[0]
        await pilot.press("n")
        assert any("press / to search" in n for n in notifications(app))


async def test_help_lists_the_live_keys(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        text = screen_text(app)
        for needle in ("j / ↓", "Next ¶", "]", "Quote", "Search", "Quit", "Help", "people are bold"):
            assert needle in text, needle
        await pilot.press("escape")
        assert "people are bold" not in screen_text(app)


async def test_click_makes_a_paragraph_current(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        view = app.screen.article
        top = view.line_of_offset(3, 0)
        await pilot.click(view, offset=(10, top))
        assert view.current == 3


async def test_wheel_scrolls(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        view = app.screen.article
        await pilot.scroll_down(view) if hasattr(pilot, "scroll_down") else None
        view.post_message(__import__("textual.events", fromlist=["MouseScrollDown"]).MouseScrollDown(view, 5, 5, 0, 0, 0, False, False, False))
        await pilot.pause()
        assert view.scroll_y > 0


async def test_narrow_terminal_folds_the_panel(sample_app):
    app = sample_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await ready(app, pilot)
        assert app.screen.panel.display is False or not app.screen.panel.region.width
        assert "Entities" not in screen_text(app)
        await pilot.press("p")
        assert "Entities" in screen_text(app)
        await pilot.press("p")
        assert "Entities" not in screen_text(app)


async def test_article_without_quotations_disables_quote_keys(text_app):
    app = text_app("Titolo\nUn paragrafo senza citazioni.\nUn altro paragrafo.\n")
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("right_square_bracket")
        assert app.screen.article.current == 0
        assert any("no quotations" in n for n in notifications(app))


async def test_q_quits(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_command_palette_jumps_to_an_entity(sample_app):
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Go to Nat Friedman")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        nat = next(e for e in screen.analysis.entities if e.name == "Nat Friedman")
        assert screen.occurrences == sorted((m.block, m.start, m.end) for m in nat.mentions)
        assert screen.article.current == nat.mentions[0].block
        assert "mention 1 of 1 · Nat Friedman" in screen_text(app)
