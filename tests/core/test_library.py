"""The library: articles kept with their text and analysis, safely, and found again."""

import json
import threading

import pytest

from reader.core.analysis import ANALYSER_VERSION, analyse
from reader.core.article import load, parse
from reader.core.errors import InputError
from reader.core.library import Library, TextCopyError
from reader.core.library.records import article_problem, short_id
from reader.core.notes import Anchor, DamagedStore, Note, NoteStore

ARTICLE = "Un titolo\nMario Rossi ha detto che Roma è bella. Il ministro Mario Rossi ha parlato a lungo.\n"


@pytest.fixture
def library(tmp_path) -> Library:
    return Library(NoteStore(tmp_path / "store" / "notes.json"))


def write(path, text=ARTICLE):
    path.write_text(text, encoding="utf-8")
    return path


def test_keep_records_the_article_and_copies_its_text(library, tmp_path):
    path = write(tmp_path / "a.txt")
    doc = load(path)
    kept = library.keep(doc)
    a = kept.article
    assert kept.new and not kept.changed
    assert len(a.id) == 6 and a.key.startswith(a.id)
    assert (a.title, a.source, a.origin, a.format) == ("Un titolo", str(path.resolve()), "file", "text")
    assert a.words == doc.word_count and a.blocks == len(doc.blocks) and a.added and not a.opened
    assert a.language == "und" and a.analysed == 0
    assert (library.texts / f"{a.sha256}.txt").read_text(encoding="utf-8") == doc.text
    assert [x.id for x in library.articles()] == [a.id]
    again = library.keep(load(path))
    assert not again.new and not again.changed and again.article == a


def test_the_copy_reads_offline_after_the_original_is_gone(library, tmp_path):
    path = write(tmp_path / "a.txt")
    a = library.keep(load(path)).article
    path.unlink()
    doc = library.document(a)
    assert doc.text == ARTICLE and doc.title == "Un titolo" and doc.source == a.source
    from reader.core.notes import article_key

    assert article_key(doc) == a.key  # its notes are still its notes


def test_a_damaged_copy_is_refused(library, tmp_path):
    a = library.keep(load(write(tmp_path / "a.txt"))).article
    (library.texts / f"{a.sha256}.txt").write_text("something else", encoding="utf-8")
    with pytest.raises(TextCopyError, match="damaged"):
        library.document(a)
    (library.texts / f"{a.sha256}.txt").unlink()
    with pytest.raises(TextCopyError, match="missing"):
        library.document(a)


def test_a_corrected_article_takes_its_new_text_and_the_old_copy_goes(library, tmp_path):
    path = write(tmp_path / "a.txt")
    first = library.keep(load(path)).article
    library.analyse(first)
    write(path, ARTICLE.replace("bella", "bellissima"))
    kept = library.keep(load(path))
    assert kept.changed and kept.article.id == first.id and kept.article.sha256 != first.sha256
    assert kept.article.analysed == 0
    assert not (library.texts / f"{first.sha256}.txt").exists()
    assert not list(library.derived.glob(f"{first.sha256}.*"))


def test_the_same_text_from_two_places_is_kept_once(library, tmp_path):
    a = library.keep(load(write(tmp_path / "a.txt"))).article
    b = library.keep(load(write(tmp_path / "b.txt"))).article
    assert a.id != b.id and a.sha256 == b.sha256
    assert len(list(library.texts.glob("*.txt"))) == 1
    library.remove(a)
    assert library.document(b).text == ARTICLE  # the other still has the text


def test_ids_are_short_stable_and_lengthen_only_when_taken():
    key = "abcdef0123456789"
    assert short_id(key, set()) == "abcdef"
    assert short_id(key, {"abcdef"}) == "abcdef0"
    assert short_id(key, {"abcdef", "abcdef0"}) == "abcdef01"


def test_find_by_id_or_its_start(library, tmp_path):
    a = library.keep(load(write(tmp_path / "a.txt"))).article
    assert library.find(a.id) == a
    assert library.find(a.id[:4].upper()) == a
    with pytest.raises(InputError, match="no such article"):
        library.find("0000" if not a.id.startswith("0000") else "ffff")
    with pytest.raises(InputError, match="not a library id"):
        library.find("xyz")
    with pytest.raises(InputError, match="not a library id"):
        library.find("ab")


def test_an_ambiguous_start_names_the_candidates(library, tmp_path):
    # Two records whose ids share their first four digits, written as a store would.
    a = library.keep(load(write(tmp_path / "a.txt"))).article
    twin = {**a.to_record(), "id": a.id[:4] + "ff", "key": a.id[:4] + "ff" + a.key[6:], "title": "Twin"}
    with library._changing(a.key) as table:
        table.insert(twin)
    with pytest.raises(InputError, match="several library ids"):
        library.find(a.id[:4])


def test_analysis_is_made_once_and_read_back(library, tmp_path, monkeypatch):
    a = library.keep(load(write(tmp_path / "a.txt"))).article
    first = library.analyse(a)
    record = library.get(a.key)
    assert record.language == first.language and record.analysed == ANALYSER_VERSION
    assert record.top == ["Mario Rossi", "Roma"][: len(record.top)] and record.top

    def no_analysis(_doc):
        raise AssertionError("analysed again")

    monkeypatch.setattr("reader.core.analysis.pipeline.analyse", no_analysis)
    assert library.analyse(record) == first
    assert library.cached_analysis(load(tmp_path / "a.txt")) == first
    assert library.pending() == []


def test_a_new_analyser_version_analyses_again_when_needed(library, tmp_path, monkeypatch):
    a = library.keep(load(write(tmp_path / "a.txt"))).article
    library.analyse(a)
    monkeypatch.setattr("reader.core.analysis.stored.ANALYSER_VERSION", ANALYSER_VERSION + 1)
    assert [x.id for x in library.pending()] == [a.id]
    assert library.cached_analysis(library.document(a)) is None
    # the index still has the article, from the older analysis, until it is analysed again
    assert library.entity_index().find("Mario Rossi")
    library.analyse(library.get(a.key))
    assert library.get(a.key).analysed == ANALYSER_VERSION + 1 and library.pending() == []


def test_analyse_all_reports_progress_failures_and_stops_when_cancelled(library, tmp_path):
    kept = [library.keep(load(write(tmp_path / f"{n}.txt", ARTICLE.replace("Roma", f"Roma {n}")))).article
            for n in range(3)]
    (library.texts / f"{kept[1].sha256}.txt").unlink()
    seen = []
    failed = library.analyse_all(kept, progress=lambda done, total, _article: seen.append((done, total)))
    assert seen == [(0, 3), (1, 3), (2, 3)]
    assert [a.id for a, _ in failed] == [kept[1].id] and "missing" in str(failed[0][1])
    calls = []
    library.analyse_all(kept, progress=lambda *_: calls.append(1), cancelled=lambda: len(calls) >= 1)
    assert len(calls) == 1


def test_opening_and_progress(library, tmp_path):
    text = "Titolo\n" + "\n".join(f"Paragrafo numero {n} con parole." for n in range(9))
    a = library.keep(load(write(tmp_path / "a.txt", text))).article
    assert a.blocks == 10
    opened = library.opened(a.key, 4)
    assert opened.opened and opened.progress == 0.5 and not opened.read
    assert library.read_up_to(a.key, 2) is None  # progress never goes back
    done = library.read_up_to(a.key, 9)
    assert done.progress == 1.0 and done.read


def test_removing_never_removes_notes_silently(library, tmp_path):
    a = library.keep(load(write(tmp_path / "a.txt"))).article
    library.store.add(Note("", a.key, Anchor(1, 0, 5, "Mario")))
    library.store.set_position(a.key, Anchor(1, 0, 0, ""))
    with pytest.raises(InputError, match="1 note: not removed"):
        library.remove(a)
    assert library.get(a.key) is not None and library.store.notes_for(a.key)
    assert library.remove(a, with_notes=True) == 1
    assert library.get(a.key) is None and library.store.notes_for(a.key) == []
    assert library.store.position(a.key) is None
    assert not list(library.texts.glob("*.txt"))


def test_an_article_without_notes_is_removed_at_once(library, tmp_path):
    a = library.keep(load(write(tmp_path / "a.txt"))).article
    library.analyse(a)
    assert library.remove(a) == 0
    assert library.articles() == [] and not list(library.derived.glob(f"{a.sha256}.*"))


def test_a_damaged_record_file_is_reported_left_alone_and_the_rest_works(library, tmp_path):
    texts = {n: ARTICLE.replace("Roma", f"Roma {n}") for n in range(40)}
    kept = [library.keep(parse(t, markdown=False, source=str(tmp_path / f"{n}.txt"))).article for n, t in texts.items()]
    # A shard with two articles at least (40 articles over 16 shards: there is one), so
    # that another article of the damaged file can be refused below.
    victim = next(a for a in kept if sum(b.key[0] == a.key[0] for b in kept) > 1)
    shard = library.folder / f"articles-{victim.key[0]}.json"
    data = json.loads(shard.read_text())
    first = next(iter(data["articles"]))
    data["articles"][first]["progress"] = 7
    shard.write_text(json.dumps(data))
    before = shard.read_bytes()
    fresh = Library(NoteStore(library.store.path))
    listed = fresh.articles()
    assert len(listed) == len(kept) - 1
    (problem,) = fresh.problems()
    assert "articles-" in problem and "progress must be a number from 0 to 1, not 7" in problem
    same_shard = next(a for a in kept if a.key[0] == victim.key[0] and a.key != data["articles"][first]["key"])
    with pytest.raises(DamagedStore):
        fresh.opened(same_shard.key, 1)
    assert shard.read_bytes() == before
    other = next(a for a in kept if a.key[0] != victim.key[0])
    assert fresh.opened(other.key, 1).opened


@pytest.mark.parametrize(
    ("change", "problem"),
    [({"id": "xyz"}, "id must be"), ({"key": "0" * 16}, "is not the start of key"), ({"sha256": "0"}, "sha256 must"),
     ({"title": 5}, "title must be text"), ({"origin": "carrier pigeon"}, "origin must be"),
     ({"words": -1}, "words must be"), ({"top": "Rossi"}, "top must be"), ({"read": "yes"}, "read must be")],
)
def test_record_checks(change, problem):
    good = {"id": "abcdef", "key": "abcdef0123456789", "sha256": "a" * 64, "title": "T", "source": "/a.txt"}
    assert article_problem(good) is None
    assert problem in article_problem({**good, **change})


def test_unknown_record_fields_are_left_alone(library, tmp_path):
    a = library.keep(load(write(tmp_path / "a.txt"))).article
    assert article_problem({**a.to_record(), "added_by_a_later_reader": [1]}) is None


def test_two_writers_lose_nothing(library, tmp_path):
    docs = [parse(ARTICLE.replace("Roma", f"Roma {n}"), markdown=False, source=str(tmp_path / f"{n}.txt"))
            for n in range(40)]
    other = Library(NoteStore(library.store.path))

    def keep(lib, part):
        for doc in part:
            lib.keep(doc)

    threads = [threading.Thread(target=keep, args=(lib, docs[i::2])) for i, lib in enumerate((library, other))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(library.articles()) == 40


def test_search_finds_text_and_notes_without_case_or_accents(library, tmp_path):
    a = library.keep(load(write(tmp_path / "a.txt", "Titolo\nLa città di Roma è bella.\nPoi, Città del Messico.\n"))).article
    b = library.keep(load(write(tmp_path / "b.txt", "Other\nNothing to see here.\n"))).article
    library.store.add(Note("", b.key, Anchor(1, 0, 7, "Nothing"), body="Compare with CITTA and Roma", tags=["città"]))
    hits = library.search("citta")
    assert sorted((h.article == a.id, h.block, h.note is not None) for h in hits) == [
        (False, 1, True), (False, 1, True), (True, 1, False), (True, 2, False)
    ]
    text_hit = next(h for h in hits if h.article == a.id)
    assert text_hit.snippet.match == "città" and text_hit.snippet.before == "La "
    note_hits = [h for h in hits if h.note]
    assert {h.snippet.match for h in note_hits} == {"CITTA", "città"}
    assert library.search("ROMA", notes=False)[0].article == a.id
    assert library.search("") == []
    assert len(library.search("citta", limit=1)) == 1


def test_the_entity_index_follows_the_library(library, tmp_path, monkeypatch):
    a = library.keep(load(write(tmp_path / "a.txt"))).article
    library.analyse(a)
    b = library.keep(load(write(tmp_path / "b.txt", "Altro titolo\nSecondo Mario Rossi, il sindaco di Roma, tutto va bene.\n"))).article
    library.analyse(b)
    index = library.entity_index()
    rossi = index.find("rossi")[0]
    assert rossi.name == "Mario Rossi" and set(rossi.articles) == {a.id, b.id}
    assert index.elsewhere(a.id, "Mario Rossi") == 1
    # up to date: read, not rebuilt
    def no_rebuild(*_):
        raise AssertionError("rebuilt")

    monkeypatch.setattr("reader.core.library.index.rebuild", no_rebuild)
    assert len(library.entity_index()) == len(index)
    monkeypatch.undo()
    library.remove(b)
    assert library.entity_index().find("rossi")[0].articles == [a.id]


def test_has_articles(library, tmp_path):
    assert not library.has_articles()
    a = library.keep(load(write(tmp_path / "a.txt"))).article
    assert library.has_articles()
    library.remove(a)
    assert not library.has_articles()


def test_the_analysis_of_an_old_text_is_not_remembered_for_the_new(library, tmp_path):
    path = write(tmp_path / "a.txt")
    old_doc = load(path)
    library.keep(old_doc)
    write(path, ARTICLE.replace("Roma", "Milano"))
    new = library.keep(load(path)).article
    assert library.remember_analysis(new, analyse(old_doc)) is None
    assert library.get(new.key).analysed == 0


def test_mentions_in_context_across_articles(library, tmp_path):
    from reader.core.library import mentions_in_context

    first = write(tmp_path / "a.txt")
    second = write(tmp_path / "b.txt", "Altro titolo\nIeri a Milano. Secondo Mario Rossi la città cambia.\n")
    for path in (first, second):
        doc = load(path)
        library.analyse(library.keep(doc).article, doc)
    index = library.entity_index()
    rossi = index.find("rossi", ["PERSON"])[0]
    found = mentions_in_context(library, rossi)
    assert [(m.title, m.block) for m in found] == [("Un titolo", 1), ("Un titolo", 1), ("Altro titolo", 1)]
    assert all(m.snippet.match == "Mario Rossi" for m in found)
    assert found[2].snippet.before.endswith("Secondo ") and found[2].snippet.after.startswith(" la città")
    other = library.articles()[-1] if library.articles()[-1].title == "Altro titolo" else library.articles()[0]
    assert index.elsewhere(other.id, "Mario Rossi") == 1
