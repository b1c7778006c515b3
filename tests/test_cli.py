"""The command line as a script sees it: exit statuses and one-line errors."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run(*args, stdin: bytes | None = None, env: dict | None = None):
    full_env = {k: v for k, v in os.environ.items() if k != "READER_DEBUG"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=full_env,
        timeout=60,
    )


def one_line_error(result, status: int, *needles: str) -> str:
    err = result.stderr.decode("utf-8")
    assert result.returncode == status, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("reader: error: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0]
    return lines[0]


def test_analyze_json_version_1(sample_path):
    result = run("analyze", str(sample_path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == 1
    assert data["language"] == "it"
    assert set(data) == {"schema", "path", "title", "language", "language_confidence", "blocks", "entities", "quotes", "topics"}
    block = data["blocks"][1]
    assert set(block) == {"id", "index", "kind", "text", "language"}
    assert [b["kind"] for b in data["blocks"]].count("heading") == 4


def test_analyze_readable_summary(sample_path):
    result = run("analyze", str(sample_path))
    out = result.stdout.decode()
    assert result.returncode == 0
    assert out.startswith("Meta AI ha licenziato")
    assert "language   it" in out


def test_missing_path(tmp_path):
    one_line_error(run("analyze", str(tmp_path / "missing.txt")), 2, "missing.txt", "no such file")
    one_line_error(run(str(tmp_path / "missing.txt")), 2, "missing.txt")


def test_directory_without_articles(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    one_line_error(run(str(tmp_path)), 2, str(tmp_path), "no articles")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("   \n")
    one_line_error(run("analyze", str(path)), 2, "empty.txt", "no text")


@pytest.mark.parametrize("data,name", [(b"\x89PNG\r\n\x1a\n" + bytes(200), "pic.txt"), (b"PK\x03\x04" + bytes(100), "a.txt")])
def test_binary_file(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    one_line_error(run("analyze", str(path)), 2, name, "not a text file")


def test_cp1252_opens_with_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Titolo\nL'attività è già finita – così è.\n".encode("cp1252"))
    result = run("analyze", str(path), "--json")
    assert result.returncode == 0
    assert "warning" in result.stderr.decode() and "cp1252" in result.stderr.decode()
    assert json.loads(result.stdout)["blocks"][1]["text"] == "L'attività è già finita – così è."


def test_utf16_utf8bom_crlf_give_identical_analysis(tmp_path, sample_path):
    text = sample_path.read_text(encoding="utf-8")
    variants = {
        "utf8.txt": text.encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
    }
    outputs = set()
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        result = run("analyze", str(tmp_path / name), "--json")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        outputs.add(json.dumps(data["blocks"]))
    assert len(outputs) == 1


def test_markup_and_escapes_are_literal_and_removed(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_bytes(b"Title \x1b[31mred\x1b[0m\nHe said [sic] it [b]failed[/b] for $var [/x].\x07\n")
    result = run("analyze", str(path), "--json")
    data = json.loads(result.stdout)
    assert data["title"] == "Title red"
    assert data["blocks"][1]["text"] == "He said [sic] it [b]failed[/b] for $var [/x]."
    assert b"\x1b" not in result.stdout


def test_twenty_megabyte_line_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (4 * 1024 * 1024))  # 20 MB, one line
    one_line_error(run("analyze", str(path)), 2, "huge.txt", "too large")


def test_standard_input():
    result = run("analyze", "-", "--json", stdin=b"Titolo\nUn paragrafo letto dallo standard input.\n")
    assert result.returncode == 0
    assert json.loads(result.stdout)["blocks"][1]["text"] == "Un paragrafo letto dallo standard input."


def test_bad_usage_is_one_line():
    one_line_error(run("--no-such-option"), 2)
    one_line_error(run("analyze"), 2, "path")


def test_version_and_help():
    version = run("--version")
    assert version.returncode == 0 and version.stdout.decode().startswith("reader ")
    help_ = run("--help")
    assert help_.returncode == 0
    assert "config file:" in help_.stdout.decode()


def test_debug_shows_traceback(tmp_path):
    result = run("analyze", str(tmp_path / "x.txt"), env={"READER_DEBUG": "1"})
    assert result.returncode != 0 and b"Traceback" in result.stderr


def test_unknown_theme_is_refused_before_the_window_opens(sample_path):
    one_line_error(run("--theme", "no-such-theme", str(sample_path)), 2, "--theme no-such-theme")
