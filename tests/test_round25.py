"""Round 25: documents known only by their date, and (framing) the words of culture copy.

- 'A survey published last month found ...', 'an audit released in April found ...': a date
  says when a document came out, not whose it is, so it stays vague
  (sourcing.source.dated_document); 'released by' a named body, 'published in' a journal,
  'posted on' a named body's website, papers 'lodged' or 'filed' with a court are findable and
  stay named (sourcing.source.public_document).
All sentences are invented.
"""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


def last(annotator: Annotator, text: str):
    return annotator.annotate(text).sentences[-1]


# -- documents known only by when they came out ---------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "An audit released in April found that a third of the county's grit lorries were out of"
        " service.",
        "A survey published last week found that most allotment holders had lost their water"
        " supply.",
        "A review issued on Tuesday said the tram depot had flooded four times since 2019.",
        "Figures released on New Year's Eve showed the hostel turned away 300 people in December.",
    ],
)
def test_a_document_known_only_by_its_date_is_vague(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing == "vague_document", f.reason
    assert "sourcing.source.dated_document" in (f.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "An audit released in April by the Fenmarsh County Treasurer found that a third of the"
        " grit lorries were out of service.",
        "A paper published on Monday in the journal Soil Futures found that the beetles had"
        " spread north.",
        "The petition lodged this week asks the tribunal to stop the sale of the pier.",
        "A notice posted on the Harbour Board's website said the slipway would reopen in May.",
        "The Corvell Housing Trust's survey, published last week, found that rents rose 9 percent.",
        # tied to the decision the story reports: that board's minutes
        "Four of the seven governors wanted a bigger cut, minutes released alongside the"
        " decision showed.",
    ],
)
def test_a_document_whose_owner_or_venue_is_given_stays_named(
    annotator: Annotator, text: str
) -> None:
    f = last(annotator, text)
    assert f.sourcing == "named_source", f.reason


def test_a_dated_document_named_again_stays_vague(annotator: Annotator) -> None:
    # the back-reference takes the antecedent's label: still nobody's survey
    f = last(
        annotator,
        "A survey published last week found that most allotment holders had lost their water"
        " supply. The survey also found that half had given up their plots.",
    )
    assert f.sourcing == "vague_document", f.reason


# -- people the reporter interviewed -------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Stallholders interviewed by the Wexcombe Gazette said the market had lost its Saturday"
        " trade.",
        "The market lost its Saturday trade after the bypass opened, according to stallholders"
        " interviewed by the Wexcombe Gazette.",
        "Lock-keepers contacted by the Harlow Ledger said the gates had jammed all winter.",
    ],
)
def test_people_interviewed_by_an_outlet_are_unnamed(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing == "anonymous_source" and f.tier == "query", f.reason


def test_people_polled_by_a_named_pollster_cite_a_named_poll(annotator: Annotator) -> None:
    f = last(annotator, "Economists polled by Harlow Research expect the bank to hold rates.")
    assert f.sourcing == "named_source", f.reason


# -- bodies are not a count of things ----------------------------------------------------------
def test_bodies_are_no_routine_count_of_things(annotator: Annotator) -> None:
    f = last(annotator, "Mine rescuers carried 3 bodies out of the Harle pit on Friday.")
    assert f.sourcing == "unattributed_claim", f.reason
    assert "sourcing.tier.thing_count" not in (f.reason or "")


def test_a_count_of_shops_stays_routine(annotator: Annotator) -> None:
    f = last(annotator, "The mill closed 12 of its 40 shops last year.")
    assert f.tier == "routine", f.reason
