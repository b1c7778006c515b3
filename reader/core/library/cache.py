"""What the library derives from a kept text, kept beside it: its analysis and its search text.

Both are named by the text's SHA-256, its format (text or Markdown: the blocks
differ) and the analyser version, so a text is analysed once per analyser version,
wherever it came from. They are derived data: written atomically but without the
store's lock or fsync (two writers write the same thing), and a file that cannot be
read, or does not fit its article, is simply made again.

    <sha256>.<format>.a<version>.json   the analysis (analysis.to_stored)
    <sha256>.<format>.s<version>.json   the blocks' text, and folded for search
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.analysis import stored
from reader.core.analysis.results import Analysis
from reader.core.article.model import Document
from reader.core.article.search import fold_fast
from reader.core.notes.storage import ensure_private_dir

_NAME = re.compile(r"^([0-9a-f]{64})\.(text|markdown)\.([as])(\d+)\.json$")


def analysis_path(folder: Path, sha256: str, fmt: str, version: int | None = None) -> Path:
    """Where the analysis of a text is kept (by this analyser, unless `version` says another)."""
    return folder / f"{sha256}.{fmt}.a{version or stored.ANALYSER_VERSION}.json"


def search_path(folder: Path, sha256: str, fmt: str) -> Path:
    """Where a text's search text is kept (the blocks depend on the parser, versioned with the analyser)."""
    return folder / f"{sha256}.{fmt}.s{stored.ANALYSER_VERSION}.json"


def write_derived(path: Path, data: Any) -> None:
    """Write a derived file all at once (a temporary file renamed over it), without fsync."""
    ensure_private_dir(path.parent)
    write_whole(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"))


def write_whole(path: Path, data: bytes) -> None:
    """A file written under a temporary name, then renamed: never seen half-written.
    No fsync: what is written this way can be made again, or is synced by its caller."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def read_derived(path: Path) -> Any | None:
    """A derived file's data, or None when it is missing or cannot be read as JSON."""
    try:
        with open(path, "rb") as fh:
            return json.loads(fh.read().decode("utf-8", "surrogatepass"))
    except (OSError, ValueError, RecursionError):
        return None


def write_analysis(folder: Path, sha256: str, analysis: Analysis) -> None:
    write_derived(analysis_path(folder, sha256, analysis.document.format), stored.to_stored(analysis))


def read_analysis(folder: Path, sha256: str, doc: Document) -> Analysis | None:
    """The kept analysis of this text by this analyser version, or None (none, or it does not fit)."""
    data = read_derived(analysis_path(folder, sha256, doc.format))
    if data is None:
        return None
    try:
        return stored.from_stored(data, doc)
    except stored.StoredAnalysisError:
        return None


def newest_versions(folder: Path) -> dict[tuple[str, str], int]:
    """(sha256, format) -> the newest analyser version of which an analysis is kept (one folder listing)."""
    found: dict[tuple[str, str], int] = {}
    try:
        entries = os.scandir(folder)
    except OSError:
        return found
    with entries:
        for entry in entries:
            m = _NAME.match(entry.name)
            if m and m.group(3) == "a":
                key = (m.group(1), m.group(2))
                found[key] = max(found.get(key, 0), int(m.group(4)))
    return found


@dataclass(frozen=True)
class SearchText:
    """An article's blocks as search reads them: as written, and folded (no case, no accents)."""

    blocks: list[str]
    folded: list[str]
    uneven: frozenset[int]
    """Blocks whose folding changed their length: offsets are mapped back through `fold`."""


def search_text(doc: Document) -> SearchText:
    blocks = [b.text for b in doc.blocks]
    folded: list[str] = []
    uneven: set[int] = set()
    for i, text in enumerate(blocks):
        f, origin = fold_fast(text)
        folded.append(f)
        if origin is not None:
            uneven.add(i)
    return SearchText(blocks, folded, frozenset(uneven))


def write_search(folder: Path, sha256: str, doc: Document) -> SearchText:
    found = search_text(doc)
    data = {"blocks": found.blocks, "folded": found.folded, "uneven": sorted(found.uneven)}
    write_derived(search_path(folder, sha256, doc.format), data)
    return found


def read_search(folder: Path, sha256: str, fmt: str) -> SearchText | None:
    data = read_derived(search_path(folder, sha256, fmt))
    try:
        blocks, folded, uneven = data["blocks"], data["folded"], data["uneven"]  # type: ignore[index]
        if len(blocks) != len(folded) or not all(isinstance(x, str) for x in (*blocks, *folded)):
            return None
        return SearchText(blocks, folded, frozenset(int(i) for i in uneven))
    except (TypeError, KeyError, ValueError):
        return None


def remove_derived(folder: Path, sha256: str) -> None:
    """Remove every file derived from a text (any format, any version)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(sha256 + "."):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
