"""Contrast of what is actually painted, in every theme, in every state of the window.

Each test puts the real window in one state and then, theme after theme (the bundled
ones and Textual's), reads the colours of every character painted and computes their
WCAG contrast: at least 4.5:1 everywhere, 7:1 in high-contrast. Characters in the
terminal's own colours (ANSI themes) are the terminal's to answer for and are left
out; so are graphics (rules, bars, scrollbars), which WCAG holds to 3:1.
"""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.screen import ModalScreen

from reader.core.article import load
from reader.core.notes import Note, NoteStore, article_key, article_record, make_anchor
from reader.core.settings import Settings
from reader.ui.app import build_app
from tests.conftest import ROOT
from tests.contrast import low_contrast
from tests.ui.conftest import ready, settle


def target(theme: str) -> float:
    """WCAG AA for text, AAA for the high-contrast theme."""
    return 7.0 if theme == "high-contrast" else 4.5


PALETTE = ROOT / "tests" / "data" / "contrast" / "palette.md"
"""Five paragraphs, each a person, an organisation, a place and a quotation, one per
note colour; then a link, inline code, an image, a quote, a list, a table, code."""
COLOURS = ("yellow", "green", "blue", "pink", "purple")


def store_with_notes(tmp_path) -> NoteStore:
    doc = load(PALETTE)
    store = NoteStore(tmp_path / "n.json")
    for block, colour in zip(range(1, 6), COLOURS):
        note = Note("", article_key(doc), make_anchor(doc, block), body=f"on {colour}", tags=[colour], color=colour)
        store.add(note, article_record(doc))
    return store


def regions(app) -> list[Region] | None:
    """What to read: a modal's own boxes (the window under it is dimmed on purpose), else all."""
    screen = app.screen
    if isinstance(screen, ModalScreen):
        return [child.region for child in screen.children if child.display]
    return None


async def every_theme(app, pilot) -> dict[str, dict[str, float]]:
    """Theme by theme, the text painted below the theme's target."""
    failures: dict[str, dict[str, float]] = {}
    original = app.theme
    for name in sorted(app.available_themes):
        app.clear_notifications()  # toasts come and go on timers
        app.theme = name
        await settle(pilot)
        bad = low_contrast(app, target(name), regions(app))
        if bad:
            failures[name] = bad
    app.theme = original
    await settle(pilot)
    return failures


def report(failures: dict[str, dict[str, float]]) -> str:
    lines = []
    for theme, bad in failures.items():
        lines.append(f"{theme}:")
        lines += [f"    {value:>5}  {what}" for what, value in sorted(bad.items(), key=lambda kv: kv[1])]
    return "\n".join(lines)


async def reading(pilot):
    """Notes in five colours over names and quotations, search matches, a chosen name."""
    await pilot.press("slash", *"the", "enter")  # matches, the current one among them
    await pilot.press("1", "enter")  # the first person chosen: the selected-name highlight
    await pilot.press("tab")  # back to the article: the panel's cursor, unfocused


async def entities_focused(pilot):
    """The focused row: names, counts and maps on the focused cursor."""
    await pilot.press("1", "down")


async def notes_focused(pilot):
    """Note marks and tags on the focused cursor."""
    await pilot.press("4", "down")


async def editor_body(pilot):
    await pilot.press("j", "a", "e", *"more")


async def editor_colours(pilot):
    """The colour choices with their marks, the cursor on them."""
    await pilot.press("j", "a", "e", "tab", "tab")


async def editor_tags_refused(pilot):
    """The tags field focused, its text selected, and the error line."""
    await pilot.press("j", "a", "e", "tab", *"a b", "ctrl+s", "shift+tab", "tab")


async def help_screen(pilot):
    await pilot.press("question_mark")


async def theme_picker(pilot):
    await pilot.press("ctrl+t")


async def search_line(pilot):
    await pilot.press("slash", *"merk")


async def command_palette(pilot):
    await pilot.press("ctrl+p", *"Go to")


STATES = [
    reading, entities_focused, notes_focused, editor_body, editor_colours, editor_tags_refused,
    help_screen, theme_picker, search_line, command_palette,
]
"""The states a reader meets, each with colour pairs the others do not have."""


@pytest.mark.parametrize("state", STATES, ids=lambda f: f.__name__)
async def test_every_theme_is_readable_in_this_state(state, tmp_path):
    app = build_app(load(PALETTE), settings=Settings(), store=store_with_notes(tmp_path))
    async with app.run_test(size=(150, 50)) as pilot:
        await ready(app, pilot)
        await state(pilot)
        await settle(pilot)
        failures = await every_theme(app, pilot)
    assert not failures, "text below its theme's contrast target:\n" + report(failures)


async def test_every_theme_is_readable_in_the_library(tmp_path):
    for name in ("a.txt", "b.md"):
        (tmp_path / name).write_text("A title\nSome words of the article body.\n", encoding="utf-8")
    app = build_app(library=sorted(tmp_path.glob("*.*")), settings=Settings(), store=NoteStore(tmp_path / "n.json"))
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        await pilot.press("down")
        failures = await every_theme(app, pilot)
    assert not failures, "text below its theme's contrast target:\n" + report(failures)
