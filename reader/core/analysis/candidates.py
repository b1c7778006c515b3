"""Name candidates: runs of capitalised words, trimmed of what capitals do not prove.

A capital letter proves little on its own: every sentence, quotation and headline
starts with one, and German capitalises every noun. So a run of capitalised words
becomes a candidate only where the capitals are informative (not in headings or
shouted lines), its sentence-initial word is kept only with evidence (it is seen
capitalised mid-sentence elsewhere, or it is a known name), titles ("ministro",
"CEO") are cut out and recorded as context, and in German a single capitalised
word needs outside evidence to count at all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from reader.core.analysis import lexicon
from reader.core.analysis.evidence import Evidence
from reader.core.analysis.lexicon import LangData
from reader.core.analysis.tokens import Token, tokenize
from reader.core.article.model import Document

# Particles that join name parts wherever they stand (von der Leyen, van Gogh).
STRONG_PARTICLES = frozenset(["van", "ter", "ten", "bin", "ibn", "al", "el", "ben", "bint", "dos", "das", "du"])
""""von" and "zu" are also German prepositions: they join only after a first name."""
# Particles inside people's names (Charles de Gaulle, Lula da Silva, Ursula von der
# Leyen); "of", "at" and the like join only organisation and place names.
NAME_PARTICLES = frozenset(
    ["von", "vom", "zu", "zur", "van", "der", "den", "de", "di", "da", "del", "della", "du", "des", "dos", "das", "do", "la", "le", "bin", "ibn", "al", "el", "ben", "ter", "ten", "y"]
)
# Articles join only after another particle: "de la", "von der", "van den".
ARTICLES = frozenset(["the", "la", "le", "les", "el", "los", "las", "der", "den", "dem", "des", "die", "das", "lo", "il"])
COMPASS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "nord", "sud", "est", "ovest", "ouest", "süd", "ost", "norte", "sur", "este", "oeste", "centrale"]
)
_INHABITANTS = frozenset(
    ["abitanti", "residenti", "cittadini", "sindaco", "comune", "città", "paese", "provincia", "regione", "residents", "inhabitants", "mayor", "town", "city", "village", "county", "province", "habitants", "maire", "ville", "commune", "einwohner", "bürgermeister", "stadt", "gemeinde", "habitantes", "alcalde", "ciudad", "municipio", "pueblo"]
)
_REPUBLIC = re.compile(r"(republik|république|repubblica|república|republic|königreich|reino|regno|royaume|emirat)", re.I)
PLACE_PARTICLES = frozenset(["bei", "am", "an", "ob", "im", "sur", "upon", "on"])
"""Particles inside place names: Garching bei München, Frankfurt am Main, Stratford-upon-Avon."""
_IN = frozenset(["in", "nel", "nella", "nei", "nelle", "im", "en", "au", "aux"])
_ROMAN = re.compile(r"[IVXLCDM]{2,}")
DETERMINERS_DE = frozenset(
    ["der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines", "kein", "keine", "seine", "ihre", "ihrem", "ihren"]
)
# Elided particles, written with their apostrophe as tokens (d'Italia, dell'Interno).
ELIDED_PARTICLES = frozenset(["d'", "d’", "dell'", "dell’", "l'", "l’", "all'", "all’"])
ORG_SUFFIX_TOKENS = frozenset(["AI", "AG", "SA", "SpA", "S.p.A", "GmbH", "NV", "BV", "AB", "Inc", "Ltd", "PLC", "plc", "LLC", "SE", "Co"])
CONNECTORS = frozenset(["come", "like", "such", "as", "wie", "comme", "como", "tipo", "including", "incluso", "inclusi"])


@dataclass
class Candidate:
    """One occurrence of a possible name, with the context that hints at its kind."""

    block: int
    start: int
    end: int
    text: str
    tokens: list[Token]
    index: int
    """Position of the first token in the block's token list."""
    sentence_start: bool
    evidence: Evidence = field(default_factory=Evidence)
    titles: list[str] = field(default_factory=list)


@dataclass
class DocStats:
    """What the whole document says about each word's capitalisation."""

    lower_seen: set[str]
    cap_mid: Counter
    shouty: set[int]


def doc_stats(doc: Document, tokens: list[list[Token]], lang: LangData) -> DocStats:
    lower_seen: set[str] = set()
    cap_mid: Counter = Counter()
    shouty: set[int] = set()
    for block, toks in zip(doc.blocks, tokens):
        words = [t for t in toks if t.text[0].isalpha()]
        if block.kind == "heading" or _shouted(words, lang):
            shouty.add(block.index)
        for t in words:
            if t.text.islower():
                lower_seen.add(t.lower)
            elif block.index not in shouty and not t.sentence_start and t.text[0].isupper():
                cap_mid[t.text] += 1
    return DocStats(lower_seen, cap_mid, shouty)


def _shouted(words: list[Token], lang: LangData) -> bool:
    """A line in capitals, or in Title Case (its function words capitalised too)."""
    if len(words) < 4:
        return False
    if sum(1 for t in words if t.is_acronym) >= 0.7 * len(words):
        return True
    inner = [t for t in words if not t.sentence_start and t.lower in lang.stopwords]
    capped = sum(1 for t in inner if t.text[0].isupper())
    return len(inner) >= 2 and capped >= 0.5 * len(inner)


def _is_name_token(tok: Token) -> bool:
    ch = tok.text[0]
    if not ch.isalpha() or tok.is_prefixed or tok.text[-1] in "'’":
        return False  # an elided article ("L'ONU") is never part of the name
    return tok.is_capitalised


def find_candidates(doc: Document, tokens: list[list[Token]], lang: LangData, stats: DocStats) -> list[Candidate]:
    """Name candidates in reading order, with their context evidence."""
    out: list[Candidate] = []
    german = lang.code == "de"
    for block, toks in zip(doc.blocks, tokens):
        if block.index in stats.shouty:
            continue
        text = block.text
        toks = _unmark_short_quotes(text, toks)
        found: list[Candidate] = []
        for run in _runs(text, toks, lang):
            for sub in _split_run(toks, run, lang):
                cand = _trim(text, toks, sub, lang, stats, german)
                if cand is not None:
                    found.append(cand)
        for cand in _merge_known_spans(found, _known_spans(text, toks), text, toks, german):
            cand.block = block.index
            _context(text, toks, cand, lang)
            out.append(cand)
    return out


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, dict[tuple[str, ...], str]]:
    """Known organisation and place names (multi-word, or not capitalised) as token
    tuples, indexed by their first token."""
    table: dict[str, dict[tuple[str, ...], str]] = {}
    stop = frozenset().union(*(lexicon.get(c).stopwords for c in lexicon.LANGUAGES))
    for name in [*lexicon.organisations(), *lexicon.places()]:
        key = tuple(t.text for t in tokenize(name))
        if not key or (len(key) == 1 and key[0][:1].isupper()):
            continue  # single capitalised names are found as runs already
        if len("".join(key)) < len(name.replace(" ", "").rstrip(".")) - name.count("-") - name.count("'"):
            continue  # a name our tokens cannot spell ("e&")
        if len(key) == 1 and (len(key[0]) < 3 or key[0].casefold() in stop):
            continue
        table.setdefault(key[0], {})[key] = name
    return table


def _known_spans(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges of known names written in full ("The Globe and Mail", "4chan")."""
    table = _gazetteer()
    spans: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        names = table.get(toks[i].text)
        if names:
            for key in sorted(names, key=len, reverse=True):
                size = len(key)
                if i + size <= n and tuple(t.text for t in toks[i : i + size]) == key and all(
                    text[a.end : b.start] in (" ", "", "-") for a, b in zip(toks[i : i + size], toks[i + 1 : i + size])
                ):
                    spans.append((i, i + size))
                    i += size
                    break
            else:
                i += 1
            continue
        i += 1
    return spans


def _merge_known_spans(
    found: list[Candidate], spans: list[tuple[int, int]], text: str, toks: list[Token], german: bool
) -> list[Candidate]:
    """Known full names replace the runs they overlap; a longer run that holds a known
    name keeps it ("Meta Superintelligence Labs"), except a German noun before it."""
    out = list(found)
    for lo, hi in spans:
        holders = [c for c in out if c.index <= lo and c.index + len(c.tokens) >= hi and len(c.tokens) > hi - lo]
        if holders and not (german and holders[0].index + len(holders[0].tokens) == hi):
            continue
        out = [c for c in out if c.index + len(c.tokens) <= lo or c.index >= hi]
        words = toks[lo:hi]
        out.append(Candidate(0, words[0].start, words[-1].end, text[words[0].start : words[-1].end], words, lo, words[0].sentence_start))
    return sorted(out, key=lambda c: c.index)


_OPEN_MARKS = "\"“„«‹‚‘'»"
_CLOSE_MARKS = "\"”“»«›’'"


def _unmark_short_quotes(text: str, toks: list[Token]) -> list[Token]:
    """A capital after an opening mark is not a sentence start when the quoted words are
    a short term in mid-sentence (the team "Prodotti AI"): such terms are names."""
    out = list(toks)
    for i, tok in enumerate(toks):
        if not tok.sentence_start or i == 0:
            continue
        gap = text[toks[i - 1].end : tok.start].rstrip()
        if not gap or gap[-1] not in _OPEN_MARKS or any(ch in gap for ch in ".!?:…"):
            continue
        for k in range(i, min(i + 4, len(toks))):
            after = text[toks[k].end : toks[k + 1].start] if k + 1 < len(toks) else text[toks[k].end :]
            if after[:1] in _CLOSE_MARKS:
                out[i] = Token(tok.text, tok.start, tok.end, False)
                break
            if after.strip():
                break
    return out


def _gap(text: str, a: Token, b: Token) -> str:
    return text[a.end : b.start]


def _is_particle(tok: Token, lang: LangData) -> bool:
    low = tok.lower
    return (
        low in lang.particles or tok.text in ELIDED_PARTICLES or low in STRONG_PARTICLES or low in ("von", "zu")
    ) and not tok.text[0].isupper()


def _runs(text: str, toks: list[Token], lang: LangData) -> list[list[int]]:
    """Indices of tokens forming capitalised runs (particles joined where names allow)."""
    runs: list[list[int]] = []
    current: list[int] = []
    first_names = lexicon.first_names()
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        low = tok.lower
        gap = _gap(text, toks[current[-1]], tok) if current else ""
        joined = bool(current) and (
            gap in (" ", "")
            or gap.strip() == "&"
            # "New People's Party": a possessive inside an organisation's name.
            or (gap in ("'s ", "’s ") and low in lang.org_words)
        )
        if current and gap == ". " and toks[current[-1]].is_initial:
            joined = True  # after an initial: "L. Ron Hubbard", "John F. Kennedy"
        if _is_name_token(tok) and (not _breaks_run(tok, lang) or _calendar_word_in_name(text, toks, i, current, lang)):
            if current and not joined:
                runs.append(current)
                current = []
            current.append(i)
            i += 1
            continue
        # A particle joins the run when the next word is capitalised and the run is
        # an organisation or place head (Banca d'Italia, Bank of England) or a
        # person's first name (Charles de Gaulle, Ursula von der Leyen), or the
        # particle is unambiguous (van Gogh, bin Salman). "and", "e", "und" never
        # join two names this way: they list them.
        if current and joined and _is_particle(tok, lang) and low not in ARTICLES and low not in lang.conjunctions:
            j = i
            while j < n and _is_particle(toks[j], lang) and toks[j].lower not in lang.conjunctions:
                if j > i and _gap(text, toks[j - 1], toks[j]) not in (" ", ""):
                    break
                j += 1
            if j < n and j - i <= 3 and _is_name_token(toks[j]) and _gap(text, toks[j - 1], toks[j]) in (" ", ""):
                head = toks[current[-1]].lower
                if (
                    head in lang.org_words
                    or head in lang.place_words
                    or (
                        low in NAME_PARTICLES
                        and len(current) <= 4
                        and any(toks[k].text in first_names for k in current)
                        # "Ananya Kumar da OpenAI": a preposition before an
                        # organisation or place, not a particle of the name.
                        and not (_known(toks[j].text) or toks[j].is_camel or toks[j].is_acronym)
                        # "Olivier Dussopt du Parti socialiste": an organisation's head.
                        and toks[j].lower not in lang.org_words
                        and toks[j].lower not in lang.place_words
                    )
                    # "Lula da Silva": a known family name after the particle.
                    or (low in NAME_PARTICLES and len(current) <= 2 and toks[j].text in lexicon.surnames())
                    # "van Gogh", "bin Salman" after one name; after two it is a
                    # preposition as often ("Eelco Heinen van Financiën").
                    or (low in STRONG_PARTICLES and len(current) == 1)
                ):
                    current.extend(range(i, j))
                    i = j
                    continue
        # "Garching bei München", "Frankfurt am Main": a place particle before a known place.
        if (
            current
            and joined
            and low in PLACE_PARTICLES
            and i + 1 < n
            and _gap(text, tok, toks[i + 1]) == " "
            and lexicon.known_place(toks[i + 1].text) is not None
        ):
            current.extend([i, i + 1])
            i += 2
            continue
        # "and", "y", "e" join only inside an organisation's name that starts with
        # its organisation word ("Agencia de Innovación y Desarrollo").
        if (
            current
            and joined
            and low in lang.conjunctions
            and toks[current[0]].lower in lang.org_words
            and toks[current[-1]].lower not in lang.org_words
            and i + 1 < n
            and _is_name_token(toks[i + 1])
            and _gap(text, tok, toks[i + 1]) in (" ", "")
        ):
            current.extend([i, i + 1])
            i += 2
            continue
        if current:
            runs.append(current)
            current = []
        i += 1
    if current:
        runs.append(current)
    return runs


def is_title(word: str, lang: LangData, german: bool = False) -> bool:
    """A title or role word; in German also a compound ending in one (Staatspräsident)."""
    if word in lang.person_titles:
        return True
    if german and len(word) > 6:
        stem = word[:-2] if word.endswith("en") else word[:-1] if word.endswith(("n", "s")) else word
        return any(stem.endswith(t) or word.endswith(t) for t in lang.person_titles if len(t) >= 5)
    return False


def _calendar_word_in_name(text: str, toks: list[Token], i: int, current: list[int], lang: LangData) -> bool:
    """A month or weekday word that is part of a name: "Theresa May", "Claudia Mo", "Di Maio".

    It follows a known first name, or it is a short form (German "Mo", "Di", "Do",
    English "Jan") right before another capitalised word. Never in a date: not
    before a full stop or a number ("Jan. 5", "May 2024"), not after a number.
    """
    tok = toks[i]
    if tok.lower not in lang.months and tok.lower not in lang.weekdays:
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    after = text[tok.end : nxt.start] if nxt else text[tok.end : tok.end + 1]
    if after.startswith(".") or (nxt is not None and nxt.text[0].isdigit()) or (i and toks[i - 1].text.isdigit()):
        return False
    if current and toks[current[-1]].text in lexicon.first_names() and _gap(text, toks[current[-1]], tok) == " ":
        return True
    return (
        len(tok.text) <= 3
        and nxt is not None
        and after == " "
        and _is_name_token(nxt)
        and not _breaks_run(nxt, lang)
    )


def _breaks_run(tok: Token, lang: LangData) -> bool:
    low = tok.lower
    if low in lang.months or low in lang.weekdays:
        return True
    if low in lang.person_titles and not tok.is_acronym:
        return True
    return tok.text.isdigit()


SAINTS = frozenset({"San", "Santa", "Santo", "São", "Saint", "Sainte", "Sankt", "St"})
"""A saint's title makes one name of the first name after it, as in so many places."""


def _split_run(toks: list[Token], run: list[int], lang: LangData) -> list[list[int]]:
    """Split "OpenAI Shengjia Zhao" (an organisation, then a person) into two runs.

    Italian and Spanish put a person's employer right before the name ("la
    ricercatrice di OpenAI Shengjia Zhao"); the capitals then run together.
    """
    if len(run) < 3:
        return [run]
    words = [toks[k] for k in run]
    first_names = lexicon.first_names()
    cuts = []
    for cut in range(1, len(run) - 1):
        head, tail = words[:cut], words[cut:]
        head_is_org = _known(" ".join(t.text for t in head)) or (
            len(head) == 1 and (head[0].is_camel or head[0].is_acronym)
        )
        if not head_is_org or len(tail) > 3 or tail[0].text in ORG_SUFFIX_TOKENS:
            continue
        if any(t.lower in lang.org_words or t.is_acronym or t.is_camel for t in tail):
            continue
        cuts.append((tail[0].text not in first_names, cut))
    if not cuts:
        # "Thinking Machines Andrew Tulloch": a first name after a head that is not
        # itself a person's name starts the person.
        for cut in range(1, len(run) - 1):
            head, tail = words[:cut], words[cut:]
            if (
                tail[0].text in first_names
                and head[-1].text not in first_names
                and len(head[-1].text) > 1  # not after an initial: "L. Ron Hubbard"
                and head[-1].text not in SAINTS  # "San Donato Milanese", "Santa Maria Novella"
                and 2 <= len(tail) <= 3
                and not any(t.lower in lang.org_words for t in words)
            ):
                return [run[:cut], run[cut:]]
        return [run]
    cut = min(cuts)[1]
    return [run[:cut], run[cut:]]


def _known(text: str) -> bool:
    return lexicon.known_org(text) is not None or lexicon.known_place(text) is not None


def _trim(text: str, toks: list[Token], run: list[int], lang: LangData, stats: DocStats, german: bool) -> Candidate | None:
    idx = list(run)
    first_names = lexicon.first_names()
    # Leading tokens: a capitalised function word, a sentence-initial word that the
    # rest of the document writes in lower case, a title or, in German, a noun after
    # its article ("dem Koalitionspartner Partidul Național Liberal").
    while idx:
        tok = toks[idx[0]]
        low = tok.lower
        known = _known(tok.text) or tok.text in first_names
        rest = [toks[k] for k in idx[1:]]
        if len(tok.text) == 1 and tok.text.isupper() and rest and text[tok.end : rest[0].start] == ". ":
            break  # an initial: "L. Ron Hubbard"
        if low in lang.stopwords and not tok.is_acronym and not (
            not tok.sentence_start and rest and tok.text[0].isupper() and low in ARTICLES
        ):
            idx.pop(0)
            continue
        if tok.sentence_start and not known and (low in stats.lower_seen or low in lang.titles_case_words):
            idx.pop(0)
            continue
        if len(tok.text) == 1 and not (rest and text[tok.end : rest[0].start] == ". ") and not (
            tok.text == "X" and not rest
        ):
            idx.pop(0)
            continue
        if rest and (tok.text in lexicon.generic_acronyms() or is_title(low, lang, german)):
            idx.pop(0)  # "ID WeChat", "CEO Tim Cook", "Staatspräsident Traian Basescu"
            continue
        if (
            german
            and rest
            and not known
            and idx[0] > 0
            and toks[idx[0] - 1].lower in DETERMINERS_DE
            and not any(t.lower in lang.org_words or ends_with_org_word(t.lower, lang) for t in [tok, *rest])
            and not _REPUBLIC.search(low)  # "der Volksrepublik China", "der Bundesrepublik"
        ):
            idx.pop(0)
            continue
        break
    while idx and (
        _is_particle(toks[idx[-1]], lang)
        or (toks[idx[-1]].lower in lang.stopwords and not toks[idx[-1]].text[0].isupper())
    ):
        idx.pop()
    if not idx:
        return None
    first, last = toks[idx[0]], toks[idx[-1]]
    surface = text[first.start : last.end]
    words = [toks[k] for k in idx]
    tok = words[0]
    if len(words) == 1:
        low = tok.lower
        if tok.text in lexicon.generic_acronyms() or (low in lang.demonyms and not tok.is_acronym):
            return None
        if low in lang.stopwords and not tok.is_acronym:
            return None
        # A common noun that names a kind of thing: "Party", "Regierung", "Church".
        if not _known(tok.text) and (
            low in lang.org_words or low in lang.place_words or low in lang.org_cues or is_title(low, lang, german)
        ):
            return None
        if tok.text == "X" and not _platform_context(toks, idx[0], lang):
            return None
        if len(tok.text) == 1 and tok.text != "X":
            return None
        if _ROMAN.fullmatch(tok.text):
            return None  # "part XVII"
        if tok.is_acronym and len(tok.text) >= 4 and (low in lang.stopwords or low in stats.lower_seen):
            return None  # "UNLESS", "NEVER": a shouted word, not an acronym
        if tok.is_acronym and text[tok.end : tok.end + 1] in "$€£¥":
            return None  # "US$ 200", "HK$": a currency
        evident = _known(tok.text) or tok.is_acronym or tok.is_camel or stats.cap_mid.get(tok.text, 0) > 0
        if tok.sentence_start and not evident and tok.text not in first_names:
            return None
        if german and not (_known(tok.text) or tok.is_acronym or tok.is_camel or tok.text in first_names):
            # German capitalises every noun: a lone capitalised word is a candidate
            # only with evidence, which the kind scoring looks for (title before,
            # speech verb after, surname of a full name); mark it as weak.
            cand = Candidate(0, first.start, last.end, surface, words, idx[0], first.sentence_start)
            cand.evidence.weak += 1
            return cand
    elif all(t.lower in lang.demonyms for t in words):
        return None
    cand = Candidate(0, first.start, last.end, surface, words, idx[0], first.sentence_start)
    if german and words[0].text not in first_names and not any(t.is_acronym or t.is_camel for t in words):
        cand.evidence.capitalised_nouns += 1
    return cand


def ends_with_org_word(word: str, lang: LangData) -> bool:
    """German compounds: "Zentralbank", "Bundespartei"."""
    return len(word) > 6 and any(word.endswith(w) for w in lang.org_words if len(w) >= 4)


def ends_with_place_word(word: str, lang: LangData) -> bool:
    """German compounds: "Volksrepublik", "Nordseeküste", "Altstadt"."""
    return len(word) > 6 and any(word.endswith(w) for w in lang.place_words if len(w) >= 5)


def _platform_context(toks: list[Token], i: int, lang: LangData) -> bool:
    """The social network X is named after "su", "on", "sur", "auf", "en"."""
    return i > 0 and toks[i - 1].lower in {"su", "on", "sur", "auf", "en", "via", "sobre"}


def _context(text: str, toks: list[Token], cand: Candidate, lang: LangData) -> None:
    """Look around a candidate for titles, organisation cues and speech verbs."""
    i = cand.index
    j = i + len(cand.tokens)
    ev = cand.evidence
    # The words just before, within the same clause (no punctuation in between).
    before: list[Token] = []
    k = i - 1
    while k >= 0 and len(before) < 4:
        gap = text[toks[k].end : (before[0] if before else toks[i]).start]
        abbreviated_title = gap == ". " and not before and toks[k].lower in lang.person_titles and len(toks[k].text) <= 4
        if gap.strip(" \"'’“”«»„") and not abbreviated_title:  # "Sr. Greiner", "Mrs. Hollis" go on
            break
        before.insert(0, toks[k])
        k -= 1
    # A title right before the name, or with one adjective between ("ricercatrice
    # scientifica Ananya Kumar"); a preposition in between makes it the employer:
    # "capo scienziato di FAIR", "a researcher at Google".
    if before:
        last = before[-1]
        if last.lower in lang.person_titles:
            ev.person += 2
            cand.titles.append(last.lower)
        elif (
            len(before) >= 2
            and before[-2].lower in lang.person_titles
            and last.lower not in lang.stopwords
            and last.lower not in lang.particles
            and not last.text[0].isupper()
            and not last.text.endswith(("'", "’"))  # "ministro dell'Economia": the ministry
        ):
            ev.person += 2
            cand.titles.append(before[-2].lower)
        if last.lower in lang.org_cues or (
            # "l'azienda Meta", "l'agence argentine Telam": a cue, then an article or
            # an adjective.
            len(before) >= 2
            and before[-2].lower in lang.org_cues
            and last.text.islower()
            and last.lower not in lang.prepositions
        ):
            ev.org += 2
    # "a Scientology attorney, Kendrick Moxon": a title, a comma, the name.
    if not before and i > 0 and text[toks[i - 1].end : toks[i].start].strip() == "," and is_title(toks[i - 1].lower, lang):
        ev.person += 2
        cand.titles.append(toks[i - 1].lower)
    # ...but an acronym right after a common noun is usually a thing: "tecnologia JEPA".
    if (
        len(cand.tokens) == 1
        and cand.tokens[0].is_acronym
        and before
        and before[-1].text.islower()
        and before[-1].lower not in lang.stopwords
        and before[-1].lower not in lang.org_cues
        and before[-1].lower not in lang.particles
        and before[-1].lower not in lang.person_titles
        and before[-1].lower not in lang.speech_verbs
        and before[-1].lower not in lang.place_cues
    ):
        ev.org -= 1
    if len(before) >= 3 and before[-1].lower in CONNECTORS and before[-2].lower in lang.org_cues:
        ev.org += 2
    # "co-fondatore di X", "vicepresidente di X", "a researcher at X": X is an organisation.
    if before and before[-1].lower in {"di", "of", "at", "de", "du", "von", "del", "della", "dello", "des", "bei", "presso"}:
        if any(t.lower in lang.person_titles or t.lower in lang.role_nouns for t in before[:-1]):
            ev.org += 2
    # Apposition after the name: "Kevin Weil, vicepresidente di OpenAI".
    if j < len(toks):
        gap = text[toks[j - 1].end : toks[j].start]
        after = toks[j : j + 3]
        if gap.strip() in (",", "(", "—", "–", "-"):
            for t in after[:2]:
                if t.lower in lang.person_titles:
                    ev.person += 2
                    cand.titles.append(t.lower)
                    break
                if t.lower not in ARTICLES and t.lower not in lang.indefinites:
                    break  # "members of Scientology, including musician Tiziano Lugli"
        if gap.strip() in ("", ","):
            # A speech verb within three lower-case words: "Zuckerberg una volta disse",
            # "Nat Friedman, ha dichiarato"; not across "and" ("di Esino Lario e ha
            # sottolineato" has another subject).
            for k in range(j, min(j + 4, len(toks))):
                t = toks[k]
                if k > j and text[toks[k - 1].end : t.start].strip():
                    break
                if k == j and gap == " " and t.lower in lang.affiliates:
                    break  # "Scientology officials have stated": they speak, not the name
                if t.lower in lang.speech_verbs:
                    ev.speaks += 1
                    break
                if t.text[0].isupper() or t.lower in lang.conjunctions:
                    break
    if before and before[-1].lower in lang.place_cues:
        ev.place_cue += 1
        possessive = text[toks[j - 1].end : toks[j - 1].end + 2] in ("'s", "’s")  # "in Kumar's lab"
        if before[-1].lower in _IN and not possessive:
            ev.place_in += 1  # "in Italia", "nel Lazio": more than "a Rossi" ever is
    if len(before) >= 2 and before[-1].lower in lang.prepositions and before[-2].lower in _INHABITANTS:
        ev.place_in += 2
