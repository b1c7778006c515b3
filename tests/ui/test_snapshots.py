"""A few pictures of the window at a fixed size (regenerate with `make snapshots`)."""


from reader.core.article import load
from reader.core.notes import NoteStore
from reader.core.settings import Settings
from reader.ui.app import build_app
from tests.conftest import ROOT, SAMPLE
from tests.ui.conftest import ready, settle

SIZE = (120, 40)


def app_for(tmp_path, theme: str | None = None):
    app = build_app(load(SAMPLE), settings=Settings(), store=NoteStore(tmp_path / "notes.json"), theme=theme)
    app.animation_level = "none"  # a picture never catches anything halfway
    return app


async def settled(pilot) -> None:
    await ready(pilot.app, pilot)
    for widget in pilot.app.screen.query("Input"):
        widget.cursor_blink = False
    await pilot.pause()


async def quiet(pilot) -> None:
    """No toasts in a picture: they vanish on a timer, so they would make it flaky."""
    await settle(pilot)
    pilot.app.clear_notifications()
    for widget in pilot.app.screen.query("Input"):
        widget.cursor_blink = False
    await settle(pilot)


def test_first_screen(snap_compare, tmp_path):
    async def first(pilot):
        await settled(pilot)
        await quiet(pilot)

    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, run_before=first)


def test_entity_chosen_in_the_entities_tab(snap_compare, tmp_path):
    async def choose(pilot):
        await settled(pilot)
        await pilot.press("tab", "down", "enter", "tab")
        await quiet(pilot)

    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, run_before=choose)


def test_search_with_matches(snap_compare, tmp_path):
    async def search(pilot):
        await settled(pilot)
        await pilot.press("slash", *"ricerca", "enter", "n")
        await quiet(pilot)

    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, run_before=search)


def test_help_screen(snap_compare, tmp_path):
    async def help_(pilot):
        await settled(pilot)
        await pilot.press("question_mark")
        await quiet(pilot)

    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, run_before=help_)


def test_narrow_terminal(snap_compare, tmp_path):
    async def narrow(pilot):
        await settled(pilot)
        await pilot.press("j", "j", "j")
        await quiet(pilot)

    assert snap_compare(app_for(tmp_path), terminal_size=(80, 30), run_before=narrow)


MARKDOWN = ROOT / "tests" / "data" / "markdown" / "snapshot.md"


def markdown_app(tmp_path):
    app = build_app(load(MARKDOWN), settings=Settings(), store=NoteStore(tmp_path / "notes.json"))
    app.animation_level = "none"
    return app


def test_markdown_at_80_columns(snap_compare, tmp_path):
    """Lists with nesting, a table, nested quotes, code, a link's footnote: 80 columns."""

    async def shown(pilot):
        await settled(pilot)
        await quiet(pilot)

    assert snap_compare(markdown_app(tmp_path), terminal_size=(80, 44), run_before=shown)


def test_markdown_at_120_columns(snap_compare, tmp_path):
    """The same article beside the side panel: 120 columns."""

    async def shown(pilot):
        await settled(pilot)
        await quiet(pilot)

    assert snap_compare(markdown_app(tmp_path), terminal_size=(120, 44), run_before=shown)
