"""Run a program in a real pseudo-terminal and watch its screen with pyte."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Callable

import pyte


class Terminal:
    """A program in a pty of a fixed size, its screen emulated by pyte."""

    def __init__(self, argv: list[str], cols: int = 120, rows: int = 40, env: dict | None = None) -> None:
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        """Everything the program wrote, to spot text without waiting for the emulator."""
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the program
            try:
                # The terminal has its size before the program starts, as a real one does:
                # set afterwards, it would reach the program as a resize in mid-start.
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                size = {"COLUMNS": str(cols), "LINES": str(rows)}
                full_env = {**os.environ, **(env or {}), "TERM": "xterm-256color", **size}
                os.execvpe(argv[0], argv, full_env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, timeout: float) -> bool:
        """Feed whatever the program wrote within `timeout` seconds; True if anything came."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        if data:
            self.raw += data
            self.stream.feed(data)
            # Answer the terminal queries Textual sends, as a real terminal would.
            if b"\x1b[6n" in data:
                os.write(self.fd, f"\x1b[{self.screen.cursor.y + 1};{self.screen.cursor.x + 1}R".encode())
        return bool(data)

    def wait_for(self, condition: Callable[[str], bool], timeout: float = 30.0) -> float:
        """Seconds from now until the screen satisfies `condition` (raises on timeout)."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            self.pump(0.005)
            if condition(self.text()):
                return time.perf_counter() - start
        raise TimeoutError(f"screen never showed what was expected; it shows:\n{self.text()}")

    def wait_for_output(self, needle: str, timeout: float = 30.0) -> float:
        """Seconds from start until the program has written `needle` (raw bytes).

        This times the program, not the terminal emulator reading its output: a
        richer screen takes pyte longer to parse, which would count against it.
        """
        wanted = needle.encode("utf-8")
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([self.fd], [], [], 0.005)
            if ready:
                try:
                    data = os.read(self.fd, 1 << 16)
                except OSError:
                    data = b""
                if data:
                    self.raw += data
                    if b"\x1b[6n" in data:
                        os.write(self.fd, b"\x1b[1;1R")
            if wanted in self.raw:
                return time.perf_counter() - self.started
        raise TimeoutError(f"the program never wrote {needle!r}")

    def press(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def settle(self, quiet: float = 0.3, limit: float = 10.0) -> None:
        """Wait until the program has written nothing for `quiet` seconds."""
        start = time.perf_counter()
        last = time.perf_counter()
        while time.perf_counter() - start < limit:
            if self.pump(0.02):
                last = time.perf_counter()
            elif time.perf_counter() - last >= quiet:
                return

    def rss_mb(self) -> float:
        """Resident memory of the program, in MB (Linux)."""
        try:
            with open(f"/proc/{self.pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):  # it ended by itself
            os.kill(self.pid, signal.SIGTERM)
        deadline = time.perf_counter() + 3
        while time.perf_counter() < deadline:
            try:
                done, _ = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                break
            if done:
                break
            self.pump(0.02)
        else:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.fd)
