"""Markdown shown as written: lists, tables, nested quotes, headings, code, links and images."""

from __future__ import annotations

import pytest

from reader.core.article import load
from reader.core.notes import NoteStore
from reader.core.settings import Settings
from reader.ui.app import build_app
from tests.core.test_markdown_blocks import HARBOUR
from tests.screen import screen_text
from tests.ui.conftest import ready, settle


def make(tmp_path):
    return build_app(load(HARBOUR), settings=Settings(), store=NoteStore(tmp_path / "n.json"))


async def show_all(app, pilot) -> list[str]:
    """The article's lines as painted, the whole article, a screenful at a time."""
    view = app.screen.article
    height = view.scrollable_content_region.height
    lines: dict[int, str] = {}
    top = 0
    while len(lines) < view.virtual_size.height:
        view.scroll_to(y=min(top, view.max_scroll_y), animate=False, immediate=True)
        await settle(pilot)
        shown = round(view.scroll_y)
        for y in range(height):
            if shown + y < view.virtual_size.height:
                lines.setdefault(shown + y, view.render_line(y).text.rstrip().replace("\xa0", " "))
        top += height
    return [lines[y] for y in sorted(lines)]


@pytest.mark.parametrize("width", [80, 120])
async def test_lists_show_bullets_numbers_and_nesting(tmp_path, width):
    app = make(tmp_path)
    async with app.run_test(size=(width, 40)) as pilot:
        await ready(app, pilot)
        lines = await show_all(app, pilot)
        text = "\n".join(lines)
        for expected in (
            "   • The outer breakwater, over 120 metres",
            "     ◦ its lighthouse, now on generator power",
            "   • Nine moored boats, of which:",
            "     1. four sank",
            "     2. five were towed to the inner basin",
            "   3. Repairs start with the breakwater.",
        ):
            assert expected in lines, (expected, text)
        # The items of a list follow one another without blank lines.
        first = lines.index("   • The outer breakwater, over 120 metres")
        assert all(lines[first + k].strip() for k in range(9))


@pytest.mark.parametrize("width", [80, 120])
async def test_tables_align_their_columns_within_the_width(tmp_path, width):
    app = make(tmp_path)
    async with app.run_test(size=(width, 40)) as pilot:
        await ready(app, pilot)
        lines = await show_all(app, pilot)
        view = app.screen.article
        rows = [line for line in lines if "│" in line and "┼" not in line and line.strip()[0] != "│"]
        assert len(rows) >= 5  # the header, three rows, and the long cell wrapped
        bars = {tuple(i for i, ch in enumerate(line) if ch == "│") for line in rows}
        assert len(bars) == 1, "every row puts its column rules at the same place"
        assert any("┼" in line for line in lines)
        right = view._pad + 3 + view._text_width
        assert max(len(line) for line in lines) <= right
        # Right-aligned numbers end at the same column.
        ends = {line.index("│", line.index("│") + 1) for line in rows}
        assert len(ends) == 1
        assert any("2,400,000 │" in line for line in rows) and any("  310,000 │" in line for line in rows)


async def test_a_long_cell_wraps_inside_its_column(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(80, 40)) as pilot:
        await ready(app, pilot)
        lines = await show_all(app, pilot)
        at = next(i for i, line in enumerate(lines) if "Moorings and" in line)
        assert "eastern quay" not in lines[at] and "eastern quay" in lines[at + 1]
        assert lines[at + 1].index("│") == lines[at].index("│")


async def test_nested_quotes_show_a_bar_per_level(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await ready(app, pilot)
        lines = await show_all(app, pilot)
        assert "   │ We had warned for years that the breakwater was tired." in lines
        assert '   │ │ "Tired is not broken," the ministry answered in 2019.' in lines
        assert "   │ │ │ Nobody answered after that." in lines
        assert "   │ │" in lines  # the blank line between two level-2 blocks keeps their bars


async def test_heading_levels_look_different(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await ready(app, pilot)
        lines = await show_all(app, pilot)
        h1 = lines.index("▎  The harbour reopens after the storm")
        assert lines[h1 + 1] == "▎  " + "═" * len("The harbour reopens after the storm")
        h2 = lines.index("   What was damaged")
        assert lines[h2 + 1].strip() == "─" * len("What was damaged")
        h3 = lines.index("   Timeline")
        assert not lines[h3 + 1].strip()
        view = app.screen.article
        styles = [view._get_style(name) for name in (".article--title", ".article--heading", ".article--heading-3")]
        assert len({(s.bold, s.italic, s.underline) for s in styles} | {str(s) for s in styles}) >= 3
        assert styles[2].italic and not styles[1].italic


async def test_code_blocks_keep_their_lines_on_their_own_background(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await ready(app, pilot)
        lines = await show_all(app, pilot)
        assert "    03:10  gust  41 m/s   NNW" in lines
        assert '    03:40  gust  47 m/s   NW   "peak"' in lines
        view = app.screen.article
        code = next(b.index for b in view.blocks if b.kind == "code")
        view.go_to(code)
        await settle(pilot)
        strip = view.render_line(view.line_of_offset(code, 0) - round(view.scroll_y))
        code_bg = {seg.style.bgcolor for seg in strip if "03:10" in seg.text}
        assert code_bg and view.visual_style.rich_style.bgcolor not in code_bg


async def test_links_get_a_numbered_mark_and_their_address_below(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        text = "\n".join(await show_all(app, pilot))
        assert "full report[1]" in text and "[1] https://example.org/harbour/report" in text
        assert "photo gallery[2]" in text and "[2] https://example.org/gallery" in text
        assert "[image] A crane lifting a sunk boat" in text


async def test_every_kind_of_block_is_a_paragraph_to_walk_and_annotate(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        view = screen.article
        total = len(view.blocks)
        for expected in range(1, total):
            await pilot.press("j")
            assert view.current == expected
            assert f"¶ {expected + 1}/{total}" in screen_text(app).splitlines()[0]
            top = round(view.scroll_y)
            assert top <= view.line_of_offset(expected, 0) < top + view.scrollable_content_region.height
        table = next(b.index for b in view.blocks if b.kind == "table")
        code = next(b.index for b in view.blocks if b.kind == "code")
        for index in (table, code):
            view.go_to(index)
            await pilot.press("h")
        placed = sorted(p.block for p in screen.placements.values() if p)
        assert placed == [table, code]
        assert "2 notes" in screen_text(app).splitlines()[0]
        # The mark of each note is painted in the margin of its block's first line.
        for index in (table, code):
            view.go_to(index)
            await settle(pilot)
            first = view.render_line(view.line_of_offset(index, 0) - round(view.scroll_y)).text
            assert first[1] in "●◆■▲★", first


async def test_search_finds_words_in_a_table_cell_and_shows_their_line(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        await pilot.press("slash", *"eastern quay", "enter")
        [match] = screen.matches
        view = screen.article
        line = view.line_of_offset(match.block, match.start)
        top = round(view.scroll_y)
        assert top <= line < top + view.scrollable_content_region.height
        painted = view.render_line(line - top).text
        assert "eastern quay" in painted


async def test_a_resize_storm_on_markdown(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(app, pilot)
        view = app.screen.article
        targets = (5, 13, 19, len(view.blocks) - 1)
        for i, width in enumerate((60, 220, 75, 101, 99, 64, 180, 61, 140, 80, 200, 66)):
            view.go_to(targets[i % len(targets)])  # lists, the table, the code, the end
            await pilot.resize_terminal(width, 30)
            assert app.return_code is None
        await settle(pilot)
        await show_all(app, pilot)
