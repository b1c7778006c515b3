"""The note editor: a modal with the passage, a multi-line body, tags and a colour."""

from __future__ import annotations

from collections.abc import Callable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, RadioButton, RadioSet, Static, TextArea

from reader.core.article import printable, shorten
from reader.core.errors import ReaderError
from reader.core.notes import COLORS
from reader.ui.decorations import COLOR_GLYPH

SaveCallback = Callable[[str, list[str], str], None]
"""Called with (body, tags, colour); raises ReaderError when the note cannot be saved."""


class ColourButton(RadioButton):
    """A colour choice whose button is empty when off and ● when on: the state is told
    by shape, not by a dim dot against a bright one."""

    @property
    def BUTTON_INNER(self) -> str:  # Textual's name, read from the instance
        return "●" if self.value else " "


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
            yield Static(Content.styled("y yes · n no", "$reader-muted"), id="confirm-keys")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ChoiceScreen(ModalScreen[str | None]):
    """A question with a few answers, each on a key; enter takes the first, escape none."""

    BINDINGS = [Binding("escape", "choose(None)", "Cancel", id="choice.cancel")]

    def __init__(self, question: str, choices: list[tuple[str, str, str]]) -> None:
        """`choices`: (key, what it does, the value it dismisses with)."""
        super().__init__()
        self.question = question
        self.choices = choices

    def on_key(self, event: events.Key) -> None:
        for key, _, value in self.choices:
            if event.key == key:
                event.stop()
                self.dismiss(value)
                return
        if event.key == "enter":
            event.stop()
            self.dismiss(self.choices[0][2])

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Content(self.question), id="confirm-question")
            keys = " · ".join(f"{key} {text}" for key, text, _ in self.choices)
            yield Static(Content.styled(f"{keys} · escape cancel", "$reader-muted"), id="confirm-keys")
        yield Footer()

    def action_choose(self, value: str | None) -> None:
        self.dismiss(value)


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
                    # Each colour with its own mark, in its colour: the choice never relies on hue alone.
                    label = Content.assemble((COLOR_GLYPH[name], f"$note-{name}-mark"), " ", name)
                    yield ColourButton(label, value=name == color, id=f"color-{name}")
            yield Static(Content.styled("ctrl+s save · escape cancel", "$reader-muted"), id="editor-keys")
            yield Static("", id="editor-error")
        yield Footer()  # the editor's keys, not the reading window's beneath it

    def on_resize(self, event: events.Resize) -> None:
        """In a short window the body and the passage give up lines, so that the
        tags, the colours and the keys stay in view (80x24 included)."""
        # The box may take 95% of the rows above the footer; all but the passage and
        # the body (borders, title, tags, colours, keys, the error line) takes 17.
        budget = int((event.size.height - 1) * 0.95) - 17
        passage = max(1, min(5, budget - 3))
        self.query_one("#editor-passage").styles.max_height = passage
        self.query_one("#editor-body").styles.height = max(3, min(8, budget - passage))

    def on_mount(self) -> None:
        # The colour cursor starts on the note's colour, not on the first one.
        colors = self.query_one(RadioSet)
        for _ in range(COLORS.index(self.initial[2]) if self.initial[2] in COLORS else 0):
            colors.action_next_button()
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
        """The tags typed; raises InputError for a tag with spaces (saying how to write it)."""
        from reader.core.notes import parse_tags

        value = self.query_one("#editor-tags", Input).value
        # Tags left as they were shown keep their stored form (shown sanitised).
        return list(self.stored[1]) if value == self.initial[1] else parse_tags(value)

    @property
    def color(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return (pressed.id or "").removeprefix("color-") if pressed is not None else "yellow"

    def _changed(self) -> bool:
        body, tags, color = self.initial
        typed = self.query_one("#editor-body", TextArea).text
        return typed != body or self.query_one("#editor-tags", Input).value != tags or self.color != color

    # -- actions ------------------------------------------------------------------

    def action_save(self) -> None:
        try:
            self.on_save(self.body, self.tags, self.color)
        except ReaderError as exc:
            self.query_one("#editor-error", Static).update(Content.styled(f"Not saved: {exc}", "bold $reader-error"))
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
