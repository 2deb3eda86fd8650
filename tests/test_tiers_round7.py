"""Claims and tiers of the seventh round (issue 9): what an editor found wrong or missing in
the default view of real pages. List numbers, reference marks and political 'attacks' are
not claims; what a kind can do and a share move after the company's own news are routine;
motives, predictions, unease stated as fact and case details in the reporter's voice are
queries. Sentences written for these tests."""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def tier_of(annotator: Annotator, text: str, starts: str) -> tuple[str | None, str | None]:
    f = next(f for f in annotator.annotate(text).sentences if f.text.startswith(starts))
    return f.sourcing, f.tier


# -- not claims ----------------------------------------------------------------------------
LISTICLE = (
    "Here are 12 ways to sleep better.\n\n4.\n\nKeep the bedroom cool.\n\n"
    "Fasting was linked to a higher chance of overeating later in the day (12).\n\n"
    "Other treatments include light therapy and group counselling (14, 15).\n"
)


@pytest.mark.parametrize("starts", ["Here are", "4.", "Fasting", "Other treatments"])
def test_list_numbers_titles_and_reference_marks_are_not_flagged(
    annotator: Annotator, starts: str
) -> None:
    assert tier_of(annotator, LISTICLE, starts) == (None, None)


def test_a_bracket_that_counts_something_is_still_a_figure(annotator: Annotator) -> None:
    text = "The plant employs 300 staff (up from 250)."
    assert tier_of(annotator, text, "The plant") == ("unattributed_claim", "query")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor came under sustained attack from rivals over the budget.",
        "The senator attacked the governor's housing plan on Tuesday.",
    ],
)
def test_attack_in_the_political_sense_is_not_harm(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:8]) == (None, None)


def test_an_armed_attack_stays_a_query(annotator: Annotator) -> None:
    text = "Gunmen attacked a police post on Tuesday."
    assert tier_of(annotator, text, "Gunmen") == ("unattributed_claim", "query")


# -- routine background and public sequences -------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Left untreated, the infection can lead to kidney failure.",
        "Skipping breakfast can contribute to weight gain.",
        "Poor sleep can lead to high blood pressure.",
    ],
)
def test_what_a_kind_can_do_is_routine_background(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:8]) == ("unattributed_claim", "routine")


@pytest.mark.parametrize(
    "text",
    [
        "Sugar causes hyperactivity in children.",
        "The new bypass can lead to longer queues in the town centre.",
        "Vaccines can cause autism.",
    ],
)
def test_a_plain_or_particular_cause_stays_a_query(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:8]) == ("unattributed_claim", "query")


def test_a_share_move_after_the_companys_own_guidance_cut_is_routine(
    annotator: Annotator,
) -> None:
    text = "Shares in Corran Foods fell 9 percent after the company cut its full-year forecast."
    assert tier_of(annotator, text, "Shares") == ("unattributed_claim", "routine")


def test_a_share_move_after_another_partys_act_stays_a_query(annotator: Annotator) -> None:
    text = "Shares in Corran fell 5 percent after regulators fined the company."
    assert tier_of(annotator, text, "Shares") == ("unattributed_claim", "query")
