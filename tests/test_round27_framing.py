"""Round 27 framing: the passive 'is alleged to have ...' is the evidential of a charge, not the
outlet's doubt (framing.doubt.alleged keeps 'the alleged victory'). All sentences are invented.
"""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


def doubt_words(annotator: Annotator, text: str) -> list[str]:
    return [
        s.text.lower()
        for s in annotator.annotate(text).spans
        if s.category == "doubt" and not s.in_quote
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The driver is alleged to have sold the spare parts for cash.",
        "It is alleged that the minutes were rewritten after the meeting.",
        "The clerk was alleged to have taken the keys home.",
    ],
)
def test_the_passive_of_a_charge_is_not_doubt(annotator: Annotator, text: str) -> None:
    assert "alleged" not in doubt_words(annotator, text)


def test_alleged_before_an_event_stays_doubt(annotator: Annotator) -> None:
    text = "The alleged victory was celebrated in the capital on Sunday."
    assert "alleged" in doubt_words(annotator, text)


# -- culture copy: television and games vocabulary, and the genre's words dropped ------------
GAME_REVIEW = (
    "Ashfall Tactics 2 review\n\n"
    "The sequel drops the gamers of the first game onto a frozen moon. Its antagonist, a"
    " warlord voiced by the narrator of the original, is vicious, and the storyline turns"
    " grotesque in the last act. The cutscenes are long, the playable cast is small and two"
    " subplots go nowhere, but the combat is the best in the genre this year. Critics have"
    " praised the soundtrack; the publisher's greedy executives priced the season pass at 40"
    " dollars.\n"
)
NEWS = (
    "Three people were hurt when a lorry hit a bus shelter in Carrow Road on Friday. The"
    " driver was vicious to the paramedics, and the scene was grotesque.\n"
)


def author_words(annotator: Annotator, text: str) -> dict[str, str]:
    return {s.text.lower(): s.tier for s in annotator.annotate(text).spans if not s.in_quote}


@pytest.mark.parametrize("word", ["vicious", "grotesque"])
def test_the_genres_words_in_a_game_review_are_not_framing(annotator: Annotator, word: str) -> None:
    assert word not in author_words(annotator, GAME_REVIEW)


def test_a_word_about_real_people_in_a_game_review_stays(annotator: Annotator) -> None:
    assert author_words(annotator, GAME_REVIEW).get("greedy") == "strong"


@pytest.mark.parametrize("word", ["vicious", "grotesque"])
def test_the_same_words_in_news_stay_strong(annotator: Annotator, word: str) -> None:
    assert author_words(annotator, NEWS).get(word) == "strong"


# a fan's retelling of a game world's history: fiction words, not film or book words
LORE = (
    "The history of the Tallow Reaches, as the games tell it\n\n"
    "Long before the first game, the Cindervale empire ruled three realms of the universe from"
    " a single planet. Its warriors served a prophecy carved by the old prophets: a dragon"
    " would wake and the creatures of the deep would rise. When the prophecy came true, a horde"
    " of creatures pillaged the outer realms and the capital became a battlefield. Every species"
    " in the galaxy took a side, and the fandom still argues over which side the canon favours."
    " The magic of the empire failed, and its last civilisation fell within a year.\n"
)


@pytest.mark.parametrize("word", ["horde", "pillaged", "became a battlefield"])
def test_the_battles_of_a_retold_fiction_are_not_framing(annotator: Annotator, word: str) -> None:
    assert word not in author_words(annotator, LORE)


# -- plain forms of listed words (round 27, read on judged real pages) -------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Blasting at the quarry starts at 7 a.m. every weekday.", "blasting"),
        ("The firm uses blasting charges to break the granite.", "blasting"),
        ("Breathing slowly is a deceptively simple habit.", "deceptively"),
        ("With practice, meditators reach deeper states of calm.", "deeper states"),
    ],
)
def test_plain_forms_are_not_framing(annotator: Annotator, text: str, word: str) -> None:
    assert word not in author_words(annotator, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The mayor blasted the plan as a waste of money.", "blasted"),
        ("The deep state blocked the reforms.", "deep state"),
        ("The deceptive chart makes the rise look small.", "deceptive"),
    ],
)
def test_the_charged_forms_stay(annotator: Annotator, text: str, word: str) -> None:
    assert word in author_words(annotator, text)


def test_the_manner_of_someones_reaction_is_mild(annotator: Annotator) -> None:
    text = "The mayor reacted furiously to the ruling, calling the judges cowards."
    assert author_words(annotator, text).get("furiously") == "mild"


def test_a_furious_attack_in_the_outlets_voice_stays_strong(annotator: Annotator) -> None:
    text = "The ruling is a furious attack on local democracy."
    words = author_words(annotator, text)
    assert any(w.startswith("furious") and t == "strong" for w, t in words.items()), words
