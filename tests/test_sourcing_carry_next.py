"""A claim whose source is named only in the next sentence (issue 9, annotate/sourcing/
carry_next.py): the label and the reason an editor sees, and the pairs that must stay
unsourced. Every sentence was written for these tests (invented places, people, bodies)."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of, labels

from annotate.annotator import Annotator

BACK = "(sourcing.carry_next.back_reference)"


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


# -- carried back --------------------------------------------------------------------------
def test_the_decision_confirmed_by_a_named_official(annotator: Annotator) -> None:
    text = (
        "The Pellworth port authority will close two of its four terminals by March. "
        "The decision was confirmed by the authority's director, Lena Marsh, on Tuesday."
    )
    f = flag_of(annotator, text, "The Pellworth")
    assert f.sourcing == "named_source" and f.tier is None
    assert f.rule == "sourcing.carry_next.back_reference"
    assert f.source is not None and f.source.text == "the authority's director"
    assert f.reason == (
        "sourced in the next sentence by 'the authority's director' ('The decision' refers"
        " back): 'The decision was confirmed by the authority's director, Lena Marsh,...' " + BACK
    )


def test_the_figure_comes_from_a_named_ledger(annotator: Annotator) -> None:
    text = (
        "Fuel prices at the Skerray depot rose 18 percent last month. "
        "The figure comes from the island council's own ledger."
    )
    f = flag_of(annotator, text, "Fuel prices")
    assert f.sourcing == "named_source"
    assert f.rule == "sourcing.carry_next.origin"
    assert "the island council's own ledger" in (f.reason or "")
    assert "'The figure' refers back to its figure, 'comes from'" in (f.reason or "")
    assert (f.reason or "").endswith("(sourcing.carry_next.origin)")
    # the origin sentence itself claims nothing
    assert labels(annotator, text)[1] == "none"


def test_that_is_according_to(annotator: Annotator) -> None:
    text = (
        "Diesel at the island's only depot cost 18 percent more in May than in April. "
        "That is according to the Skerray council's fuel ledger."
    )
    f = flag_of(annotator, text, "Diesel")
    assert f.sourcing == "named_source"
    assert "('That' refers back)" in (f.reason or "") and (f.reason or "").endswith(BACK)


def test_a_confirming_verb_with_it_as_object(annotator: Annotator) -> None:
    text = (
        "The Corran mill laid off 240 workers in a single week. "
        "The regional labour office confirmed it on Friday."
    )
    f = flag_of(annotator, text, "The Corran")
    assert f.sourcing == "named_source"
    assert "('confirmed' with nothing else to confirm)" in (f.reason or "")


def test_a_repeated_word_of_the_claim(annotator: Annotator) -> None:
    text = (
        "Harrow council leased the old bus depot to a bakery for 90,000 pounds a year. "
        "The lease was confirmed by council leader Tom Achebe on Monday."
    )
    f = flag_of(annotator, text, "Harrow")
    assert f.sourcing == "named_source"
    assert f.rule == "sourcing.carry_next.same_words"
    assert "('lease' repeats the claim)" in (f.reason or "")
    assert (f.reason or "").endswith("(sourcing.carry_next.same_words)")


def test_an_anonymous_source_stays_anonymous(annotator: Annotator) -> None:
    text = (
        "The Harrow clinic turned away 300 patients in April. "
        "The decision was confirmed by two officials who asked not to be named."
    )
    f = flag_of(annotator, text, "The Harrow")
    assert f.sourcing == "anonymous_source"
    assert f.rule == "sourcing.carry_next.back_reference"


def test_the_next_paragraph_may_name_the_source(annotator: Annotator) -> None:
    text = (
        "The Pellworth port authority will close two of its four terminals by March.\n\n"
        "The decision was confirmed by the authority's director, Lena Marsh, on Tuesday.\n"
    )
    assert labels(annotator, text) == ["named_source", "named_source"]


# -- stays unsourced -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # a source for a different claim
        "Rents in Dunmore rose 9 percent last year. "
        "The mayor said she would review the zoning code.",
        # 'the decision' with something saying which one is a new decision
        "Rents in Dunmore rose 9 percent last year. "
        "The mayor said the decision on the zoning code would come in May.",
        # a denial by the accused is no source for the accusation
        "The Harrow plant released 40 tonnes of solvent into the Vell river last year. "
        "The company denied it.",
        "The Harrow plant released 40 tonnes of solvent into the Vell river last year. "
        "The company denied the claim.",
        # 'both' and 'neither' are not back-references; a dispute, even negated, vouches
        # for nothing
        "Both charges against the Ostrow brothers were dropped in June. "
        "Neither the prosecutor's office nor the defence disputed that account.",
        # a cue that says something of its own vouches for that
        "The Corran mill laid off 240 workers in a single week. "
        "The regional labour office confirmed that talks on the mill's future would resume.",
        "The Corran mill laid off 240 workers in a single week. "
        "The regional labour office did not confirm it.",
        # a quotation comments on the claim
        "The Corran mill laid off 240 workers in a single week. "
        '"This decision will hurt every family on Mill Street," said union leader Maria Ostrow.',
        # no figure in the claim: 'the rate' is some other number
        "Dunmore households fell behind on their rent in record numbers last winter. "
        "The housing office said the rate would be published in May.",
        # an origin that is no source
        "About 3,400 Dunmore households are behind on their rent. "
        "The figure is based on guesswork.",
    ],
    ids=[
        "different-claim",
        "decision-on-something-else",
        "denied-it",
        "denied-the-claim",
        "neither-disputed",
        "confirmed-other-content",
        "negated-confirm",
        "quotation",
        "rate-without-figure",
        "origin-no-source",
    ],
)
def test_the_claim_stays_unsourced(annotator: Annotator, text: str) -> None:
    first = annotator.annotate(text).sentences[0]
    assert first.sourcing == "unattributed_claim", first.reason
    assert not (first.rule or "").startswith("sourcing.carry_next"), first.reason


def test_a_source_two_paragraphs_away_is_not_carried(annotator: Annotator) -> None:
    text = (
        "Rents in Dunmore rose 9 percent last year.\n\n"
        "The mill closed in May.\n\n"
        "The figure was confirmed by the housing office.\n"
    )
    assert labels(annotator, text) == ["unattributed_claim", "unattributed_claim", "named_source"]


def test_a_claim_with_its_own_source_keeps_it(annotator: Annotator) -> None:
    text = (
        "The port will close two terminals by March, the harbour board said. "
        "The decision was confirmed by the authority's director, Lena Marsh."
    )
    f = flag_of(annotator, text, "The port")
    assert f.rule != "sourcing.carry_next.back_reference"
    assert f.source is not None and f.source.text == "the harbour board"


# -- and the lede rule (sourcing.tier.lede_sourced_next) -----------------------------------
def test_a_lede_with_only_a_shared_noun_stays_flagged_and_routine(annotator: Annotator) -> None:
    """The weaker link: the next sentence names a source on the same topic without pointing
    back to the lede. The lede stays unsourced, routine; with a back-reference it is sourced."""
    shared = (
        "Corran prosecutors have dropped their inquiry into the fraud at the mill.\n\n"
        "Prosecutor Ana Ruiz said the fraud inquiry found too little evidence.\n"
    )
    f = flag_of(annotator, shared, "Corran")
    assert (f.sourcing, f.tier) == ("unattributed_claim", "routine")
    assert "(sourcing.tier.lede_sourced_next)" in (f.reason or "")
    back = (
        "Corran prosecutors have dropped their inquiry into the fraud at the mill.\n\n"
        "The decision was confirmed by prosecutor Ana Ruiz on Monday.\n"
    )
    g = flag_of(annotator, back, "Corran")
    assert (g.sourcing, g.tier) == ("named_source", None)
