"""reader notes and reader export, as scripts use them."""

import json

from tests.test_cli import one_line_error, run


def test_notes_add_list_rm(sample_path, tmp_path):
    db = str(tmp_path / "n.json")
    added = run("notes", "add", str(sample_path), "--db", db, "--block", "4", "--start", "6", "--end", "18", "--text", "chi è?", "--tag", "persone", "--color", "blue")
    assert added.returncode == 0, added.stderr
    note_id = added.stdout.decode().strip()
    listed = json.loads(run("notes", "list", "--db", db, "--json").stdout)
    assert [(n["id"], n["passage"], n["body"], n["tags"], n["color"]) for n in listed] == [
        (note_id, "Xianjun Yang", "chi è?", ["persone"], "blue")
    ]
    text = run("notes", "list", str(sample_path), "--db", db).stdout.decode()
    assert note_id in text and "Xianjun Yang" in text
    removed = run("notes", "rm", note_id, "--db", db)
    assert removed.returncode == 0
    assert json.loads(run("notes", "list", "--db", db, "--json").stdout) == []
    one_line_error(run("notes", "rm", note_id, "--db", db), 1, note_id)


def test_notes_add_checks_its_arguments(sample_path, tmp_path):
    db = str(tmp_path / "n.json")
    one_line_error(run("notes", "add", str(sample_path), "--db", db, "--block", "999", "--text", "x"), 2, "--block")
    one_line_error(run("notes", "add", str(sample_path), "--db", db, "--block", "1", "--start", "5"), 2, "--start")
    one_line_error(run("notes", "add", str(sample_path), "--db", db, "--block", "1", "--color", "red"), 2, "--color")


def test_reader_db_environment_variable(sample_path, tmp_path):
    db = tmp_path / "env.json"
    run("notes", "add", str(sample_path), "--block", "2", env={"READER_DB": str(db)})
    assert len(json.loads(run("notes", "list", "--json", env={"READER_DB": str(db)}).stdout)) == 1
    assert db.with_suffix(".notes").is_dir()


def test_export_to_stdout_file_folder_and_json(sample_path, tmp_path):
    db = str(tmp_path / "n.json")
    run("notes", "add", str(sample_path), "--db", db, "--block", "6", "--text", "Wang's note", "--tag", "wang")
    out = run("export", str(sample_path), "--db", db)
    assert out.returncode == 0 and out.stdout.decode().startswith("---\ntitle: ")
    assert "Wang's note" in out.stdout.decode()
    target = tmp_path / "notes.md"
    assert run("export", str(sample_path), "--db", db, "-o", str(target)).returncode == 0
    first = target.read_bytes()
    assert run("export", str(sample_path), "--db", db, "-o", str(target)).returncode == 0
    assert target.read_bytes() == first  # exporting twice gives the same file
    annotations = json.loads(run("export", str(sample_path), "--db", db, "--format", "json").stdout)
    assert annotations["type"] == "AnnotationCollection" and annotations["total"] == 1
    folder = tmp_path / "vault"
    done = run("export", "--all", "-o", str(folder), "--db", db)
    assert done.returncode == 0 and "1 file written" in done.stdout.decode()
    assert sorted(p.suffix for p in folder.iterdir()) == [".md", ".md"]  # the article, and the entities index
    assert (folder / "Entities index.md").is_file()
    one_line_error(run("export", "--all", "--db", db), 2, "-o DIR")


def test_a_tag_with_spaces_is_refused_not_split(sample_path, tmp_path):
    db = str(tmp_path / "n.json")
    line = one_line_error(run("notes", "add", str(sample_path), "--db", db, "--block", "3", "--tag", "tag with space"), 2, "--tag")
    assert "tag-with-space" in line
    assert json.loads(run("notes", "list", "--db", db, "--json").stdout) == []


def test_export_into_a_folder_to_make_and_nothing_without_notes(sample_path, tmp_path):
    db = str(tmp_path / "n.json")
    target = tmp_path / "vault" / "reader"
    nothing = run("export", str(sample_path), "--db", db, "-o", f"{target}/")
    assert nothing.returncode == 0 and "nothing written" in nothing.stderr.decode()
    assert not target.exists()
    empty = run("export", str(sample_path), "--db", db)
    assert empty.returncode == 0 and empty.stdout == b""
    run("notes", "add", str(sample_path), "--db", db, "--block", "3", "--text", "see [[Meta AI]]", "--tag", "ai")
    written = run("export", str(sample_path), "--db", db, "-o", f"{target}/")
    assert written.returncode == 0, written.stderr
    [path] = list(target.iterdir())
    assert target.is_dir() and path.suffix == ".md" and str(path) == written.stdout.decode().strip()
    assert "see [[Meta AI]]" in path.read_text(encoding="utf-8")


def test_block_counts_from_1_like_the_window(sample_path, tmp_path):
    db = str(tmp_path / "n.json")
    one_line_error(run("notes", "add", str(sample_path), "--db", db, "--block", "0"), 2, "¶ 1 to 56")
    added = run("notes", "add", str(sample_path), "--db", db, "--block", "56", "--text", "last")
    assert added.returncode == 0, added.stderr
    [note] = json.loads(run("notes", "list", "--db", db, "--json").stdout)
    assert note["paragraph"] == 56 and note["passage"].startswith("#Benvenuti")
    assert "¶56" in run("notes", "list", str(sample_path), "--db", db).stdout.decode()


def test_notes_of_all_articles_are_grouped_under_each_article(sample_path, tmp_path):
    db = str(tmp_path / "n.json")
    other = tmp_path / "another.txt"
    other.write_text("Another story\nA first paragraph of it.\nA second one.\n", encoding="utf-8")
    run("notes", "add", str(sample_path), "--db", db, "--block", "9", "--text", "later in Meta")
    run("notes", "add", str(other), "--db", db, "--block", "3", "--text", "on another")
    run("notes", "add", str(sample_path), "--db", db, "--block", "2", "--text", "early in Meta")
    lines = run("notes", "list", "--db", db).stdout.decode().splitlines()
    heads = [line for line in lines if line and not line.startswith("  ")]
    assert heads[0].startswith("Another story  (") and str(other) in heads[0]
    assert heads[1].startswith("Meta AI ha licenziato")
    notes = [line for line in lines if line.startswith("  ")]
    assert ["on another" in notes[0], "early in Meta" in notes[1], "later in Meta" in notes[2]] == [True] * 3
