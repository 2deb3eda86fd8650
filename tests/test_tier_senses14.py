"""Round 14 (issue 9): 'shooting' of a film and an 'assault' on a summit are no crimes; the
same words in their criminal sense keep a claim a query. Sentences written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator
from annotate.sourcing.tier_kind import decided_tier


@pytest.mark.parametrize(
    "text",
    [
        "Shooting on the Velmar Studios sequel in Corran was halted for two weeks in May.",
        "The team made a second assault on the summit in 1953 and reached the top on May 29.",
    ],
)
def test_filming_and_a_summit_assault_are_not_crime_queries(
    annotator: Annotator, text: str
) -> None:
    f = flag_of(annotator, text, text[:10])
    assert "sourcing.tier.crime" not in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The shooting outside the Corran bar on Monday left two men injured.",
        "The assault on a Corran shopkeeper on Monday was the third this month.",
    ],
)
def test_a_shooting_or_an_assault_on_a_person_stays_a_crime_query(
    annotator: Annotator, text: str
) -> None:
    f = flag_of(annotator, text, text[:10])
    assert decided_tier(f) == "query" and "(sourcing.tier.crime)" in (f.reason or ""), f.reason


def test_a_game_idiom_is_no_harm_claim(annotator: Annotator) -> None:
    ann = annotator.annotate(
        "Okafor scored for Corran in injury time after Ardley went on the attack.\n\n"
        "Two Ardley fans were injured in an attack outside the Corran ground.\n"
    )
    first, second = ann.sentences
    assert not first.unsourced, first.reason
    assert second.unsourced and decided_tier(second) == "query", second.reason


@pytest.mark.parametrize(
    "text",
    [
        # 'video', 'scene', 'footage' are everyday words of crime copy, not filming
        "Video of the shooting outside the Corran bar has been viewed 40,000 times.",
        # the verb's lemma 'shoot' is not a film 'shoot'
        "A masked man began shooting at 14 parked cars on Ardley Road on Monday.",
    ],
)
def test_a_shooting_filmed_by_a_bystander_stays_a_crime_query(
    annotator: Annotator, text: str
) -> None:
    f = flag_of(annotator, text, text[:10])
    assert decided_tier(f) == "query" and "(sourcing.tier.crime)" in (f.reason or ""), f.reason


def test_a_record_of_assault_is_no_attempt_on_a_record(annotator: Annotator) -> None:
    from annotate.sourcing.tier_senses import query_sense

    doc = annotator.nlp("Vale has a record of assault and a second assault was recorded in May.")
    assaults = [t for t in doc if t.lower_ == "assault"]
    assert all(query_sense(t, "sourcing.tier.crime") for t in assaults)


def test_a_persons_sudden_death_is_a_harm_claim(annotator: Annotator) -> None:
    ann = annotator.annotate(
        "The sudden death of a patient at the Corran clinic in May was the second there.\n\n"
        "Corran beat Ardley in sudden death after the match finished 2-2.\n"
    )
    death, game = ann.sentences
    assert death.unsourced and decided_tier(death) == "query", death.reason
    assert not game.unsourced, game.reason
