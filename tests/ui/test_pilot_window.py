"""The reading window as a new reader meets it (issue 13): resizing, the place, the panel."""

from __future__ import annotations

import re

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
    """20 resizes between 60 and 220 columns, each scrolled to another part of the article."""
    app = make(sample_path, tmp_path / "n.json")
    widths = [120, 110, 60, 220, 75, 199, 100, 99, 61, 180, 140, 80, 215, 64, 101, 90, 160, 70, 210, 118]
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(app, pilot)
        view = app.screen.article
        last = len(app.screen.document.blocks) - 1
        for i, width in enumerate(widths):
            target = round(i * last / (len(widths) - 1))  # top to end, every part in turn
            view.go_to(target)
            if i % 2:
                view.scroll_to(y=view.max_scroll_y, animate=False, immediate=True)  # and scrolled past it
            view.go_to(target)
            await pilot.resize_terminal(width, 24 + i % 20)
            assert app.return_code is None, f"the window crashed at {width} columns"
            assert 0 <= view.scroll_y <= view.max_scroll_y
            # The paragraph that was being read is still on screen.
            shown = view.block_at_line(round(view.scroll_y))
            assert shown <= view.current <= shown + view.scrollable_content_region.height
        await settle(pilot)
        await pilot.press("G")
        await pilot.resize_terminal(110, 30)
        await settle(pilot)
        assert app.return_code is None
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
        assert top <= view.line_of_offset(30, 0) < top + height, "¶31 is on screen"
        painted = [view.render_line(y).text for y in range(height)]
        assert any(line.startswith("▎") for line in painted), "the current-paragraph bar shows"
        await pilot.press("j")
        assert view.current == 31
        assert "¶ 32/56" in screen_text(again).splitlines()[0]


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_tabs_from_the_keyboard(sample_path, tmp_path):
    """1-4 choose a tab from anywhere, ← → move between tabs, and a row is ready for enter."""
    app = make(sample_path, tmp_path / "n.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        await pilot.press("2")
        assert screen.panel.active_tab == "quotes" and screen.focused.id == "list-quotes"
        await pilot.press("enter")  # the first quotation, chosen without moving first
        first = screen.analysis.quotes[0]
        assert screen.occurrence_label == "quote"
        assert (first.block, first.start) in {(b, s) for b, s, _ in screen.occurrences}
        await pilot.press("3")
        assert screen.panel.active_tab == "topics" and screen.focused.id == "list-topics"
        await pilot.press("right")
        assert screen.panel.active_tab == "notes" and screen.focused.id == "list-notes"
        await pilot.press("right")
        assert screen.panel.active_tab == "entities" and screen.focused.id == "list-entities"
        await pilot.press("left", "left")
        assert screen.panel.active_tab == "topics"
        await pilot.press("1")
        assert screen.panel.active_tab == "entities"


async def test_tab_then_enter_chooses_the_first_row(sample_path):
    app = make(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        await pilot.press("tab", "enter")
        people = [e for e in screen.analysis.entities if e.kind == "PERSON"]
        top = sorted(people, key=lambda e: (-len(e.mentions), e.name))[0]
        assert screen.occurrences == sorted((m.block, m.start, m.end) for m in top.mentions)


async def test_4_opens_the_notes_of_the_current_paragraph(sample_path, tmp_path):
    app = make(sample_path, tmp_path / "n.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        await pilot.press("j", "h")
        for _ in range(9):
            await pilot.press("j")
        await pilot.press("h", "k", "k", "k")
        here = next(n for n in screen.notes if n.anchor.block == 10)
        await pilot.press("4")
        assert screen.panel.active_tab == "notes" and screen.focused.id == "list-notes"
        # ¶8 has no note: the list starts at the next one, on ¶11.
        assert screen.focused.highlighted_option.id == f"note:{here.id}"
        await pilot.press("enter")
        assert type(app.screen).__name__ == "NoteEditor"


async def test_help_and_the_footer_name_the_tab_keys(sample_path):
    app = make(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert "1234 Tabs" in footer(app)
        await pilot.press("question_mark")
        text = screen_text(app)
        for needle in ("Entities tab", "Quotes tab", "Topics tab", "Notes tab", "← →"):
            assert needle in text, needle


async def test_the_footer_keeps_help_and_quit_in_view_at_every_width(sample_path):
    """A search adds two keys; where the wide footer no longer fits, the short one is shown."""
    app = make(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"meta", "enter")
        await settle(pilot)
        for width in (160, 120, 110, 100, 99, 80, 70):
            await pilot.resize_terminal(width, 30)
            await settle(pilot)
            line = footer(app)
            assert "? Help" in line and "q Quit" in line and "n Match" in line, (width, line)
        await pilot.resize_terminal(160, 30)
        await settle(pilot)
        assert "1234 Tabs" in footer(app) and "^p palette" in footer(app)


async def test_a_click_on_a_footer_key_runs_it(sample_path):
    from reader.ui.widgets.reader_footer import ReaderFooter

    app = make(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        search = footer(app).index("/ Search")
        await pilot.click(ReaderFooter, offset=(search + 3, 0))
        await settle(pilot)
        assert app.screen.query_one("SearchBar").display  # / opened the search line
        await pilot.press("escape")
        await settle(pilot)
        help_at = footer(app).index("? Help")
        await pilot.click(ReaderFooter, offset=(help_at + 1, 0))
        await settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"


async def test_the_footer_marks_the_key_under_the_mouse(sample_path):
    from reader.ui.widgets.reader_footer import ReaderFooter

    app = make(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        widget = app.screen.query_one(ReaderFooter)

        def background_at(x: int):
            line = widget.render()
            return line.get_style_at_offset(app.console, x).bgcolor

        search, quit_at = footer(app).index("/ Search"), footer(app).index("q Quit")
        plain = background_at(search + 2)
        await pilot.hover(ReaderFooter, offset=(search + 2, 0))
        await settle(pilot)
        assert background_at(search + 2) != plain  # "Search" is marked
        assert background_at(quit_at + 2) == plain  # and nothing else
        await pilot.hover(ReaderFooter, offset=(quit_at + 2, 0))
        await settle(pilot)
        assert background_at(search + 2) == plain and background_at(quit_at + 2) != plain


async def test_keys_waiting_for_the_analysis_are_shown_dimmed_then_usable(sample_path):
    """] and } need the analysis: drawn in italics while it runs, then as every other key."""
    from reader.ui.widgets.reader_footer import ReaderFooter

    def quote_key_italic() -> bool:
        line = app.screen.query_one(ReaderFooter).render()
        return bool(line.get_style_at_offset(app.console, line.plain.index("] Quote") + 3).italic)

    app = make(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        analysis = screen.analysis
        screen.analysis = None  # as while it runs
        screen.refresh_bindings()
        await settle(pilot)
        assert quote_key_italic()
        screen.show_analysis(analysis)
        await settle(pilot)
        assert not quote_key_italic()


async def test_a_click_on_a_tab_label_shows_that_tab(sample_path):
    from reader.ui.widgets.side_panel import PanelTabs

    app = make(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        tabs_row = screen_text(app).splitlines()[1]
        left = tabs_row.index(" Entities")
        for tab, title in (("quotes", "Quotes"), ("notes", "Notes"), ("entities", "Entities")):
            await pilot.click(PanelTabs, offset=(tabs_row.index(title) - left + 2, 0))
            await settle(pilot)
            assert screen.panel.active_tab == tab and screen.focused.id == f"list-{tab}"
        await pilot.click(PanelTabs, offset=(2, 1))  # the blank line under the labels
        await settle(pilot)
        assert screen.panel.active_tab == "entities"


async def test_the_window_turns_the_garbage_collector_back_on(sample_path):
    """`reader` starts the window with it off (reader/cli/open_article.py): never for good."""
    import gc

    gc.disable()
    try:
        app = make(sample_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(app, pilot)
            await pilot.pause(1.3)
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_narrow_panel_closes_after_a_jump_and_on_escape(sample_path):
    app = make(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert "Entities" not in screen_text(app)
        await pilot.press("p")
        assert "Entities" in screen_text(app) and screen.focused.id == "list-entities"
        await pilot.press("down", "enter")
        assert screen.occurrences and screen.occurrence_label == "mention"
        assert "Entities" not in screen_text(app), "the panel no longer covers the text"
        assert screen.focused is screen.article
        assert "mention 1 of" in screen_text(app).splitlines()[0]
        await pilot.press("p")
        assert "Entities" in screen_text(app)
        await pilot.press("escape")
        assert "Entities" not in screen_text(app) and screen.focused is screen.article
        await pilot.press("tab")
        assert "Entities" in screen_text(app)
        await pilot.press("tab")
        assert "Entities" not in screen_text(app) and screen.focused is screen.article


async def test_the_footer_keeps_help_and_quit_at_80_columns(sample_path):
    app = make(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        states = [footer(app)]
        await pilot.press("slash", *"meta", "enter")
        states.append(footer(app))
        await pilot.press("p", "enter")  # an entity chosen: e Mention applies too
        states.append(footer(app))
        await pilot.press("p")
        states.append(footer(app))
        for line in states:
            assert "? Help" in line and "q Quit" in line, line
        assert "e Mention" in states[2] and "n Match" in states[2]


async def test_p_hides_and_shows_the_panel_at_any_width(sample_path):
    app = make(sample_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert "Entities" in screen_text(app)
        width = screen.article.size.width
        await pilot.press("p")
        assert "Entities" not in screen_text(app)
        assert screen.article.size.width > width
        await pilot.press("p")
        assert "Entities" in screen_text(app)
        assert screen.article.size.width == width
        await pilot.press("p", "tab")  # tab shows a hidden panel too
        assert "Entities" in screen_text(app) and screen.focused.id == "list-entities"


async def test_escape_in_the_article_clears_search_matches(sample_path):
    app = make(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        await pilot.press("slash", *"meta", "enter")
        assert screen.matches and "match 1 of" in screen_text(app).splitlines()[0]
        await pilot.press("escape")
        assert screen.matches == [] and "match" not in screen_text(app).splitlines()[0]
        assert type(app.screen).__name__ == "ReaderScreen"


async def test_wide_windows_give_the_text_its_measure_and_the_panel_the_rest(sample_path):
    app = make(sample_path)
    async with app.run_test(size=(200, 60)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert 72 <= screen.article._text_width <= 90
        assert screen.panel.size.width >= 100, "the panel takes the room the text does not need"
        longest = max((e.name for e in screen.analysis.entities), key=len)
        assert longest in screen_text(app), "names are no longer cut"
        # The panel starts where the text's measure ends: no empty columns between.
        assert screen.panel.region.x <= screen.article._pad + 3 + screen.article._text_width + 3
        await pilot.press("p")  # no panel: the column is centred
        assert screen.article._pad > 40
        await pilot.resize_terminal(120, 40)
        await pilot.press("p")
        await settle(pilot)
        assert screen.panel.outer_size.width == 43 and screen.article._text_width >= 72


async def test_tab_labels_never_cut_notes(sample_path):
    app = make(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        panel = app.screen.panel
        panel.set_rows("entities", "Entities", [], 1234)
        panel.set_rows("quotes", "Quotes", [], 567)
        await settle(pilot)
        tab_line = next(line for line in screen_text(app).splitlines() if "Entities" in line)
        assert "Notes" in tab_line and "Topics" in tab_line


async def test_x_with_no_notes_writes_nothing(sample_path, tmp_path):
    folder = tmp_path / "out"
    app = build_app(load(sample_path), settings=Settings(export_folder=folder), store=NoteStore(tmp_path / "n.json"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("x")
        assert any("no notes" in n.message for n in app._notifications)
        assert not folder.exists() or not any(folder.iterdir())
        await pilot.press("j", "h", "x")
        await settle(pilot)
        assert len(list(folder.iterdir())) == 1


async def test_the_editor_refuses_a_tag_with_spaces_and_keeps_the_note(sample_path, tmp_path):
    app = make(sample_path, tmp_path / "n.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "a", *"body", "tab", *"tag", "space", *"with", "space", *"space", "ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "NoteEditor"
        text = screen_text(app)
        assert "Not saved" in text and "#tag-with-space" in text
        assert app.screen.body == "body"


async def test_h_twice_makes_one_highlight(sample_path, tmp_path):
    app = make(sample_path, tmp_path / "n.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "h", "h")
        assert len(app.screen.notes) == 1
        assert any("already highlighted" in n.message for n in app._notifications)


async def test_a_on_a_paragraph_with_a_note_offers_that_note(sample_path, tmp_path):
    app = make(sample_path, tmp_path / "n.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        reader = app.screen
        await pilot.press("j", "a", *"first", "ctrl+s")
        await settle(pilot)
        [note] = reader.notes
        await pilot.press("a")
        assert type(app.screen).__name__ == "ChoiceScreen"
        assert "¶ 2 has a note: first" in screen_text(app)
        await pilot.press("e")  # edit it: the editor opens on that note, with its text
        assert type(app.screen).__name__ == "NoteEditor" and app.screen.editing
        assert app.screen.body == "first"
        await pilot.press("escape")
        await pilot.press("a", "n")  # or write another one
        assert type(app.screen).__name__ == "NoteEditor" and not app.screen.editing
        await pilot.press(*"second", "ctrl+s")
        await settle(pilot)
        assert sorted(n.body for n in reader.notes) == ["first", "second"]
        assert note in reader.notes


async def test_the_editor_shows_its_own_keys_and_starts_on_the_notes_colour(sample_path, tmp_path):
    app = make(sample_path, tmp_path / "n.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        reader = app.screen
        await pilot.press("j", "a")
        editor = app.screen
        line = footer(app)
        assert "Save" in line and "Cancel" in line
        assert "Quote" not in line and "Search" not in line
        # Each colour is drawn with its own mark.
        text = screen_text(app)
        for glyph, name in (("●", "yellow"), ("◆", "green"), ("■", "blue"), ("▲", "pink"), ("★", "purple")):
            assert f"{glyph} {name}" in text
        await pilot.press(*"x", "tab", "tab")  # to the colours
        await pilot.press("right", "right", "enter", "ctrl+s")  # blue
        await settle(pilot)
        assert editor.is_attached is False and reader.notes[0].color == "blue"
        reader.edit_note(reader.notes[0].id)
        await settle(pilot)
        selected = [b.id for b in app.screen.query("RadioButton") if b.has_class("-selected")]
        assert selected == ["color-blue"], "the colour cursor is on the note's colour"


async def test_topics_tab_and_the_topic_key_count_alike(sample_path):
    app = make(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        shown = sum(1 for t in screen.analysis.topics if t.blocks)
        assert f"Topics {shown}" in screen_text(app)
        seen = set()
        for i in range(shown):
            await pilot.press("right_curly_bracket")
            assert f"topic {i + 1} of {shown}" in screen_text(app).splitlines()[0]
            seen.add(screen.status.extra)
        assert len(seen) == shown
        await pilot.press("right_curly_bracket")
        assert f"topic 1 of {shown}" in screen_text(app).splitlines()[0]


async def test_topic_rows_say_paragraphs_and_the_palette_counts_in_words(sample_path):
    app = make(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("3")
        text = screen_text(app)
        assert " paragraphs" in text or " paragraph" in text
        assert not [line for line in text.splitlines() if "# " in line and "¶" in line.split("# ", 1)[1]]
        items = app.screen._commands()(app.screen)._items()  # the palette's entries
        helps = [help_ for _, help_, kind, _ in items if kind == "entity"]
        assert any(h.endswith("· 1 mention") or "· 1 mention ·" in h for h in helps)
        assert not any(re.search(r"(?<!\d)1 mentions", h) for h in helps)


async def test_the_library_moves_with_j_and_k_and_says_enter_opens(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Article {name[0].upper()}\nSome words of the body.\n", encoding="utf-8")
    app = build_app(library=sorted(tmp_path.glob("*.txt")), settings=Settings(), store=NoteStore(tmp_path / "n.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "⏎ Open" in footer(app) and "q Quit" in footer(app)
        await pilot.press("j", "j", "k", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReaderScreen"
        assert "Article B" in screen_text(app).splitlines()[0]


async def test_narrowing_with_the_panel_focused_gives_the_keys_back_to_the_text(sample_path):
    app = make(sample_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("1")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.screen.focused is app.screen.article


async def test_the_editor_fits_80x24_and_the_choice_is_a_box(sample_path, tmp_path):
    app = make(sample_path, tmp_path / "n.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "j", "j", "a")
        text = screen_text(app)
        assert "★ purple" in text and "ctrl+s save" in text, text
        await pilot.press(*"x", "ctrl+s", "a")
        assert type(app.screen).__name__ == "ChoiceScreen"
        box = app.screen.query_one("#confirm-box")
        assert box.region.x > 0 and box.region.y > 0, "centred, not pinned to the corner"


async def test_the_current_paragraph_stays_on_screen_when_a_short_article_narrows(tmp_path):
    """All of a short article fits a wide window, so G does not scroll; narrowed, the
    window must still show the paragraph being read, not the top."""
    path = tmp_path / "short.txt"
    paragraphs = [f"Paragraph {n}: the harbour reopened after the storm, said the port authority." for n in range(12)]
    path.write_text("A short report\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    app = build_app(load(path), settings=Settings(), store=None)
    async with app.run_test(size=(200, 60)) as pilot:
        await ready(app, pilot)
        await pilot.press("G")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "Paragraph 11:" in screen_text(app)
