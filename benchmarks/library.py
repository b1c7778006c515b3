"""A generated library of 1,000 real-looking articles, for `make bench`.

Every article is made of the test articles' own paragraphs (tests/data/ and the
sample): a test article's paragraphs, some left out, some of another article in
the same language put in, under a varied headline; then kept and analysed as
`reader add` does. The records get varied dates, reading progress and notes.

Building it analyses 1,000 articles (about 40 s of one core, split over the
machine's cores); it is kept in benchmarks/.work/ and built again only when the
generator or the analyser changes.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_VERSION = 1
"""Raise it with any change here: the library is then built again."""

HEADLINES = (
    "{title}",
    "{title}: what we know so far",
    "Analysis: {title}",
    "{title} (update {n})",
    "Explainer: {title}",
    "{title}, day {n}",
    "Opinion: {title}",
    "{title} — reactions",
    "Live: {title}",
    "{title}: the timeline",
)


def sources() -> list[tuple[str, str, list[str]]]:
    """(language, title, paragraphs) of the sample and every test article."""
    from reader.core.article import load

    out = []
    for path in [ROOT / "seeds" / "meta-ai-layoffs-it.txt", *sorted((ROOT / "tests" / "data").glob("*.txt"))]:
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        body = [ln for ln in lines[1:] if ln]
        out.append((path.stem[:2], load(path).title, body))
    return out


def article_text(n: int, pool: list[tuple[str, str, list[str]]]) -> str:
    """The text of generated article number n: a headline, then paragraphs."""
    rng = random.Random(n)
    language, title, body = pool[n % len(pool)]
    kin = [p for lang, _, paragraphs in pool if lang == language for p in paragraphs if p not in body]
    keep = [p for p in body if rng.random() < 0.8] or body[:1]
    if kin and rng.random() < 0.6:
        for _ in range(rng.randint(1, 3)):
            keep.insert(rng.randint(0, len(keep)), rng.choice(kin))
    headline = rng.choice(HEADLINES).format(title=title.rstrip("."), n=n // len(pool) + 1)
    return headline + "\n" + "\n".join(keep) + "\n"


def _keep_and_analyse(args: tuple[str, list[tuple[int, str]]]) -> int:
    from reader.core.article import parse
    from reader.core.library import Library
    from reader.core.notes import NoteStore

    db, items = args
    library = Library(NoteStore(db, lock_timeout=60))
    for n, text in items:
        doc = parse(text, markdown=False, source=str(Path(db).parent / "articles" / f"article-{n:04d}.txt"))
        library.analyse(library.keep(doc).article, doc)
    return len(items)


def build(folder: Path, count: int = 1000) -> Path:
    """Build (or reuse) the library in `folder`; returns its store's path (for --db)."""
    from reader.core.analysis import ANALYSER_VERSION

    stamp = folder / f"built-g{GENERATOR_VERSION}-a{ANALYSER_VERSION}-n{count}"
    db = folder / "notes.json"
    if stamp.exists():
        return db
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "articles").mkdir(parents=True)
    pool = sources()
    texts = [(n, article_text(n, pool)) for n in range(count)]
    for n, text in texts:  # the originals too, as `reader add DIR` would have read them
        (folder / "articles" / f"article-{n:04d}.txt").write_text(text, encoding="utf-8")
    workers = max(1, os.cpu_count() or 1)
    started = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool_:
        chunks = [(str(db), texts[i::workers]) for i in range(workers)]
        done = sum(pool_.map(_keep_and_analyse, chunks))
    print(f"  built a library of {done} articles in {time.perf_counter() - started:.0f} s", flush=True)
    _vary(db)
    stamp.touch()
    return db


def _vary(db: Path) -> None:
    """Dates added and opened, reading progress and notes, as a year of reading leaves them."""
    from datetime import UTC, datetime, timedelta

    from reader.core.library import Library
    from reader.core.notes import Note, NoteStore, make_anchor

    store = NoteStore(db)
    library = Library(store)
    rng = random.Random(7)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for article in library.articles():
        added = start + timedelta(minutes=rng.randint(0, 525_600))
        changes: dict = {"added": added.isoformat(timespec="seconds")}
        if rng.random() < 0.6:
            changes["opened"] = (added + timedelta(hours=rng.randint(0, 500))).isoformat(timespec="seconds")
            changes["progress"] = round(rng.choice([1.0, rng.random()]), 4)
            changes["read"] = changes["progress"] >= 1.0
        library.update(article.key, **changes)
        if rng.random() < 0.15:
            doc = library.document(article)
            for _ in range(rng.randint(1, 6)):
                block = rng.randrange(len(doc.blocks))
                note = Note("", article.key, make_anchor(doc, block), body=rng.choice(
                    ["Check this figure.", "Who said this first?", "Compare with the earlier report.", ""]),
                    tags=rng.sample(["follow-up", "quote", "source", "numbers"], rng.randint(0, 2)))
                store.add(note)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "benchmarks" / ".work" / "library-1000"
    print(build(target))


def bench(record, runs: int, python: str, work: Path) -> None:
    """The library's rows of `make bench`, on the generated library of 1,000 articles.

    `record(name, value, unit, target, passed, note)` is the bench's own.
    """
    import statistics
    import subprocess

    from benchmarks.terminal import Terminal

    print("The library: 1,000 generated articles (built once, kept in benchmarks/.work/)", flush=True)
    db = build(work / "library-1000")
    env = {**os.environ, "READER_DB": str(db)}

    def command(*args: str) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run([python, "-m", "reader", *args, "--db", str(db)], capture_output=True, env=env)
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                raise RuntimeError(done.stderr.decode(errors="replace").strip()[-200:])
        return statistics.median(times)

    listing = command("library", "--json")
    record("reader library --json, 1,000 articles", listing, "s", "< 0.5", listing < 0.5,
           f"median of {runs}, the whole process")

    paints = []
    for _ in range(runs):
        term = Terminal([python, "-m", "reader", "--db", str(db)], env=env)
        try:
            paints.append(term.wait_for(lambda s: "Library · 1000 articles" in s and "sorted by" in s, timeout=60))
        finally:
            term.close()
    paint = statistics.median(paints)
    record("library screen first paint, 1,000 articles", paint, "s", "< 1", paint < 1.0,
           f"median of {runs}, from process start")

    from reader.core.library import Library
    from reader.core.notes import NoteStore

    Library(NoteStore(db)).entity_index()  # built once, as `reader add` leaves it

    def in_process(call) -> tuple[float, object]:
        """Median milliseconds of `runs` calls, each on a library opened afresh; the last result."""
        times, result = [], None
        for _ in range(runs):
            start = time.perf_counter()
            result = call(Library(NoteStore(db)))
            times.append((time.perf_counter() - start) * 1000)
            assert result, "nothing found"
        return statistics.median(times), result

    query, _ = in_process(lambda library: library.entity_index().find("wales", ["PERSON", "ORG", "PLACE"]))
    record("entities query, 1,000 articles", query, "ms", "< 100", query < 100,
           f"median of {runs}: index read and queried, in the process")
    whole = command("entities", "wales", "--json")
    record("reader entities wales --json, 1,000 articles", whole, "s", "", None, f"median of {runs}, the whole process")

    search, hits = in_process(lambda library: library.search("Wikipedia"))
    record("search, 1,000 articles", search, "ms", "< 300", search < 300,
           f"median of {runs}: every text and note, in the process ({len(hits)} matches)")
    whole = command("search", "Wikipedia", "--json")
    record("reader search Wikipedia --json, 1,000 articles", whole, "s", "", None,
           f"median of {runs}, the whole process")


def bench_second_open(record, runs: int, python: str, work: Path, sample: Path) -> None:
    """The second open of an article: the panel filled from the kept analysis, after the first paint."""
    import statistics

    from benchmarks.terminal import Terminal

    print("The second open of the sample: the panel from the library's cached analysis", flush=True)
    db = work / "second-open" / "notes.json"
    if db.parent.exists():
        shutil.rmtree(db.parent)
    argv = [python, "-m", "reader", str(sample), "--db", str(db)]
    first = Terminal(argv)
    try:
        first.wait_for(lambda s: "People (" in s, timeout=60)
        time.sleep(2.0)  # the article is kept, and its analysis, after the panel is shown
    finally:
        first.close()
    gaps = []
    for _ in range(runs):
        term = Terminal(argv)
        try:
            # What the program wrote, as the first-paint row times it: the emulator's
            # parsing of a frame (pyte takes some 20 ms for a full one) is not the program's.
            painted = term.wait_for_output("Stamattina presto", timeout=60)
            filled = term.wait_for_output("People (", timeout=60)
            gaps.append((filled - painted) * 1000)
        finally:
            term.close()
    gap = statistics.median(gaps)
    record("second open, panel filled after first paint, sample", gap, "ms", "< 100", gap < 100, f"median of {runs}")

