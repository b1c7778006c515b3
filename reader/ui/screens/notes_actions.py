"""The reading screen's notes: annotate, highlight, edit, delete, undo, and the place.

Kept apart from reader.py so each stays readable; ReaderScreen mixes it in. Saves
run on the UI thread on purpose: a save is a few milliseconds, and when it fails
the editor must still be open, with the text in it, to say why.
"""

from __future__ import annotations

from contextlib import suppress

from textual.binding import Binding
from textual.content import Content

from reader.core.article import printable, shorten
from reader.core.errors import ReaderError
from reader.core.notes import (
    DamagedStore,
    Note,
    NoteStore,
    Placement,
    StoreError,
    article_key,
    article_record,
    make_anchor,
    note_label,
    resolve,
)
from reader.ui.decorations import COLOR_GLYPH
from reader.ui.widgets.article_view import Decoration

NOTE_BINDINGS = [
    Binding("a", "annotate", "Note", id="reader.annotate"),
    Binding("h", "highlight", "Highlight", show=False, id="reader.highlight"),
    Binding("d", "delete_note", "Delete note", show=False, id="reader.delete_note"),
    Binding("u", "undo_delete", "Undo delete", show=False, id="reader.undo_delete"),
    Binding("x", "export", "Export", id="reader.export"),
]



class NotesMixin:
    """Notes behaviour for ReaderScreen (which provides document, article, panel, status)."""

    store: NoteStore | None
    notes: list[Note]
    placements: dict[str, Placement | None]
    deleted: list[Note]
    store_problem: str | None

    def init_notes(self, store: NoteStore | None) -> None:
        self.store = store
        self.notes = []
        self.placements = {}
        self.deleted = []
        self.store_problem = None if store is not None else "no notes store"
        self.key = article_key(self.document)
        self.last_color = "yellow"

    # -- loading -----------------------------------------------------------------

    def load_notes(self) -> None:
        """Read this article's notes and place, as far as the store can be read.

        A damaged notes file of this article makes its notes read-only (its good
        notes are shown); a damaged notes.json only stops the place and the theme
        from being saved; a store in a read-only folder is read and never written.
        """
        if self.store is None:
            return
        try:
            self.notes = self.store.notes_for(self.key)
            saved = self.store.position(self.key)
        except StoreError as exc:
            self.notify(str(exc), title="Notes", severity="error", markup=False)
            return
        read_only = self.store.read_only_reason()
        damaged = self.store.notes_problem(self.key)
        if read_only or damaged:
            self._store_broken(read_only or damaged, damaged=bool(damaged))
        index = self.store.index_problem()
        if index and not read_only:
            self.notify(
                f"{index}. Your place and theme are not saved until it is repaired; notes are.",
                title="notes.json damaged",
                severity="error",
                timeout=15,
                markup=False,
            )
        self.placements = {n.id: resolve(self.document, n.anchor) for n in self.notes}
        self.refresh_notes()
        if saved is not None:
            place = resolve(self.document, saved)
            if place is not None:
                self.article.go_to(place.block, top=True)
                self.cursor = (place.block, -1)
        self._saved_at = self.cursor[0]

    def _store_broken(self, message: str, damaged: bool = True) -> None:
        self.store_problem = message  # it says what is wrong, and that the file is read-only
        title = "Notes file damaged" if damaged else "Notes are read-only"
        severity = "error" if damaged else "warning"
        self.notify(self.store_problem, title=title, severity=severity, timeout=15, markup=False)
        self.refresh_bindings()

    def refresh_notes(self) -> None:
        """Repaint highlights, margin marks, the Notes tab and the counts."""
        layer: dict[int, list[Decoration]] = {}
        marks: dict[int, str] = {}
        placed: list[tuple[Placement, Note]] = []
        orphans: list[Note] = []
        for note in self.notes:
            place = self.placements.get(note.id)
            if place is None:
                orphans.append(note)
                continue
            placed.append((place, note))
            layer.setdefault(place.block, []).append(
                Decoration(place.start, place.end, f".article--note-{note.color}")
            )
            marks[place.block] = f".article--mark-{note.color}"
        self.article.set_layer("notes", layer)
        self.article.set_marks(marks, glyphs={b: COLOR_GLYPH[c.rsplit("-", 1)[1]] for b, c in marks.items()})
        placed.sort(key=lambda pn: (pn[0].block, pn[0].start))
        from reader.ui.widgets.side_panel import Row  # with the panel, after the first frame

        rows: list[Row | str] = []
        for place, note in placed:
            rows.append(Row("note", note.id, _note_label(note, f"¶{place.block + 1}")))
        if orphans:
            rows.append(f"Orphaned notes ({len(orphans)})")
            for note in orphans:
                rows.append(Row("note", note.id, _note_label(note, "orphan", passage=True)))
        self.panel.set_rows("notes", "Notes", rows, len(self.notes))
        self.status.notes = len(self.notes)
        self.refresh_bindings()

    def notes_for_palette(self) -> list[tuple[str, str, str, str]]:
        items = []
        for note in self.notes:
            where = self.placements.get(note.id)
            help_ = f"note · {note.color}" + (f" · ¶{where.block + 1}" if where else " · orphan")
            items.append((f"Note: {note_label(note)}", help_, "note", note.id))
        return items

    # -- what is being annotated -----------------------------------------------------

    def _target(self) -> tuple[int, int | None, int | None]:
        """The mouse selection in the article if there is one, else the current paragraph."""
        selection = self.article.text_selection
        if selection is not None and selection.start is not None:
            start, end = selection.start, selection.end
            block = start.y
            text = self.document.blocks[block].text
            stop = end.x if end is not None and end.y == block else len(text)
            lo, hi = min(start.x, stop), max(start.x, stop)
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            if hi > lo:
                self.screen.clear_selection()
                return block, lo, hi
        return self.article.current, None, None

    def _writable(self) -> bool:
        if self.store_problem:
            self.notify(self.store_problem, title="Notes", severity="error", markup=False)
            return False
        return True

    # -- actions -------------------------------------------------------------------------

    def _notes_on(self, block: int, start: int | None = None, end: int | None = None) -> list[Note]:
        """Notes placed on a paragraph, or on exactly the passage [start, end) of it."""
        found = []
        for note in self.notes:
            place = self.placements.get(note.id)
            if place is None or place.block != block:
                continue
            if start is None or (place.start, place.end) == (start, end):
                found.append(note)
        return found

    def _whole(self, block: int, start: int | None, end: int | None) -> tuple[int, int]:
        return (0, len(self.document.blocks[block].text)) if start is None else (start, end or 0)

    def action_annotate(self) -> None:
        if not self._writable():
            return
        block, start, end = self._target()
        if start is None and (existing := self._notes_on(block)):
            self._offer_existing(block, existing)
            return
        self._new_note(block, start, end)

    def _offer_existing(self, block: int, existing: list[Note]) -> None:
        """a on a paragraph that has a note: edit that note, or write another."""
        from reader.ui.screens.note_editor import ChoiceScreen

        note = existing[-1]
        label = note_label(note, 50) if note.body.strip() else f"a highlight, {note_label(note, 40)}"
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""

        def chosen(choice: str | None) -> None:
            if choice == "edit":
                self.edit_note(note.id)
            elif choice == "new":
                self._new_note(block, None, None)

        question = f"¶ {block + 1} has a note: {label}{more}"
        choices = [("e", "edit it", "edit"), ("n", "write a new one", "new")]
        self.app.push_screen(ChoiceScreen(question, choices), chosen)

    def _new_note(self, block: int, start: int | None, end: int | None) -> None:
        anchor = make_anchor(self.document, block, start, end)
        from reader.ui.screens.note_editor import NoteEditor

        def save(body: str, tags: list[str], color: str) -> None:
            note = Note("", self.key, anchor, body=body, tags=tags, color=color)
            self._save_new(note)
            self.last_color = color

        where = f"¶ {block + 1}" + ("" if start is None else f", characters {start}–{end}")
        self.app.push_screen(NoteEditor(anchor.exact, where, save, color=self.last_color))

    def action_highlight(self) -> None:
        if not self._writable():
            return
        block, start, end = self._target()
        if self._notes_on(block, *self._whole(block, start, end)):
            where = f"¶ {block + 1}" if start is None else "This passage"
            self.notify(f"{where} is already highlighted (d deletes it, a edits its note)", timeout=3)
            return
        note = Note("", self.key, make_anchor(self.document, block, start, end), color=self.last_color)
        try:
            self._save_new(note)
        except ReaderError as exc:
            self.notify(f"Not highlighted: {exc}", severity="error", markup=False)
            return
        self.notify(f"Highlighted ¶ {block + 1} in {note.color}", timeout=2)

    def _save_new(self, note: Note) -> None:
        """Save a note and show it; raises ReaderError (StoreError) on failure."""
        assert self.store is not None
        try:
            analysis = getattr(self, "analysis", None)
            language = analysis.language if analysis is not None else "und"
            self.store.add(note, article_record(self.document, language))
        except DamagedStore as exc:
            self._store_broken(str(exc))
            raise
        self.notes.append(note)
        self.placements[note.id] = resolve(self.document, note.anchor)
        self.refresh_notes()

    def edit_note(self, note_id: str) -> None:
        note = next((n for n in self.notes if n.id == note_id), None)
        if note is None or not self._writable():
            return
        place = self.placements.get(note.id)
        where = f"¶ {place.block + 1}" if place else "orphaned note"
        from reader.ui.screens.note_editor import NoteEditor

        def save(body: str, tags: list[str], color: str) -> None:
            assert self.store is not None
            before = (note.body, list(note.tags), note.color)
            note.body, note.tags, note.color = body, tags, color
            try:
                self.store.update(note)
            except ReaderError:
                note.body, note.tags, note.color = before
                raise
            self.refresh_notes()

        self.app.push_screen(
            NoteEditor(note.anchor.exact, where, save, body=note.body, tags=note.tags, color=note.color, editing=True)
        )

    def note_at_or_after(self, block: int) -> Note | None:
        """The first placed note on paragraph `block` or after it, else the last one before."""
        placed = sorted(
            (((p.block, p.start), n) for n in self.notes if (p := self.placements.get(n.id)) is not None),
            key=lambda item: item[0],
        )
        if not placed:
            return None
        return next((n for (b, _), n in placed if b >= block), placed[-1][1])

    def _note_to_delete(self) -> Note | None:
        focused = self.focused
        if focused is not None and focused.id == "list-notes":
            option = focused.highlighted_option
            if option is not None and option.id and option.id.startswith("note:"):
                return next((n for n in self.notes if n.id == option.id[5:]), None)
        here = [n for n in self.notes if (p := self.placements.get(n.id)) and p.block == self.article.current]
        return here[-1] if here else None

    def action_delete_note(self) -> None:
        if not self._writable():
            return
        note = self._note_to_delete()
        if note is None:
            self.notify("No note here: choose one in the Notes tab, or move to a paragraph that has one", timeout=3)
            return
        from reader.ui.screens.note_editor import ConfirmScreen

        label = note_label(note, 50) if note.body.strip() else f"highlight {note_label(note, 42)}"

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            assert self.store is not None
            try:
                self.store.delete(note.id, self.key)
            except ReaderError as exc:
                self.notify(f"Not deleted: {exc}", severity="error", markup=False)
                return
            self.notes = [n for n in self.notes if n.id != note.id]
            self.deleted.append(note)
            self.refresh_notes()
            self.notify("Note deleted · u undoes", timeout=3)

        self.app.push_screen(ConfirmScreen(f"Delete this note? {label}"), answered)

    def action_undo_delete(self) -> None:
        if not self.deleted:
            self.notify("Nothing to undo", timeout=2)
            return
        if not self._writable():
            return
        note = self.deleted.pop()
        try:
            self._save_new(note)
        except ReaderError as exc:
            self.deleted.append(note)
            self.notify(f"Not restored: {exc}", severity="error", markup=False)
            return
        self.notify("Note restored", timeout=2)

    def action_export(self) -> None:
        """Write this article's notes to the export folder and say where."""
        if self.store is None:
            return
        from reader.core import paths
        from reader.core.export import export_article, safe_filename, write_export

        folder = getattr(self.app, "settings", None) and self.app.settings.export_folder or paths.default_export_dir()
        target = folder / safe_filename(self.document.title)
        if not self.notes:
            self.notify("Nothing to export: this article has no notes yet (a writes one, h highlights)", timeout=4)
            return
        analysis = getattr(self, "analysis", None)
        if analysis is None:
            self.notify("Export: the analysis is still running; try again in a moment", timeout=3)
            return
        try:
            write_export(target, lambda existing: export_article(self.store, self.document, "md", existing, analysis))
        except ReaderError as exc:
            self.notify(f"Not exported: {exc}", severity="error", markup=False)
            return
        count = f"{len(self.notes)} note{'s' if len(self.notes) != 1 else ''}"
        self.notify(f"Exported {count} to {target}", title="Export", timeout=8, markup=False)

    # -- the reading place -------------------------------------------------------------

    def save_position(self) -> None:
        if self.store is None or self.store_problem or self.store.index_problem():
            return
        # A short wait for the lock: the place is a convenience, and the window
        # (and quitting) must never stall behind another process holding it.
        with suppress(ReaderError):  # never interrupt reading for it
            self.store.set_position(self.key, make_anchor(self.document, self.cursor[0]), timeout=0.2)


def _note_label(note: Note, where: str, passage: bool = False) -> Content:
    excerpt = printable(" ".join(note.anchor.exact.split()))
    tags = printable(" ".join(f"#{t}" for t in note.tags))
    parts: list = [
        (f"{COLOR_GLYPH.get(note.color, '●')} ", f".panel--note-{note.color}"),
        (f"{where} ", ".panel--count"),
        note_label(note, 62),
    ]
    if tags:
        parts += ["  ", (tags, ".panel--muted")]
    if passage and note.body.strip():
        parts += ["\n  ", (f"“{shorten(excerpt, 70)}”", ".panel--muted")]
    return Content.assemble(*parts)

