"""Round 28, framing: words aimed at the writer themselves, and a football report's praise of
play, are not starred. All sentences and names are invented."""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


def tiers(annotator: Annotator, text: str) -> dict[str, str]:
    return {s.text.lower(): s.tier for s in annotator.annotate(text).spans if not s.in_quote}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I am ruthless with my own drafts.", "ruthless"),
        ("On holiday I was happily selfish with the remote control.", "selfish"),
        ("My attempt at a vegetable patch is pathetic.", "pathetic"),
        ("I am no cheerleader for early starts.", "cheerleader"),
    ],
)
def test_a_word_about_the_writer_is_mild(annotator: Annotator, text: str, word: str) -> None:
    assert tiers(annotator, text).get(word) == "mild", tiers(annotator, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # aimed at someone else, though the writer is in the sentence
        ("I think the councillor was ruthless about the library closures.", "ruthless"),
        ("My rivals on the committee are selfish.", "selfish"),
        ("The mayor's response, I would argue, is pathetic.", "pathetic"),
        # 'we' is the readers and everyone, a judgement on them
        ("We are all far too selfish about parking.", "selfish"),
    ],
)
def test_a_word_about_others_stays_starred(annotator: Annotator, text: str, word: str) -> None:
    assert tiers(annotator, text).get(word) == "strong", tiers(annotator, text)


FOOTBALL = (
    "Harlow Town 3 Wexmoor 1\n\n"
    "Harlow were terrific in the first half hour, and their centre-back scored from a corner.\n\n"
    "The keeper could do nothing about a free-kick that curled inside the post, and the"
    " substitute added a third with an unstoppable drive after a half-volley hit the bar.\n\n"
    "Wexmoor pulled one back after the kick-off of the second half, but their midfield never"
    " recovered."
)


@pytest.mark.parametrize("word", ["terrific", "unstoppable"])
def test_a_football_report_praises_play_in_its_own_words(annotator: Annotator, word: str) -> None:
    assert tiers(annotator, FOOTBALL).get(word) == "mild", tiers(annotator, FOOTBALL)


def test_the_same_praise_outside_sport_stays_starred(annotator: Annotator) -> None:
    text = "The minister's unstoppable rise has worried her own party."
    assert tiers(annotator, text).get("unstoppable") == "strong", tiers(annotator, text)
