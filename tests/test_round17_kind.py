"""Round 17 (issue 9): a sentence that names no source and was a query only by the kind of its
content (a figure, a harm or crime word, a cause, a forecast) waits with routine, still flagged
(annotate/sourcing/tier_kind.py). Claims that lean on someone the reader cannot check, counts
of dead or injured, unease stated as fact and statistics about a population stay in the
default view. Sentences written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator

LEAD = "It was a long week for Corran.\n\n"
KIND_ONLY = "(sourcing.tier.kind_only)"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Corran ferry company was sold in 2019 for 40 million pounds.", "figure"),
        ("The new rota will ease pressure on the Ardley night shift.", ""),
        ("A fire destroyed the Corran bakery on Monday.", "claim_kind"),
        ("The delays were caused by a shortage of drivers.", "claim_kind"),
    ],
)
def test_a_claim_queried_only_for_its_kind_waits_with_routine(
    annotator: Annotator, text: str, kind: str
) -> None:
    f = flag_of(annotator, LEAD + text + "\n", text[:12])
    # still flagged, one click away, and the reason keeps what made it a query
    assert f.unsourced and f.sourcing == "unattributed_claim", f.reason
    assert f.tier == "routine" and (f.reason or "").endswith(KIND_ONLY), f.reason
    assert "; query:" in (f.reason or "")
    if kind:
        assert f"(sourcing.tier.{kind})" in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    "text",
    [
        # a count of dead or injured
        "Three climbers were killed in the avalanche above Corran on Sunday.",
        # statistics about a population, a rate of change given as a share
        "Nearly 40 percent of Corran households now rent from a private landlord.",
        "More than 12,000 residents left the Ardley valley after the mill closed.",
        "One in five Ardley children now lives below the poverty line.",
        "Bicycle thefts in Corran rose by a third last year.",
        # counts of crimes or cases of illness, of any size
        "Fourteen burglaries were reported in the Corran estate in March.",
        "The outbreak has caused 10 new cases in the Corran valley.",
        # unease stated as fact
        "There are concerns about the contractor's safety record.",
    ],
)
def test_counts_of_harm_statistics_and_unease_stay_queries(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, LEAD + text + "\n", text[:12])
    assert f.unsourced and f.tier == "query", f.reason
    assert KIND_ONLY not in (f.reason or "")


def test_a_count_that_describes_a_place_is_no_statistic(annotator: Annotator) -> None:
    text = "The mill stands at the edge of Ardley, a town of 30,000 people on the river."
    f = flag_of(annotator, LEAD + text + "\n", text[:12])
    assert f.tier != "query", f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The mill will close in May, according to two people familiar with the plans.",
        "Officials privately expect the ferry contract to be cancelled.",
    ],
)
def test_an_unnamed_source_keeps_the_default_view(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, LEAD + text + "\n", text[:12])
    assert f.unsourced and f.sourcing != "unattributed_claim", f.reason
    assert f.tier == "query", f.reason


def test_tier_query_export_leaves_the_kind_only_claims_to_routine(annotator: Annotator) -> None:
    """What the default view shows of one article: the unnamed source's claim, not the sale
    price the article states in its own voice; both are flagged."""
    text = (
        LEAD
        + "The Corran ferry company was sold in 2019 for 40 million pounds.\n\n"
        + "The new owners plan to cut the winter timetable, two people familiar with the talks"
        " said.\n"
    )
    flags = [f for f in annotator.annotate(text).sentences if f.unsourced]
    shown = [f.text[:14] for f in flags if f.tier == "query"]
    assert shown == ["The new owners"], [(f.text[:20], f.tier, f.reason) for f in flags]
    assert len(flags) == 2
