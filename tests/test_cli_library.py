"""The library's commands as a script sees them: add, library, library rm, entities, search, reader ID."""

import json
import shutil

import pytest

from tests.conftest import ROOT
from tests.test_cli import one_line_error, run

DATA = ROOT / "tests" / "data"


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "store" / "notes.json")


@pytest.fixture
def folder(tmp_path):
    """Three test articles in a folder of their own."""
    where = tmp_path / "articles"
    where.mkdir()
    for name in ("fr-wikitribune-lancement", "it-wikimania-esino-lario", "de-wikinews-china-start"):
        shutil.copy(DATA / f"{name}.txt", where / f"{name}.txt")
    return where


def out(result) -> str:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


def test_add_a_folder_then_list_it(db, folder):
    result = run("add", str(folder), "--db", db)
    lines = out(result).splitlines()
    assert len(lines) == 3 and all(line.split()[1] == "added" for line in lines)
    assert "3 added" in result.stderr.decode() and "\r" not in result.stderr.decode()  # no bar without a terminal
    again = run("add", str(folder / "fr-wikitribune-lancement.txt"), "--db", db)
    assert out(again).split()[1] == "kept" and "1 already kept" in again.stderr.decode()
    listing = json.loads(out(run("library", "--json", "--db", db)))
    assert len(listing) == 3
    first = next(a for a in listing if a["language"] == "fr")
    assert set(first) >= {"id", "title", "source", "language", "words", "added", "opened", "progress", "notes"}
    assert first["title"].startswith("Le fondateur de Wikipédia") and first["source"].endswith("lancement.txt")
    assert first["words"] > 100 and first["progress"] == 0 and first["notes"] == 0 and first["opened"] is None
    assert first["analysed"] and "Wikitribune" in first["entities"]
    table = out(run("library", "--db", db))
    assert table.splitlines()[0].split()[:2] == ["id", "lang"] and first["id"] in table


def test_add_reports_each_failure_and_goes_on(db, folder, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("add", str(folder / "fr-wikitribune-lancement.txt"), str(tmp_path / "empty.txt"),
                 str(tmp_path / "missing.txt"), "--db", db)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "empty.txt: no text" in err and "missing.txt: no such file" in err and "2 not added" in err
    assert len(json.loads(out(run("library", "--json", "--db", db)))) == 1
    one_line_error(run("add", str(tmp_path / "missing.txt"), "--db", db), 2, "missing.txt", "no such file")


def test_remove_never_takes_notes_silently(db, folder):
    path = str(folder / "it-wikimania-esino-lario.txt")
    article_id = out(run("add", path, "--db", db)).split()[0]
    out(run("notes", "add", path, "--block", "2", "--text", "keep me", "--db", db))
    one_line_error(run("library", "rm", article_id, "--db", db), 2, "1 note", "not removed", "--with-notes")
    one_line_error(run("library", "rm", article_id, "--with-notes", "--db", db), 2, "no terminal to ask", "--yes")
    assert len(json.loads(out(run("library", "--json", "--db", db)))) == 1
    assert "keep me" in out(run("notes", "list", "--db", db))
    removed = out(run("library", "rm", article_id, "--with-notes", "--yes", "--db", db))
    assert removed.startswith(f"removed {article_id}") and "its 1 note" in removed
    assert json.loads(out(run("library", "--json", "--db", db))) == []
    assert "keep me" not in out(run("notes", "list", "--db", db))


def test_remove_an_article_without_notes_and_unknown_ids(db, folder):
    article_id = out(run("add", str(folder / "fr-wikitribune-lancement.txt"), "--db", db)).split()[0]
    assert out(run("library", "rm", article_id[:4], "--db", db)).startswith(f"removed {article_id}")
    one_line_error(run("library", "rm", article_id, "--db", db), 2, "no such article")
    one_line_error(run("library", "rm", "zz", "--db", db), 2, "not a library id")


def test_entities_across_articles(db, folder):
    out(run("add", str(folder), "--db", db))
    data = json.loads(out(run("entities", "wikipedia", "--json", "--db", db)))
    wikipedia = data[0]
    assert wikipedia["name"] in ("Wikipedia", "Wikipédia") and wikipedia["kind"] == "ORG"
    assert wikipedia["article_count"] == 3 and wikipedia["mention_count"] == sum(
        a["mentions"] for a in wikipedia["articles"])
    assert {a["title"][:6] for a in wikipedia["articles"]} == {"Le fon", "Wikima", "Chines"}
    text = out(run("entities", "wales", "--db", db))
    assert text.startswith("Jimmy Wales  person  2 articles")
    assert all(e["kind"] == "PLACE" for e in json.loads(out(run("entities", "--kind", "place", "--json", "--db", db))))
    result = run("entities", "nobody-at-all", "--db", db)
    assert out(result) == "" and "no entities" in result.stderr.decode()


def test_search_text_and_notes(db, folder):
    path = str(folder / "fr-wikitribune-lancement.txt")
    out(run("add", str(folder), "--db", db))
    out(run("notes", "add", path, "--block", "2", "--text", "Voir aussi Wikinews", "--db", db))
    hits = json.loads(out(run("search", "WIKIPEDIA", "--json", "--db", db)))
    assert {h["in"] for h in hits} == {"text"} and all(h["match"].lower().startswith("wikip") for h in hits)
    assert all(set(h) == {"article", "title", "paragraph", "in", "note", "start", "end", "match", "snippet"}
               for h in hits)
    notes = [h for h in json.loads(out(run("search", "wikinews", "--json", "--db", db))) if h["in"] == "note"]
    assert len(notes) == 1 and notes[0]["paragraph"] == 2 and notes[0]["note"]
    text = out(run("search", "wikipedia", "--db", db))
    assert "¶" in text and "\x1b" not in text
    one_line_error(run("search", " ", "--db", db), 2, "needs words")


def test_what_came_from_outside_is_printed_safely(db, tmp_path):
    evil = tmp_path / "evil\x1b[31m.txt"
    evil.write_text("Title\nSome words of the article, long enough to read.\n", encoding="utf-8")
    result = run("add", str(evil), "--db", db)
    assert "\x1b" not in result.stdout.decode() + result.stderr.decode()
    listing = run("library", "--json", "--db", db).stdout.decode()
    assert "\x1b" not in listing and json.loads(listing)[0]["source"].endswith("evil\x1b[31m.txt")


def test_reader_id_opens_the_librarys_copy(db, folder, monkeypatch):
    from reader import cli
    from reader.cli import open_article

    path = folder / "fr-wikitribune-lancement.txt"
    article_id = out(run("add", str(path), "--db", db)).split()[0]
    path.unlink()  # it reads offline
    opened = {}

    class App:
        return_code = 0

        def run(self):
            pass

    def build_app(**kwargs):
        opened.update(kwargs)
        return App()

    monkeypatch.setattr("reader.ui.app.build_app", build_app)
    monkeypatch.setattr(open_article, "_end_now", lambda _code: None)
    assert cli.main([article_id, "--db", db]) == 0
    assert opened["document"].title.startswith("Le fondateur") and opened["document"].source == str(path.resolve())
    opened.clear()
    assert cli.main(["--db", db]) == 0
    assert opened["document"] is None and opened["whole_library"]
    empty = str(folder / "empty" / "notes.json")
    assert cli.main(["--db", empty]) == 0
    assert opened["document"].title.startswith("Meta AI") and not opened["whole_library"]


def test_an_unknown_id_is_neither_file_nor_article(db):
    one_line_error(run("abcdef12", "--db", db), 2, "abcdef12", "no such file", "no article of the library")


def test_export_all_writes_an_index_note_of_the_entities(db, folder, tmp_path):
    from urllib.parse import quote

    out(run("add", str(folder), "--db", db))
    for name in ("fr-wikitribune-lancement", "it-wikimania-esino-lario"):
        out(run("notes", "add", str(folder / f"{name}.txt"), "--block", "2", "--text", "see", "--db", db))
    vault = tmp_path / "vault"
    done = run("export", "--all", "-o", str(vault), "--db", db)
    assert "2 files written" in out(done) and out(done).rstrip().endswith("and Entities index.md beside them")
    index = (vault / "Entities index.md").read_text(encoding="utf-8")
    assert index.startswith("---\ntitle: \"Entities index\"\n") and "articles: 2" in index
    exported = sorted(p.name for p in vault.iterdir() if p.name != "Entities index.md")
    wales = next(line for line in index.splitlines() if line.startswith("- **Jimmy Wales**"))
    assert all(f"]({quote(name)})" in wales for name in exported)
    wikipedia = next(line for line in index.splitlines() if line.startswith("- **Wikip"))
    assert wikipedia.count("](") == 2 and "Chinesische" not in index  # the article without notes is not exported
    assert "## People" in index and "## Organisations" in index
