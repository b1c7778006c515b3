"""A local article, the library and the feeds' list load no web library: start-up stays as it was."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.web.test_import_cost import HEAVY

_RUN = """
import sys
from reader import cli
from reader.cli import open_article

class App:
    return_code = 0
    def run(self):
        pass

import reader.ui.app
reader.ui.app.build_app = lambda **kwargs: App()
open_article._end_now = lambda code: None
status = cli.main({args!r})
assert status == 0, status
print('LOADED:' + ','.join(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r})), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["{sample}"],
        ["analyze", "{sample}", "--json"],
        ["add", "{sample}"],
        ["{id}"],
        ["library", "--json"],
        ["feeds", "--json"],
        ["feeds", "export"],
    ],
    ids=["open", "analyze", "add", "open by id", "library", "feeds", "feeds export"],
)
def test_no_web_library_is_loaded_without_an_address(tmp_path, sample_path, args):
    db = str(tmp_path / "notes.json")
    added = subprocess.run([sys.executable, "-m", "reader", "add", str(sample_path), "--db", db],
                           capture_output=True, text=True, check=True)
    article_id = added.stdout.split()[0]
    full = [a.format(sample=sample_path, id=article_id) for a in args] + ["--db", db]
    code = _RUN.format(args=full, heavy=HEAVY)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    loaded = out.stderr.rsplit("LOADED:", 1)[1].strip()
    assert loaded == "", f"{' '.join(args)} loaded: {loaded}"


def test_the_check_can_fail(tmp_path):
    """The same check sees the web libraries when an address is used (a refused one: nothing is fetched)."""
    code = _RUN.replace("assert status == 0, status", "assert status == 1, status").format(
        args=["analyze", "http://127.0.0.1:9/x", "--db", str(tmp_path / "n.json")], heavy=HEAVY)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "httpx" in out.stderr.rsplit("LOADED:", 1)[1]
