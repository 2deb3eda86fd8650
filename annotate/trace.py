"""Matching claims across articles: the same figure, a close paraphrase, or a conflict.

Pure functions on plain data. A claim may be an `annotate.models.Claim` or a mapping with
the same keys (`statement`, `figures`, `entities`, `predicate`), and a figure a `Figure` or
a mapping with `text`, `value`, `unit`, so the database layer can pass rows as they are.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Words that name the same counted thing in different outlets' phrasing.
_SYNONYMS = {
    "death": "death", "fatality": "death", "dead": "death", "killed": "death", "life": "death",
    "killing": "death",
    "soldier": "personnel", "troop": "personnel", "personnel": "personnel",
    "serviceman": "personnel", "servicemen": "personnel", "trooper": "personnel",
    "attack": "attack", "assault": "attack",
    "incident": "incident",
    "injury": "injury", "injured": "injury", "wounded": "injury",
}  # fmt: skip
# Units whose values are only comparable with the very same unit.
_EXACT_UNITS = {"ratio", "fraction", "%", "money", "dollars", "pounds", "euros", "rupees", "pound",
                "dollar", "euro", "rupee"}  # fmt: skip
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMERIC = re.compile(r"^[\d.,]+$")

# Calibrated on the bundled sample web: two outlets rewording the same fact share about half
# of their content words; unrelated sentences of the same story share under a fifth.
PARAPHRASE_MIN = 0.5
CONTEXT_MIN = 0.2


@dataclass
class ClaimMatch:
    our_index: int
    their_index: int
    method: str  # "same_figure" | "paraphrase" | "same_quantity" (conflict only)
    score: float
    shared_figures: list[str] = field(default_factory=list)
    conflict: list[dict] | None = None  # [{"quantity", "ours", "theirs"}]


def match_claims(ours: Sequence[Any], theirs: Sequence[Any]) -> list[ClaimMatch]:
    """Every pair (our claim, their claim) that states the same thing or contradicts it."""
    prepared = [_prepare(c) for c in theirs]
    mine = [_prepare(c) for c in ours]
    # A figure the other article also states somewhere (for the same kind of thing) is a
    # second quantity both report, not a contradiction: "444 attacks" here and "909
    # attacks" there conflict only if neither article gives the other's number.
    known = (_stated(mine), _stated(prepared))
    out = []
    for i, pa in enumerate(mine):
        for j, pb in enumerate(prepared):
            if m := _match_prepared(pa, pb, known):
                m.our_index, m.their_index = i, j
                out.append(m)
    return out


def match_claim(ours: Any, theirs: Any) -> ClaimMatch | None:
    m = _match_prepared(_prepare(ours), _prepare(theirs))
    if m:
        m.our_index = m.their_index = 0
    return m


def units_compatible(u1: str | None, u2: str | None) -> bool:
    """Same counted thing: same head noun (or a synonym) and no contradicting modifiers.
    "security personnel" ~ "soldiers"; "terror attacks" !~ "drone attacks"."""
    if not u1 or not u2:
        return False
    if u1 in _EXACT_UNITS or u2 in _EXACT_UNITS:
        return _singular(u1) == _singular(u2)
    h1, m1 = _unit_parts(u1)
    h2, m2 = _unit_parts(u2)
    return h1 == h2 and (not m1 or not m2 or bool(m1 & m2))


def quantity_key(unit: str | None) -> str | None:
    """The counted thing, reduced to its head noun ("terror attacks" -> "attack"), for
    comparing what two articles count; None for units that say nothing about a story."""
    if not unit or unit in _EXACT_UNITS:
        return None
    return _unit_parts(unit)[0]


def same_value(v1: float | None, v2: float | None) -> bool:
    if v1 is None or v2 is None:
        return False
    return math.isclose(v1, v2, rel_tol=0.005, abs_tol=1e-9)


def content_similarity(s1: str, s2: str) -> float:
    """Dice coefficient of the statements' content words (numbers left out)."""
    a, b = _words(s1), _words(s2)
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


@dataclass
class _Prepared:
    figures: list[tuple[str, float | None, str | None]]
    words: frozenset[str]
    years: frozenset[str]


def _prepare(claim: Any) -> _Prepared:
    statement = _get(claim, "statement") or ""
    figs = [
        (_get(f, "text"), _get(f, "value"), _get(f, "unit")) for f in _get(claim, "figures") or []
    ]
    return _Prepared(figs, frozenset(_words(statement)), frozenset(_YEAR.findall(statement)))


def _stated(claims: list[_Prepared]) -> set[tuple[str, float]]:
    return {
        (_unit_parts(u)[0], round(v, 3))
        for c in claims
        for _t, v, u in c.figures
        if u and v is not None
    }


def _match_prepared(
    a: _Prepared, b: _Prepared, known: tuple[set, set] = (set(), set())
) -> ClaimMatch | None:
    sim = _dice(a.words, b.words)
    # Sentences about different years are about different quantities.
    years_clash = bool(a.years and b.years and not (a.years & b.years))
    shared: list[str] = []
    matched_ours: set[int] = set()
    matched_theirs: set[int] = set()
    for i, (text, value, unit) in enumerate(a.figures):
        for j, (_t2, v2, u2) in enumerate(b.figures):
            if j in matched_theirs or not same_value(value, v2):
                continue
            if units_compatible(unit, u2) or _loose_unit_ok(value, unit, u2, sim):
                shared.append(text)
                matched_ours.add(i)
                matched_theirs.add(j)
                break
    conflicts = []
    # Context for a conflict: something else in common, or the same year named in both
    # ("702 security personnel killed in 2024" vs "685 ... in 2024").
    if not years_clash and (shared or sim >= CONTEXT_MIN or (a.years & b.years)):
        for i, (text, value, unit) in enumerate(a.figures):
            if i in matched_ours or value is None:
                continue
            for j, (t2, v2, u2) in enumerate(b.figures):
                if j in matched_theirs or v2 is None or same_value(value, v2):
                    continue
                # A different figure for a quantity we already agree on elsewhere in the
                # sentence (two counts of attacks) is a second quantity, not a conflict.
                if (
                    units_compatible(unit, u2)
                    and not _value_elsewhere(v2, a.figures)
                    and (_unit_parts(u2)[0], round(v2, 3)) not in known[0]
                    and (_unit_parts(unit)[0], round(value, 3)) not in known[1]
                ):
                    conflicts.append({"quantity": unit, "ours": text, "theirs": t2})
                    matched_theirs.add(j)
                    break
    if shared and not years_clash:
        return ClaimMatch(0, 0, "same_figure", round(min(1.0, 0.6 + 0.4 * sim), 3), shared,
                          conflicts or None)  # fmt: skip
    if sim >= PARAPHRASE_MIN and not years_clash:
        return ClaimMatch(0, 0, "paraphrase", round(sim, 3), [], conflicts or None)
    if conflicts:
        return ClaimMatch(0, 0, "same_quantity", round(sim, 3), [], conflicts)
    return None


def _loose_unit_ok(value: float | None, u1: str | None, u2: str | None, sim: float) -> bool:
    # One outlet wrote "a total of 4,813", the other "4,813 casualties": a large, exact
    # number in a sentence on the same subject is the same figure.
    if u1 in _EXACT_UNITS or u2 in _EXACT_UNITS or (u1 and u2):
        return False
    return value is not None and abs(value) >= 100 and sim >= CONTEXT_MIN / 2


def _value_elsewhere(value: float, figures: list[tuple[str, float | None, str | None]]) -> bool:
    return any(same_value(value, v) for _t, v, _u in figures)


def _unit_parts(unit: str) -> tuple[str, frozenset[str]]:
    words = [_canon(w) for w in re.findall(r"[a-z]+", unit.lower())]
    if not words:
        return unit, frozenset()
    return words[-1], frozenset(words[:-1])


def _canon(word: str) -> str:
    w = _singular(word)
    return _SYNONYMS.get(w, _SYNONYMS.get(word, w))


def _singular(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _words(statement: str) -> set[str]:
    return {_singular(w) for w in statement.lower().split() if not _NUMERIC.match(w) and len(w) > 1}


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _get(obj: Any, key: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)
