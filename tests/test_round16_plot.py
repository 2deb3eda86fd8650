"""Round 16 (issue 9): a claim set inside a film, book or comic is the work's story, routine
(annotate/sourcing/tier_plot.py); the same figures and crimes in the news about the work, or
set in a game or a video where real events happen, keep their tier. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator

LEAD = "It was a long week for Corran.\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "In the film, the brothers owe a loan shark 90,000 dollars and have a week to pay.",
        "In the comic, the villain kills three guards and escapes with the crown.",
        "The hero is murdered in the novel's last chapter, 40 pages from the end.",
    ],
)
def test_a_story_told_in_a_work_is_routine(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, LEAD + text + "\n", text[:12])
    assert f.unsourced and f.tier == "routine", f.reason
    assert "(sourcing.tier.plot)" in (f.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "The film's director was arrested in 2019 on three counts of fraud.",
        "Two fans were killed in the game's opening minutes when a stand collapsed.",
        "In the video, officers beat a man lying on the ground for three minutes.",
    ],
)
def test_news_about_a_work_or_real_events_keep_their_tier(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, LEAD + text + "\n", text[:12])
    assert "(sourcing.tier.plot)" not in (f.reason or ""), f.reason
