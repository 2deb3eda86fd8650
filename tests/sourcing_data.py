"""Shared helpers for the sourcing tests (test_sourcing*.py): the gold folder, the labels
of a text's sentences, and the flag of the sentence that starts with given words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from annotate.annotator import Annotator
from annotate.models import SentenceFlag
from annotate.sourcing.tier_kind import decided_tier

GOLD = Path(__file__).parent / "gold"


def labels(annotator: Annotator, text: str) -> list[str]:
    return [f.sourcing or "none" for f in annotator.annotate(text).sentences]


def flag_of(
    annotator: Annotator, text: str, starts: str, reference: date | None = None
) -> SentenceFlag:
    """The flag of the sentence that starts with `starts`, the text read against `reference`
    (the article's date; None: today)."""
    sents = annotator.annotate(text, reference=reference).sentences
    return next(f for f in sents if f.text.startswith(starts))


def tier_of(annotator: Annotator, text: str, starts: str) -> tuple[str | None, str | None]:
    """The label of the sentence that starts with `starts`, and the tier its tier rules
    decided: a query by kind alone reads as a query here, though round 17's last rule
    (sourcing.tier.kind_only, tests/test_round17_kind.py) then shows it with routine."""
    f = flag_of(annotator, text, starts)
    return f.sourcing, decided_tier(f)


def pairs(flag: SentenceFlag) -> list[tuple[str | None, str | None]]:
    """(source text, cue text) of every attribution the sentence states, in order."""
    return [
        (a.source.text if a.source else None, a.cue.text if a.cue else None)
        for a in flag.attributions
    ]
