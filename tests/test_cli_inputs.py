"""What the commands read: regular files only, never blocking, within a limit they state right."""

import os
import stat
import sys

import pytest

from reader.core.article import MAX_BYTES, read_source
from reader.core.errors import InputError
from tests.test_cli import one_line_error, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "fifo.txt"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["open", "{fifo}"],
        ["analyze", "{fifo}"],
        ["notes", "add", "{fifo}", "--block", "1", "--text", "x"],
        ["notes", "list", "{fifo}"],
        ["export", "{fifo}"],
    ],
)
def test_a_fifo_is_refused_at_once(fifo, tmp_path, args):
    argv = [a.format(fifo=fifo) for a in args]
    one_line_error(run("--db", str(tmp_path / "n.json"), *argv), 2, "fifo.txt", "named pipe")


def test_devices_and_sockets_are_refused(tmp_path):
    import socket

    one_line_error(run("analyze", "/dev/zero"), 2, "/dev/zero", "character device")
    path = tmp_path / "sock.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        assert stat.S_ISSOCK(path.stat().st_mode)
        one_line_error(run("analyze", str(path)), 2, "sock.txt", "socket")
    finally:
        server.close()


def test_the_size_limit_and_its_message_agree(tmp_path):
    assert MAX_BYTES == 10 * 2**20
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * (MAX_BYTES // 5) + b"x")  # one byte over
    with pytest.raises(InputError) as caught:
        read_source(str(path))
    assert "the limit is 10 MiB" in str(caught.value) and "10.0 MiB" in str(caught.value)
    path.write_bytes(b"word " * (MAX_BYTES // 5))  # exactly the limit: 10.5 MB, accepted
    assert len(read_source(str(path))[0].text) == MAX_BYTES


def test_a_fifo_for_config_or_theme_is_reported_not_waited_on(isolated_dirs):
    themes = isolated_dirs / "config" / "reader" / "themes"
    themes.mkdir(parents=True)
    os.mkfifo(themes / "stuck.toml")
    os.mkfifo(themes.parent / "config.toml")
    result = run("themes")
    assert result.returncode == 0
    assert "stuck.toml: is a named pipe" in result.stderr.decode()
    from reader.core import paths
    from reader.core.settings import load_settings

    assert "named pipe" in load_settings(paths.config_file()).problems[0]


def _listed_bodies(db):
    import json

    return [n["body"] for n in json.loads(run("notes", "list", "--db", db, "--json").stdout)]


def test_a_note_longer_than_the_shell_allows_from_a_file_or_standard_input(sample_path, tmp_path):
    db = str(tmp_path / "n.json")
    body = ("Una nota lunghissima, più lunga di quanto la shell consenta. " * 50_000).strip()  # about 3 MB
    assert len(body.encode()) > os.sysconf("SC_ARG_MAX")
    path = tmp_path / "body.md"
    path.write_text(body + "\n", encoding="utf-8")
    added = run("notes", "add", str(sample_path), "--db", db, "--block", "3", "--text-file", str(path))
    assert added.returncode == 0, added.stderr
    piped = run("notes", "add", str(sample_path), "--db", db, "--block", "4", "--text", "-", stdin=("second\n\n" + body + "\n").encode())
    assert piped.returncode == 0, piped.stderr
    assert _listed_bodies(db) == [body, "second\n\n" + body]


def test_text_file_is_checked(sample_path, tmp_path, fifo):
    db = str(tmp_path / "n.json")
    add = ["notes", "add", str(sample_path), "--db", db, "--block", "3"]
    one_line_error(run(*add, "--text-file", str(tmp_path / "missing.md")), 2, "missing.md", "no such file")
    one_line_error(run(*add, "--text-file", str(fifo)), 2, "fifo.txt", "named pipe")
    (tmp_path / "latin.md").write_bytes("caffè".encode("latin-1"))
    one_line_error(run(*add, "--text-file", str(tmp_path / "latin.md")), 2, "latin.md", "not UTF-8")
    one_line_error(run(*add, "--text", "x", "--text-file", str(tmp_path / "latin.md")), 2, "not allowed with")
    one_line_error(run("notes", "add", "-", "--db", db, "--block", "1", "--text", "-", stdin=b"Titolo\n\nTesto.\n"), 2, "both be standard input")
    assert _listed_bodies(db) == []


@pytest.mark.parametrize(("name", "args"), [("page.html", ["analyze"]), ("page.html", []), ("feeds.opml", ["feeds", "import"])])
def test_a_fifo_named_like_a_saved_page_or_an_opml_list_is_refused_at_once(tmp_path, name, args):
    path = tmp_path / name
    os.mkfifo(path)
    one_line_error(run("--db", str(tmp_path / "n.json"), *args, str(path)), 2, name, "named pipe")
