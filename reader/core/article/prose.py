"""What the analysis reads of an article: its prose, code blocks left out.

A code block is shown as written and searched by /, but its words are not the
article's: a string literal is no quotation and a class name no person. The
analysis runs on a view of the document in which each code block's text is
blanked (spaces, the same length, so every offset into the other blocks, and
every block index, is unchanged).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import wraps
from typing import TypeVar

from reader.core.article.model import Document

T = TypeVar("T")


def without_code(doc: Document) -> Document:
    """A view of `doc` whose code blocks are blank; the other blocks are the same objects.

    Returns `doc` itself when it has no code blocks (every plain-text article).
    """
    if not any(b.kind == "code" for b in doc.blocks):
        return doc
    blocks = [replace(b, text=" " * len(b.text), spans=()) if b.kind == "code" else b for b in doc.blocks]
    return replace(doc, blocks=blocks, warnings=doc.warnings)


def prose_only(analyse: Callable[[Document], T]) -> Callable[[Document], T]:
    """Run an analysis on `without_code(doc)`, reporting back to `doc`.

    The document's language and confidence, which the analysis sets on what it is
    given, are copied back; the prose blocks are shared, so theirs need no copying;
    code blocks keep "und". A result with a `document` attribute gets `doc` back,
    so what is built on it (export, notes) sees the real text.
    """

    @wraps(analyse)
    def run(doc: Document) -> T:
        view = without_code(doc)
        result = analyse(view)
        if view is not doc:
            doc.language, doc.language_confidence = view.language, view.language_confidence
            if getattr(result, "document", None) is view:
                result.document = doc  # type: ignore[attr-defined]
        return result

    return run
