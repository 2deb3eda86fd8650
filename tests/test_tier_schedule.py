"""Round 14 (issue 9): an agentless 'is expected to' is routine when what is expected is a step
on a timetable or in a procedure, and stays a query when it is an outcome somebody forecast.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("The Corran inquiry report is expected to be published on Thursday.", "be published"),
        ("Vale is expected to start in goal for Ardley on Saturday.", "start"),
        ("The Ardley bypass is expected to open in May.", "open"),
        (
            "The driver was arrested on Friday and is expected to be charged with dangerous driving.",
            "be charged",
        ),
    ],
)
def test_an_expected_step_on_a_timetable_is_routine_and_says_why(
    annotator: Annotator, text: str, step: str
) -> None:
    f = flag_of(annotator, text, text[:10])
    assert (f.sourcing, f.tier) == ("agentless", "routine"), f.reason
    assert f"('expected to {step}') (sourcing.tier.scheduled)" in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The Corran council leader is expected to resign on Thursday.",
        "The Ardley plant closure is expected to cost 300 jobs.",
        "Vale is expected to win the Ardley seat easily.",
    ],
)
def test_an_expected_outcome_stays_a_query(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text, text[:10])
    assert (f.sourcing, f.tier) == ("agentless", "query"), f.reason
