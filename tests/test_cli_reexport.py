"""reader export -o over an earlier export: refused in one line, --force keeps a .bak, no links."""

from tests.test_cli import one_line_error, run


def _export(sample_path, db, target, *more):
    return run("export", str(sample_path), "--db", db, "-o", str(target), *more)


def test_a_deleted_end_marker_is_refused_then_forced(sample_path, tmp_path):
    db = str(tmp_path / "n.json")
    run("notes", "add", str(sample_path), "--db", db, "--block", "5", "--text", "one")
    run("notes", "add", str(sample_path), "--db", db, "--block", "7", "--text", "two")
    target = tmp_path / "notes.md"
    assert _export(sample_path, db, target).returncode == 0
    lines = target.read_text(encoding="utf-8").split("\n")
    first_end = next(i for i, line in enumerate(lines) if line.startswith("<!-- reader:end note-"))
    del lines[first_end]
    lines.append("My text after everything.")
    target.write_text("\n".join(lines), encoding="utf-8")
    before = target.read_bytes()
    line = one_line_error(_export(sample_path, db, target), 1, "notes.md, line ", "comes before", "--force")
    assert f"line {first_end + 2}:" in line  # the next note's begin, where the missing end was due
    assert target.read_bytes() == before
    forced = _export(sample_path, db, target, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "notes.md.bak" in forced.stderr.decode() and forced.stderr.decode().count("\n") == 1
    assert (tmp_path / "notes.md.bak").read_bytes() == before
    assert "My text after everything." not in target.read_text(encoding="utf-8")
    assert _export(sample_path, db, target).returncode == 0  # a fresh export merges again


def test_output_through_a_symbolic_link_is_refused(sample_path, tmp_path):
    db = str(tmp_path / "n.json")
    run("notes", "add", str(sample_path), "--db", db, "--block", "5", "--text", "one")
    precious = tmp_path / "precious.md"
    precious.write_text("Someone else's file.\n", encoding="utf-8")
    link = tmp_path / "notes.md"
    link.symlink_to(precious)
    one_line_error(_export(sample_path, db, link), 2, "notes.md", "symbolic link")
    assert precious.read_text(encoding="utf-8") == "Someone else's file.\n" and link.is_symlink()


def test_user_front_matter_keys_survive_a_re_export(sample_path, tmp_path):
    db = str(tmp_path / "n.json")
    run("notes", "add", str(sample_path), "--db", db, "--block", "5", "--text", "one")
    target = tmp_path / "notes.md"
    assert _export(sample_path, db, target).returncode == 0
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("---\n", "---\nmyprop: mine\naliases:\n  - Meta layoffs\n", 1), encoding="utf-8")
    run("notes", "add", str(sample_path), "--db", db, "--block", "7", "--text", "two")
    assert _export(sample_path, db, target).returncode == 0
    again = target.read_text(encoding="utf-8")
    assert "\nmyprop: mine\naliases:\n  - Meta layoffs\n" in again and "notes: 2" in again


def test_a_body_holding_an_end_marker_re_exports_to_the_same_file(sample_path, tmp_path):
    db = str(tmp_path / "n.json")
    added = run("notes", "add", str(sample_path), "--db", db, "--block", "5", "--text", "placeholder")
    note_id = added.stdout.decode().strip()
    # the body names the note's own end marker, inside a fenced block
    from reader.core.notes import NoteStore

    store = NoteStore(db)
    note = store.find(note_id)
    note.body = f"Markers look like this:\n\n```\n<!-- reader:end note-{note_id} -->\n```\n"
    store.update(note)
    target = tmp_path / "notes.md"
    assert _export(sample_path, db, target).returncode == 0
    first = target.read_bytes()
    for _ in range(3):
        assert _export(sample_path, db, target).returncode == 0
        assert target.read_bytes() == first
