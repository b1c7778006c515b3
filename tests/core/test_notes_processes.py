"""Two processes, and a process killed mid-write: no note is ever lost."""

import os
import signal
import subprocess
import sys
import time

from reader.core.notes import NoteStore

WRITER = """
import sys
from reader.core.notes import Anchor
from reader.core.notes import Note, NoteStore
store = NoteStore(sys.argv[1])
tag, count = sys.argv[2], int(sys.argv[3])
for i in range(count):
    n = store.add(Note("", "00000000000000aa", Anchor(0, 0, 5, "Hello"), body=f"{tag}-{i}"))
    print(n.id, flush=True)
"""


def test_two_processes_adding_500_notes_each_end_with_1000(tmp_path):
    db = tmp_path / "notes.json"
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db), tag, "500"], stdout=subprocess.PIPE, text=True)
        for tag in ("a", "b")
    ]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    reported = {line for out in outputs for line in out.split()}
    notes = NoteStore(db).notes_for("00000000000000aa")
    assert len(notes) == 1000
    assert {n.id for n in notes} == reported
    assert {n.body for n in notes} == {f"{t}-{i}" for t in "ab" for i in range(500)}


def test_a_process_killed_while_writing_loses_nothing_it_reported(tmp_path):
    db = tmp_path / "notes.json"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), "k", "100000"], stdout=subprocess.PIPE, text=True)
    reported: list[str] = []
    deadline = time.monotonic() + 60
    while len(reported) < 150 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line:
            reported.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait()
    reported += rest.split()
    assert len(reported) >= 150
    notes = NoteStore(db).notes_for("00000000000000aa")  # readable: no exception
    ids = {n.id for n in notes}
    assert set(reported) <= ids
    assert len(ids) - len(reported) <= 1  # at most the one being written when killed
