"""The library's window: the table, opening and coming back, the filter, sorting, an entity
across articles, searching everything, and the analysis of new articles in the background."""

from __future__ import annotations

import asyncio
import shutil
import threading

import pytest

from reader.core.article import load
from reader.core.library import Library
from reader.core.notes import NoteStore
from reader.core.settings import Settings
from reader.ui.app import build_app
from tests.conftest import ROOT
from tests.screen import screen_text
from tests.ui.conftest import settle

DATA = ROOT / "tests" / "data"
ARTICLES = ("fr-wikitribune-lancement", "it-wikimania-esino-lario", "de-wikinews-china-start")
"""Added in this order: the newest, de-wikinews, is listed first."""


@pytest.fixture(scope="module")
def analysed_library(tmp_path_factory):
    """Three test articles kept and analysed, built once for the module."""
    where = tmp_path_factory.mktemp("library")
    library = Library(NoteStore(where / "store" / "notes.json"))
    for i, name in enumerate(ARTICLES):
        path = where / f"{name}.txt"
        shutil.copy(DATA / f"{name}.txt", path)
        doc = load(path)
        kept = library.keep(doc)
        library.update(kept.article.key, added=f"2026-01-0{i + 1}T10:00:00+00:00")
        library.analyse(kept.article, doc)
    library.entity_index()
    return where


@pytest.fixture
def store(analysed_library, tmp_path):
    shutil.copytree(analysed_library, tmp_path / "lib")
    return NoteStore(tmp_path / "lib" / "store" / "notes.json")


def library_app(store):
    return build_app(settings=Settings(), store=store, whole_library=True)


async def until(pilot, check, timeout: float = 30.0) -> None:
    """Wait (letting the window work) until `check()` holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        assert loop.time() < deadline, "it never happened"
        await pilot.pause(0.02)
    await settle(pilot)


def rows(app) -> list[str]:
    """The table's rows as shown: the lines under its header, down to the status line."""
    lines = screen_text(app).splitlines()
    header = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Title"))
    out = []
    for line in lines[header + 1 :]:
        if not line.strip() or "sorted by" in line:
            break
        out.append(line)
    return out


def screen_name(app) -> str:
    return type(app.screen).__name__


async def test_the_library_opens_an_article_and_escape_comes_back(store):
    from reader.core.notes import Note, make_anchor

    library = Library(store)
    newest = library.articles()[0]
    store.add(Note("", newest.key, make_anchor(library.document(newest), 1), body="a note"))
    app = library_app(store)
    async with app.run_test(size=(140, 30)) as pilot:
        await until(pilot, lambda: app.screen.shown and app.screen.shown[0].notes == 1)  # counted after the paint
        assert " 1 " in rows(app)[0] and " 1 " not in rows(app)[1]
        text = screen_text(app)
        assert "Library · 3 articles" in text and "sorted by date added ↓" in text
        shown = rows(app)
        assert len(shown) == 3 and "Chinesische" in shown[0] and "Wikitribune" in shown[2]
        assert all(" — " in row or row.rstrip().endswith("—") or "—" in row for row in shown)  # never opened
        assert "Wikipedia" in text  # the top entities
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "ReaderScreen" and app.screen.kept_article is not None)
        assert "Chinesische" in screen_text(app).splitlines()[0]
        await pilot.press("G")
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(app) == "LibraryTableScreen"
        assert "read" in rows(app)[0].split()  # read to its end: the row says so


async def test_typing_filters_and_keys_sort(store):
    app = library_app(store)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"esino")
        await settle(pilot)
        assert len(rows(app)) == 1 and "Wikimania" in rows(app)[0]
        assert "1 of 3 shown" in screen_text(app)
        await pilot.press("escape")  # clears the filter
        await settle(pilot)
        assert len(rows(app)) == 3
        await pilot.press("down", "t")  # to the table, then sort by title
        await settle(pilot)
        assert "sorted by title ↑" in screen_text(app)
        titles = [row.split()[0] for row in rows(app)]
        assert titles == sorted(titles, key=str.casefold)
        await pilot.press("t")
        await settle(pilot)
        assert [row.split()[0] for row in rows(app)] == titles[::-1]
        await pilot.press("slash", *"wiki", "t", "r", "i")
        await settle(pilot)
        assert len(rows(app)) == 1 and "Wikitribune" in rows(app)[0]
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "ReaderScreen")
        assert "Wikipédia" in screen_text(app).splitlines()[0]


async def test_an_entity_in_the_other_articles_and_the_jump_to_a_mention(store):
    app = library_app(store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"wikitri", "enter")
        reader = None
        await until(pilot, lambda: screen_name(app) == "ReaderScreen" and app.screen.library_index is not None)
        reader = app.screen
        assert "also in 2 articles" in screen_text(app)  # Wikipedia, in all three
        await pilot.press("1")
        wales = next(e for e in reader.analysis.entities if e.name == "Jimmy Wales")
        for _ in range(40):
            option = reader.panel.active_list.highlighted_option
            if option is not None and option.id == f"entity:{wales.id}":
                break
            await pilot.press("down")
        await pilot.press("enter", "o")
        await until(pilot, lambda: screen_name(app) == "EntityAcrossScreen" and app.screen.mentions)
        text = screen_text(app)
        assert "Jimmy Wales · person · 2 articles" in text and "(this article)" in text
        assert "Wikimania" in text
        across = app.screen
        lst = across.query_one("#across-list")
        chosen = across.mentions[int(lst.highlighted_option.id)]
        assert chosen.article != reader.kept_article.id  # the first mention elsewhere is offered first
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "ReaderScreen" and app.screen is not reader)
        other = app.screen
        assert "Wikimania" in screen_text(app).splitlines()[0]
        assert other.article.current == chosen.block and "Wales" in other.document.blocks[chosen.block].text
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is across
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is reader


async def test_search_across_the_library_opens_the_article_at_the_match(store):
    app = library_app(store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert screen_name(app) == "LibrarySearchScreen"
        await pilot.press(*"ESINO")  # case and accents ignored
        await until(pilot, lambda: app.screen.shown_query == "ESINO")
        text = screen_text(app)
        assert "in 1 article" in text and "¶" in text and "Esino" in text
        hit = app.screen.hits[0]
        await pilot.press("down", "enter")
        await until(pilot, lambda: screen_name(app) == "ReaderScreen")
        assert app.screen.article.current == hit.block
        await pilot.press("ctrl+f")  # from the article too
        await settle(pilot)
        assert screen_name(app) == "LibrarySearchScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(app) == "ReaderScreen"


@pytest.mark.parametrize("length", ["news", "long"])
async def test_the_second_open_reads_the_kept_analysis(store, monkeypatch, tmp_path, length):
    """Read before the first frame for news; after it for a long text (here: as if long)."""
    from reader.core.analysis import pipeline
    from reader.ui.screens import reader as reading

    if length == "long":
        monkeypatch.setattr(reading, "READ_EARLY", 10)

    path = tmp_path / "article.txt"
    shutil.copy(DATA / "it-wikimania-esino-lario.txt", path)
    app = build_app(load(path), settings=Settings(), store=store)
    async with app.run_test(size=(120, 30)) as pilot:
        await until(pilot, lambda: getattr(app.screen, "kept_article", None) is not None)

    def refuse(_doc):
        raise AssertionError("analysed again")

    monkeypatch.setattr(pipeline, "analyse", refuse)
    app = build_app(load(path), settings=Settings(), store=store)
    async with app.run_test(size=(120, 30)) as pilot:
        await until(pilot, lambda: app.screen.analysis is not None)
        assert "People (" in screen_text(app)


async def test_new_articles_are_analysed_in_the_background_with_progress_shown(store, tmp_path, monkeypatch):
    library = Library(store)
    for name in ("en-hongkong-legco-election", "es-eso-cuerpo-consular"):
        path = tmp_path / f"{name}.txt"
        shutil.copy(DATA / f"{name}.txt", path)
        library.keep(load(path))
    waiting = threading.Event()
    real = Library.analyse

    def slow(self, article, doc=None):
        waiting.wait(20)
        return real(self, article, doc)

    monkeypatch.setattr(Library, "analyse", slow)
    app = library_app(store)
    async with app.run_test(size=(140, 30)) as pilot:
        await until(pilot, lambda: "analysing 1 of" in screen_text(app))
        await pilot.press(*"wiki")  # the window answers meanwhile
        await settle(pilot)
        assert app.screen.filter.value == "wiki"
        await pilot.press("enter")  # reading goes on, the progress in the article's status line
        await until(pilot, lambda: screen_name(app) == "ReaderScreen" and "library 1/2" in screen_text(app).splitlines()[0])
        await pilot.press("escape")
        await settle(pilot)
        waiting.set()
        await until(pilot, lambda: "analysed" in screen_text(app).splitlines()[-2])
        assert "analysing" not in screen_text(app)
        assert "und" not in " ".join(rows(app)).split()  # every language is known now


async def test_a_damaged_record_file_is_named_and_the_rest_is_listed(store):
    library = Library(store)
    shards = sorted(library.folder.glob("articles-*.json"))
    damaged = shards[0]
    damaged.write_text("{not json", encoding="utf-8")
    app = library_app(store)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        told = [n.message for n in app._notifications]  # as the other Pilot tests read notices
        assert len(told) == 1 and damaged.name in told[0] and "damaged" in told[0] and "left as it is" in told[0]
        assert 0 < len(rows(app)) < 3  # the other record files are listed
    assert damaged.read_text(encoding="utf-8") == "{not json"  # left as it was


async def test_the_table_fits_a_narrow_window(store):
    app = library_app(store)
    async with app.run_test(size=(90, 24)) as pilot:
        await settle(pilot)
        header = next(line for line in screen_text(app).splitlines() if line.lstrip().startswith("Title"))
        assert header.rstrip().endswith("Top entities")  # every column shows, none scrolled out of sight
        assert all("%" in row or "—" in row or "read" in row for row in rows(app))
