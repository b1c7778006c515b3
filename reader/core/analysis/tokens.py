"""Words with offsets, and where sentences start, for the analysers.

A token is a run of letters and digits, with inner hyphens, apostrophes and dots
(co-fondatore, U.S, O'Brien). Elisions are split off (l'ONU -> l' + ONU, dell'
azienda), and so are possessives (Meta's -> Meta), so a name is always a token of
its own. Everything is computed once per block and shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.analysis import lexicon
from reader.core.analysis.lexicon import APOSTROPHES

_WORD = re.compile(r"[^\W_](?:[\w]|[-‐‑'’.](?=[^\W_]))*", re.UNICODE)


SENTENCE_END = ".!?…"



@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    sentence_start: bool
    """True when the token opens a sentence, a quotation, a heading or a list item:
    a position where any word is capitalised."""
    lower: str = ""
    """The case-folded text, compared with the word lists."""

    def __post_init__(self) -> None:
        if not self.lower:
            object.__setattr__(self, "lower", self.text.casefold())

    @property
    def is_capitalised(self) -> bool:
        ch = self.text[0]
        return ch.isupper() or self.is_camel or self.has_name_article

    @property
    def is_initial(self) -> bool:
        """A single capital, as in "George W. Bush" and "L. Ron Hubbard"."""
        return len(self.text) == 1 and self.text.isupper()

    @property
    def is_dotted(self) -> bool:
        """Capitals with a dot after each but the last, which the token leaves out: "U.S",
        "K.C", "L.A" (written "U.S.", "K.C.", "L.A.")."""
        parts = self.text.split(".")
        return len(parts) >= 2 and all(len(p) == 1 and p.isupper() for p in parts)

    @property
    def has_name_article(self) -> bool:
        """"al-Assad", "el-Sisi", "ash-Sharaa": a name behind the Arabic article."""
        head, sep, rest = self.text.partition("-")
        return bool(sep) and head in lexicon.any_language().name_articles and rest[:1].isupper()

    @property
    def is_prefixed(self) -> bool:
        """"pro-Beijing", "anti-Trump", "ex-Google": a lower-case prefix on a name."""
        head, sep, _ = self.text.partition("-")
        return bool(sep) and head.islower() and not self.has_name_article

    @property
    def is_acronym(self) -> bool:
        t = self.text
        return len(t) >= 2 and t.isupper() and not t[1:].isdigit()

    @property
    def is_camel(self) -> bool:
        """OpenAI, WhatsApp, iPhone: an upper-case letter right after a lower-case one."""
        t = self.text
        rest = t[1:]
        if rest == rest.lower():
            return False
        return any(a.islower() and b.isupper() for a, b in zip(t, rest))


def _split_word(text: str, start: int) -> list[tuple[str, int]]:
    """Split elisions (l'Italia) and possessives (Meta's) off a raw word."""
    parts: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in APOSTROPHES:
            head, tail = text[:i], text[i + 1 :]
            if head.casefold() in lexicon.any_language().elisions and tail:
                return [(head + ch, start)] + _split_word(tail, start + i + 1)
            if tail.casefold() in lexicon.any_language().possessives and head:
                return [(head, start)]
            break
    parts.append((text, start))
    return parts


def tokenize(text: str) -> list[Token]:
    """Tokens of a block of text, each marked whether it starts a sentence."""
    tokens: list[Token] = []
    append = tokens.append
    prev_end = 0
    prev_text = ""
    for m in _WORD.finditer(text):
        raw = m.group()
        parts = _split_word(raw, m.start()) if "'" in raw or "’" in raw else [(raw, m.start())]
        for word, start in parts:
            end = start + len(word)
            gap = text[prev_end:start]
            first = not tokens
            starts = True if first else (False if gap == " " else _starts_sentence(gap, prev_text))
            lower = word.casefold()
            append(Token(word, start, end, starts, word if lower == word else lower))
            prev_end, prev_text = end, word
    return tokens


_UNAMBIGUOUS_OPENERS = "“„«‹‚‘([{"
_AMBIGUOUS_QUOTES = "\"'»›”’"


def _opens_quote(gap: str, prev: str) -> bool:
    """Whether the gap before a token ends with an opening quotation mark."""
    core = gap.rstrip()
    if not core:
        return False
    mark = core[-1]
    if mark in _UNAMBIGUOUS_OPENERS:
        return True
    if mark in _AMBIGUOUS_QUOTES and core == gap:  # attached to the word that follows
        before = core[:-1]
        if before:
            return not before[-1].isalnum()
        return prev.endswith(("'", "’"))  # dell'"apertura"
    return False


def _starts_sentence(gap: str, prev: str) -> bool:
    """Whether the token after `gap` (the token before it being `prev`) starts a sentence."""
    if "\n" in gap:
        return True
    stripped = gap.strip()
    if not stripped:
        return False
    if _opens_quote(gap, prev) or stripped[-1] in "—–•*#" or stripped[0] in "#•":
        return True
    if gap.endswith(" - "):
        return True  # a dash typed as a hyphen: "WASHINGTON (Reuters) - The Federal Reserve"
    if any(ch in stripped for ch in SENTENCE_END):
        last = prev.casefold().rstrip(".")
        # Not after "Dr. Smith", "J. R. R. Tolkien", "U.S. officials".
        return not (
            stripped[0] == "."
            and (last in lexicon.any_language().abbreviations or (len(prev) == 1 and prev.isupper()) or "." in prev)
        )
    return stripped.endswith(":")


def sentence_spans(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Character ranges of the sentences of a block (quotation openings excluded)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for i, tok in enumerate(tokens):
        if i == 0 or not tok.sentence_start:
            continue
        gap = text[tokens[i - 1].end : tok.start]
        if any(ch in gap for ch in SENTENCE_END) or "\n" in gap:
            cut = tokens[i - 1].end + max(gap.rfind(ch) for ch in SENTENCE_END + "\n") + 1
            while cut < tok.start and text[cut] in "\"'”»’)]›":
                cut += 1
            spans.append((start, cut))
            start = cut
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
