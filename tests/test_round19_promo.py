"""Round 19: a media player's own message left in the article body ('We apologise, but the
player failed to load.') is page furniture, dropped before anything is stored, unless
someone is quoted saying it (scraper/promo.py). Lines written for these tests."""

from __future__ import annotations

import pytest

from scraper.promo import drop_promo, is_promo


@pytest.mark.parametrize(
    "para",
    [
        "We apologise, but the player failed to load.",
        "Sorry, this video could not be loaded.",
        "Your browser does not support the video tag.",
        "This video is not available in your region.",
        "Please enable JavaScript to watch this video.",
        "Recommended Videos",
    ],
)
def test_a_player_message_is_furniture(para: str) -> None:
    assert is_promo(para)


@pytest.mark.parametrize(
    "para",
    [
        "The video of the arrest has failed to load on several phones, police said.",
        "This video is not available yet, the ministry said on Monday.",
        "The footage, which the council says is not available, shows the depot at night.",
    ],
)
def test_reporting_about_a_video_stays(para: str) -> None:
    assert not is_promo(para)


def test_the_story_around_a_player_message_is_kept_whole() -> None:
    text = (
        "The depot closed on Monday.\n\n"
        "We apologise, but the player failed to load.\n\n"
        "Workers were told by letter."
    )
    assert drop_promo(text) == "The depot closed on Monday.\n\nWorkers were told by letter."
