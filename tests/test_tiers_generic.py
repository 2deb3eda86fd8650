"""Generic statements (issue 9): what a kind is or does, in the present simple, is widely
known background, tier `routine` (sourcing.tier.generic). A particular subject, a past event,
a dated or counted event, an active cause, or a contested topic keeps the `query`. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator
from annotate.sourcing.tier_kind import decided_tier


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def only_flag(annotator: Annotator, text: str):
    (f,) = [f for f in annotator.annotate(text).sentences if f.text.startswith(text[:8])]
    return f


@pytest.mark.parametrize(
    "text",
    [
        "Tuberculosis is caused by a bacterium that spreads through the air.",
        "Octopuses have three hearts and blue blood.",
        "An octopus has three hearts.",
    ],
)
def test_background_about_a_kind_is_routine(annotator: Annotator, text: str) -> None:
    f = only_flag(annotator, text)
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "routine"), f.reason
    assert "sourcing.tier.generic" in (f.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        # a particular subject, not a kind
        "The outbreak at the Tamsin care home was caused by a contaminated water tank.",
        # an active cause: what a kind does to people, the form of a disputed claim
        "Sugar causes hyperactivity in children.",
        # a contested topic, active or passive
        "Vaccines cause autism in young children.",
        "Autism is caused by vaccines.",
        # a figure in digits is somebody's data
        "Mosquitoes carry malaria to about 200 million people each year.",
        # a move with its cause, even in the present of a headline
        "Prices rise as demand grows.",
        # a past event
        "Plague killed three herders in the hills last week.",
    ],
)
def test_particular_counted_causal_or_contested_claims_stay_queries(
    annotator: Annotator, text: str
) -> None:
    f = only_flag(annotator, text)
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "query"), f.reason
    assert "sourcing.tier.generic" not in (f.reason or "")


def test_a_capitalised_kind_opening_a_sentence_is_still_a_kind(annotator: Annotator) -> None:
    # the parser tags 'Cholera' a name for its capital; the article writes it in lower case too
    text = (
        "Two fishermen were treated for cholera in the port this week.\n\n"
        "Cholera is caused by a bacterium - a germ usually found in dirty water.\n"
    )
    f = next(f for f in annotator.annotate(text).sentences if f.text.startswith("Cholera"))
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "routine"), f.reason
