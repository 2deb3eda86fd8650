"""Round 25: the strong words of culture copy are the genre's (annotate/framing_culture.py),
and a predicate judging a work is a critic's verdict (annotate/framing_works.py).

In a review or a piece about works (culture words used densely), a critic's usual words of
verdict or description ('bonkers', 'magnificent', 'eerie', 'vicious', 'monstrous') are mild;
words about people's character ('greedy') stay strong. The same words in news copy stay
strong. Sports copy's idiom ('a 3-0 whitewash', 'an ugly win', 'hopelessly outplayed') is
mild in a match report, as round 9's sports conventions are. All sentences are invented.
"""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator

REVIEW = (
    "Brindle Hollow review: a ghost story with teeth\n\n"
    "The film follows a lighthouse keeper whose daughter vanishes in a storm. The director,"
    " Oona Pellworth, shoots the island in greys and blues, and the cinematography is the best"
    " thing here. The plot turns on a vicious murder in the second act, and the villain, played"
    " by the actor Teodor Amsel, is monstrous. The screenplay is absurd in places and the final"
    " scenes drag, but the actress Liv Caradoc gives a magnificent performance as the daughter."
    " Audiences at the premiere laughed at the wrong moments. The soundtrack, by the band"
    " Saltwick, is eerie. As a sequel to Pellworth's first film, it is a bonkers, jaw-dropping"
    " mess of a genre piece. The studio's greedy executives cut twenty minutes from it.\n"
)

FLOOD = (
    "Floodwater reached the first floor of forty homes in Tansey on Sunday. The damage was"
    " staggering, and for the families on Mill Row the week has been a nightmare. A cinema and"
    " a gallery on the high street were closed, and a film premiere was put off.\n"
)


def span(annotator: Annotator, text: str, word: str):
    return next(
        s
        for s in annotator.annotate(text).spans
        if not s.in_quote and s.text.lower().startswith(word)
    )


@pytest.mark.parametrize(
    "word", ["vicious", "monstrous", "absurd", "eerie", "bonkers", "jaw-dropping"]
)
def test_a_critics_words_in_a_review_are_mild_or_not_framing(
    annotator: Annotator, word: str
) -> None:
    # round 27: the genre's words (culture copy) are no longer spans at all; a judgement of a
    # work ('Judges a work') stays mild
    hits = [
        s
        for s in annotator.annotate(REVIEW).spans
        if not s.in_quote and s.text.lower().startswith(word)
    ]
    assert all(h.tier == "mild" and "Judges a work" in (h.reason or "") for h in hits), [
        h.reason for h in hits
    ]


def test_a_word_about_real_peoples_character_stays_strong_in_a_review(
    annotator: Annotator,
) -> None:
    hit = span(annotator, REVIEW, "greedy")
    assert hit.tier == "strong", hit.reason


@pytest.mark.parametrize("word", ["staggering", "nightmare"])
def test_the_same_words_in_news_with_a_film_in_passing_stay_strong(
    annotator: Annotator, word: str
) -> None:
    hit = span(annotator, FLOOD, word)
    assert hit.tier == "strong", hit.reason


def test_a_predicate_on_a_work_is_mild(annotator: Annotator) -> None:
    hit = span(annotator, "The finale is stunning.", "stunning")
    assert hit.tier == "mild", hit.reason
    assert "Judges a work" in hit.reason


def test_a_predicate_on_a_plan_stays_strong(annotator: Annotator) -> None:
    hit = span(annotator, "The minister's plan is shocking.", "shocking")
    assert hit.tier == "strong", hit.reason


# -- sports copy's idiom (annotate/framing_genre.py, round 25) -------------------------------
MATCH = (
    "Harlow completed a 3-0 whitewash of the visitors on the final day at Fenmoor. The"
    " captain's innings ended the futility of the top order, and the bowlers ground out an"
    " ugly win after tea. The wicket keeper and both openers were rested, the umpire called"
    " stumps early, and the batsmen left the field to applause from the pavilion. Ashby's"
    " batsmen were hopelessly outplayed, and the last wickets fell in a flurry of desperation.\n"
)


@pytest.mark.parametrize("word", ["whitewash", "futility", "ugly", "hopelessly", "desperation"])
def test_sports_idiom_in_a_match_report_is_mild(annotator: Annotator, word: str) -> None:
    hit = span(annotator, MATCH, word)
    assert hit.tier == "mild", hit.reason
    assert "Sports copy" in hit.reason


def test_a_whitewash_in_politics_stays_strong(annotator: Annotator) -> None:
    hit = span(annotator, "The council's inquiry into the contracts was a whitewash.", "whitewash")
    assert hit.tier == "strong", hit.reason
