"""Round 6 of framing on real news (issue 10): a calamity named once it has been told is the
story, not a verdict; an offence listed among others is its name in law; one word keeps one
tier in every entry that lists it; and new labels fire where an editor would act, not on
their neutral senses."""

from __future__ import annotations

import pytest

from annotate.framing import FramingMatcher
from annotate.lexicon import load_lexicon
from annotate.quotes import quote_regions


def flags(matcher: FramingMatcher, nlp, text: str) -> list[tuple[str, str, bool]]:
    return [(s.text, s.tier, s.in_quote) for s in matcher.find(nlp(text), quote_regions(text))]


def words(matcher: FramingMatcher, nlp, text: str) -> list[str]:
    return [w for w, _, quoted in flags(matcher, nlp, text) if not quoted]


def test_the_disaster_that_was_reported_is_the_story_but_a_verdict_is_flagged(matcher, nlp) -> None:
    for text in (
        "The disaster killed 12 people and closed the port for a week.",
        "Relatives of those who died in the disaster gathered at the harbour.",
    ):
        assert words(matcher, nlp, text) == [], text
    assert "disaster" in words(matcher, nlp, "The windfall tax has been a disaster.")
    assert "disaster" in words(matcher, nlp, "The new stadium is a disaster for the neighbours.")


def test_a_shooting_rampage_names_the_event_a_regulators_rampage_is_drama(matcher, nlp) -> None:
    assert words(matcher, nlp, "Police said the shooting rampage lasted ten minutes.") == []
    assert "rampage" in words(
        matcher, nlp, "The regulator went on a rampage against small lenders."
    )


def test_an_offence_in_a_list_of_offences_is_its_name_in_law(matcher, nlp) -> None:
    text = "He admitted bribery, extortion and money laundering at the trial in May."
    assert words(matcher, nlp, text) == []
    assert "extortion" in words(matcher, nlp, "The new parking fees amount to extortion.")


def test_a_verb_uttered_is_not_the_intensifier_utter(matcher, nlp) -> None:
    assert words(matcher, nlp, "She did not utter a word during the two-hour hearing.") == []


@pytest.mark.parametrize(
    ("word", "a", "b"),
    [
        ("lambasted", "framing.loaded.lambast", "framing.loaded.lambaste"),
        ("capitulated", "framing.loaded.capitulate", "framing.loaded.metaphor.war.capitulation"),
        ("crippled", "framing.loaded.cripple", "framing.loaded.metaphor.disease.crippling"),
        ("heroically", "framing.loaded.heroic", "framing.loaded.heroically"),
        ("arrogantly", "framing.loaded.arrogant", "framing.loaded.arrogantly"),
    ],
)
def test_one_word_has_one_tier_across_the_entries_that_list_it(word: str, a: str, b: str) -> None:
    entries = load_lexicon().by_id()
    assert entries[a].tier == entries[b].tier, word


def test_a_slammed_verb_of_saying_keeps_its_tier_whatever_the_form(matcher, nlp) -> None:
    for text in (
        "The director lambasted the board in a letter on Friday.",
        "The director lambasts the board in a letter.",
    ):
        assert [t for w, t, _ in flags(matcher, nlp, text) if w.startswith("lambast")] == [
            "strong"
        ], text


@pytest.mark.parametrize(
    ("loaded", "neutral", "word"),
    [
        (
            "The border town has become a magnet for jihadis.",
            "A jihadist group claimed the attack on the convoy, the army said.",
            "jihadis",
        ),
        (
            "The council let a pervert coach the under-12s for a decade.",
            "The minister was accused of trying to pervert the course of justice.",
            "pervert",
        ),
        (
            "The intolerant activists shouted down every speaker.",
            "About one adult in ten is lactose intolerant, the survey found.",
            "intolerant",
        ),
        (
            "The preacher's followers are told to shun the infidels next door.",
            "The preacher's followers are told to avoid their neighbours of other faiths.",
            "infidels",
        ),
    ],
)
def test_new_labels_fire_in_the_authors_voice_not_in_their_neutral_sense(
    matcher, nlp, loaded: str, neutral: str, word: str
) -> None:
    assert (word, "strong", False) in flags(matcher, nlp, loaded)
    assert words(matcher, nlp, neutral) == []
