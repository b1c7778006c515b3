"""Every store file checked against its schema when read: one small validator per record.

The index file (notes.json) holds article records, reading positions and settings;
each notes file holds notes; both carry a `_meta` record with the schema version. A
validator says what is wrong with a record, in words that name it; the storage then
leaves that file byte-identical and read-only, and reads only its good records.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Problem = tuple[str, str, str]
"""(table, record id, what is wrong)."""
Validator = Callable[[dict], list[Problem]]

INDEX_TABLES = frozenset({"_meta", "articles", "positions", "settings"})
NOTES_TABLES = frozenset({"_meta", "notes"})
_KEY = re.compile(r"[0-9a-f]{16}")
_NOTE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _text(record: dict, field: str, required: bool = True) -> str | None:
    if field not in record:
        return f"{field} is missing" if required else None
    if not isinstance(record[field], str):
        return f"{field} must be text, not {_describe(record[field])}"
    return None


def anchor_problem(anchor: Any) -> str | None:
    """What is wrong with a stored anchor (block, start, end, exact, prefix, suffix)."""
    if not isinstance(anchor, dict):
        return f"anchor must be an object, not {_describe(anchor)}"
    for field in ("block", "start", "end"):
        if field not in anchor:
            return f"anchor.{field} is missing"
        if not _whole(anchor[field]):
            return f"anchor.{field} must be a whole number of 0 or more, not {_describe(anchor[field])}"
    if anchor["end"] < anchor["start"]:
        return f"anchor.end ({anchor['end']}) comes before anchor.start ({anchor['start']})"
    for field, required in (("exact", True), ("prefix", False), ("suffix", False)):
        problem = _text(anchor, field, required)
        if problem:
            return "anchor." + problem
    return None


def meta_problem(record: dict) -> str | None:
    if "schema" not in record:
        return "schema is missing"
    if not _whole(record["schema"]):
        return f"schema must be a whole number, not {_describe(record['schema'])}"
    return None


def article_problem(record: dict) -> str | None:
    key = record.get("key")
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        return f"key must be 16 hexadecimal digits, not {_describe(key)}"
    for field in ("title", "source", "language", "updated"):
        problem = _text(record, field, required=False)
        if problem:
            return problem
    return None


def position_problem(record: dict) -> str | None:
    problem = _text(record, "key")
    if problem:
        return problem
    if "anchor" not in record:
        return "anchor is missing"
    return anchor_problem(record["anchor"])


def setting_problem(record: dict) -> str | None:
    problem = _text(record, "name")
    if problem:
        return problem
    if "value" not in record:
        return "value is missing"
    return None


def note_problem(record: dict, key: str | None = None) -> str | None:
    """What is wrong with a note record of the current schema (`key`: the file's article)."""
    note_id = record.get("id")
    if not isinstance(note_id, str) or not _NOTE_ID.fullmatch(note_id):
        return f"id must be letters, digits, - or _, not {_describe(note_id)}"
    problem = _text(record, "article")
    if problem:
        return problem
    if key is not None and record["article"] != key:
        return f"article {_describe(record['article'])} is not this file's article {key}"
    if "anchor" not in record:
        return "anchor is missing"
    problem = anchor_problem(record["anchor"])
    if problem:
        return problem
    for field in ("body", "color", "created", "updated"):
        problem = _text(record, field, required=False)
        if problem:
            return problem
    tags = record.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        return f"tags must be a list of text, not {_describe(tags)}"
    return None


def _check(data: dict, table: str, check: Callable[[dict], str | None]) -> list[Problem]:
    problems: list[Problem] = []
    for doc_id, record in data.get(table, {}).items():
        problem = check(record)
        if problem:
            problems.append((table, doc_id, problem))
    return problems


def _table_problems(data: dict, known: frozenset[str], schema: int | None = None) -> list[Problem]:
    """Tables a file of this schema does not have, and a `_meta` that is not one record."""
    from reader.core.notes.migrations import SCHEMA, schema_of_data

    if schema_of_data(data) > (SCHEMA if schema is None else schema):
        return []  # a newer reader's file: its tables are its own (it is never written)
    problems: list[Problem] = [(table, "-", "is not a table of this file") for table in data if table not in known]
    if "_meta" in data and len(data["_meta"]) != 1:
        problems.append(("_meta", "-", f"must hold one record, not {len(data['_meta'])}"))
    return problems


def index_problems(data: dict) -> list[Problem]:
    """The problems of notes.json: its tables, article records, positions, settings and `_meta`."""
    return (
        _table_problems(data, INDEX_TABLES)
        + _check(data, "_meta", meta_problem)
        + _check(data, "articles", article_problem)
        + _check(data, "positions", position_problem)
        + _check(data, "settings", setting_problem)
    )


def notes_problems(key: str) -> Validator:
    """A validator for one article's notes file (older schemas checked once converted)."""

    def check(data: dict) -> list[Problem]:
        from reader.core.notes.migrations import schema_of_data, to_current

        problems = _table_problems(data, NOTES_TABLES) + _check(data, "_meta", meta_problem)
        if problems:
            return problems
        version = schema_of_data(data)
        return _check(data, "notes", lambda record: note_problem(to_current(record, version), key))

    return check


def table_validator(checks: dict[str, Callable[[dict], str | None]], schema: int) -> Validator:
    """A validator for a store file of other records (the library's): each table's
    records checked by its function, no table but these and `_meta`.

    Args:
        checks: table name -> what is wrong with one of its records, or None.
        schema: the version of the files this reader writes (a newer file's
            tables are its own and not checked).
    """
    known = frozenset({"_meta", *checks})

    def check(data: dict) -> list[Problem]:
        problems = _table_problems(data, known, schema) + _check(data, "_meta", meta_problem)
        for table, record_problem in checks.items():
            problems += _check(data, table, record_problem)
        return problems

    return check


def structure_problem(data: Any) -> str | None:
    """What keeps a file from being a TinyDB store at all: tables of numbered records."""
    if not isinstance(data, dict):
        return "not a notes store (a JSON object of tables)"
    for table, records in data.items():
        if not isinstance(records, dict):
            return f"table {table!r} is not an object of records"
        for doc_id, record in records.items():
            if not doc_id.isdigit():
                return f"table {table!r} has a record numbered {doc_id!r}, not a number"
            if not isinstance(record, dict):
                return f"{table} record {doc_id} is not an object"
    return None


def describe(problems: list[Problem]) -> str:
    """The first problem in words, and how many more there are."""
    table, doc_id, what = problems[0]
    more = f", and {len(problems) - 1} more" if len(problems) > 1 else ""
    where = f"table {table!r}" if doc_id == "-" else f"{table} record {doc_id}"
    return f"{where}: {what}{more}"
