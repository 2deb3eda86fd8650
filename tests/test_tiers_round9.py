"""Tiers of the ninth round (issue 9): the classes of wrong default flags a blind editor found
on ten never-read pages after round 8. Tier cues read in their sense, box scores, a study's
method, product launches, a review's own testing, verbless fragments, a 'reportedly' lead
whose report is named a sentence away, and the reporter's analysis of what an event will
bring. Sentences written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of, tier_of

from annotate.annotator import Annotator


@pytest.mark.parametrize(
    "text",
    [
        "The Velmar tablet lasts 11 hours per charge and costs 300 dollars.",
        "The Corran bank started charging a 5 dollar fee on 12 accounts in 2023.",
    ],
)
def test_charge_as_a_price_or_a_battery_is_no_crime(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text, text[:10])
    assert "sourcing.tier.crime" not in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors charged the two Corran managers with fraud in 2023.",
        "The two Corran managers face 14 charges of fraud.",
        "Three men were charged over the break-in at the Corran depot.",
    ],
)
def test_charge_in_its_legal_sense_stays_a_crime(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:10]) == ("unattributed_claim", "query")


def test_a_title_with_a_death_word_is_no_casualty(annotator: Annotator) -> None:
    text = "Velmar Studios sold 3 million copies of Dawn of the Dead Kings in its first month."
    f = flag_of(annotator, text, "Velmar")
    assert "sourcing.tier.casualty" not in (f.reason or ""), f.reason


def test_a_thing_all_but_dead_is_no_claim_of_harm(annotator: Annotator) -> None:
    f = flag_of(annotator, "The old butterfly keyboard is all but dead.", "The old")
    assert f.sourcing is None, f.reason


def test_police_shooting_people_dead_stays_a_casualty(annotator: Annotator) -> None:
    text = "Police shot dead 12 protesters in the Corran square."
    assert tier_of(annotator, text, "Police") == ("unattributed_claim", "query")


def test_the_expected_line_up_is_no_estimate(annotator: Annotator) -> None:
    text = "The expected line-up includes two players who scored 30 goals last season."
    f = flag_of(annotator, text, "The expected")
    assert "sourcing.tier.estimate" not in (f.reason or ""), f.reason


def test_a_study_method_is_routine_and_its_finding_a_query(annotator: Annotator) -> None:
    method = "The researchers tracked 1,200 nurses for six years."
    assert tier_of(annotator, method, "The researchers")[1] == "routine"
    finding = "Night shifts raised the nurses' risk of diabetes by 30 percent."
    assert tier_of(annotator, finding, "Night") == ("unattributed_claim", "query")


def test_a_review_own_testing_is_routine(annotator: Annotator) -> None:
    text = "In our testing, the Velmar laptop hit 107 degrees."
    assert tier_of(annotator, text, "In our") == ("unattributed_claim", "routine")


def test_a_verbless_promotion_line_is_not_a_claim(annotator: Annotator) -> None:
    assert tier_of(annotator, "Six issues for 9.99 pounds.", "Six") == (None, None)


def test_reportedly_after_the_outlet_reported_is_that_report(annotator: Annotator) -> None:
    text = (
        "The Corran Ledger reported on Friday that the club had sacked its coach. "
        "The board reportedly voted 5 to 2 to end his contract.\n"
    )
    f = flag_of(annotator, text, "The board")
    assert f.sourcing == "named_source" and f.rule == "sourcing.reported_nearby", f.reason


def test_reportedly_with_nothing_named_nearby_stays_agentless(annotator: Annotator) -> None:
    text = "The board reportedly voted 5 to 2 to end his contract.\nHe left on Friday.\n"
    assert flag_of(annotator, text, "The board").sourcing == "agentless"


@pytest.mark.parametrize(
    "text",
    [
        "The vote sets up a clash between the Corran council and the regional assembly.",
        "The decision will leave hundreds of Corran tenants without heating this winter.",
        "The merger will create the largest brewer in the region.",
    ],
)
def test_what_an_event_will_bring_is_a_query(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:8]) == ("unattributed_claim", "query")


@pytest.mark.parametrize(
    "text",
    ["The new Corran parking rules will take effect in May.", "The vote will be held on Friday."],
)
def test_a_schedule_is_no_prediction(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:8])[0] is None


def test_a_lede_sourced_in_the_next_sentence_is_routine(annotator: Annotator) -> None:
    text = (
        "Corran prosecutors have dropped their inquiry into the fraud at the mill.\n\n"
        "Prosecutor Ana Ruiz said the fraud inquiry found too little evidence.\n"
    )
    assert tier_of(annotator, text, "Corran") == ("unattributed_claim", "routine")


def test_a_later_claim_next_to_a_named_sentence_is_routine_since_round_16(
    annotator: Annotator,
) -> None:
    """Round 9 kept this a query; the judged real pages of rounds 13-15 found no query among
    such flags, so round 16 extends the lede's rule (sourcing.tier.sourced_next). A next
    speaker on another topic leaves the claim a query (tests/test_round16_speakers.py)."""
    text = (
        "The Corran mill closed on Monday.\n\n"
        "Two managers at the mill were charged with fraud in March.\n\n"
        "Prosecutor Ana Ruiz said the fraud inquiry was over.\n"
    )
    assert tier_of(annotator, text, "Two managers") == ("unattributed_claim", "routine")
