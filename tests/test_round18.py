"""Round 18 (issue 9): a person's role with a first and last name in apposition names the
speaker, even when the entity tagger reads the name as an organisation
(annotate/sourcing/people.py, _apposed_full_name); an anonymous source filmed for a report is
still anonymous, not dialogue heard on the footage (tier_shapes.footage_dialogue). Sentences
written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator

LEAD = "A study of the weir was published on Monday.\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "Its director, Ines Varga, said the salmon count fell by half.",
        "The study's lead researcher, Ines Varga, said the salmon count fell by half.",
        "Its author, Ines Varga, said the salmon count fell by half.",
    ],
)
def test_a_role_with_a_name_in_apposition_is_a_named_source(
    annotator: Annotator, text: str
) -> None:
    f = flag_of(annotator, LEAD + text + "\n", text[:10])
    assert f.sourcing == "named_source" and not f.unsourced, f.reason
    assert "Ines Varga" in (f.reason or "")


def test_an_unnamed_researcher_stays_anonymous(annotator: Annotator) -> None:
    text = "A senior researcher, who asked not to be named, said the count fell by half."
    f = flag_of(annotator, LEAD + text + "\n", "A senior")
    assert f.sourcing == "anonymous_source" and f.unsourced, f.reason


def test_an_anonymous_source_on_camera_stays_a_query(annotator: Annotator) -> None:
    text = (
        "The hidden camera caught the van leaving the yard.\n\n"
        '"She runs the whole thing," the source said.\n\n'
        '"That is a fact."\n'
    )
    for starts in ('"She runs', '"That is'):
        f = flag_of(annotator, text, starts)
        assert (f.sourcing, f.tier) == ("anonymous_source", "query"), f.reason


def test_an_officer_shouting_on_bodycam_footage_is_still_dialogue(annotator: Annotator) -> None:
    text = 'The bodycam footage shows officers at the door.\n\n"Get down!" an officer shouts.\n'
    f = flag_of(annotator, text, '"Get down')
    assert f.tier == "routine" and (f.reason or "").endswith("(sourcing.tier.footage_dialogue)")


QA = (
    "Ferry chief on the winter timetable\n\n"
    "Marta Solberg has run the Corran ferry company since 2019. She spoke to the Ledger.\n\n"
    "Q: Why cut the winter sailings?\n\n"
    "A: Two ships are doing the work of four. We lost 3 million pounds on the night crossings.\n\n"
    "Q: Will fares rise?\n\n"
    "A: Fares will rise by about 8 percent in April. A study found most passengers would pay.\n"
)


def test_a_qanda_answer_is_the_interviewees(annotator: Annotator) -> None:
    for starts in ("We lost", "Fares will"):
        f = flag_of(annotator, QA, starts)
        assert f.sourcing == "named_source" and not f.unsourced, f.reason
        assert "Marta Solberg" in (f.reason or "")


def test_an_answer_passing_on_an_unnamed_study_keeps_its_flag(annotator: Annotator) -> None:
    f = flag_of(annotator, QA, "A study")
    assert f.sourcing == "vague_document" and f.unsourced, f.reason


def test_one_question_is_no_qanda(annotator: Annotator) -> None:
    text = "Marta Solberg runs the ferry company.\n\nQ: Will fares rise?\n\nA: Fares will rise by 8 percent in April.\n"
    f = flag_of(annotator, text, "Fares will")
    assert f.unsourced, f.reason
