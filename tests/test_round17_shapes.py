"""Round 17 (issue 9): three shapes of the round-17 reading of real pages, each with a
counter-case: an esports score's 'kills', the page's own chart, and the records of a case
before trial. Sentences written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator
from annotate.sourcing.tier_kind import decided_tier

LEAD = "It was a long week for Corran.\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "By the late game, Corran were too far ahead with 10 kills to one.",
        "Okafor picked up a triple kill that opened the way to the enemy base.",
        "Ardley finished the final with 21 kills to seven and lifted the cup.",
    ],
)
def test_an_esports_kill_count_is_a_score_not_a_death_toll(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, LEAD + text + "\n", text[:12])
    assert decided_tier(f) != "query", f.reason
    assert "(sourcing.tier.casualty)" not in (f.reason or "")


def test_people_killed_stay_a_casualty_query(annotator: Annotator) -> None:
    text = "Three soldiers were killed when the convoy was ambushed near Corran."
    f = flag_of(annotator, LEAD + text + "\n", text[:12])
    assert f.tier == "query" and "(sourcing.tier.casualty)" in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The first chart shows visits by each candidate to the three river towns.",
        "This map shows each flooded street in the lower town.",
        "The table below shows the ferry losing money on each winter route.",
    ],
)
def test_the_pages_own_chart_is_routine(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, LEAD + text + "\n", text[:8])
    assert f.tier == "routine" and (f.reason or "").endswith("(sourcing.tier.own_graphic)")


def test_a_chart_someone_circulated_stays_a_query(annotator: Annotator) -> None:
    text = "A chart circulated among Corran officials shows the ferry losing money in winter."
    f = flag_of(annotator, LEAD + text + "\n", text[:8])
    assert (f.sourcing, f.tier) == ("vague_document", "query"), f.reason


def test_search_warrant_papers_are_a_record_of_the_case(annotator: Annotator) -> None:
    text = (
        "Police arrested a Corran man on Friday.\n\n"
        "He fired at the car as it drove off, search warrant documents say.\n"
    )
    f = flag_of(annotator, text, "He fired")
    assert f.sourcing == "vague_document" and f.tier == "routine", f.reason
    assert "(sourcing.tier.court_record)" in (f.reason or "")


def test_internal_documents_stay_a_query(annotator: Annotator) -> None:
    text = "Police arrested a Corran man on Friday.\n\nThe depot will close, internal papers say.\n"
    f = flag_of(annotator, text, "The depot")
    assert (f.sourcing, f.tier) == ("vague_document", "query"), f.reason
