"""Tiers of the eighth round (issue 9): what the editor's reading of real pages after round 7
found in the default view. Dialogue on footage and the scene a video shows are what the desk
can watch; people doing an act are no source; the writer's own sense of size and urgency,
history from the books, a body's own report and a count in a roster are routine. Judgements
of conduct, conclusions drawn from pictures, long statements by unnamed officers and past
events stay queries. Sentences written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of, tier_of

from annotate.annotator import Annotator

# -- footage: the desk can watch it ----------------------------------------------------------
RESCUE = (
    "Police released bodycam footage on Monday of the rescue of a missing teenager.\n\n"
    "The video shows officers running along a corridor and knocking on a door.\n\n"
    '"Police! Open the door!" an officer shouts.\n\n'
    '"Step back."\n\n'
    '"You are safe now," an officer tells the girl.\n\n'
    "The man was charged with kidnapping on Tuesday.\n"
)


@pytest.mark.parametrize("starts", ['"Police!', '"Step back', '"You are safe'])
def test_dialogue_on_released_footage_is_routine(annotator: Annotator, starts: str) -> None:
    f = flag_of(annotator, RESCUE, starts)
    assert (f.sourcing, f.tier) == ("anonymous_source", "routine"), f.reason
    assert "sourcing.tier.footage_dialogue" in (f.reason or "")


def test_what_the_video_shows_is_routine(annotator: Annotator) -> None:
    text = "Video footage shows firefighters carrying a child down a ladder."
    f = flag_of(annotator, text, "Video footage")
    assert (f.sourcing, f.tier) == ("vague_document", "routine"), f.reason


def test_the_charge_after_the_footage_stays_a_query(annotator: Annotator) -> None:
    assert tier_of(annotator, RESCUE, "The man was charged") == ("unattributed_claim", "query")


def test_a_long_statement_by_an_unnamed_officer_stays_a_query(annotator: Annotator) -> None:
    text = (
        "Police released bodycam footage on Monday of the rescue of a missing teenager.\n\n"
        '"We believe the suspect had been planning this for several months before he took '
        'her from the park," a senior officer said.\n'
    )
    assert tier_of(annotator, text, '"We believe') == ("anonymous_source", "query")


def test_a_conclusion_drawn_from_pictures_stays_a_query(annotator: Annotator) -> None:
    text = "Satellite images indicate that the dam was breached on purpose."
    assert tier_of(annotator, text, "Satellite") == ("vague_document", "query")


# -- people doing an act are not sources -------------------------------------------------------
def test_people_doing_an_act_are_routine(annotator: Annotator) -> None:
    text = "A family member spotted the trailer beside the lock and called the coastguard."
    f = flag_of(annotator, text, "A family member")
    assert (f.sourcing, f.tier) == ("anonymous_source", "routine")
    assert "sourcing.tier.actor" in (f.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "Residents found evidence that the river had been dredged illegally.",
        "Some residents reported a strong smell of gas on Tuesday night.",
    ],
)
def test_finders_and_reporters_stay_sources(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text, text[:8])
    assert f.tier == "query", f.reason


# -- the writer's own evaluation -----------------------------------------------------------------
def test_size_and_urgency_in_the_writers_voice_is_routine(annotator: Annotator) -> None:
    text = "The three trailing candidates are under enormous pressure to break through."
    assert tier_of(annotator, text, "The three") == ("unattributed_claim", "routine")


def test_a_judgement_of_conduct_stays_a_query(annotator: Annotator) -> None:
    text = "The ministry's handling of the floods was a fiasco."
    assert tier_of(annotator, text, "The ministry") == ("unattributed_claim", "query")


# -- background and record -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "In the 15th century the sweating sickness killed thousands in England.",
        "Historically, cholera was responsible for huge epidemics in port cities.",
    ],
)
def test_history_from_the_books_is_routine(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text, text[:8])
    assert (f.sourcing, f.tier) == ("unattributed_claim", "routine"), f.reason


def test_a_recent_death_toll_stays_a_query(annotator: Annotator) -> None:
    text = "The sickness killed 40 people in the valley last week."
    assert tier_of(annotator, text, "The sickness") == ("unattributed_claim", "query")


def test_a_named_body_reporting_its_own_count_is_routine(annotator: Annotator) -> None:
    text = "Vestland health authorities are reporting a fourth death linked to the outbreak."
    f = flag_of(annotator, text, "Vestland")
    assert (f.sourcing, f.tier) == ("unattributed_claim", "routine"), f.reason


def test_what_a_condition_can_do_is_routine_even_when_it_kills(annotator: Annotator) -> None:
    text = "Left untreated, it can lead to lasting lung damage and even death."
    assert tier_of(annotator, text, "Left") == ("unattributed_claim", "routine")


def test_a_count_in_a_roster_is_routine_and_a_past_count_a_query(annotator: Annotator) -> None:
    now = "Twelve candidates meet on the debate stage in Denver on Thursday."
    then = "Twelve candidates were disqualified from the race in Denver on Thursday."
    assert tier_of(annotator, now, "Twelve") == ("unattributed_claim", "routine")
    assert tier_of(annotator, then, "Twelve") == ("unattributed_claim", "query")


# -- not claims: the outlet's note, a row of headlines ---------------------------------------
def test_the_outlet_naming_itself_in_an_editing_note_is_not_flagged(annotator: Annotator) -> None:
    text = "Radio Norte has edited the video to protect the identity of the injured boy."
    assert tier_of(annotator, text, "Radio Norte") == (None, None)


def test_a_row_of_linked_headlines_is_routine(annotator: Annotator) -> None:
    text = (
        "Senators call for port inquiry | Mayors back transit levy | Critics say storm plan failed."
    )
    f = flag_of(annotator, text, "Senators")
    assert f.tier in (None, "routine"), f.reason


# -- misses: case narrative and unease stated as fact ------------------------------------------
CASE = (
    "Police found the missing boy at a farm on Sunday.\n\n"
    "Earlier that evening, a police sergeant searched the same barn but did not find the boy.\n\n"
    "Harlow confessed to the abduction and the jury took an hour to convict him.\n"
)


@pytest.mark.parametrize("starts", ["Earlier that evening", "Harlow confessed"])
def test_case_details_in_the_reporters_voice_are_queries(annotator: Annotator, starts: str) -> None:
    assert tier_of(annotator, CASE, starts) == ("unattributed_claim", "query")


def test_a_named_person_confessing_outside_a_case_story_is_left_alone(
    annotator: Annotator,
) -> None:
    text = "Okafor confessed that he had never liked the away kit."
    assert tier_of(annotator, text, "Okafor")[1] != "query"


def test_growing_concerns_with_no_one_holding_them_are_a_query(annotator: Annotator) -> None:
    text = "And there are growing concerns that the strike may spread to the ports."
    assert tier_of(annotator, text, "And there") == ("unattributed_claim", "query")


# -- motives and forecasts worded other than the cues --------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "That's why the mayor is pulling out of the housing deal.",
        "That\u2019s why two rival firms are bidding for the port.",
        "The vote falls in March, with a second strike likely to follow in the spring.",
        "The board meets in June to weigh a merger, which is increasingly likely.",
    ],
)
def test_motives_and_forecasts_in_the_writers_voice_are_queries(
    annotator: Annotator, text: str
) -> None:
    assert tier_of(annotator, text, text[:6]) == ("unattributed_claim", "query")


@pytest.mark.parametrize(
    "text",
    [
        "That is the main road into the town.",
        "We are likely to see more of these phones in the shops.",
    ],
)
def test_a_place_or_the_writers_own_guess_is_not_a_forecast(
    annotator: Annotator, text: str
) -> None:
    assert tier_of(annotator, text, text[:6])[1] != "query"


def test_unnamed_posters_are_routine_and_unnamed_officials_a_query(annotator: Annotator) -> None:
    post = '"This is the worst slogan ever," one user wrote.'
    official = '"This is the worst slogan ever," one official said.'
    assert tier_of(annotator, post, '"This')[1] == "routine"
    assert tier_of(annotator, official, '"This') == ("anonymous_source", "query")


def test_an_ordinal_inside_a_date_is_routine(annotator: Annotator) -> None:
    text = "The festival, which will be in its third year in June, sold out."
    assert tier_of(annotator, text, "The festival") == ("unattributed_claim", "routine")


def test_a_view_inside_the_writers_own_account_is_routine(annotator: Annotator) -> None:
    mine = "I met many voters who felt they had been misled by the ads."
    theirs = "Many voters felt they had been misled by the ads."
    assert tier_of(annotator, mine, "I met") == ("weasel", "routine")
    assert tier_of(annotator, theirs, "Many") == ("weasel", "query")


def test_a_carried_group_in_a_condition_is_routine(annotator: Annotator) -> None:
    text = (
        "Many donors remain doubtful about the mayor's chances.\n\n"
        "They need to do something if they expect to stay in the race.\n"
    )
    assert tier_of(annotator, text, "They need") == ("weasel", "routine")
