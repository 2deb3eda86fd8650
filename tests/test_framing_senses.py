"""A flagged word used in its neutral sense is a false alarm an editor learns to ignore:
a person's first name that happens to be a loaded word, a film's title, the offence a
court charges someone with. The loaded use of the same word must still be flagged."""

from __future__ import annotations

import pytest

from annotate.framing import FramingMatcher
from annotate.quotes import quote_regions


def flagged(matcher: FramingMatcher, nlp, text: str) -> list[str]:
    return [s.text for s in matcher.find(nlp(text), quote_regions(text))]


@pytest.mark.parametrize(
    ("neutral", "loaded", "word"),
    [
        (
            "Rosy Mensah, a nurse at the clinic, said the queue formed at dawn.",
            "Rosy forecasts from the ministry did not survive the winter.",
            "Rosy",
        ),
        (
            "Gaslight, the 1944 film, was shown at the festival on Sunday.",
            "The management is gaslighting staff about the pay cuts.",
            "gaslighting",
        ),
        (
            "Hobbes published Leviathan in 1651.",
            "The state leviathan now employs one in four workers in the region.",
            "leviathan",
        ),
    ],
)
def test_a_name_or_title_is_not_flagged_but_the_word_still_is(
    matcher, nlp, neutral: str, loaded: str, word: str
) -> None:
    assert flagged(matcher, nlp, neutral) == []
    assert word in flagged(matcher, nlp, loaded)


def test_an_offence_someone_is_charged_with_is_its_name_in_law(matcher, nlp) -> None:
    for text in (
        "Police said Dara Quill was charged with criminal mischief after the fire.",
        "Kofi Brandt, 41, was charged with two counts of extortion.",
        "She pleaded guilty to criminal mischief at the magistrates' court.",
    ):
        assert flagged(matcher, nlp, text) == [], text
    assert "mischief" in flagged(
        matcher, nlp, "The opposition is making mischief over the hospital closures."
    )
    assert "extortion" in flagged(matcher, nlp, "The new parking charges amount to extortion.")


def test_a_guilty_plea_to_an_offence_is_not_an_admission_or_an_intensifier(matcher, nlp) -> None:
    assert flagged(matcher, nlp, "Tomas Reyes admitted driving dangerously on the ring road.") == []
    assert "dangerously close" in " ".join(
        flagged(matcher, nlp, "The council came dangerously close to bankruptcy.")
    )


@pytest.mark.parametrize(
    ("literal", "judging", "word"),
    [
        # attributive: the noun is a thing, or a plan, words, conduct
        ("Toxic fumes drifted over the estate.", "It was a toxic debate about housing.", "toxic"),
        ("Owls nested in a hollow tree.", "Residents dismissed it as a hollow promise.", "hollow"),
        ("She played on with a twisted ankle.", "It was a twisted idea from the start.", "twisted"),
        # predicate: the subject is a thing, or an institution or a person
        ("The fruit in the storeroom was rotten.", "The licensing system is rotten.", "rotten"),
        ("The steps were slimy after the flood.", "The new councillor is slimy.", "slimy"),
    ],
)
def test_an_adjective_of_judgement_is_flagged_only_when_it_judges(
    matcher, nlp, literal: str, judging: str, word: str
) -> None:
    # the same adjective: a property of a physical thing is no verdict; of a plan, words,
    # an institution or a person it is the outlet's judgement
    assert flagged(matcher, nlp, literal) == []
    assert word in " ".join(flagged(matcher, nlp, judging))
