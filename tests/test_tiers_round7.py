"""Claims and tiers of the seventh round (issue 9): what an editor found wrong or missing in
the default view of real pages. List numbers, reference marks and political 'attacks' are
not claims; what a kind can do and a share move after the company's own news are routine;
motives, predictions, unease stated as fact and case details in the reporter's voice are
queries. Sentences written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import tier_of

from annotate.annotator import Annotator
from annotate.sourcing.tier_kind import decided_tier

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


# -- the outlet's own notes and repeats --------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "We have pixelated the clip to shield the injured child.",
        "Some names have been changed to protect the injured families.",
    ],
)
def test_the_outlets_own_note_is_not_a_claim(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:8]) == (None, None)


def test_news_the_outlet_learned_is_still_a_claim(annotator: Annotator) -> None:
    text = "We have learned that three people were injured."
    assert tier_of(annotator, text, "We have") == ("unattributed_claim", "query")


def test_a_caption_repeating_the_lede_is_shown_once(annotator: Annotator) -> None:
    text = (
        "Flood water swept through the market town on Sunday, forcing 400 people from their"
        " homes.\n\nFlood water swept through the market town of Ashby on Sunday, forcing 400"
        " people from their homes.\n"
    )
    flags = [f for f in annotator.annotate(text).sentences if f.unsourced]
    assert [decided_tier(f) for f in flags] == ["query", "routine"]
    assert "sourcing.tier.repeat" in (flags[1].reason or "")


# -- the reporter's voice ------------------------------------------------------------------------
def test_the_writers_reading_of_the_stakes_is_routine(annotator: Annotator) -> None:
    text = "The stakes are enormous for the mayor."
    assert tier_of(annotator, text, "The stakes") == ("unattributed_claim", "routine")


def test_a_judgement_of_a_plan_stays_a_query(annotator: Annotator) -> None:
    text = "The housing plan is reckless."
    assert tier_of(annotator, text, "The housing") == ("unattributed_claim", "query")


@pytest.mark.parametrize(
    "text",
    [
        "That is why the two mayors are joining the contest.",
        "A merger, which looks ever more probable, would end the rivalry.",
        "The council cut bus fares in a bid to lure drivers out of their cars.",
        "There is mounting unease in the party that the leader cannot win.",
        "Research has been mixed on whether the therapy helps.",
        "Concern is growing among parents about the school closures.",
    ],
)
def test_motives_predictions_and_unease_in_the_reporters_voice_are_queries(
    annotator: Annotator, text: str
) -> None:
    assert tier_of(annotator, text, text[:8]) == ("unattributed_claim", "query")


@pytest.mark.parametrize(
    "text",
    [
        "The two mayors joined the contest on Monday.",
        "Her main concern is the cost of the repairs.",
        "The case is light and slim, which is why I always carry it.",
        "It was an improbable ending to a long season.",
    ],
)
def test_plain_events_held_concerns_and_reviews_are_not_flagged(
    annotator: Annotator, text: str
) -> None:
    assert tier_of(annotator, text, text[:8]) == (None, None)


CASE = (
    "Police said the boy was found alive in a neighbour's garage on Friday. "
    "A deputy had searched the garage an hour earlier but missed the boy. "
    "The deputy was later suspended."
)


@pytest.mark.parametrize("starts", ["A deputy", "The deputy was"])
def test_details_of_a_case_with_no_source_are_queries(annotator: Annotator, starts: str) -> None:
    assert tier_of(annotator, CASE, starts) == ("unattributed_claim", "query")


def test_a_missed_penalty_is_no_case_detail(annotator: Annotator) -> None:
    text = "Okafor missed a penalty in the second half."
    assert tier_of(annotator, text, "Okafor")[1] != "query"


# -- pages and words the rules cannot read -----------------------------------------------------
def test_flags_on_a_page_that_is_not_english_are_routine(annotator: Annotator) -> None:
    text = (
        "Secondo il comune, il nuovo ponte sul fiume costerà 40 milioni di euro e sarà pronto"
        " entro la fine del prossimo anno, con due corsie per ogni senso di marcia.\n\n"
        "“Non abbiamo ancora ricevuto i fondi promessi dalla regione per il cantiere.”\n"
    )
    flags = [f for f in annotator.annotate(text).sentences if f.unsourced]
    assert all(f.tier == "routine" for f in flags), [f.reason for f in flags]


def test_a_doubles_title_is_no_figure_but_a_doubling_is(annotator: Annotator) -> None:
    title = "After clinching the doubles title in the Finals, the French duo won again."
    assert tier_of(annotator, title, "After")[1] != "query"
    assert tier_of(annotator, "Prices doubled in two years.", "Prices") == (
        "unattributed_claim",
        "query",
    )


def test_an_adjective_on_the_contest_is_the_writers_preview(annotator: Annotator) -> None:
    text = "Lopez completed the comeback in the decisive doubles match on Tuesday."
    assert tier_of(annotator, text, "Lopez") == ("unattributed_claim", "routine")


COLUMN = (
    "I have covered the council for years. I know its members well. I think they mean well.\n\n"
    "The new parking rules are a shambles.\n\n"
    "The rules have cost drivers 2 million pounds in fines since May.\n"
)


def test_a_judgement_in_a_signed_column_is_routine(annotator: Annotator) -> None:
    assert tier_of(annotator, COLUMN, "The new parking") == ("unattributed_claim", "routine")
    alone = "The new parking rules are a shambles."
    assert tier_of(annotator, alone, "The new") == ("unattributed_claim", "query")


def test_a_figure_in_a_signed_column_stays_a_query(annotator: Annotator) -> None:
    assert tier_of(annotator, COLUMN, "The rules have") == ("unattributed_claim", "query")


def test_an_arrest_told_with_no_source_in_a_case_story_is_a_query(annotator: Annotator) -> None:
    text = (
        "Police were called to the flat after a neighbour heard shouting. "
        "Harlow was arrested at her home on Tuesday."
    )
    assert tier_of(annotator, text, "Harlow") == ("unattributed_claim", "query")


def test_a_keeper_finding_the_ball_is_no_case_detail(annotator: Annotator) -> None:
    text = "Okafor missed a penalty before the break. The keeper found the ball in the net."
    assert tier_of(annotator, text, "The keeper") == (None, None)
