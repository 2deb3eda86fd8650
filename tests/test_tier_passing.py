"""Round 15 (issue 9): a cause, harm or judgement stated flatly is routine
(sourcing.tier.in_passing); hedged, a reason why, or the cause of an incident it stays a query.
A named person's arrest or charge in the passive is the record (sourcing.tier.named_charge).
Text written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import tier_of

from annotate.annotator import Annotator
from annotate.sourcing.tier_kind import decided_tier

ROUTINE = [
    "Dana Vell left the Corran choir tour because of a clash with her exams.",
    "The Ardley ferry keeps its old timetable due to harbour rules.",
    "Mara Crank, 27, of Corran, was arrested for retail theft.",
]
QUERY = [
    "The fall in Corran bus use may have been caused by the new fares.",
    "The Corran depot fire was caused by a faulty heater.",
    "Three men were arrested for retail theft in Corran on Tuesday.",
]


@pytest.mark.parametrize("text", ROUTINE)
def test_stated_in_passing_or_on_the_record_is_routine(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:12]) == ("unattributed_claim", "routine"), text


@pytest.mark.parametrize("text", QUERY)
def test_hedged_causes_incidents_and_counted_arrests_stay_queries(
    annotator: Annotator, text: str
) -> None:
    assert tier_of(annotator, text, text[:12]) == ("unattributed_claim", "query"), text


def test_causes_in_passing_still_count_towards_an_argued_piece(annotator: Annotator) -> None:
    # three causes in the writer's voice make an argued piece; the one the hedge keeps a
    # query becomes routine with the other two, as it did before they were in passing
    text = (
        "The Corran library closed in May because of the council's cuts. "
        "Its readers moved to Ardley due to the longer hours there. "
        "The branch could have stayed open because of its grant. "
        + " ".join(
            f"Volunteer {n} shelved books on the Corran estate on Tuesday." for n in range(20)
        )
    )
    flag = annotator.annotate(text).sentences[2]
    assert flag.tier == "routine", flag.reason
    assert "argued piece" in (flag.reason or "")


def test_an_untagged_quotation_is_routine_and_says_why(annotator: Annotator) -> None:
    flags = annotator.annotate(
        "So why a second shop?\n\n" + '"There are three reasons. Rents are low."\n'
    ).sentences
    quoted = [f for f in flags if f.rule == "sourcing.quote_speaker"]
    assert quoted and all(f.tier == "routine" for f in quoted), [f.reason for f in flags]
    assert all("(sourcing.tier.untagged_quote)" in (f.reason or "") for f in quoted)


def test_an_untagged_quotation_with_a_crime_stays_a_query(annotator: Annotator) -> None:
    text = 'The hearing opened on Monday.\n\n"He stole the money from the Corran fund."'
    flag = annotator.annotate(text).sentences[-1]
    assert (flag.sourcing, decided_tier(flag)) == ("unattributed_claim", "query"), flag.reason
