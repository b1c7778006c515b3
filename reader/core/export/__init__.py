"""Notes out of reader: vault-ready Markdown (merged over earlier exports) and W3C Web Annotation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.export.annotations import to_web_annotations
    from reader.core.export.filenames import safe_filename
    from reader.core.export.markdown import render
    from reader.core.export.merging import READER_KEYS, MergeRefused, merge
    from reader.core.export.writing import Written, export_article, write_export

_EXPORTS = {
    "export_article": "writing",
    "write_export": "writing",
    "render": "markdown",
    "merge": "merging",
    "MergeRefused": "merging",
    "READER_KEYS": "merging",
    "Written": "writing",
    "safe_filename": "filenames",
    "to_web_annotations": "annotations",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
