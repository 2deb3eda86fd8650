"""Round 14 (issue 9): a small count that tells the story ('two councillors', 'ran three
times') is routine; a small count of harm or custody, a multiplier, or a count above nine
stays a query. Sentences written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of, tier_of

from annotate.annotator import Annotator


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (
            "In March, two Corran councillors invited the Ardley historian to the town hall.",
            "two councillors",
        ),
        ("Three members of the Vale choir sang at the Ardley fete on Sunday.", "Three members"),
        (
            "Two Vale councillors toured the Ardley plant with the mayor last May.",
            "Two councillors",
        ),
    ],
)
def test_a_small_narrative_count_is_routine_and_says_why(
    annotator: Annotator, text: str, count: str
) -> None:
    f = flag_of(annotator, text, text[:10])
    assert (f.sourcing, f.tier) == ("unattributed_claim", "routine"), f.reason
    assert f"('{count}') (sourcing.tier.small_count)" in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Two patients at the Corran clinic were moved to the Ardley ward on Friday.",
        "Two new cases were confirmed at the Corran care home on Monday.",
        "Some 40 volunteers from the Vale choir sang at the Ardley fete on Sunday.",
        "Damp makes the Corran flats five times more costly to heat.",
        "All but four have now been released.",
        # violence done to the people counted is a harm claim, whoever did it
        "A gunman shot two men outside the Corran bar on Monday.",
        "Two guests were stabbed at the Ardley hotel on Saturday.",
    ],
)
def test_harm_a_multiplier_or_a_bigger_count_stays_a_query(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:10]) == ("unattributed_claim", "query")
