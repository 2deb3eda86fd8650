"""Sourcing labels for what is claimed, as an editor would see them: which unattributed
sentences need a source (figures, trends, dated past events, covert acts, structures
that assert something) and which do not (schedules, forecasts, calls to act, numbers
that are not figures, headlines)."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of, labels

from annotate.annotator import Annotator


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


# -- check-worthy or not -------------------------------------------------------------------
def test_unattributed_figure_has_a_reason(annotator: Annotator) -> None:
    f = flag_of(annotator, "In 2024, 685 security personnel were killed in violence.", "In 2024")
    assert f.sourcing == "unattributed_claim"
    assert f.reason == "figure with no source: '685'; query: 'killed' (sourcing.tier.casualty)"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The year 2024 has emerged as the deadliest year for the army.", "superlative"),
        ("The deterioration can be traced back to political instability.", "causal"),
        ("The government continues to conceal the deaths of its soldiers.", "accusation"),
        ("India's decisive actions highlight the chaos across the border.", "evaluative"),
    ],
)
def test_check_worthy_structures_are_flagged(annotator: Annotator, text: str, word: str) -> None:
    f = annotator.annotate(text).sentences[0]
    assert f.sourcing == "unattributed_claim"
    assert word in f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The committee will hold a second hearing in May.",
        "Meadowbrook did not respond to a request for comment.",
        "Judge Helen Marsh adjourned the hearing until Tuesday morning.",
        "Parliament reconvenes on October 2.",
        "Schools in the two towns will stay closed on Monday.",
        "There were no immediate reports of deaths.",
        "Passengers are advised to check times before they travel.",
    ],
)
def test_schedules_transitions_and_no_comment_need_no_source(
    annotator: Annotator, text: str
) -> None:
    assert labels(annotator, text) == ["none"]


def test_age_and_dates_are_not_figures(annotator: Annotator) -> None:
    assert labels(annotator, "Judge Helen Marsh, 58, adjourned the hearing until March 3.") == [
        "none"
    ]


def test_headlines_are_not_sentences_to_source(annotator: Annotator) -> None:
    text = "Rail strike called off after pay deal\n\nServices will run as normal from Monday."
    assert labels(annotator, text) == ["none", "none"]
    assert "headline" in annotator.annotate(text).sentences[0].reason


def test_failed_to_disclose_is_not_an_attribution(annotator: Annotator) -> None:
    text = "Officials failed to disclose the true number of casualties."
    assert labels(annotator, text) == ["unattributed_claim"]


# -- numbers that are not claims -------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Call 0800 123 4567 for advice.",
        "The case reference is HC-2024-000417.",
        "The match kicked off at 7.45pm on Saturday.",
        "City suffered a 4-0 defeat at home on Saturday.",
        "Smith scored twice before half-time.",
    ],
)
def test_phone_numbers_codes_times_and_scores_are_not_figures(
    annotator: Annotator, text: str
) -> None:
    assert labels(annotator, text) == ["none"]


# -- claims with no figure and no judgement word: trends and dated past events -----------
@pytest.mark.parametrize(
    "text",
    [
        "Burglaries in the district have risen every year since 2020.",
        "Bond yields fell slightly on Tuesday.",
        "Shares in Eastbridge Bank rose after the lender raised its profit forecast.",
        "The scheme unravelled in 2022 when an auditor noticed irregular payments.",
        "The company quietly shelved the project last spring.",
        "The dam was built in 1962 to supply the city.",
    ],
)
def test_trend_or_dated_past_event_is_an_unattributed_claim(
    annotator: Annotator, text: str
) -> None:
    f = annotator.annotate(text).sentences[0]
    assert f.sourcing == "unattributed_claim", f.reason
    assert "trend" in f.reason or "past event" in f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The hearing resumes on Monday.",
        "The council meets monthly.",
        "Prices could rise if the strike goes ahead.",
        "She lived in the village until 1962.",
        "Will prices rise again next year?",
    ],
)
def test_schedules_states_and_forecasts_are_not_claims(annotator: Annotator, text: str) -> None:
    assert labels(annotator, text) == ["none"]


def test_trend_under_a_named_source_stays_named(annotator: Annotator) -> None:
    text = "Bond yields fell slightly on Tuesday, the Treasury said."
    assert labels(annotator, text) == ["named_source"]


def test_age_in_a_relative_clause_is_not_a_figure(annotator: Annotator) -> None:
    text = "Edith Rowe, who was nine at the time, lives in Carbridge."
    assert labels(annotator, text) == ["none"]


def test_covert_act_is_an_unattributed_claim(annotator: Annotator) -> None:
    f = annotator.annotate("Ministers quietly axed the promised rent cap.").sentences[0]
    assert f.sourcing == "unattributed_claim"
    assert "quietly axed" in f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Our government must respond decisively.",
        "Regulators should stop dithering and rein in this predatory firm.",
        "It is time to scrap this disastrous policy.",
    ],
)
def test_call_to_act_is_not_a_claim_of_fact(annotator: Annotator, text: str) -> None:
    assert labels(annotator, text) == ["none"]


def test_claim_word_inside_an_organisation_name_is_not_a_claim(annotator: Annotator) -> None:
    text = "Anyone affected can contact the Dunmore Victim Service."
    assert labels(annotator, text) == ["none"]


def test_trend_on_another_subject_does_not_continue_a_data_source(annotator: Annotator) -> None:
    text = (
        "The yield on the ten-year note dipped to 3.9 percent, according to data from "
        "Tradeweb. Shares in Eastbridge Bank rose after the lender raised its profit forecast."
    )
    assert labels(annotator, text) == ["named_source", "unattributed_claim"]


def test_future_date_is_not_a_past_event(annotator: Annotator) -> None:
    assert labels(annotator, "The club postponed the vote until March 2027.") == ["none"]
