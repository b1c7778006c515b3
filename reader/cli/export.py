"""`reader export`: an article's notes as Markdown (or Web Annotation JSON)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from reader.cli.output import warn
from reader.core.article import printable
from reader.core.errors import InputError, ReaderError


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("export", parents=[common], help="write an article's notes as Markdown")
    parser.add_argument("path", nargs="?", help="the article")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="file, or folder (made if it ends in /); standard output without it"
    )
    parser.add_argument("--all", action="store_true", help="every annotated article, one file each (needs -o DIR)")
    parser.add_argument(
        "--format", choices=("md", "json"), default="md", help="md (default) or json (W3C Web Annotation)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="rewrite an earlier export whose reader:begin/end markers are broken, keeping it as FILE.bak",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.core.article import load
    from reader.core.export import export_article, safe_filename, write_export
    from reader.core.notes import article_key, ensure_private_dir, open_store

    store = open_store(args.db)
    fmt = args.format
    if args.all:
        if not args.output:
            raise InputError("--all needs -o DIR, the folder to write one file per article into")
        return _export_all(store, Path(args.output).expanduser(), fmt, args.force)
    if not args.path:
        raise InputError("export needs the article's PATH (or --all -o DIR)")
    doc = load(args.path)
    _check_notes(store, doc)
    if not store.notes_for(article_key(doc)):
        # An empty export is no use in a vault, and would replace an earlier one.
        print(printable(f"no notes on {doc.title!r}: nothing written"), file=sys.stderr)
        return 0
    if args.output:
        out = Path(args.output).expanduser()
        if args.output.endswith(("/", os.sep)) or out.is_dir():
            ensure_private_dir(out)  # -o newdir/ is a folder to make, not a file named newdir
            out = out / safe_filename(doc.title, ".json" if fmt == "json" else ".md")
        written = write_export(out, _renderer(store, doc, fmt), force=args.force)
        _report_forced(written)
        print(printable(str(out)))
        return 0
    sys.stdout.write(export_article(store, doc, fmt))
    return 0


def _check_notes(store, doc) -> None:
    """An export must hold every note: refuse when one of the article's files is damaged."""
    from reader.core.notes import DamagedStore, article_key

    key = article_key(doc)
    store.notes_for(key)
    damage = store.notes_problem(key)
    if damage:
        raise DamagedStore(f"{damage}; not exported, since some of this article's notes cannot be read")


def _report_forced(written) -> None:
    if written.backup is not None:
        warn(f"{written.path}, {written.refused}; rewritten, the previous file kept as {written.backup}")


def _export_all(store, folder: Path, fmt: str, force: bool = False) -> int:
    from reader.core.article import load
    from reader.core.export import safe_filename, write_export
    from reader.core.notes import ensure_private_dir

    records = {a.key: a for a in store.articles()}
    keys = sorted({n.article for n in store.all_notes()})
    if not keys:
        print("no annotated articles", file=sys.stderr)
        return 0
    ensure_private_dir(folder)
    progress = sys.stderr.isatty()
    written = 0
    failed = 0
    used: set[str] = set()
    library = None
    files: dict[str, tuple[str, str]] = {}
    """Library id -> (title, file name) of each article exported, for the index note."""
    if fmt == "md":
        from reader.core.library import INDEX_NOTE, Library

        library = Library(store)
        used.add(INDEX_NOTE)
    for i, key in enumerate(keys, 1):
        record = records.get(key)
        if progress:
            bar = "█" * (20 * i // len(keys))
            print(f"\r[{bar:<20}] {i}/{len(keys)}", end="", file=sys.stderr, flush=True)
        if record is None and store.index_problem():
            _skipped(f"skipped article {key}: its source is recorded in {store.path}, which cannot be read", progress)
            failed += 1
            continue
        if record is None or not record.source or record.source == "-":
            _skipped(f"notes of an article read from standard input cannot be exported with --all ({key})", progress)
            continue
        try:
            doc = load(record.source)
            _check_notes(store, doc)
        except ReaderError as exc:
            _skipped(f"skipped {record.title or key}: {exc}", progress)
            failed += 1
            continue
        name = safe_filename(doc.title, ".json" if fmt == "json" else ".md")
        if name in used:
            name = safe_filename(f"{doc.title} {key[:6]}", ".json" if fmt == "json" else ".md")
        used.add(name)
        analysis = kept = None
        if library is not None:
            try:  # kept in the library (as opening it would), its analysis made once for both
                kept = library.keep(doc)
                analysis = library.analyse(kept.article, doc)
            except ReaderError:
                kept = None
        try:
            done = write_export(folder / name, _renderer(store, doc, fmt, analysis), force)
        except ReaderError as exc:  # one file that cannot be written: say so, and go on with the others
            _skipped(f"not written: {exc}", progress)
            failed += 1
            continue
        _report_forced(done)
        written += 1
        if kept is not None and analysis is not None:
            files[kept.article.id] = (doc.title, name)
    if progress:
        print(file=sys.stderr)
    index = _write_index_note(library, files, folder) if library is not None and files else ""
    print(printable(f"{written} file{'s' if written != 1 else ''} written to {folder}{index}"))
    return 1 if failed else 0


def _write_index_note(library, files: dict[str, tuple[str, str]], folder: Path) -> str:
    """The index note linking each entity to the exported articles naming it; what to add to the summary."""
    from datetime import UTC, datetime

    from reader import __version__
    from reader.core.export import write_export
    from reader.core.library import INDEX_NOTE, index_note

    try:
        text = index_note(
            library.entity_index(), files, datetime.now(UTC).isoformat(timespec="seconds"), __version__
        )
        write_export(folder / INDEX_NOTE, lambda _existing: text)
    except ReaderError as exc:
        warn(f"{INDEX_NOTE} not written: {exc}")
        return ""
    return f", and {INDEX_NOTE} beside them"


def _renderer(store, doc, fmt: str, analysis=None) -> Callable[[str | None], str]:
    """What write_export calls with the earlier export's text: Markdown merges into it, JSON replaces it."""
    from reader.core.export import export_article

    return lambda existing: export_article(store, doc, fmt, existing if fmt == "md" else None, analysis)


def _skipped(message: str, progress: bool) -> None:
    if progress:
        print(file=sys.stderr)  # end the progress bar's line first
    warn(message)
