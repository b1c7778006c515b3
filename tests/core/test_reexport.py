"""Re-export never deletes or alters a line reader did not write (#12, items 1-4)."""

import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.analysis import analyse
from reader.core.article import parse
from reader.core.errors import InputError, ReaderError
from reader.core.export import MergeRefused, merge, render, write_export
from reader.core.notes import Note, make_anchor
from tests.core.test_export import front_matter

DOC = parse("Title\n\nFirst paragraph of the article, long enough.\n\nSecond paragraph here.\n\nThird one.\n", markdown=False)
ANALYSIS = analyse(DOC)


def notes(*bodies: str) -> list[Note]:
    return [
        Note(f"n{i:04d}", "k" * 16, make_anchor(DOC, 1 + i % 3), body=body, created=f"2026-01-01T00:00:{i:02d}+00:00")
        for i, body in enumerate(bodies)
    ]


def write(path, existing_notes, force=False):
    return write_export(path, lambda existing: merge(existing, ANALYSIS, existing_notes, "src") if existing else render(ANALYSIS, existing_notes, "src"), force)


def test_user_front_matter_keys_are_kept_in_place():
    first = render(ANALYSIS, notes("one"), "src")
    lines = first.split("\n")
    mine = ["# my comment", "myprop: kept as typed", "aliases:", "  - Foo", "  - Bar", "cssclasses: [wide]"]
    edited = "\n".join(lines[:2] + mine + lines[2:])
    again = merge(edited, ANALYSIS, notes("one", "two"), "src")
    assert "\n".join(mine) in again  # every line of the user's, in its place
    meta = front_matter(again)
    assert meta["myprop"] == "kept as typed" and meta["aliases"] == ["Foo", "Bar"] and meta["notes"] == 2
    assert merge(again, ANALYSIS, notes("one", "two"), "src") == again  # stable


def test_reader_keys_stay_reader_s():
    first = render(ANALYSIS, notes("one"), "src")
    edited = first.replace("notes: 1", "notes: 99\nextra: mine")
    again = merge(edited, ANALYSIS, notes("one"), "src")
    assert "notes: 1\nextra: mine" in again and "99" not in again


@pytest.mark.parametrize(
    "damage, problem",
    [
        (lambda t, k: t.replace(f"<!-- reader:end {k} -->\n", "", 1), "comes before"),
        (lambda t, k: t.replace(f"<!-- reader:begin {k} -->\n", "", 1), "closes no block"),
        (lambda t, k: t.replace(f"<!-- reader:end {k} -->", f"<!-- reader:end {k} -->\n\n<!-- reader:begin {k} -->\nmine\n<!-- reader:end {k} -->", 1), "appears twice"),
        (lambda t, k: t.replace(f"<!-- reader:end {k} -->", "<!-- reader:end other -->", 1), "does not close"),
        (lambda t, _: t[: t.rindex("<!-- reader:end")], "never closed"),
        (lambda t, _: t.replace("---\n\n", "\n", 1), "front matter"),
        (lambda _, __: "My own notes file.\n\nNothing of reader's in it.\n", "not an earlier export"),
        (lambda t, _: t.replace("<!-- reader:begin title -->", "```\n<!-- reader:begin title -->", 1), "code block"),
    ],
)
def test_broken_markers_are_refused_and_the_file_is_left_byte_identical(tmp_path, damage, problem):
    target = tmp_path / "export.md"
    write(target, notes("one", "two"))
    key = "note-n0000"
    text = damage(target.read_text(encoding="utf-8"), key) + "\nMy closing thoughts.\n"
    target.write_text(text, encoding="utf-8")
    before = target.read_bytes()
    with pytest.raises(ReaderError) as caught:
        write(target, notes("one", "two", "three"))
    message = str(caught.value)
    assert problem in message and str(target) in message and "\n" not in message
    assert target.read_bytes() == before
    assert not list(tmp_path.glob("*.bak*"))


def test_a_deleted_end_marker_names_its_line(tmp_path):
    target = tmp_path / "export.md"
    write(target, notes("one", "two"))
    lines = target.read_text(encoding="utf-8").split("\n")
    end = lines.index("<!-- reader:end note-n0000 -->")
    del lines[end]
    target.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(MergeRefused) as caught:
        merge(target.read_text(encoding="utf-8"), ANALYSIS, notes("one", "two"), "src")
    begin_next = lines.index("<!-- reader:begin note-n0001 -->") + 1
    assert caught.value.line == begin_next
    assert f"line {begin_next}:" in str(caught.value)


def test_force_rewrites_keeping_a_backup(tmp_path):
    target = tmp_path / "export.md"
    write(target, notes("one"))
    broken = target.read_text(encoding="utf-8").replace("<!-- reader:end title -->\n", "") + "My text.\n"
    target.write_text(broken, encoding="utf-8")
    first = write(target, notes("one"), force=True)
    assert first.backup == tmp_path / "export.md.bak" and "comes before" in first.refused
    assert first.backup.read_text(encoding="utf-8") == broken
    assert target.read_text(encoding="utf-8") == render(ANALYSIS, notes("one"), "src", front_matter(target.read_text(encoding="utf-8"))["exported"])
    target.write_text(broken, encoding="utf-8")
    assert write(target, notes("one"), force=True).backup == tmp_path / "export.md.bak.2"  # the first backup is kept
    assert (tmp_path / "export.md.bak").read_text(encoding="utf-8") == broken


def test_a_marker_inside_a_note_body_never_ends_its_block(tmp_path):
    body = "See this:\n\n```\n<!-- reader:end note-n0000 -->\n<!-- reader:begin note-n0000 -->\n```\n\n    <!-- reader:end title -->\n\nafter"
    target = tmp_path / "export.md"
    write(target, notes(body, "two"))
    first = target.read_bytes()
    for _ in range(3):
        write(target, notes(body, "two"))
        assert target.read_bytes() == first


_PIECES = st.sampled_from(
    ["<!-- reader:end note-n0000 -->", "<!-- reader:begin note-n0001 -->", "<!-- reader:end title -->", "```", "~~~",
     "    <!-- reader:end note-n0000 -->", "> <!-- reader:end note-n0000 -->", "- <!-- reader:begin x -->", "<!--", "-->",
     "text", "", "   <!-- reader:end section-x -->", "\t<!-- reader:end note-n0001 -->", "1. ```"]
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=8).map("\n".join), min_size=1, max_size=3))
def test_no_body_holds_a_marker_the_merge_reads_as_one(bodies):
    current = notes(*bodies)
    first = render(ANALYSIS, current, "src")
    assert merge(first, ANALYSIS, current, "src") == first
    edited = first + "\nA line of mine.\n"
    again = merge(edited, ANALYSIS, current, "src")
    assert again.count("A line of mine.") == 1
    assert merge(again, ANALYSIS, current, "src") == again


def test_output_never_goes_through_a_symbolic_link(tmp_path):
    precious = tmp_path / "precious.md"
    precious.write_text("My diary.\nLine two.\n", encoding="utf-8")
    link = tmp_path / "export.md"
    link.symlink_to(precious)
    with pytest.raises(InputError, match="symbolic link"):
        write(link, notes("one"))
    assert precious.read_text(encoding="utf-8") == "My diary.\nLine two.\n" and link.is_symlink()
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(InputError, match="symbolic link"):
        write(dangling, notes("one"))
    assert not (tmp_path / "nowhere.md").exists()


def test_a_fifo_as_output_is_refused_at_once(tmp_path):
    fifo = tmp_path / "export.md"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="named pipe"):
        write(fifo, notes("one"))


def test_yaml_of_a_merged_export_still_parses():
    first = render(ANALYSIS, notes("one"), "src")
    again = merge(first.replace("---\n", "---\nmine: 1\n", 1), ANALYSIS, notes("one"), "src")
    assert yaml.safe_load(again.split("---\n")[1])["mine"] == 1
