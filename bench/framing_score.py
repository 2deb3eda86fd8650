"""Scoring for the framing benches: any-overlap and partial-overlap P/R/F1 by voice, tier and
category, the printed report, the fixed halves of a set, and the missed-span listing.
The readers of the labelled sets are in framing_data, which re-exports these names."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

if TYPE_CHECKING:
    from framing_data import Article, Gold

    from annotate.models import FramingSpan


# -- scoring -------------------------------------------------------------------------------
def _ov(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


@dataclass
class PRF:
    tp_p: float = 0.0  # predictions credited (any-overlap: count; partial: overlap share)
    n_p: int = 0
    tp_g: float = 0.0
    n_g: int = 0

    @property
    def p(self) -> float:
        return self.tp_p / self.n_p if self.n_p else 0.0

    @property
    def r(self) -> float:
        return self.tp_g / self.n_g if self.n_g else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def row(self) -> str:
        return (
            f"P {self.p:.3f}  R {self.r:.3f}  F1 {self.f1:.3f}  (pred {self.n_p}, gold {self.n_g})"
        )


def score(
    pairs: Iterable[tuple[list[Gold], list[FramingSpan]]],
    in_quote: bool,
    category: str | None = None,
    tier: str | None = None,
) -> tuple[PRF, PRF]:
    """(any-overlap, partial-overlap) scores for spans in one voice; with `category`, only
    predictions and gold of that category; with `tier`, only predictions of that tier.
    Partial overlap is the SemEval-2020 scorer's: each prediction is credited with the share
    of its characters inside gold, each gold span with the share covered by predictions."""
    anyo, part = PRF(), PRF()
    for gold, pred in pairs:
        g = [
            x
            for x in gold
            if x.in_quote == in_quote and (category is None or x.category == category)
        ]
        p = [
            x
            for x in pred
            if x.in_quote == in_quote
            and (category is None or x.category == category)
            and (tier is None or x.tier == tier)
        ]
        for x in p:
            anyo.n_p += 1
            part.n_p += 1
            ovs = [_ov(x.start, x.end, y.start, y.end) for y in g]
            anyo.tp_p += any(ovs)
            part.tp_p += min(1.0, sum(ovs) / max(1, x.end - x.start))
        for y in g:
            anyo.n_g += 1
            part.n_g += 1
            ovs = [_ov(x.start, x.end, y.start, y.end) for x in p]
            anyo.tp_g += any(ovs)
            part.tp_g += min(1.0, sum(ovs) / max(1, y.end - y.start))
    return anyo, part


def detector(span: FramingSpan) -> str:
    if span.entry is None:
        return "scare quotes"
    if span.entry.startswith("framing.loaded.auto"):
        return "VADER auto"
    if span.entry == "framing.doubt.rhetorical_question":
        return "questions"
    return "lexicon"


def report(arts: list[Article], preds: list[list[FramingSpan]], categories: bool) -> None:
    """Print P/R/F1 for author-voice and in-quote spans, any-overlap and partial overlap,
    overall, by tier and (with `categories`) by category; then the detector breakdown."""
    from annotate.models import FRAMING_CATEGORIES, FRAMING_TIERS

    pairs = [(a.gold, p) for a, p in zip(arts, preds, strict=True)]
    words = sum(len(a.text.split()) for a in arts)
    print(f"{len(arts)} articles, {words:,} words, {sum(len(a.gold) for a in arts):,} gold spans")
    for in_quote, voice in ((False, "author's voice"), (True, "in quotes")):
        anyo, part = score(pairs, in_quote)
        print(f"{voice}:")
        print(f"  any-overlap      {anyo.row()}")
        print(f"  partial overlap  {part.row()}")
        for tier in FRAMING_TIERS:
            a, _ = score(pairs, in_quote, tier=tier)
            # strong alone is what the desk shows by default; mild alone has no use for recall
            shown = a.row() if tier == "strong" else f"P {a.p:.3f}  (pred {a.n_p})"
            print(f"  only {tier:<6}      {shown}")
        if categories:
            for cat in FRAMING_CATEGORIES:
                a, _ = score(pairs, in_quote, category=cat)
                print(f"  {cat:<16} {a.row()}")
                # the default view: what an editor sees before asking for mild flags too
                s, _ = score(pairs, in_quote, category=cat, tier="strong")
                if s.n_p:
                    print(f"    strong only    {s.row()}")
    by_det: dict[str, list[int]] = {}
    for gold, pred in pairs:
        for x in pred:
            if x.in_quote:
                continue
            hit = any(_ov(x.start, x.end, y.start, y.end) for y in gold if not y.in_quote)
            row = by_det.setdefault(detector(x), [0, 0])
            row[0] += hit
            row[1] += 1
    print("author's-voice spans by detector (any-overlap precision):")
    for name, (hit, n) in sorted(by_det.items()):
        print(f"  {name:<13} {hit:4d} of {n:4d}  ({hit / n if n else 0:.3f})")


def half(arts: list[Article], which: str) -> list[Article]:
    """One of two fixed halves of a set, by the parity of the digits in the article's name
    (SemEval ids, BASIL file numbers): rules are developed on one half and the other half
    gives the honest figure. Names without digits go to the even half."""
    want = 0 if which == "even" else 1

    def parity(name: str) -> int:
        digits = "".join(c for c in name if c.isdigit())
        return int(digits) % 2 if digits else 0

    return [a for a in arts if parity(a.name) == want]


def print_misses(
    arts: list[Article], preds: list[list[FramingSpan]], limit: int, tier: str | None
) -> None:
    """Gold spans in the author's voice that no prediction (of `tier`, if given) touches,
    by category, with a little context: the material for reading what the rules miss. Only
    printed to the terminal, never written anywhere."""
    by_cat: dict[str, list[str]] = {}
    for a, pred in zip(arts, preds, strict=True):
        p = [x for x in pred if not x.in_quote and (tier is None or x.tier == tier)]
        for g in a.gold:
            if g.in_quote or any(_ov(x.start, x.end, g.start, g.end) for x in p):
                continue
            left = a.text[max(0, g.start - 30) : g.start].replace("\n", " ")
            right = a.text[g.end : g.end + 30].replace("\n", " ")
            span = a.text[g.start : g.end].replace("\n", " ")
            by_cat.setdefault(g.category or "-", []).append(f"{left}[[{span}]]{right}")
    for cat, rows in sorted(by_cat.items()):
        print(f"missed {cat}: {len(rows)}")
        for r in rows[:limit]:
            print(f"  {r!r}")
