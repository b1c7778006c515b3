"""The window's first frames in a real terminal: the text shows first, where it stays.

The side panel comes a frame after the text (so the text is not held up by it); the
first frame keeps the panel's place, so the text is laid out once and does not jump
left, re-wrapped, when the panel arrives.
"""

from __future__ import annotations

import sys
import time

import pyte
import pytest

from tests.terminal_check import wait_for_raw, window

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def screen_of(raw: bytes, cols: int = 120, rows: int = 40) -> list[str]:
    screen = pyte.Screen(cols, rows)
    pyte.ByteStream(screen).feed(raw)
    return screen.display


def place_of(lines: list[str], text: str) -> tuple[int, int]:
    for row, line in enumerate(lines):
        if text in line:
            return row, line.index(text)
    raise AssertionError(f"{text!r} is not on the screen:\n" + "\n".join(lines))


def first_and_settled(sample_path, db) -> tuple[list[str], list[str]]:
    """The screen as the first frame with the text left it, and once the panel is filled."""
    term = window(["--db", str(db), str(sample_path)])
    try:
        wait_for_raw(term, b"Stamattina presto")
        first = screen_of(bytes(term.raw))
        wait_for_raw(term, b"People (")
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and term.pump(0.2):
            pass
        return first, term.screen.display
    finally:
        term.close()


@pytest.mark.parametrize("opening", ["first", "second"])
def test_the_text_stays_where_the_first_frame_put_it(sample_path, tmp_path, opening):
    db = tmp_path / "notes.json"
    if opening == "second":  # the analysis kept by the library fills the panel at once
        first_and_settled(sample_path, db)
    first, settled = first_and_settled(sample_path, db)
    assert "People (" not in "\n".join(first)  # the text did not wait for the panel
    for text in ("Stamattina presto, 600", "Lavorare nel reparto"):
        assert place_of(first, text) == place_of(settled, text)
    assert "People (" in "\n".join(settled)
