"""Tiers of the eleventh round (issue 9): a numbered citation names its source in the piece's
reference list, so the editor's default view drops it; an uncited claim in the same piece, and
a stray '(2)' in a news story, stay queries. Sentences written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of, tier_of

from annotate.annotator import Annotator
from annotate.sourcing.tier_kind import decided_tier

EXPLAINER = (
    "Night shifts are hard on the body.\n\n"
    "One small trial in Ardley nurses showed that shorter shifts cut sick days by a third (3).\n\n"
    "Other studies suggest that a warm bath before bed can shorten the time it takes to fall"
    " asleep (4, 5).\n\n"
    "Night nurses on Corran wards face up to 700 pager alerts per shift[6], most of them"
    " false.\n\n"
    "Studies show that night work raises the risk of heart disease.\n\n"
    "[6] Pager alarms and patient safety on night wards, Doyle M, Ferris T. Ardley Nursing"
    " Review. 2017; 12: 144-151.\n"
)


@pytest.mark.parametrize(
    ("starts", "mark"),
    [("Other studies", "(4, 5)"), ("Night nurses on", "[6]")],
)
def test_a_cited_claim_in_a_referenced_piece_is_routine_and_shows_the_mark(
    annotator: Annotator, starts: str, mark: str
) -> None:
    f = flag_of(annotator, EXPLAINER, starts)
    assert f.unsourced and f.tier == "routine", f.reason
    assert f"cites a numbered reference ('{mark}')" in (f.reason or ""), f.reason
    assert "(sourcing.tier.cited_reference)" in (f.reason or "")


def test_an_uncited_claim_in_the_same_piece_stays_a_query(annotator: Annotator) -> None:
    assert tier_of(annotator, EXPLAINER, "Studies show") == ("vague_document", "query")


def test_a_reference_list_entry_is_routine(annotator: Annotator) -> None:
    f = flag_of(annotator, EXPLAINER, "[6] Pager")
    assert f.tier == "routine" and "(sourcing.tier.reference_entry)" in (f.reason or "")


def test_one_stray_number_in_brackets_in_a_news_story_is_no_citation(
    annotator: Annotator,
) -> None:
    text = (
        "The Corran council met on Tuesday.\n\n"
        "Corran officials quietly dropped the inquiry after the mayor's aide was paid off (2).\n"
    )
    f = flag_of(annotator, text, "Corran officials")
    assert decided_tier(f) == "query" and "cited_reference" not in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Ardley police arrested 14 people after the match (2019). Ardley police arrested 9"
        " more at the station (2018).",
        "Recommendation panels are the most common format on Corran sites (38%). Ardley"
        " police arrested 14 people after the match (12%).",
    ],
)
def test_a_year_or_a_share_in_brackets_is_no_citation(annotator: Annotator, text: str) -> None:
    for f in annotator.annotate(text).sentences:
        assert "cited_reference" not in (f.reason or ""), f.reason


REVIEWS = (
    "Readers who booked through Tixo left these reviews of the show.\n\n"
    "“The staff were lovely.\n\nThe seats were cramped but the show was worth it.”\n\n"
    "Mar** Ko**\n\n"
    "“Great night out!\n\nThe tickets arrived in a minute.”\n\n"
    "- Dana, Ardley\n\n"
    "“The box office stole my deposit.”\n\n"
    "Ali***\n\n"
    "“The ushers shouted at the children.”\n\n"
    "Linebackers\n\n"
    "The season opens in May.\n"
)


@pytest.mark.parametrize(
    ("starts", "name"), [("“The staff", "Mar** Ko**"), ("“Great night", "- Dana, Ardley")]
)
def test_a_quotation_signed_on_the_next_line_is_routine_and_names_the_signer(
    annotator: Annotator, starts: str, name: str
) -> None:
    f = flag_of(annotator, REVIEWS, starts)
    assert f.unsourced and f.tier == "routine", f.reason
    assert f"a quotation signed on the next line ('{name}')" in (f.reason or ""), f.reason


def test_a_signed_accusation_stays_a_query(annotator: Annotator) -> None:
    f = flag_of(annotator, REVIEWS, "“The box office stole")
    assert f.unsourced and decided_tier(f) == "query", f.reason
    assert "signed_quote" not in (f.reason or "")


def test_an_unsigned_quotation_is_not_taken_for_a_signed_one(annotator: Annotator) -> None:
    # round 11 kept it a query; since round 15 an untagged quotation is routine by its own
    # rule (33 judged on real pages, none a query), never as a signed one ('Linebackers')
    f = flag_of(annotator, REVIEWS, "“The ushers shouted")
    assert f.unsourced and f.tier == "routine", f.reason
    assert "signed_quote" not in (f.reason or "")
    assert "(sourcing.tier.untagged_quote)" in (f.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "The Ardley poet wrote nine novels. So why had so few readers heard of her?",
        "The coach called a meeting. “Dana, why are we talking about leadership?”",
    ],
)
def test_a_direct_question_is_routine(annotator: Annotator, text: str) -> None:
    f = annotator.annotate(text).sentences[-1]
    assert f.unsourced and f.tier == "routine", f.reason
    assert "a question, not a claim (sourcing.tier.question)" in (f.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "Many residents wonder whether the Corran bypass will ever open?",
        "Why, critics ask, did the council hide the report from auditors?",
    ],
)
def test_a_question_that_states_or_accuses_stays_a_query(annotator: Annotator, text: str) -> None:
    f = annotator.annotate(text).sentences[-1]
    assert f.unsourced and decided_tier(f) == "query", f.reason
