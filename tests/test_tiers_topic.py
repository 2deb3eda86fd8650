"""Tiers of the tenth round (issue 9): a claim is a query for what it is about, not for the
mere presence of a number or a forecast word. A figure that counts things is routine; a figure
that counts people, money or a share stays a query; a forecast in a signed column is the
writer's view, a forecast in a news story stays a query. Sentences written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of, tier_of

from annotate.annotator import Annotator


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("But there are two problems with the Corran bypass plan.", "problems"),
        ("The Corran mill closed 12 of its 40 shops last year.", "shops"),
    ],
)
def test_a_count_of_things_is_routine_and_says_why(
    annotator: Annotator, text: str, noun: str
) -> None:
    f = flag_of(annotator, text, text[:10])
    assert (f.sourcing, f.tier) == ("unattributed_claim", "routine")
    assert f"('{noun}') (sourcing.tier.thing_count)" in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Nearly 150 students returned to Corran on Wednesday after the school closed.",
        "More than 300 residents were moved out of the Ardley flats on Tuesday.",
        "Nearly 150 Indians returned to Corran on Wednesday.",
        "Hundreds of demonstrators blocked roads in Ardley.",
        "All but four have now been released.",
        "The Corran council spent 4 million dollars on 12 new buses.",
        "About 40 percent of the Ardley flats have damp.",
    ],
)
def test_a_count_of_people_money_or_a_share_stays_a_query(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:10]) == ("unattributed_claim", "query")


COLUMN = (
    "I have banked with Corran lenders for years. I know their apps well. I moved my savings"
    " last spring.\n\n"
    "The big lenders will almost certainly buy some of these upstarts.\n\n"
    "The upstarts will almost certainly mislead their savers.\n\n"
    "The upstarts will almost certainly cause losses for thousands of savers.\n"
)


def test_a_forecast_in_a_signed_column_is_routine(annotator: Annotator) -> None:
    f = flag_of(annotator, COLUMN, "The big lenders")
    assert (f.sourcing, f.tier) == ("unattributed_claim", "routine")
    assert "(sourcing.tier.column_forecast)" in (f.reason or ""), f.reason
    alone = "The big lenders will almost certainly buy some of these upstarts."
    assert tier_of(annotator, alone, "The big") == ("unattributed_claim", "query")


@pytest.mark.parametrize(
    "starts", ["The upstarts will almost certainly m", "The upstarts will almost certainly c"]
)
def test_a_forecast_of_misconduct_or_harm_in_a_signed_column_stays_a_query(
    annotator: Annotator, starts: str
) -> None:
    assert tier_of(annotator, COLUMN, starts) == ("unattributed_claim", "query")
