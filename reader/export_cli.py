"""`reader export`: an article's notes as Markdown (or Web Annotation JSON)."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.core.errors import InputError, ReaderError
from reader.core.export import export_article, write_export


def cmd_export(args) -> int:
    from reader.cli import open_store
    from reader.core.document import load

    store = open_store(args)
    fmt = args.format
    if args.all:
        if not args.output:
            raise InputError("--all needs -o DIR, the folder to write one file per article into")
        return _export_all(store, Path(args.output).expanduser(), fmt)
    if not args.path:
        raise InputError("export needs the article's PATH (or --all -o DIR)")
    doc = load(args.path)
    if args.output:
        out = Path(args.output).expanduser()
        if out.is_dir():
            from reader.core.export import safe_filename

            out = out / safe_filename(doc.title, ".json" if fmt == "json" else ".md")
        write_export(out, lambda existing: export_article(store, doc, fmt, existing if fmt == "md" else None))
        print(out)
        return 0
    sys.stdout.write(export_article(store, doc, fmt))
    return 0


def _export_all(store, folder: Path, fmt: str) -> int:
    from reader.core.document import load
    from reader.core.export import safe_filename
    from reader.core.storage import ensure_private_dir

    records = {a.key: a for a in store.articles()}
    keys = sorted({n.article for n in store.all_notes()})
    if not keys:
        print("no annotated articles", file=sys.stderr)
        return 0
    ensure_private_dir(folder)
    progress = sys.stderr.isatty()
    written = 0
    used: set[str] = set()
    for i, key in enumerate(keys, 1):
        record = records.get(key)
        if progress:
            bar = "█" * (20 * i // len(keys))
            print(f"\r[{bar:<20}] {i}/{len(keys)}", end="", file=sys.stderr, flush=True)
        if record is None or not record.source or record.source == "-":
            print(f"\nreader: warning: notes of an article read from standard input cannot be exported with --all ({key})", file=sys.stderr)
            continue
        try:
            doc = load(record.source)
        except ReaderError as exc:
            print(f"\nreader: warning: skipped {record.title or key}: {exc}", file=sys.stderr)
            continue
        name = safe_filename(doc.title, ".json" if fmt == "json" else ".md")
        if name in used:
            name = safe_filename(f"{doc.title} {key[:6]}", ".json" if fmt == "json" else ".md")
        used.add(name)
        write_export(folder / name, lambda existing: export_article(store, doc, fmt, existing if fmt == "md" else None))
        written += 1
    if progress:
        print(file=sys.stderr)
    print(f"{written} file{'s' if written != 1 else ''} written to {folder}")
    return 0
