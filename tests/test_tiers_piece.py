"""Tiers of the twelfth round (issue 9): calibrated by rule class on real pages. A piece that
argues in its own voice (three or more causes, accusations or judgements with no source) is a
column, an explainer or a review, and its reasoning is routine; one or two such claims in a
news story stay queries. Sentences written for these tests."""

from __future__ import annotations

from sourcing_data import flag_of

from annotate.annotator import Annotator
from annotate.sourcing.tier_kind import decided_tier

# a long piece (an explainer) that reasons in its own voice now and then: three causes in 21
# sentences, one in seven; the rest is plain description
_PLACES = "library bakery station harbour museum market chapel theatre park school bridge".split()
PLAIN = " ".join(f"Ardley has a {place} near the river Wend." for place in _PLACES)
PLAIN += " " + " ".join(f"Corran has a {place} near the old road." for place in _PLACES[:7])
CAUSES = (
    "The smog over Ardley is a consequence of the town's cheap coal. "
    "A farm subsidy law helped fuel the rise in burning. "
    "Together, these choices caused a sharp fall in air quality."
)
ARGUED = f"{CAUSES} {PLAIN}"
NEWS = (
    "The Corran mill shut on Monday. "
    "The closure was caused by years of falling orders. "
    '"We will reopen in spring," said manager Ana Ruiz. '
    "The owners' reckless borrowing sank the firm."
)


def test_an_argued_piece_makes_its_own_causes_routine_and_says_why(
    annotator: Annotator,
) -> None:
    for starts in ("The smog", "A farm", "Together"):
        f = flag_of(annotator, ARGUED, starts)
        assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "routine"), f.reason
        assert (f.reason or "").endswith("(sourcing.tier.argued_piece)"), f.reason
        assert "one of 3 causes" in (f.reason or ""), f.reason


def test_one_or_two_causes_in_a_news_story_stay_queries(annotator: Annotator) -> None:
    for starts in ("The closure", "The owners"):
        f = flag_of(annotator, NEWS, starts)
        assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "query"), f.reason
        assert "argued_piece" not in (f.reason or "")


def test_the_same_causes_packed_close_stay_queries(annotator: Annotator) -> None:
    """Three causes in three sentences: a wall of unsourced claims, slanted copy, not a
    piece that reasons now and then."""
    for starts in ("The smog", "A farm", "Together"):
        f = flag_of(annotator, CAUSES, starts)
        assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "query"), f.reason


def test_the_same_claim_alone_stays_a_query(annotator: Annotator) -> None:
    text = "A farm subsidy law helped fuel the rise in burning."
    f = flag_of(annotator, text, "A farm")
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "query"), f.reason


def test_other_query_tiers_in_an_argued_piece_are_untouched(annotator: Annotator) -> None:
    text = ARGUED + " Two farmers were killed in a fire at the Ardley depot on Friday."
    f = flag_of(annotator, text, "Two farmers")
    assert decided_tier(f) == "query", f.reason
    assert "argued_piece" not in (f.reason or "")


FORECAST = "The council is likely to drop the Ardley bypass plan."
FIGURE_FORECAST = "More than a third of the Ardley drivers will likely lose their permits."


def test_an_argued_piece_makes_its_own_forecast_routine(annotator: Annotator) -> None:
    f = flag_of(annotator, f"{ARGUED} {FORECAST}", "The council")
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "routine"), f.reason
    assert (f.reason or "").endswith("(sourcing.tier.argued_forecast)"), f.reason


def test_a_forecast_alone_or_with_a_figure_stays_a_query(annotator: Annotator) -> None:
    assert decided_tier(flag_of(annotator, FORECAST, "The council")) == "query"
    assert decided_tier(flag_of(annotator, f"{NEWS} {FORECAST}", "The council")) == "query"
    f = flag_of(annotator, f"{ARGUED} {FIGURE_FORECAST}", "More than")
    assert decided_tier(f) == "query", f.reason


def test_a_group_that_only_wishes_passes_on_no_claim(annotator: Annotator) -> None:
    text = "The Ardley depot hires a crew of drivers who hope for bigger tips at Christmas."
    f = flag_of(annotator, text, "The Ardley")
    assert (f.sourcing, decided_tier(f)) == ("weasel", "routine"), f.reason
    assert (f.reason or "").endswith("(sourcing.tier.stance_no_claim)"), f.reason


def test_a_group_that_fears_or_wants_a_clause_stays_a_query(annotator: Annotator) -> None:
    for text in (
        "Many Ardley residents fear the depot will close.",
        "Some Ardley fans want the coach sacked.",
        "Critics believe the plan leaves little room for error.",
    ):
        f = flag_of(annotator, text, text[:8])
        assert (f.sourcing, decided_tier(f)) == ("weasel", "query"), f.reason


HEDGE = "The Ardley mayor apparently knew of the payments."
PASSED_ON = "The Ardley mayor reportedly knew of the payments."


def test_an_argued_piece_makes_its_own_hedge_routine(annotator: Annotator) -> None:
    f = flag_of(annotator, f"{ARGUED} {HEDGE}", "The Ardley")
    assert (f.sourcing, decided_tier(f)) == ("agentless", "routine"), f.reason
    assert (f.reason or "").endswith("(sourcing.tier.argued_hedge)"), f.reason


def test_a_claim_passed_on_or_a_hedge_in_news_stays_a_query(annotator: Annotator) -> None:
    f = flag_of(annotator, f"{ARGUED} {PASSED_ON}", "The Ardley")
    assert (f.sourcing, decided_tier(f)) == ("agentless", "query"), f.reason
    assert flag_of(annotator, f"{NEWS} {HEDGE}", "The Ardley").tier == "query"


def test_what_a_group_might_say_is_a_supposition(annotator: Annotator) -> None:
    text = "Some Ardley residents might argue that the bypass is overdue."
    f = flag_of(annotator, text, "Some")
    assert (f.sourcing, decided_tier(f)) == ("weasel", "routine"), f.reason
    assert (f.reason or "").endswith("(sourcing.tier.hypothetical_group)"), f.reason


def test_what_a_group_does_say_stays_a_query(annotator: Annotator) -> None:
    for text in (
        "Some Ardley residents argue that the bypass is overdue.",
        "Many Ardley riders will tell you the buses have got worse.",
        "Officials would say only that the toll had risen.",
    ):
        f = flag_of(annotator, text, text[:8])
        assert decided_tier(f) == "query", f.reason
        assert "hypothetical_group" not in (f.reason or "")
