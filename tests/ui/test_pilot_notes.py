"""Notes in the window: a, h, enter, d, u; the place restored; failures shown, text kept."""

import errno
import os

from reader.core.article import load
from reader.core.notes import NoteStore
from reader.core.settings import Settings
from reader.ui.app import build_app
from tests.screen import screen_text
from tests.ui.conftest import ready


def make(sample_path, db):
    return build_app(load(sample_path), settings=Settings(), store=NoteStore(db))


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def test_a_writes_a_note_on_the_current_paragraph(sample_path, tmp_path):
    db = tmp_path / "notes.json"
    app = make(sample_path, db)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "j", "j", "a")
        assert type(app.screen).__name__ == "NoteEditor"
        await type_text(pilot, "chi è Yang")
        await pilot.press("tab")
        await type_text(pilot, "#persone")
        await pilot.press("ctrl+s")
        await pilot.pause()
        reader = app.screen
        assert type(reader).__name__ == "ReaderScreen"
        [note] = reader.notes
        assert (note.body, note.tags, note.anchor.block) == ("chi è Yang", ["persone"], 3)
        text = screen_text(app)
        assert "1 note" in text.splitlines()[0]
        assert "Notes 1" in text
    assert [n.body for n in NoteStore(db).all_notes()] == ["chi è Yang"]


async def test_h_highlights_and_enter_edits_then_d_deletes_and_u_undoes(sample_path, tmp_path):
    db = tmp_path / "notes.json"
    app = make(sample_path, db)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        reader = app.screen
        await pilot.press("j", "h")
        assert len(reader.notes) == 1 and reader.notes[0].body == ""
        assert "Highlighted" in " ".join(n.message for n in app._notifications)
        # The Notes tab: enter opens the editor on the note.
        reader.panel.show_tab("notes")
        await pilot.press("tab")
        await pilot.press("enter")
        assert type(app.screen).__name__ == "NoteEditor"
        await type_text(pilot, "later")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert reader.notes[0].body == "later"
        # d asks first; n keeps the note, y deletes it; u brings it back.
        await pilot.press("d")
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        assert len(reader.notes) == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert reader.notes == []
        assert list(NoteStore(db).all_notes()) == []
        await pilot.press("u")
        await pilot.pause()
        assert [n.body for n in reader.notes] == ["later"]
    assert [n.body for n in NoteStore(db).all_notes()] == ["later"]


async def test_escape_asks_before_losing_typed_text(sample_path, tmp_path):
    app = make(sample_path, tmp_path / "notes.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("a")
        await type_text(pilot, "draft")
        await pilot.press("escape")
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        assert type(app.screen).__name__ == "NoteEditor"
        await pilot.press("escape", "y")
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.screen.notes == []


async def test_a_failed_save_keeps_the_text_in_the_editor_and_says_why(sample_path, tmp_path, monkeypatch):
    db = tmp_path / "notes.json"
    app = make(sample_path, db)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("h")  # one note saved before the disk fills up
        await pilot.press("j", "a")
        await type_text(pilot, "precious words")

        def disk_full(_fd):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "fsync", disk_full)
        await pilot.press("ctrl+s")
        await pilot.pause()
        editor = app.screen
        assert type(editor).__name__ == "NoteEditor"
        assert editor.body == "precious words"
        assert "No space left on device" in screen_text(app)
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen"
    assert sorted(n.body for n in NoteStore(db).all_notes()) == ["", "precious words"]


async def test_reading_position_is_restored(sample_path, tmp_path):
    db = tmp_path / "notes.json"
    app = make(sample_path, db)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        for _ in range(12):
            await pilot.press("j")
        await pilot.press("q")
    again = make(sample_path, db)
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(again, pilot)
        assert again.screen.article.current == 12
        assert "¶ 13/56" in screen_text(again)


async def test_damaged_store_is_reported_and_left_alone(sample_path, tmp_path):
    db = tmp_path / "notes.json"
    NoteStore(db).set_position("0" * 16, __import__("reader.core.notes.anchoring", fromlist=["Anchor"]).Anchor(0, 0, 1, "x"))
    db.write_bytes(b"{ this is not json")
    app = make(sample_path, db)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        messages = " ".join(n.message for n in app._notifications)
        assert "notes.json" in messages and "damaged" in messages
        # notes.json is left alone; the notes have files of their own and still save
        await pilot.press("h")
        assert len(app.screen.notes) == 1
        key = app.screen.key
        await pilot.press("j", "j", "q")
    assert db.read_bytes() == b"{ this is not json"
    assert len(NoteStore(db).notes_for(key)) == 1


async def test_x_exports_to_the_configured_folder_and_shows_the_path(sample_path, tmp_path):
    db = tmp_path / "notes.json"
    out = tmp_path / "vault"
    app = build_app(load(sample_path), settings=Settings(export_folder=out), store=NoteStore(db))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "h", "x")
        await pilot.pause()
        [written] = list(out.glob("*.md"))
        assert written.name.startswith("Meta AI ha licenziato 600 dipendenti")
        assert str(written) in " ".join(n.message for n in app._notifications)
        assert "^note-" in written.read_text(encoding="utf-8")


async def test_a_annotates_the_text_selected_with_the_mouse(sample_path, tmp_path):

    app = make(sample_path, tmp_path / "notes.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        reader = app.screen
        view = reader.article
        top = view.line_of_offset(3, 0) - round(view.scroll_y)
        # Drag over "Xianjun Yang" in paragraph 4 (its text starts after a 3-cell margin).
        start = view.region.x + 3 + 6
        await pilot.mouse_down(view, offset=(start - view.region.x, top))
        await pilot.hover(view, offset=(start - view.region.x + 11, top))
        await pilot.mouse_up(view, offset=(start - view.region.x + 11, top))
        await pilot.pause()
        assert reader.get_selected_text() == "Xianjun Yang"
        await pilot.press("a")
        await type_text(pilot, "who")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [note] = reader.notes
        assert (note.anchor.block, note.anchor.start, note.anchor.end, note.anchor.exact) == (3, 6, 18, "Xianjun Yang")
