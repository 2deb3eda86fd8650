"""Tiers of patterns found on real pages (issue 9, item 2): routine narrative, data and
officials' words hidden by default, and non-claims not flagged, while real queries stay
queries. Sentences written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import tier_of

from annotate.annotator import Annotator

TRIAL = (
    "Jurors convicted Dale Amory of kidnapping on Friday.\n\n"
    "According to evidence presented at trial, Amory lured the girl into his van in March.\n\n"
    "She was held for 30 hours and was injured when she escaped through a window.\n"
)


def test_narrative_after_trial_evidence_is_routine(annotator: Annotator) -> None:
    assert tier_of(annotator, TRIAL, "She was held") == ("unattributed_claim", "routine")


def test_same_narrative_without_a_court_record_stays_a_query(annotator: Annotator) -> None:
    text = "She was held for 30 hours and was injured when she escaped through a window."
    assert tier_of(annotator, text, "She was held") == ("unattributed_claim", "query")


def test_estimate_after_trial_evidence_stays_a_query(annotator: Annotator) -> None:
    text = TRIAL + "\nAn estimated 40 children were approached by Amory that year.\n"
    assert tier_of(annotator, text, "An estimated") == ("unattributed_claim", "query")


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("State health officials said the clinic would reopen on Monday.", "routine"),
        (
            "Officials with the Dunmore County roads department said the bridge would reopen.",
            "routine",
        ),
        ("State health officials said the outbreak had killed 3 people.", "query"),
        ("Two officials said the plan had been shelved.", "query"),
        ("A senior Pentagon official said the plan had been shelved.", "query"),
    ],
)
def test_officials_of_a_named_body(annotator: Annotator, text: str, tier: str) -> None:
    assert tier_of(annotator, text, text[:10]) == ("anonymous_source", tier)


def test_prediction_and_spending_are_queries_among_routine_words(annotator: Annotator) -> None:
    pred = "Car loan rates could ease to 5.5 percent as bond yields drop."
    spend = "Kerrow Media has spent 2 billion dollars on shows for its subscription service."
    assert tier_of(annotator, pred, "Car") == ("unattributed_claim", "query")
    assert tier_of(annotator, spend, "Kerrow") == ("unattributed_claim", "query")
    hold = "The half-point cut should keep mortgage rates low for the rest of the year."
    assert tier_of(annotator, hold, "The half") == ("unattributed_claim", "query")
    assert tier_of(annotator, "Bond yields fell to 4.1 percent on Tuesday.", "Bond")[1] == "routine"
    spec = "The new model will have a 12-inch screen and 512GB of storage."
    assert tier_of(annotator, spec, "The new")[1] == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "A pedestrian was struck by a van driven by Tom Rendle on Main Street.",
        "A video showing the dramatic moment the barge hit the bridge was released on Monday.",
        "The company entered the so-called streaming wars with a new service.",
    ],
)
def test_not_claims_are_not_flagged(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:8]) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The slump in sales was driven by cheap imports.",
        "So-called experts dominate the panel.",
        "The council's dramatic u-turn has angered parents.",
    ],
)
def test_the_same_words_as_claims_stay_queries(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:8]) == ("unattributed_claim", "query")
