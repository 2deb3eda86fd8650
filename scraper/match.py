"""Same story or not, and syndicated copies: plain data in, a score with its evidence out.

The conductor passes each article's named entities and figures as plain sets (the scraper
never imports spaCy), so this module only compares strings, numbers and dates.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

# Calibrated on the bundled sample web (see tests/test_match.py): coverage of the same
# event by another outlet scores 0.3-0.8, another story from the same feed under 0.15.
SAME_STORY_MIN = 0.25
# Starting points from the notes: near-identical text, or several identical long sentences.
SHINGLE_JACCARD_MIN = 0.8
IDENTICAL_SENTENCES_MIN = 3
LONG_SENTENCE_WORDS = 12
SAME_STORY_GAP_HOURS = 72.0
LEAD_WORDS = 80

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"'”’]?\s+")
# Datelines with a wire credit: "New Delhi, Feb 26 (IANS)", "LONDON (Reuters) -".
_DATELINE_CREDIT = re.compile(
    r"^[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3}"  # place: "New Delhi", "LONDON"
    r"(?:,\s*[A-Z][a-z]{2,9}\.? \d{1,2}(?:,\s*\d{4})?)?"  # optional date: ", Feb 26"
    r"\s*\(([A-Z][A-Za-z&. ]{1,30})\)\s*[-–—:]?",
    re.M,
)
_KNOWN_WIRES = ("AP", "AFP", "Reuters", "IANS", "PTI", "ANI", "UNI", "dpa", "Xinhua", "Bloomberg")
_STOP = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being "
    "it its this that these those he she they them his her their we our you your i not no "
    "has have had do does did will would can could should may might must also than then "
    "there here which who whom what when where why how all any some more most other such "
    "into over under after before about against between during without within per said says "
    "say new year years one two three".split()
)


@dataclass
class StoryDoc:
    """What matching needs to know about one article."""

    key: int | str  # article id (or URL) the caller uses to find it again
    url: str
    domain: str  # registered domain
    title: str
    text: str
    published: str | None = None  # ISO 8601 UTC
    canonical_url: str | None = None
    outlet_name: str | None = None
    entities: frozenset[str] = frozenset()
    figures: frozenset[str] = frozenset()  # normalised values, e.g. "685", "0.3333"
    quantities: frozenset[str] = frozenset()  # what the figures count, e.g. "personnel", "attack"


@dataclass
class StoryMatch:
    key: int | str
    score: float
    same_story: bool
    syndicated: bool
    syndicated_of: int | str | None  # the earliest copy's key when this pair is syndication
    evidence: dict = field(default_factory=dict)


def match_related(seed: StoryDoc, others: Sequence[StoryDoc]) -> list[StoryMatch]:
    """Score each other article against the seed. TF-IDF weights come from the seed and
    its candidates only: one story window, never the whole database."""
    idf = _idf([_lead_terms(d) for d in [seed, *others]])
    seed_vec = _tfidf(_lead_terms(seed), idf)
    seed_shingles = shingles(seed.text)
    seed_sents = long_sentences(seed.text)
    seed_credit = wire_credit(seed.text)
    out = []
    for other in others:
        vec = _tfidf(_lead_terms(other), idf)
        cos = _cosine(seed_vec, vec)
        shared_terms = sorted(set(seed_vec) & set(vec), key=lambda t: -(seed_vec[t] * vec[t]))
        ents = _shared(seed.entities, other.entities)
        figs = sorted(seed.figures & other.figures)
        qty = sorted(seed.quantities & other.quantities)
        gap = gap_hours(seed.published, other.published)
        score = _score(cos, seed.entities, other.entities, ents, figs, qty, gap)
        syn = _syndication(seed, other, seed_shingles, seed_sents, seed_credit)
        evidence = {
            "cosine": round(cos, 3),
            "terms": shared_terms[:8],
            "entities": ents[:12],
            "figures": figs[:12],
            "quantities": qty[:8],
            "gap_hours": None if gap is None else round(gap, 1),
        }
        if syn:
            evidence["syndication"] = syn
        same = bool(syn) or score >= SAME_STORY_MIN
        earliest = _earliest(seed, other) if syn else None
        out.append(StoryMatch(other.key, round(score, 3), same, bool(syn), earliest, evidence))
    return out


def _score(
    cos: float,
    ents_a: frozenset[str],
    ents_b: frozenset[str],
    shared_ents: list[str],
    shared_figs: list[str],
    shared_qty: list[str],
    gap: float | None,
) -> float:
    ent_part = len(shared_ents) / max(1, min(len(ents_a), len(ents_b), 5))
    fig_part = min(1.0, len(shared_figs) / 2)
    # Counting the same things (security personnel killed, attacks) is strong evidence of
    # the same story even when the figures differ and the wording shares little: the
    # outlet with a different death toll is exactly the coverage an editor needs.
    qty_part = min(1.0, len(shared_qty) / 2)
    score = 0.4 * cos + 0.15 * min(1.0, ent_part) + 0.15 * fig_part + 0.3 * qty_part
    # Far apart in time is less likely the same event, but an origin report published
    # days before still belongs to the story: decay softly, do not cut off.
    # Several identical figures are the same facts whenever they were published.
    if gap is not None and abs(gap) > SAME_STORY_GAP_HOURS and len(shared_figs) < 2:
        score *= max(0.5, 1 - (abs(gap) - SAME_STORY_GAP_HOURS) / (24 * 30))
    return score


def _syndication(
    seed: StoryDoc,
    other: StoryDoc,
    seed_shingles: set[int],
    seed_sents: set[str],
    seed_credit: str | None,
) -> dict | None:
    """Why `other` and the seed are copies of one text, or None."""
    jac = jaccard(seed_shingles, shingles(other.text))
    if jac >= SHINGLE_JACCARD_MIN:
        return {"reason": "near-identical text", "jaccard": round(jac, 3)}
    same_sents = len(seed_sents & long_sentences(other.text))
    if same_sents >= IDENTICAL_SENTENCES_MIN:
        return {"reason": f"{same_sents} identical long sentences", "jaccard": round(jac, 3)}
    for a, b in ((other, seed), (seed, other)):
        if a.canonical_url and _canonical_points_to(a, b):
            return {"reason": f"canonical link to {a.canonical_url}"}
    credit = wire_credit(other.text)
    if credit and credit.lower() in _names(seed) and not _is_own(credit, other):
        return {"reason": f"wire credit ({credit}) of the seed's outlet", "credit": credit}
    if seed_credit and seed_credit.lower() in _names(other) and not _is_own(seed_credit, seed):
        return {"reason": f"wire credit ({seed_credit}) of this outlet", "credit": seed_credit}
    if credit and seed_credit and credit == seed_credit and credit in _KNOWN_WIRES:
        return {"reason": f"same wire credit ({credit})", "credit": credit}
    return None


def wire_credit(text: str) -> str | None:
    """The agency named in the opening dateline ("New Delhi, Feb 26 (IANS)") or None."""
    head = text[:400]
    m = _DATELINE_CREDIT.search(head)
    if m:
        return m.group(1).strip()
    for wire in _KNOWN_WIRES:
        if re.search(rf"\({re.escape(wire)}\)", head):
            return wire
    return None


def shingles(text: str, k: int = 5) -> set[int]:
    words = _WORD.findall(text.lower())
    return {hash(" ".join(words[i : i + k])) for i in range(max(0, len(words) - k + 1))}


def jaccard(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def long_sentences(text: str) -> set[str]:
    out = set()
    for s in _SENT_SPLIT.split(text):
        words = _WORD.findall(s.lower())
        if len(words) >= LONG_SENTENCE_WORDS:
            out.add(" ".join(words))
    return out


def gap_hours(a: str | None, b: str | None) -> float | None:
    """Hours from a to b (positive when b is later); None when either date is unknown."""
    ta, tb = parse_time(a), parse_time(b)
    if ta is None or tb is None:
        return None
    return (tb - ta).total_seconds() / 3600


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        t = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is None:
        from datetime import UTC

        t = t.replace(tzinfo=UTC)
    return t


def _earliest(a: StoryDoc, b: StoryDoc) -> int | str:
    ta, tb = parse_time(a.published), parse_time(b.published)
    if a.canonical_url and _canonical_points_to(a, b):
        return b.key
    if b.canonical_url and _canonical_points_to(b, a):
        return a.key
    if ta and tb:
        return b.key if tb < ta else a.key
    return a.key  # unknown dates: the seed is the reference copy


def _canonical_points_to(a: StoryDoc, b: StoryDoc) -> bool:
    canon = (a.canonical_url or "").rstrip("/")
    return (
        bool(canon)
        and canon != a.url.rstrip("/")
        and (canon == b.url.rstrip("/") or _host(canon).endswith(b.domain))
    )


def _host(url: str) -> str:
    return re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0].split(":", 1)[0]


def _names(doc: StoryDoc) -> set[str]:
    names = {doc.domain.lower(), doc.domain.split(".")[0].lower()}
    if doc.outlet_name:
        names.add(doc.outlet_name.lower())
        names.add(doc.outlet_name.lower().replace(" ", ""))
    return names


def _is_own(credit: str, doc: StoryDoc) -> bool:
    return credit.lower() in _names(doc) or credit.lower().replace(" ", "") in _names(doc)


def _shared(a: frozenset[str], b: frozenset[str]) -> list[str]:
    lower_b = {x.lower(): x for x in b}
    return sorted({x for x in a if x.lower() in lower_b})


def _lead_terms(doc: StoryDoc) -> list[str]:
    words = _WORD.findall(doc.text.lower())[:LEAD_WORDS]
    title = _WORD.findall(doc.title.lower())
    # The title says what the story is about: count it twice.
    return [w for w in title * 2 + words if w not in _STOP and not w.isdigit() and len(w) > 2]


def _idf(docs: list[list[str]]) -> dict[str, float]:
    n = len(docs)
    df = Counter(t for d in docs for t in set(d))
    return {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}


def _tfidf(terms: list[str], idf: dict[str, float]) -> dict[str, float]:
    tf = Counter(terms)
    return {t: c * idf.get(t, 1.0) for t, c in tf.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b[t] for t, v in a.items() if t in b)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0
