"""`make bench` rows: 1 MB of each input that once made the analysis superlinear, and
a 10 MB news-like file (the size limit is 10 MiB).

Each maker returns the text of an article of about `size` bytes (UTF-8), the same
text for the same arguments. `measure(path)` runs `reader analyze --json PATH` in a
fresh interpreter and returns its wall and CPU time (start-up included) and peak
resident memory, so that every figure is that one analysis's own.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = ("al", "ber", "ca", "do", "el", "fi", "gor", "ha", "in", "jo", "ka", "lu", "mar", "ne", "os",
             "pi", "qua", "ro", "sa", "ti", "ur", "ve", "wen", "xa", "yo", "ze")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _fill(size: int, piece: Callable[[], str], sep: Callable[[], str]) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        p = piece() + sep()
        parts.append(p)
        total += len(p.encode())
    return "".join(parts).rstrip()


def capitalised(size: int, per_line: int = 0) -> str:
    """Capitalised words of varied names ("Alber Doka Fiher ..."); one line, or `per_line` words a line."""
    rng = random.Random(1)
    names = [_name(rng) for _ in range(2000)]
    count = [0]

    def sep() -> str:
        count[0] += 1
        return "\n" if per_line and count[0] % per_line == 0 else " "

    return "Capitalised words\n" + _fill(size, lambda: rng.choice(names), sep) + "\n"


def quotation_marks(size: int) -> str:
    """Quotation marks of every kind, paired and unpaired, among short words, on one line."""
    rng = random.Random(2)
    marks = ["“", "”", "«", "»", '"', "'", "„", "‘", "’", "‹", "›", "「", "」"]
    words = ["said", "the", "Minister", "would", "Rome", "not", "yes", "Anna", "a", "of"]

    def piece() -> str:
        r = rng.random()
        if r < 0.5:
            return rng.choice(marks)
        if r < 0.6:
            return rng.choice(marks) + rng.choice(words) + rng.choice(marks)
        return rng.choice(words)

    return "Quotation marks\n" + _fill(size, piece, lambda: rng.choice((" ", "", " ", ", "))) + "\n"


def long_word(size: int) -> str:
    """One word of `size` letters, no space in it."""
    rng = random.Random(3)
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàèéìòù"
    return "One long word\n" + "".join(rng.choice(letters) for _ in range(size // 1)) + "\n"


def punctuation(size: int) -> str:
    """Punctuation only (. , ; : ! ? — …), spaces here and there, on one line."""
    rng = random.Random(4)
    marks = ".,;:!?—…"
    return "Punctuation\n" + _fill(size, lambda: rng.choice(marks), lambda: rng.choice(("", "", " "))) + "\n"


def news(size: int) -> str:
    """The test articles' paragraphs repeated, each copy with its own names."""
    rng = random.Random(5)
    paragraphs = []
    for src in [ROOT / "seeds" / "meta-ai-layoffs-it.txt", *sorted((ROOT / "tests" / "data").glob("*.txt"))]:
        paragraphs += [ln.strip() for ln in src.read_text(encoding="utf-8").splitlines()[1:] if ln.strip()]
    capital = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{3,}")
    out: list[str] = []
    total = 0
    while total < size:
        renamed: dict[str, str] = {}

        def rename(m: re.Match[str], renamed: dict[str, str] = renamed) -> str:
            return renamed.setdefault(m.group(), _name(rng))

        for p in paragraphs:
            text = capital.sub(rename, p)
            out.append(text)
            total += len(text.encode()) + 1
            if total >= size:
                break
    return "A long news file\n" + "\n".join(out) + "\n"


INPUTS: dict[str, Callable[[int], str]] = {
    "capitalised words": capitalised,
    "quotation marks": quotation_marks,
    "one long word": long_word,
    "punctuation only": punctuation,
}
"""The four inputs of the targets: each of 1 MB analysed in under 3 s and 300 MB."""


_CHILD = """
import atexit, runpy, sys

def peak():
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write(f"\\npeak-kb {kb}\\n")

atexit.register(peak)
sys.argv = ["reader", "analyze", "--json", sys.argv[1]]
runpy.run_module("reader", run_name="__main__")
"""
"""`reader analyze --json PATH`, then its own peak resident memory (VmHWM: the
rusage figure would count the parent's memory too, which the child had until exec)."""


def measure(path: Path, python: str = sys.executable) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MB of `reader analyze --json PATH` in a fresh
    interpreter (start-up included)."""
    started = time.perf_counter()
    child = subprocess.Popen([python, "-c", _CHILD, str(path)], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    errors = child.stderr.read().decode(errors="replace")
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    lines = errors.strip().splitlines()
    if child.returncode != 0 or not lines or not lines[-1].startswith("peak-kb "):
        raise RuntimeError(f"exit {child.returncode}: {errors.strip()[-200:]}")
    return seconds, usage.ru_utime + usage.ru_stime, int(lines[-1].split()[1]) / 1024


def bench_pathological(record: Callable[..., None], work: Path) -> None:
    """1 MB of each pathological input, then the 10 MB news-like file, each in its own process.

    The time compared with the target is the process's CPU time (start-up included): on
    a machine shared with other work the wall time, in the note, says more of the others.
    """
    print("Analysis of 1 MB pathological inputs and a 10 MB news file (reader analyze --json)", flush=True)
    cases = [(f"1 MB of {name}", make(1_000_000), True) for name, make in INPUTS.items()]
    cases.append(("1 MB of capitalised words, 12 a line", capitalised(1_000_000, 12), True))
    cases.append(("a 10 MB news-like file", news(10_000_000), False))
    for what, text, targeted in cases:
        path = work / f"analyse-{what.replace(' ', '-').replace(',', '')}.txt"
        path.write_text(text, encoding="utf-8")
        wall, cpu, mb = measure(path)
        note = f"CPU time, fresh process; wall {wall:.2f} s"
        record(f"analyse {what} (time)", cpu, "s", "< 3" if targeted else "", cpu < 3 if targeted else None, note)
        record(f"analyse {what} (peak memory)", mb, "MB", "< 300" if targeted else "", mb < 300 if targeted else None)
