"""The note editor: a modal with the passage, a multi-line body, tags and a colour."""

from __future__ import annotations

from collections.abc import Callable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Static, TextArea

from reader.core.article import printable, shorten
from reader.core.errors import ReaderError
from reader.core.notes import COLORS

SaveCallback = Callable[[str, list[str], str], None]
"""Called with (body, tags, colour); raises ReaderError when the note cannot be saved."""


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Content(printable(self.question, multiline=True)), id="confirm-question")
            yield Static(Content.styled("y yes · n no", "$text-muted"), id="confirm-keys")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class NoteEditor(ModalScreen[bool]):
    """Write or edit a note; ctrl+s saves, escape cancels (asking if text would be lost).

    Dismisses with True when saved. A failed save keeps everything typed and shows
    the reason under the editor.

    A body or tag holding control characters (added by a script, say) is shown
    with them as visible escapes (`printable`); what was stored is kept unless the
    reader edits that field, so opening and saving never alters a note unseen.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="editor.save"),  # not priority: it must follow what was typed before it
        Binding("escape", "cancel", "Cancel", id="editor.cancel"),
    ]

    def __init__(
        self,
        passage: str,
        where: str,
        on_save: SaveCallback,
        body: str = "",
        tags: list[str] | None = None,
        color: str = "yellow",
        editing: bool = False,
    ) -> None:
        super().__init__()
        self.passage = passage
        self.where = where
        self.on_save = on_save
        self.stored = (body, list(tags or []))
        tag_line = " ".join(f"#{t}" for t in tags or [])
        self.initial = (printable(body, multiline=True), printable(tag_line), color)
        self.escaped = self.initial[:2] != (body, tag_line)
        self.editing = editing
        self._typed_ahead: list[str] | None = []

    def compose(self) -> ComposeResult:
        body, tags, color = self.initial
        excerpt = shorten(printable(self.passage), 240)
        with Vertical(id="editor-box"):
            title = ("Edit note" if self.editing else "New note") + f" · {printable(self.where)}"
            yield Static(Content.styled(title, "bold"), id="editor-title")
            yield Static(Content(f"“{excerpt}”"), id="editor-passage")
            if self.escaped:
                notice = "Control characters are shown as escapes such as \\x1b; a field you do not edit keeps them."
                yield Static(Content.styled(notice, "italic $text-muted"), id="editor-escaped")
            yield TextArea(body, id="editor-body", soft_wrap=True, tab_behavior="focus")
            with Horizontal(id="editor-tags-row"):
                yield Label("Tags", id="editor-tags-label")
                yield Input(tags, placeholder="#tag #another", id="editor-tags")
            with RadioSet(id="editor-colors"):
                for name in COLORS:
                    yield RadioButton(name, value=name == color, id=f"color-{name}")
            yield Static(Content.styled("ctrl+s save · escape cancel", "$text-muted"), id="editor-keys")
            yield Static("", id="editor-error")

    def on_mount(self) -> None:
        body = self.query_one("#editor-body", TextArea)
        # At once, not after the next refresh: typing starts the moment `a` is pressed.
        self.set_focus(body)
        if self._typed_ahead:
            body.insert("".join(self._typed_ahead))
        self._typed_ahead = None

    def take_typed_ahead(self, event: events.Key) -> bool:
        """Text typed after `a` that reached the article first, or came before the editor opened.

        The focused field takes printable keys (and the body enter) itself, so one that
        arrives here unhandled was typed ahead; it goes where the reader is typing.
        """
        text = "\n" if event.key == "enter" else event.character if event.is_printable else None
        if not text:
            return False
        if self._typed_ahead is not None:  # not mounted yet
            self._typed_ahead.append(text)
            return True
        target = self.focused
        if isinstance(target, TextArea):
            target.insert(text)
            return True
        if isinstance(target, Input) and text != "\n":
            target.insert_text_at_cursor(text)
            return True
        return False

    # -- values -----------------------------------------------------------------

    @property
    def body(self) -> str:
        text = self.query_one("#editor-body", TextArea).text
        return self.stored[0] if text == self.initial[0] else text

    @property
    def tags(self) -> list[str]:
        from reader.core.notes import clean_tags

        value = self.query_one("#editor-tags", Input).value
        return list(self.stored[1]) if value == self.initial[1] else clean_tags([value])

    @property
    def color(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return str(pressed.label) if pressed is not None else "yellow"

    def _changed(self) -> bool:
        body, tags, color = self.initial
        typed = self.query_one("#editor-body", TextArea).text
        return typed != body or self.query_one("#editor-tags", Input).value != tags or self.color != color

    # -- actions ------------------------------------------------------------------

    def action_save(self) -> None:
        try:
            self.on_save(self.body, self.tags, self.color)
        except ReaderError as exc:
            self.query_one("#editor-error", Static).update(Content.styled(f"Not saved: {exc}", "bold $error"))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        if not self._changed():
            self.dismiss(False)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(ConfirmScreen("Discard this note? What you typed will be lost."), answered)

    @on(Input.Submitted, "#editor-tags")
    def _tags_done(self) -> None:
        self.query_one(RadioSet).focus()
