"""Runs of capitalised words: where a name may be, before anything is trimmed.

Capitalised words next to each other run together ("Mark Zuckerberg", "Meta
Superintelligence Labs"); a month, weekday, title or number ends a run unless it
is part of a name ("Theresa May"). Lower-case words join a run only where names
allow it: a particle ("Charles de Gaulle", "Banca d'Italia"), a place particle
before a known place ("Frankfurt am Main"), a conjunction inside an organisation's
name ("Agencia de Innovación y Desarrollo"), a nationality after an organisation
word where the head comes first ("Governo italiano"). A run that holds an organisation and
then a person ("OpenAI Shengjia Zhao") is split in two.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.core.analysis import gazetteers
from reader.core.analysis.lexicon import Lexicon, possessive_at
from reader.core.analysis.tokens import Token


def gap(text: str, a: Token, b: Token) -> str:
    """The characters between two tokens."""
    return text[a.end : b.start]


def is_name_token(tok: Token) -> bool:
    """A word that can be part of a name: capitalised, not a prefix, not elided."""
    ch = tok.text[0]
    if not ch.isalpha() or tok.is_prefixed or tok.text[-1] in "'’":
        return False  # an elided article ("L'ONU") is never part of the name
    return tok.is_capitalised


def is_particle(tok: Token, lang: Lexicon) -> bool:
    """A lower-case word that may stand inside a name: "de", "von", "d'", "bin"."""
    low = tok.lower
    return (
        low in lang.particles
        or tok.text in lang.elided_particles
        or low in lang.strong_particles
        or low in lang.particles_anywhere
    ) and not tok.text[0].isupper()


@dataclass(frozen=True)
class Edge:
    """Where a run of capitals meets a lower-case word: what a join rule looks at."""

    text: str
    toks: list[Token]
    i: int
    """The index of the lower-case word."""
    current: list[int]
    """The run so far (token indices)."""
    lang: Lexicon


Join = Callable[[Edge], "int | None"]
"""A rule that lets lower-case words at an edge join the run: it returns the index
after the words it joins, or None."""


def find_runs(text: str, toks: list[Token], lang: Lexicon) -> list[list[int]]:
    """Indices of tokens forming capitalised runs (particles joined where names allow)."""
    runs: list[list[int]] = []
    current: list[int] = []
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        joined = bool(current) and _continues(text, toks, current[-1], i, lang)
        if is_name_token(tok) and (not _breaks_run(tok, lang) or _calendar_word_in_name(text, toks, i, current, lang)):
            if current and not joined:
                runs.append(current)
                current = []
            current.append(i)
            i += 1
            continue
        if joined:
            edge = Edge(text, toks, i, current, lang)
            stop = next((s for join in JOINS if (s := join(edge)) is not None), None)
            if stop is not None:
                current.extend(range(i, stop))
                i = stop
                continue
        if current:
            runs.append(current)
            current = []
        i += 1
    if current:
        runs.append(current)
    return runs


def _continues(text: str, toks: list[Token], last: int, i: int, lang: Lexicon) -> bool:
    """Whether token i is close enough to the run's last token to continue it."""
    between = gap(text, toks[last], toks[i])
    if between in (" ", "") or between.strip() == "&":
        return True
    mark = possessive_at(between, 0, lang)
    if mark and between[mark:] == " " and toks[i].lower in lang.org_words:
        return True  # "New People's Party": a possessive inside an organisation's name
    # "L. Ron Hubbard", "John F. Kennedy", "K.C. Maurer"; not a known name ("U.S. officials")
    initials = toks[last].is_dotted and not gazetteers.known(toks[last].text + ".")
    return between == ". " and (toks[last].is_initial or initials)


def join_particles(e: Edge) -> int | None:
    """Particles before a capitalised word: "Banca d'Italia", "Charles de Gaulle", "van Gogh".

    A particle joins the run when the next word is capitalised and the run is an
    organisation or place head (Banca d'Italia, Bank of England) or a person's
    first name (Charles de Gaulle, Ursula von der Leyen), or the particle is
    unambiguous (van Gogh, bin Salman). "and", "e", "und" never join two names this
    way: they list them.
    """
    text, toks, i, current, lang = e.text, e.toks, e.i, e.current, e.lang
    tok, n = toks[i], len(toks)
    low = tok.lower
    if not is_particle(tok, lang) or low in lang.articles or low in lang.conjunctions:
        return None
    j = i
    while j < n and is_particle(toks[j], lang) and toks[j].lower not in lang.conjunctions:
        if j > i and gap(text, toks[j - 1], toks[j]) not in (" ", ""):
            break
        j += 1
    if not (j < n and j - i <= 3 and is_name_token(toks[j]) and gap(text, toks[j - 1], toks[j]) in (" ", "")):
        return None
    if any(ch.isdigit() for ch in toks[j].text):
        return None  # "Kennedy Space Center on STS-1": a code after a preposition is no part of a name
    head = toks[current[-1]].lower
    if head in lang.demonyms and len(current) >= 2:
        head = toks[current[-2]].lower  # "Ministero cileno degli Affari Esteri"
    name = toks[j]
    # Where a name's head comes last (English, German), a place preposition after it
    # says where the organisation is: "Space Center at Washington Dulles", not one name.
    located = lang.name_heads == frozenset({-1}) and low in lang.place_cues
    if (
        (head in lang.org_words or head in lang.place_words) and not located
        or (
            low in lang.name_particles
            and len(current) <= 4
            and any(toks[k].text in gazetteers.first_names() for k in current)
            # after a full name, a common word is a preposition's object: "Kofi Annan al Valor"
            and not (
                len(current) >= 2
                and gazetteers.zipf(lang.code, name.lower) >= gazetteers.COMMON_ZIPF
                and name.text not in gazetteers.surnames()
            )
            # "Ananya Kumar da OpenAI": a preposition before an
            # organisation or place, not a particle of the name.
            and not (gazetteers.known(name.text) or name.is_camel or name.is_acronym)
            # "Olivier Dussopt du Parti socialiste": an organisation's head.
            and name.lower not in lang.org_words
            and name.lower not in lang.place_words
        )
        # "Lula da Silva": a known family name after the particle.
        or (low in lang.name_particles and len(current) <= 2 and name.text in gazetteers.surnames())
        # "van Gogh", "bin Salman" after one name; after two it is a
        # preposition as often ("Eelco Heinen van Financiën").
        or (low in lang.strong_particles and len(current) == 1)
    ):
        return j
    return None


def join_place_particle(e: Edge) -> int | None:
    """A place particle before a known place: "Garching bei München", "Frankfurt am Main"."""
    text, toks, i = e.text, e.toks, e.i
    if (
        toks[i].lower in e.lang.place_particles
        and i + 1 < len(toks)
        and gap(text, toks[i], toks[i + 1]) == " "
        and gazetteers.known_place(toks[i + 1].text) is not None
    ):
        return i + 2
    return None


def join_conjunction(e: Edge) -> int | None:
    """"and" inside an organisation's name that opens with its organisation word:
    "Agencia de Innovación y Desarrollo" (also where a title's complement comes first:
    "Secretário de Estado do Ministério de Ciência e Investigação")."""
    text, toks, i, current, lang = e.text, e.toks, e.i, e.current, e.lang
    if _and_before_the_head(e):
        return i + 2
    if (
        toks[i].lower in lang.conjunctions
        and any(toks[k].lower in lang.org_words for k in current[:-1])
        and toks[current[-1]].lower not in lang.org_words
        and i + 1 < len(toks)
        and is_name_token(toks[i + 1])
        and gap(text, toks[i], toks[i + 1]) in (" ", "")
    ):
        return i + 2
    return None


def _and_before_the_head(e: Edge) -> bool:
    """Where the head comes last, "and" between two words of one name whose head follows:
    "National Air and Space Museum", "Bill and Melinda Gates Foundation" (not two
    names: "Google and Microsoft Research", the first being a known name; "Mary Smith
    and the John Brown Foundation", a person's full name first)."""
    text, toks, i, current, lang = e.text, e.toks, e.i, e.current, e.lang
    if lang.name_heads != frozenset({-1}) or toks[i].lower not in lang.conjunctions or len(current) > 3:
        return False
    j = i + 1
    while j < len(toks) and is_name_token(toks[j]) and gap(text, toks[j - 1], toks[j]) == " ":
        j += 1
    after = toks[i + 1 : j]
    return (
        1 <= len(after) <= 3
        and gap(text, toks[current[-1]], toks[i]) == " "
        and after[-1].lower in lang.org_words
        and len(after) >= 2
        and not any(toks[k].lower in lang.org_words or gazetteers.known(toks[k].text) for k in current)
        and not gazetteers.known(" ".join(toks[k].text for k in current))
        # a person's full name before "and" is listed: "Mary Smith and John Brown Foundation"
        and not (len(current) >= 2 and toks[current[0]].text in gazetteers.first_names())
    )


def join_demonym(e: Edge) -> int | None:
    """A nationality adjective after an organisation word, where the head comes first:
    "Governo italiano", "Ministero cileno degli Affari Esteri", "Parlamento europeo"."""
    text, toks, i, current, lang = e.text, e.toks, e.i, e.current, e.lang
    if (
        0 in lang.name_heads
        and -1 not in lang.name_heads
        and toks[current[-1]].lower in lang.org_words
        and toks[i].lower in lang.demonyms
        and toks[i].text.islower()
        and gap(text, toks[current[-1]], toks[i]) == " "
    ):
        return i + 1
    return None


JOINS: tuple[Join, ...] = (join_particles, join_place_particle, join_conjunction, join_demonym)
"""The ways lower-case words join a run, tried in this order."""


def _calendar_word_in_name(text: str, toks: list[Token], i: int, current: list[int], lang: Lexicon) -> bool:
    """A month or weekday word that is part of a name: "Theresa May", "Claudia Mo", "Di Maio".

    It follows a known first name, or it is a short form (German "Mo", "Di", "Do",
    English "Jan") right before another capitalised word. Never in a date: not
    before a full stop or a number ("Jan. 5", "May 2024"), not after a number.
    """
    tok = toks[i]
    if not _is_calendar(tok, lang) or _dated(text, toks, i):
        return False
    if current and gap(text, toks[current[-1]], tok) == " ":
        last = toks[current[-1]]
        if last.text in gazetteers.first_names():
            return True
        if _is_calendar(last, lang) and len(last.text) <= 3:
            return True  # the name a short form began goes on: "Di Maio" (maio is also a month)
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return (
        len(tok.text) <= 3
        and nxt is not None
        and text[tok.end : nxt.start] == " "
        and is_name_token(nxt)
        and (not _breaks_run(nxt, lang) or (_is_calendar(nxt, lang) and not _dated(text, toks, i + 1)))
    )


def _is_calendar(tok: Token, lang: Lexicon) -> bool:
    return tok.lower in lang.months or tok.lower in lang.weekdays


def _dated(text: str, toks: list[Token], i: int) -> bool:
    """A calendar word in a date: before a full stop or a number ("Jan. 5", "May 2024"), or after a number."""
    tok = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    after = text[tok.end : nxt.start] if nxt else text[tok.end : tok.end + 1]
    before_number = nxt is not None and nxt.text[0].isdigit()
    return after.startswith(".") or before_number or bool(i and toks[i - 1].text.isdigit())


def _breaks_run(tok: Token, lang: Lexicon) -> bool:
    """A month, weekday, title or number ends a run."""
    low = tok.lower
    if low in lang.months or low in lang.weekdays:
        return True
    if low in lang.person_titles and not tok.is_acronym:
        return True
    return tok.text.isdigit()


def split_run(toks: list[Token], run: list[int], lang: Lexicon) -> list[list[int]]:
    """Split "OpenAI Shengjia Zhao" (an organisation, then a person) into two runs.

    Italian and Spanish put a person's employer right before the name ("la
    ricercatrice di OpenAI Shengjia Zhao"); the capitals then run together.
    """
    if len(run) < 3:
        return [run]
    words = [toks[k] for k in run]
    first_names = gazetteers.first_names()
    cuts = []
    # A tail of more than three words is never a person's name: only the last cuts
    # are tried, so a long run costs no more than a short one.
    tried = range(max(1, len(run) - 3), len(run) - 1)
    for cut in tried:
        head, tail = words[:cut], words[cut:]
        head_is_org = gazetteers.known(" ".join(t.text for t in head)) or (
            len(head) == 1 and (head[0].is_camel or head[0].is_acronym)
        )
        if not head_is_org or len(tail) > 3 or tail[0].text in lang.org_suffixes:
            continue
        if any(t.lower in lang.org_words or t.is_acronym or t.is_camel for t in tail):
            continue
        cuts.append((tail[0].text not in first_names, cut))
    if not cuts:
        # "Thinking Machines Andrew Tulloch": a first name after a head that is not
        # itself a person's name starts the person.
        for cut in tried:
            head, tail = words[:cut], words[cut:]
            if (
                tail[0].text in first_names
                and head[-1].text not in first_names
                and len(head[-1].text) > 1  # not after an initial: "L. Ron Hubbard"
                and head[-1].text not in lang.saints  # "San Donato Milanese", "Santa Maria Novella"
                and 2 <= len(tail) <= 3
                # "Council on American-Islamic Relations Alia Salem": the organisation
                # may hold an organisation word; the person after it does not.
                and not any(t.lower in lang.org_words for t in tail)
            ):
                return [run[:cut], run[cut:]]
        return [run]
    cut = min(cuts)[1]
    return [run[:cut], run[cut:]]
