"""What the analysis reads of an article: its prose, code blocks left out.

A code block is shown as written and searched by /, but its words are not the
article's: a string literal is no quotation and a class name no person. The
analysis runs on a view of the document in which each code block's text is
blanked (spaces, the same length, so every offset into the other blocks, and
every block index, is unchanged).
"""

from __future__ import annotations

from dataclasses import replace

from reader.core.article.model import Document


def without_code(doc: Document) -> Document:
    """A view of `doc` whose code blocks are blank; the other blocks are the same objects.

    Returns `doc` itself when it has no code blocks (every plain-text article).
    """
    if not any(b.kind == "code" for b in doc.blocks):
        return doc
    blocks = [replace(b, text=" " * len(b.text), spans=()) if b.kind == "code" else b for b in doc.blocks]
    return replace(doc, blocks=blocks, warnings=doc.warnings)
