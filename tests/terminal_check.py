"""What a program wrote to a real terminal, checked for control bytes it must not write.

The window writes Textual's own sequences (CSI sequences, and OSC 22, the mouse
pointer's shape); the commands write plain text. Anything else is a control byte or
an escape sequence that came from outside the code: a file name, a note, a tag.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time

from benchmarks.terminal import Terminal

READER = [sys.executable, "-m", "reader"]

# Payloads as a hostile tester writes them: the clipboard (OSC 52), the window title
# (OSC 2), a full reset, 8-bit CSI, a window resize (CSI t, which Textual never
# writes), an APC string, a right-to-left override, a bell and a backspace.
OSC52 = "\x1b]52;c;SE9TVElMRQ==\x07"
OSC2 = "\x1b]2;PWNED\x1b\\"
HOSTILE = OSC52 + OSC2 + "\x1bc" + "\x9b31m" + "\x1b[8;5;5t" + "\x1b_apc\x1b\\" + "\u202e" + "\x07\x08"
HOSTILE_NAME = "evil" + HOSTILE + "\nname"

_SEQUENCE = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\]22;[a-z-]*(?:\x07|\x1b\\)|[\s\S]?)")
_C1_OR_BIDI = re.compile(rb"\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]")


def violations(raw: bytes, window: bool) -> list[str]:
    """Every control byte or sequence in `raw` that neither Textual nor plain text writes."""
    found: list[str] = []
    rest = raw
    if window:
        for m in _SEQUENCE.finditer(raw):
            seq = m.group()
            if seq.startswith(b"\x1b[") and seq[-1:] not in (b"t", b"n", b"c"):
                continue  # a CSI sequence of Textual's own (hostile ones end in t)
            if seq.startswith(b"\x1b]22;"):
                continue  # the mouse pointer's shape
            found.append(f"sequence {seq[:24]!r} at byte {m.start()}")
        rest = _SEQUENCE.sub(b"", raw)
    elif b"\x1b" in raw:
        at = raw.index(b"\x1b")
        found.append(f"ESC at byte {at}: {raw[max(0, at - 20) : at + 20]!r}")
    for i, byte in enumerate(rest):
        if byte < 0x20 and byte not in (0x0A, 0x0D) or byte == 0x7F:
            found.append(f"control byte {byte:#04x}: {rest[max(0, i - 20) : i + 20]!r}")
    for m in _C1_OR_BIDI.finditer(rest):
        found.append(f"C1 control or bidi character {m.group()!r}: {rest[max(0, m.start() - 20) : m.end() + 20]!r}")
    return found


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """A command with its output captured (not a terminal): what a script would get."""
    return subprocess.run([*READER, *args], input=stdin, capture_output=True, timeout=60)


def run_in_terminal(args: list[str], env: dict | None = None, timeout: float = 60) -> tuple[bytes, int]:
    """A command in a pseudo-terminal: everything it wrote, and its exit status."""
    term = Terminal([*READER, *args], env=env)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            term.pump(0.02)
            pid, status = os.waitpid(term.pid, os.WNOHANG)
            if pid:
                while term.pump(0.05):
                    pass
                return bytes(term.raw), os.waitstatus_to_exitcode(status)
        raise TimeoutError(f"reader {args} did not end; it wrote {bytes(term.raw)[-400:]!r}")
    finally:
        with contextlib.suppress(OSError):
            os.close(term.fd)


def window(args: list[str], env: dict | None = None) -> Terminal:
    """The window in a pseudo-terminal of 120x40."""
    return Terminal([*READER, *args], env=env)


def wait_for_raw(term: Terminal, needle: bytes, timeout: float = 30.0) -> None:
    """Pump the terminal until the program has written `needle`, or its screen shows it.

    (Textual repaints only what changed, so text already on screen in part may
    reach the terminal in pieces: the emulated screen tells then.)
    """
    deadline = time.monotonic() + timeout
    while needle not in term.raw and needle.decode("utf-8") not in term.text():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the program never wrote {needle!r}; the screen shows:\n{term.text()}")
        term.pump(0.02)
