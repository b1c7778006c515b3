"""Score `reader analyze --json` output against a gold file.

The metric is the team's (see the evaluation notes in tests/data/SOURCES.md):

- an entity matches when any of its surface forms (name or alias) equals a surface
  form of a gold entity, compared case- and accent-insensitively; typed F1 also
  needs the same kind; only PERSON, ORG and PLACE predictions count;
- a quotation matches when its words overlap a gold quotation's words by 80% or more
  (Jaccard on word sets);
- a speaker is right when it names the same gold entity as the gold speaker.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

KINDS = {"PERSON", "ORG", "PLACE"}


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def forms(entity: dict) -> set[str]:
    return {fold(entity.get("name", ""))} | {fold(a) for a in entity.get("aliases") or []}


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text)))


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _match_entities(gold: list[dict], pred: list[dict], typed: bool):
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for i, g in enumerate(gold):
        gf = forms(g)
        for j, e in enumerate(pred):
            if j in used or not (gf & forms(e)):
                continue
            if typed and (e.get("kind") or "").upper() != g["kind"].upper():
                continue
            used.add(j)
            pairs[j] = i
            break
    return pairs


def _gold_index(gold_entities: list[dict], name: str | None) -> int | None:
    if not name:
        return None
    f = fold(name)
    for i, g in enumerate(gold_entities):
        if f in forms(g):
            return i
    for i, g in enumerate(gold_entities):
        if any(f and (f in x.split() or x in f.split()) for x in forms(g) if x):
            return i
    return None


@dataclass(frozen=True)
class QuoteOutcome:
    """One gold quotation: how the text attributes it, whether it was found, and
    whether its speaker was right (None when the gold names no speaker)."""

    attribution: str
    found: bool
    speaker_right: bool | None


@dataclass
class Score:
    language_ok: bool
    entity_p: float
    entity_r: float
    entity_f1: float
    typed_f1: float
    quote_p: float
    quote_r: float
    quote_f1: float
    speakers_right: int
    speakers_known: int
    missed_entities: list[str]
    extra_entities: list[str]
    wrong_kinds: list[str]
    missed_quotes: list[str]
    extra_quotes: list[str]
    wrong_speakers: list[str]
    counts: dict[str, int]
    quotations: list[QuoteOutcome] = field(default_factory=list)
    """What became of each gold quotation, in gold order."""

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_known if self.speakers_known else 1.0


def score(gold: dict, pred: dict) -> Score:
    ge = gold["entities"]
    pe = [e for e in pred.get("entities") or [] if (e.get("kind") or "").upper() in KINDS]
    untyped = _match_entities(ge, pe, typed=False)
    typed = _match_entities(ge, pe, typed=True)
    _, _, f_typed = prf(len(typed), len(pe), len(ge))
    p_u, r_u, f_u = prf(len(untyped), len(pe), len(ge))
    matched_gold = set(untyped.values())

    gq, pq = gold["quotes"], pred.get("quotes") or []
    used_q: set[int] = set()
    hit_gold: set[int] = set()
    right = known = 0
    wrong_speakers: list[str] = []
    outcomes: list[QuoteOutcome] = []
    for gi, g in enumerate(gq):
        gw = words(g["text"])
        found, right_here = False, None
        for j, q in enumerate(pq):
            if j in used_q:
                continue
            qw = words(q.get("text", ""))
            if gw and qw and len(gw & qw) / len(gw | qw) >= 0.8:
                used_q.add(j)
                hit_gold.add(gi)
                found = True
                if g.get("speaker"):
                    known += 1
                    a = _gold_index(ge, g["speaker"])
                    b = _gold_index(ge, q.get("speaker"))
                    right_here = a is not None and a == b
                    if right_here:
                        right += 1
                    else:
                        wrong_speakers.append(f"{g['text'][:50]!r}: gold {g['speaker']!r}, got {q.get('speaker')!r}")
                break
        kind = g.get("attribution") or ("none" if not g.get("speaker") else "unlabelled")
        outcomes.append(QuoteOutcome(kind, found, right_here if g.get("speaker") else None))
    p_q, r_q, f_q = prf(len(used_q), len(pq), len(gq)) if (gq or pq) else (1.0, 1.0, 1.0)
    return Score(
        language_ok=fold(pred.get("language")) == fold(gold.get("language")),
        entity_p=p_u,
        entity_r=r_u,
        entity_f1=f_u,
        typed_f1=f_typed,
        quote_p=p_q,
        quote_r=r_q,
        quote_f1=f_q,
        speakers_right=right,
        speakers_known=known,
        missed_entities=[f"{g['name']} ({g['kind']})" for i, g in enumerate(ge) if i not in matched_gold],
        extra_entities=[f"{e['name']} ({e['kind']})" for j, e in enumerate(pe) if j not in untyped],
        wrong_kinds=[
            f"{pe[j]['name']}: {pe[j]['kind']} (gold {ge[i]['kind']})"
            for j, i in untyped.items()
            if j not in typed and pe[j]["kind"].upper() != ge[i]["kind"].upper()
        ],
        missed_quotes=[g["text"][:60] for i, g in enumerate(gq) if i not in hit_gold],
        extra_quotes=[(q.get("text") or "")[:60] for j, q in enumerate(pq) if j not in used_q],
        wrong_speakers=wrong_speakers,
        counts={
            "ent_tp": len(untyped),
            "typed_tp": len(typed),
            "ent_pred": len(pe),
            "ent_gold": len(ge),
            "quote_tp": len(used_q),
            "quote_pred": len(pq),
            "quote_gold": len(gq),
        },
        quotations=outcomes,
    )
