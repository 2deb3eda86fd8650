"""Round 15 (issue 9): crime and casualty cues in words of play or idiom do not make a claim
a query (annotate/sourcing/tier_play.py); the same words in their crime or casualty sense
still do. Text written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import tier_of

from annotate.annotator import Annotator

PLAY = [
    "Okafor scored 22 points, dished out nine assists and collected five steals in the 105-98 win.",
    "Okafor was held to 12 points on 4-of-9 shooting in the 98-90 defeat at Ardley.",
    "Corran ranked 20th in rushing offense and mustered 77 yards in the 21-14 playoff win.",
    "Corran wound up second in total defense with a 15.9-point average.",
    "Corran started slow, missing their first 12 shots from the floor.",
    "He took charge of Corran in October 1999 and led them to 3 titles.",
    "The top model, with two processors, a RAID card and four 1TB drives, costs 24,000 dollars.",
]

CRIME_OR_HARM = [
    "Three men stole five cars from the Corran depot.",
    "The man was charged with stealing five cars from the Corran depot.",
    "The missing hiker was found dead near Corran on Monday.",
    "Two men were shot outside the Corran bar on Monday, leaving one with a knife wound.",
    "Police raided 40 homes in Corran on Monday.",
]


@pytest.mark.parametrize("text", PLAY)
def test_a_word_of_play_is_not_a_crime_or_a_harm(annotator: Annotator, text: str) -> None:
    label, tier = tier_of(annotator, text, text[:12])
    assert (label, tier) == ("unattributed_claim", "routine"), text


@pytest.mark.parametrize("text", CRIME_OR_HARM)
def test_the_same_words_in_their_own_sense_stay_queries(annotator: Annotator, text: str) -> None:
    label, tier = tier_of(annotator, text, text[:12])
    assert (label, tier) == ("unattributed_claim", "query"), text
