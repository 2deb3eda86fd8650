"""Round 8 of framing on real news (issue 10): a long question the outlet asks in its own
voice is flagged as doubt (mild since round 19: one click away, not shown by default);
questions someone asks, questions to the reader, short headings and questions the copy poses
as open ones are not. Genre and physical senses of
'fantasy', 'mindless', 'spew' and 'towering' stay unflagged."""

from __future__ import annotations

import pytest

from annotate.framing import FramingMatcher
from annotate.framing_questions import QUESTION_ID
from annotate.quotes import quote_regions


def strong(matcher: FramingMatcher, nlp, text: str) -> list:
    found = matcher.find(nlp(text), quote_regions(text))
    return [s for s in found if not s.in_quote and s.tier == "strong"]


def authors(matcher: FramingMatcher, nlp, text: str) -> list:
    return [s for s in matcher.find(nlp(text), quote_regions(text)) if not s.in_quote]


def questions(matcher: FramingMatcher, nlp, text: str) -> list[str]:
    return [s.text for s in authors(matcher, nlp, text) if s.entry == QUESTION_ID]


@pytest.mark.parametrize(
    "text",
    [
        "The council spent two years on the plan. Why did the mayor wait until the week before "
        "the election to tell residents that the new bus station would never be built at all?",
        "The minister has now changed his story three times. Is there anyone left in the "
        "department who still believes that the figures he gave the committee in March were "
        "honest?",
    ],
)
def test_a_long_question_in_the_outlets_voice_is_flagged_as_mild_doubt(matcher, nlp, text) -> None:
    found = questions(matcher, nlp, text)
    assert len(found) == 1 and found[0].endswith("?"), found
    spans = [s for s in authors(matcher, nlp, text) if s.text == found[0]]
    assert [(s.category, s.tier) for s in spans] == [("doubt", "mild")]


@pytest.mark.parametrize(
    "text",
    [
        # short: a heading or a plain question
        "What happens to the tenants of the tower block now?",
        # someone's question, in quotation marks
        '"Why did the council wait until the week before the election to tell residents that '
        'the bus station would never be built?" a tenant asked at the meeting on Monday.',
        # a question to the reader: advice, interview and blog copy
        "Have you ever wondered why the buses in your part of town always seem to arrive in "
        "threes after you have been standing at the stop for half an hour?",
        # posed as the open question of the story
        "The dilemma for the members by October is simple: will they back a leader who has "
        "lost two elections, or gamble on a newcomer with no record in government at all?",
        # a transcript line
        "MORGAN: Did the department know about the fault in the bridge before the contract for "
        "the repairs was signed in the spring of last year?",
    ],
)
def test_questions_that_are_not_the_outlets_argument_stay_unflagged(matcher, nlp, text) -> None:
    assert questions(matcher, nlp, text) == []


def test_the_question_rule_can_be_switched_off(nlp) -> None:
    text = (
        "The council spent two years on the plan. Why did the mayor wait until the week before "
        "the election to tell residents that the new bus station would never be built at all?"
    )
    off = FramingMatcher(nlp, disabled=[QUESTION_ID])
    assert questions(off, nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Her second novel is an urban fantasy set in the canals of Birmingham.",
        "The game lets players live out a power fantasy as a lone pilot.",
        "Drinking water before meals cuts down on mindless snacking, the dietitian said.",
        "The volcano spewed ash over three villages on Tuesday.",
        "Towering waves closed the harbour for the second day.",
    ],
)
def test_genre_and_physical_senses_stay_unflagged(matcher, nlp, text) -> None:
    assert strong(matcher, nlp, text) == [], text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The promise of a new hospital by spring is a fantasy.", "fantasy"),
        ("The mindless vandalism of the war memorial shocked the town.", "mindless"),
        ("The senator spewed insults at the committee chair.", "spewed"),
    ],
)
def test_the_judging_senses_are_still_shown(matcher, nlp, text, word) -> None:
    assert any(word in s.text.lower() for s in strong(matcher, nlp, text)), text


def test_the_question_rule_id_is_accepted_by_disable(nlp) -> None:
    from annotate.lexicon import load_lexicons

    lexicons = load_lexicons(disabled=[QUESTION_ID])
    off = FramingMatcher(nlp, lexicons=lexicons)
    text = (
        "The council spent two years on the plan. Why did the mayor wait until the week before "
        "the election to tell residents that the new bus station would never be built at all?"
    )
    assert questions(off, nlp, text) == []
