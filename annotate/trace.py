"""Matching claims across articles: the same figure, a close paraphrase, or a conflict.

Pure functions on plain data. A claim may be an `annotate.models.Claim` or a mapping with
the same keys (`statement`, `figures`, `entities`, `predicate`), and a figure a `Figure` or
a mapping with `text`, `value`, `unit`, so the database layer can pass rows as they are.
"""

from __future__ import annotations

import functools
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
# Broader counted things: "264 incidents" and "264 attacks" state the same figure (an attack
# is an incident), but two different numbers for them are not a conflict.
_BROADER = {"attack": {"incident"}, "operation": {"incident"}, "death": {"casualty"},
            "injury": {"casualty"}}  # fmt: skip
# Units whose values are only comparable with the very same unit.
_EXACT_UNITS = {"ratio", "fraction", "%", "money", "dollars", "pounds", "euros", "rupees", "pound",
                "dollar", "euro", "rupee"}  # fmt: skip
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A year inside a full date ("January 4, 2025", "4 January 2025") dates the statement (a
# dateline, a release day), it does not scope the figure the way "in 2024" does.
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTHS})\s+(?:19|20)\d\d\b", re.I
)
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
    their_shared: list[str] = field(default_factory=list)  # the same figures as they wrote them
    their_quantities: list[str] = field(default_factory=list)  # their unit, per conflict

    def mirrored(self) -> ClaimMatch:
        """The same match seen from the other article: what is ours there is theirs here."""
        conflict = None
        if self.conflict:
            units = self.their_quantities or [c["quantity"] for c in self.conflict]
            conflict = [
                {"quantity": u, "ours": c["theirs"], "theirs": c["ours"]}
                for c, u in zip(self.conflict, units, strict=True)
            ]
        return ClaimMatch(
            self.their_index,
            self.our_index,
            self.method,
            self.score,
            list(self.their_shared or self.shared_figures),
            conflict,
            list(self.shared_figures),
            [c["quantity"] for c in self.conflict or []],
        )


def match_claims(ours: Sequence[Any], theirs: Sequence[Any]) -> list[ClaimMatch]:
    """Every pair (our claim, their claim) that states the same thing or contradicts it."""
    prepared = [_prepare_cached(c) for c in theirs]
    mine = [_prepare_cached(c) for c in ours]
    # A figure the other article also states somewhere (for the same kind of thing) is a
    # second quantity both report, not a contradiction: "444 attacks" here and "909
    # attacks" there conflict only if neither article gives the other's number.
    known = _Known(_stated(mine), _stated(prepared), _ambiguous(mine), _ambiguous(prepared))
    out = []
    for i, pa in enumerate(mine):
        for j, pb in enumerate(prepared):
            if m := _match_prepared(pa, pb, known):
                m.our_index, m.their_index = i, j
                out.append(m)
    return out


def match_cluster(
    claims: Mapping[Any, Sequence[Any]], only: Any = None
) -> list[tuple[Any, Any, ClaimMatch]]:
    """`match_claims` for every pair of articles of a story at once, comparing only the
    claim pairs that share a block (annotate.blocking): the same matches, in time that
    grows with the blocks instead of the square of the story. Returns (a, b, match) with
    a < b, the match's indexes into claims[a] and claims[b]; with `only`, just the
    matches of that article."""
    from annotate.blocking import candidate_pairs

    prepared = {a: [_prepare_cached(c) for c in cs] for a, cs in claims.items()}
    stated = {a: _stated(p) for a, p in prepared.items()}
    ambiguous = {a: _ambiguous(p) for a, p in prepared.items()}
    out = []
    for (a, b), pairs in sorted(candidate_pairs(prepared, only).items()):
        known = _Known(stated[a], stated[b], ambiguous[a], ambiguous[b])
        for i, j in sorted(pairs):
            if m := _match_prepared(prepared[a][i], prepared[b][j], known):
                m.our_index, m.their_index = i, j
                out.append((a, b, m))
    return out


def match_claim(ours: Any, theirs: Any) -> ClaimMatch | None:
    a, b = _prepare(ours), _prepare(theirs)
    m = _match_prepared(a, b, _Known(set(), set(), _ambiguous([a]), _ambiguous([b])))
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


def units_related(u1: str | None, u2: str | None) -> bool:
    """One counts a kind of the other ("attacks" are "incidents"): the same number for
    both is the same figure; different numbers are not a conflict."""
    if not u1 or not u2 or u1 in _EXACT_UNITS or u2 in _EXACT_UNITS:
        return False
    h1, h2 = _unit_parts(u1)[0], _unit_parts(u2)[0]
    return h2 in _BROADER.get(h1, ()) or h1 in _BROADER.get(h2, ())


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
    heads: frozenset[str] = frozenset()  # the counted things (head nouns) in the sentence


@dataclass
class _Known:
    """Article-level context: the (thing, value) pairs each article states anywhere, and the
    things each article counts with more than one number."""

    ours: set = field(default_factory=set)
    theirs: set = field(default_factory=set)
    ours_ambiguous: set = field(default_factory=set)
    theirs_ambiguous: set = field(default_factory=set)


def _prepare_cached(claim: Any) -> _Prepared:
    """Prepared once per claim dict: a cluster compares each article with every other."""
    if isinstance(claim, dict):
        cached = claim.get("_prepared")
        if isinstance(cached, _Prepared):
            return cached
        claim["_prepared"] = cached = _prepare(claim)
        return cached
    return _prepare(claim)


def _prepare(claim: Any) -> _Prepared:
    statement = _get(claim, "statement") or ""
    figs = [
        (_get(f, "text"), _get(f, "value"), _get(f, "unit")) for f in _get(claim, "figures") or []
    ]
    heads = frozenset(
        _unit_parts(u)[0] for _t, v, u in figs if u and u not in _EXACT_UNITS and v is not None
    )
    return _Prepared(
        figs,
        frozenset(_words(statement)),
        frozenset(_YEAR.findall(_FULL_DATE.sub(" ", statement))),
        heads,
    )


def _stated(claims: list[_Prepared]) -> set[tuple[str, float]]:
    return {
        (_unit_parts(u)[0], round(v, 3))
        for c in claims
        for _t, v, u in c.figures
        if u and v is not None
    }


def _ambiguous(claims: list[_Prepared]) -> set[str]:
    """Things an article counts with two or more different numbers ("444 terror attacks"
    in the year, "909 terror attacks" against 257 operations): which one another outlet's
    count corresponds to cannot be told from the noun alone."""
    values: dict[str, set[float]] = {}
    for c in claims:
        for _t, v, u in c.figures:
            if u and u not in _EXACT_UNITS and v is not None:
                values.setdefault(_unit_parts(u)[0], set()).add(round(v, 3))
    return {h for h, vs in values.items() if len(vs) > 1}


def _same_quantity(
    a: _Prepared, b: _Prepared, unit: str | None, u2: str | None, known: _Known
) -> bool:
    """Two figures count the very same thing, so different numbers contradict each other.

    Same head noun and no contradicting modifiers ("security personnel" ~ "soldiers";
    "terror attacks" !~ "drone attacks"). When either article counts that thing with
    several numbers, the sentences must also count another thing in common ("685
    personnel in 444 attacks" ~ "702 personnel in 471 attacks"): otherwise a subtotal
    would be set against a total. Not reporting beats reporting a wrong conflict."""
    if not units_compatible(unit, u2):
        return False
    head = _unit_parts(unit)[0]  # type: ignore[arg-type]
    if head in known.ours_ambiguous or head in known.theirs_ambiguous:
        return bool((a.heads & b.heads) - {head})
    return True


def _match_prepared(a: _Prepared, b: _Prepared, known: _Known | None = None) -> ClaimMatch | None:
    known = known or _Known()
    sim = _dice(a.words, b.words)
    # Sentences about different years are about different quantities.
    years_clash = bool(a.years and b.years and not (a.years & b.years))
    shared: list[str] = []
    their_shared: list[str] = []
    matched_ours: set[int] = set()
    matched_theirs: set[int] = set()
    for i, (text, value, unit) in enumerate(a.figures):
        for j, (_t2, v2, u2) in enumerate(b.figures):
            if j in matched_theirs or not same_value(value, v2):
                continue
            if (
                units_compatible(unit, u2)
                or _loose_unit_ok(value, unit, u2, sim)
                or (units_related(unit, u2) and _distinctive(value))
            ):
                shared.append(text)
                their_shared.append(_t2)
                matched_ours.add(i)
                matched_theirs.add(j)
                break
    conflicts = []
    their_units: list[str] = []
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
                    _same_quantity(a, b, unit, u2, known)
                    and not _value_elsewhere(v2, a.figures)
                    and (_unit_parts(u2)[0], round(v2, 3)) not in known.ours  # type: ignore[arg-type]
                    and (_unit_parts(unit)[0], round(value, 3)) not in known.theirs  # type: ignore[arg-type]
                ):
                    conflicts.append({"quantity": unit, "ours": text, "theirs": t2})
                    their_units.append(u2)  # type: ignore[arg-type]
                    matched_theirs.add(j)
                    break
    if shared and not years_clash:
        return ClaimMatch(0, 0, "same_figure", round(min(1.0, 0.6 + 0.4 * sim), 3), shared,
                          conflicts or None, their_shared, their_units)  # fmt: skip
    # Worded alike but with different numbers for the same thing is the conflict, not
    # a second statement of the claim.
    if sim >= PARAPHRASE_MIN and not years_clash and not conflicts:
        return ClaimMatch(0, 0, "paraphrase", round(sim, 3), [], conflicts or None, [],
                          their_units)  # fmt: skip
    if conflicts:
        return ClaimMatch(0, 0, "same_quantity", round(sim, 3), [], conflicts, [], their_units)
    return None


def _distinctive(value: float | None) -> bool:
    """A number unlikely to recur by chance in one story: 264, not 10 or 2024."""
    if value is None or abs(value) < 100 or value != int(value):
        return False
    return not (1900 <= value <= 2100) and value % 100 != 0


def _loose_unit_ok(value: float | None, u1: str | None, u2: str | None, sim: float) -> bool:
    # One outlet wrote "a total of 4,813", the other "4,813 casualties": a large, exact
    # number in a sentence on the same subject is the same figure.
    if u1 in _EXACT_UNITS or u2 in _EXACT_UNITS or (u1 and u2):
        return False
    return value is not None and abs(value) >= 100 and sim >= CONTEXT_MIN / 2


def _value_elsewhere(value: float, figures: list[tuple[str, float | None, str | None]]) -> bool:
    return any(same_value(value, v) for _t, v, _u in figures)


@functools.lru_cache(maxsize=4096)
def _unit_parts(unit: str) -> tuple[str, frozenset[str]]:
    words = [_canon(w) for w in re.findall(r"[a-z]+", unit.lower())]
    if not words:
        return unit, frozenset()
    return words[-1], frozenset(words[:-1])


def _canon(word: str) -> str:
    w = _singular(word)
    return _SYNONYMS.get(w, _SYNONYMS.get(word, w))


@functools.lru_cache(maxsize=65536)  # a story repeats its words across every outlet
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
