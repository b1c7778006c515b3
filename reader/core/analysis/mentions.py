"""Every mention of every entity: each of its forms looked up again across all blocks.

The candidates found names only where capitals were informative; here every form
of every entity is matched against the tokens of every block, headings included,
longest form first, so each entity gets all its mentions. A form two entities
share (a surname) goes to the one named most recently.
"""

from __future__ import annotations

from collections import defaultdict

from reader.core.analysis.results import Mention
from reader.core.analysis.tokens import Token, tokenize
from reader.core.article.model import Document


def find_mentions(forms: list[list[str]], doc: Document, tokens: list[list[Token]]) -> list[list[Mention]]:
    """Every occurrence of every form (one list of forms per entity), longest first,
    as token sequences: the mentions of each entity, in reading order."""
    mentions: list[list[Mention]] = [[] for _ in forms]
    table: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_first: dict[str, set[int]] = defaultdict(set)
    for i, entity_forms in enumerate(forms):
        for form in entity_forms:
            key = tuple(t.text for t in tokenize(form))
            if key and i not in table[key]:
                table[key].append(i)
                by_first[key[0]].add(len(key))
    sizes_for = {first: sorted(sizes, reverse=True) for first, sizes in by_first.items()}
    last_seen: dict[int, tuple[int, int]] = {}
    for block, toks in zip(doc.blocks, tokens):
        n = len(toks)
        i = 0
        while i < n:
            match = None
            for size in sizes_for.get(toks[i].text, ()):
                if i + size > n:
                    continue
                key = tuple(t.text for t in toks[i : i + size])
                owners = table.get(key)
                if owners and _contiguous(block.text, toks[i : i + size]):
                    match = (size, owners)
                    break
            if match is None:
                i += 1
                continue
            size, owners = match
            owner = owners[0]
            if len(owners) > 1:
                # A shared surname: the person named most recently.
                owner = max(owners, key=lambda k: last_seen.get(k, (-1, -1)))
            start, end = toks[i].start, toks[i + size - 1].end
            if toks[i + size - 1].is_dotted and block.text[end : end + 1] == ".":
                end += 1  # "U.S.": the abbreviation's last dot
            mentions[owner].append(Mention(block.index, start, end, block.text[start:end]))
            last_seen[owner] = (block.index, start)
            i += size
    return mentions


def _contiguous(text: str, toks: list[Token]) -> bool:
    """Words of one name: next to each other, or after an initial ("George W. Bush",
    "K.C. Maurer")."""
    return all(
        text[a.end : b.start] in (" ", "") or (text[a.end : b.start] == ". " and (a.is_initial or a.is_dotted))
        for a, b in zip(toks, toks[1:])
    )
