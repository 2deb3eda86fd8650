"""Round 15 (issue 9): crime and casualty cues in words of play or idiom do not make a claim
a query (annotate/sourcing/tier_play.py); the same words in their crime or casualty sense
still do. Text written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import tier_of

from annotate.annotator import Annotator

PLAY = [
    "Okafor had 18 points, seven rebounds and six steals in the 99-91 win over Vale.",
    "Okafor finished with 14 points on 5-of-11 shooting in the 98-90 defeat at Ardley.",
    "Corran sat 14th in passing offense and gained 210 yards in the 24-17 playoff win.",
    "Ardley wound up third in scoring defense with a 17.2-point average.",
    "Ardley were cold early, missing their first eight shots in the 88-80 defeat.",
    "She took charge of Ardley in May 2004 and won 3 titles.",
    "The Corran laptop model ships with a RAID array and two drives for 900 dollars.",
    # round 16
    "Dorn ended the season with 41 stolen bases and a .290 average.",
    "Brink was caught stealing 6 times in 31 tries.",
]

CRIME_OR_HARM = [
    "Three men stole five cars from the Corran depot.",
    "The man was charged with stealing five cars from the Corran depot.",
    "The missing hiker was found dead near Corran on Monday.",
    "Two men were shot outside the Corran bar on Monday, leaving one with a knife wound.",
    "Police raided 40 homes in Corran on Monday.",
    # round 16: the same words where they name crimes
    "Brink's offenses included two assaults and a burglary.",
    "A thief stole 28 bikes from the depot.",
]


@pytest.mark.parametrize("text", PLAY)
def test_a_word_of_play_is_not_a_crime_or_a_harm(annotator: Annotator, text: str) -> None:
    label, tier = tier_of(annotator, text, text[:12])
    assert (label, tier) == ("unattributed_claim", "routine"), text


@pytest.mark.parametrize("text", CRIME_OR_HARM)
def test_the_same_words_in_their_own_sense_stay_queries(annotator: Annotator, text: str) -> None:
    label, tier = tier_of(annotator, text, text[:12])
    assert (label, tier) == ("unattributed_claim", "query"), text
