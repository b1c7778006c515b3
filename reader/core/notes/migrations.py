"""Store files from older versions of reader, brought up to the current schema.

Each file carries a schema version in its `_meta` table. Version 0 (no `_meta`
table) held the anchor as flat fields and had no tags, colour or times; it is
converted in memory when read and rewritten when the file is next written.
"""

from __future__ import annotations

import secrets

from tinydb import TinyDB

from reader.core.notes.model import now

SCHEMA = 1
"""Version of the files written now."""


def schema_of(db: TinyDB) -> int:
    """The schema version of an open store file (the current one for a new file)."""
    return schema_of_data(db.storage.read())


def schema_of_data(data: dict | None) -> int:
    """The schema version of a store file's data (the current one for a new file)."""
    if not data:
        return SCHEMA
    meta = data.get("_meta", {})
    for record in meta.values():
        if isinstance(record, dict) and isinstance(record.get("schema"), int):
            return record["schema"]
    return 0


def to_current(record: dict, version: int) -> dict:
    """A note record as the current schema has it (older ones converted in memory)."""
    return _v0_to_v1(record) if version == 0 else record


def notes_table_records(db: TinyDB) -> list[dict]:
    """Note records, whatever the file's schema (old ones are converted in memory)."""
    records = db.table("notes").all()
    version = schema_of(db)
    if version == 0:
        return [_v0_to_v1(r) for r in records]
    return [dict(r) for r in records]


def _v0_to_v1(record: dict) -> dict:
    anchor = record.get("anchor") or {
        "block": record.get("block", 0),
        "start": record.get("start", 0),
        "end": record.get("end", 0),
        "exact": record.get("text", ""),
    }
    return {
        "id": record.get("id") or secrets.token_hex(5),
        "article": record.get("article", ""),
        "anchor": anchor,
        "body": record.get("body", record.get("note", "")),
        "tags": record.get("tags", []),
        "color": record.get("color", "yellow"),
        "created": record.get("created", now()),
        "updated": record.get("updated", record.get("created", now())),
    }


def migrate(db: TinyDB, version: int) -> None:
    """Bring a file up to SCHEMA in place (it is then written atomically)."""
    if version == 0:
        table = db.table("notes")
        records = [_v0_to_v1(r) for r in table.all()]
        table.truncate()
        table.insert_multiple(records)
    meta = db.table("_meta")
    meta.truncate()
    meta.insert({"schema": SCHEMA})
