"""Direct quotations in every common style, including nested and multi-paragraph ones.

Marks are told apart by their neighbours: an apostrophe sits between letters
(l'intelligenza, don't, Meta's), an opening mark touches the word after it, a
closing mark the word before it. French « » may have spaces inside. Pairs are
matched with a stack, so a quotation inside a quotation is found too. A quotation
whose paragraph ends open continues into the next paragraph when that one reopens
with a mark (the English and French conventions). One or two words between marks
are a term ("superintelligence"), not a quotation, unless a speech verb follows
them ("No comment," he said).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reader.core.analysis.results import Quote, QuotePart
from reader.core.article.model import Document

MIN_WORDS = 3

# opener -> closers that can end it
_PAIRS: dict[str, str] = {
    "“": "”“\"",  # English “…”; some German text closes „…“ with “; hasty text “…"
    "„": "“”",
    "«": "»",
    "»": "«",  # German, Danish: »…«
    "‹": "›",
    "›": "‹",
    "‚": "‘’",
    "‘": "’",
    '"': '"',
    "'": "'",
}
_ALL_MARKS = frozenset("“”„«»‹›‚‘’\"'")
_DOUBLE = frozenset("“”„«»\"")
_MARKS_RE = re.compile("[“”„«»‹›‚‘’\"']")


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, depth_double: int) -> str:
    """'open', 'close', 'both' (either) or '' (not a quotation mark here)."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "'’":
        if _is_letter(before) and _is_letter(after):
            return ""  # l'intelligenza, don't, Meta's
        if ch == "’" and _is_letter(before) and after in "s" and not _is_letter(text[i + 2 : i + 3] or " "):
            return ""
        if ch == "'" and depth_double == 0:
            return ""  # straight single quotes count only nested in a quotation
    if ch in "„‚«‹":
        if ch in "«‹" and before not in " \t\n([{—–-'’\"" and after in " \t\n.,;:!?)":
            return "close"  # German »…«: the closing guillemet
        return "open"
    opens = (before.isspace() or before in "([{—–-/:;,'’\"“„«»" or i == 0) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}…—–-'’\"”»«" or i + 1 == len(text))
    if ch in "»›" and not opens:
        return "close"
    if opens and closes:
        return "both"
    if opens:
        return "open"
    if closes:
        return "close"
    return "both" if ch == '"' else ""


@dataclass
class _Open:
    mark: str
    block: int
    pos: int  # index of the first character after the mark
    parts: tuple[QuotePart, ...] = ()


def find_quotes(doc: Document) -> list[Quote]:
    """All quotations of a document, in reading order, nested ones included."""
    quotes: list[Quote] = []
    carried: list[_Open] = []
    for block in doc.blocks:
        carried = _scan_block(block.index, block.text, quotes, carried, doc)
        quotes.extend(_dialogue(block.index, block.text))
    quotes.sort(key=lambda q: (q.block, q.start, -len(q.text)))
    holders = _holders(quotes)
    return [replace(q, nested_in=holders[i], id=f"q{i + 1}") for i, q in enumerate(quotes)]


def _holders(quotes: list[Quote]) -> list[int | None]:
    """For each quotation, the index of the quotation that holds it: the nearest
    earlier one in the same block whose span contains it.

    The earlier quotations of a block all start where it starts or before, so one
    holds it when it ends where it ends or after: the nearest such is found with a
    stack of the block's quotations whose ends decrease (a nearer one that ends
    later hides the rest), not by a walk back over the whole block. Quotations
    from an earlier block that reach into this one are tried last, as before.
    """
    out: list[int | None] = []
    stack: list[int] = []
    reaching: list[int] = []
    block = -1
    for i, q in enumerate(quotes):
        if q.block != block:
            block, stack, reaching = q.block, [], []
            j = i - 1
            while j >= 0 and quotes[j].parts[-1].block >= block:
                reaching.append(j)
                j -= 1
        while stack and quotes[stack[-1]].end < q.end:
            stack.pop()
        if stack:
            out.append(stack[-1])
        else:
            out.append(next((j for j in reaching if _holds(quotes[j], q)), None))
        stack.append(i)
    return out


def _holds(outer: Quote, q: Quote) -> bool:
    return any(p.block == q.block and p.start <= q.start and q.end <= p.end for p in outer.parts)


_DASHES = "—–"
_ASIDE = re.compile(r"\s[—–]\s?(?=\w)")
"""Where the narrator's aside opens in a line of dialogue: " —dijo", " – disse"."""


def _dialogue(index: int, text: str) -> list[Quote]:
    """A line of dialogue, as Spanish and Portuguese news write it: a paragraph that opens
    with a dash, the words up to the narrator's aside ("—Es una ley injusta —dijo—. Y la
    cambiaremos."), and the words after the aside's closing dash. Only when the aside
    holds a speech verb: a paragraph that merely opens with a dash is no dialogue."""
    lead = len(text) - len(text.lstrip())
    if text[lead : lead + 1] not in _DASHES or any(m in text for m in "«»“”\""):
        return []
    aside = _ASIDE.search(text, lead + 1)
    if aside is None or not _speech_follows(text[aside.end() :]):
        return []
    parts = [_trim(text, QuotePart(index, lead + 1, aside.start()))]
    close = next((i for i in range(aside.end(), len(text)) if text[i] in _DASHES), None)
    if close is not None:
        rest = close + 1
        while rest < len(text) and text[rest] in ".,;: ":
            rest += 1
        if len(text[rest:].split()) >= MIN_WORDS:
            parts.append(_trim(text, QuotePart(index, rest, len(text))))
    out = []
    for part in parts:
        words = text[part.start : part.end].strip(" .,;")
        if len(words.split()) >= MIN_WORDS:
            out.append(Quote(parts=(part,), text=text[part.start : part.end]))
    return out


def _speech_follows(after: str) -> bool:
    """A speech verb among the first words of an aside ("dijo—.", "disse o ministro")."""
    from reader.core.analysis import lexicon

    verbs = lexicon.any_language().speech_verbs
    words = [w.strip(".,;:!?").casefold() for w in re.split(r"[\s—–]+", after)[:4]]
    return any(w in verbs for w in words)


def _scan_block(index: int, text: str, quotes: list[Quote], carried: list[_Open], doc: Document) -> list[_Open]:
    stack: list[_Open] = []
    # A quotation left open at the end of the previous block continues here only if
    # this block reopens with a mark.
    lead = len(text) - len(text.lstrip())
    if carried and text[lead : lead + 1] in _ALL_MARKS and _role(text, lead, 1) in ("open", "both"):
        outer = carried[0]
        stack.append(_Open(outer.mark, index, lead + 1, outer.parts))
        skip = lead
    else:
        skip = -1
    # Headlines quote with straight single marks: "North Korea puts military in 'quasi-state of war'".
    headline = int(index == 0 or doc.blocks[index].kind == "heading")
    for found in _MARKS_RE.finditer(text):
        i = found.start()
        ch = text[i]
        if i == skip:
            continue
        depth_double = sum(1 for o in stack if o.mark in _DOUBLE) + headline
        role = _role(text, i, depth_double)
        if not role:
            continue
        if role == "open" and ch in "»›" and _matching(stack, ch) is not None:
            role = "close"  # French spacing: « l'exil » — the space before » is typographic
        if role in ("close", "both"):
            j = _matching(stack, ch)
            if j is not None:
                opened = stack[j]
                del stack[j:]
                _emit(quotes, opened, index, i, text, doc)
                continue
            if role == "close":
                continue
        if ch in _PAIRS and not (ch == "'" and depth_double == 0):
            stack.append(_Open(ch, index, i + 1))
    # Carry the outermost double quotation that is still open, to see if the next
    # paragraph continues it.
    for opened in stack:
        if opened.mark in _DOUBLE:
            part = QuotePart(index, opened.pos, len(text.rstrip()))
            return [_Open(opened.mark, index, opened.pos, (*opened.parts, _trim(text, part)))]
    return []


def _matching(stack: list[_Open], mark: str) -> int | None:
    for j in range(len(stack) - 1, -1, -1):
        if mark in _PAIRS.get(stack[j].mark, ""):
            return j
    return None


def _spoken(inside: str, after: str) -> bool:
    """A short quotation is speech when a comma and a speech verb follow it.

    «Andremo avanti», ha detto; "No comment," the spokesman said.
    """
    if not (inside.rstrip().endswith(",") or after.lstrip().startswith(",")):
        return False
    from reader.core.analysis import lexicon

    verbs = lexicon.any_language().speech_verbs  # the article's language may not be known yet
    words = [w.strip(".,;:!?»”\"'").casefold() for w in after.lstrip(" ,").split()[:4]]
    return any(w in verbs for w in words)


def _title_case(words: list[str]) -> bool:
    """Every word capitalised but the function words between them: a name or a title
    ("Super District Council", "Cowboys and Indians"), not speech."""
    from reader.core.analysis import lexicon

    every = lexicon.any_language()
    small = every.particles | every.conjunctions | every.articles
    inner = words[1:-1]
    return all(w[:1].isupper() or not w[:1].isalpha() for w in (words[0], words[-1])) and all(
        w[:1].isupper() or not w[:1].isalpha() or w.casefold() in small for w in inner
    )


def _trim(text: str, part: QuotePart) -> QuotePart:
    start, end = part.start, part.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotePart(part.block, start, end)


def _emit(quotes: list[Quote], opened: _Open, index: int, close_at: int, text: str, doc: Document) -> None:
    last = _trim(text, QuotePart(index, opened.pos, close_at))
    parts = tuple(p for p in (*opened.parts, last) if p.end > p.start)
    if not parts:
        return
    words = " ".join(doc.blocks[p.block].text[p.start : p.end] for p in parts)
    split = words.split()
    spoken = len(split) <= 5 and _spoken(words, text[close_at + 1 :])
    if len(split) < MIN_WORDS and not spoken:
        return
    punctuated = words.rstrip()[-1:] in ",.!?…"  # "Never," said Yellen; not "Super District Council", said
    if not (spoken and punctuated) and len(split) <= 5 and _title_case(split):
        return  # a name or a title in quotation marks ("Super District Council", "Cowboys and Indians")

    quotes.append(Quote(parts=parts, text=words))
