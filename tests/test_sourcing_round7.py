"""Unnamed sources on real copy's patterns (issue 9, round 7): groups that name nobody get
an unnamed or vague label, not named_source. Every sentence here was written for these
tests; none comes from a labelled data set."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator


@pytest.mark.parametrize(
    "text",
    [
        "A number of Democrats said the depot plan was rushed.",
        "A handful of Republicans argued that the depot should be sold.",
    ],
)
def test_some_of_a_party_is_a_vague_group(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text, text[:6])
    assert f.sourcing == "weasel"
    assert f.source is not None and f.source.text.startswith(text.split(" said")[0][:10])


def test_a_range_of_experts_in_a_parenthetical_is_a_vague_group(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "Cutting the budget too early, a wide range of economists say, slowed the recovery.",
        "Cutting",
    )
    assert f.sourcing == "weasel"


def test_a_number_of_people_who_are_not_speaking_is_no_source(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "A number of refugees from Valdoria admitted to the country have been housed in the depot.",
        "A number",
    )
    assert f.sourcing != "weasel"


def test_a_persons_camp_is_not_that_person(annotator: Annotator) -> None:
    text = "Ana Ortega spoke on Monday. Supporters of Ortega said the vote was rigged."
    f = flag_of(annotator, text, "Supporters")
    assert f.sourcing == "weasel"


def test_a_capital_that_only_opens_the_sentence_names_no_body(annotator: Annotator) -> None:
    f = flag_of(annotator, "Forensic experts said the files had been altered.", "Forensic")
    assert f.sourcing == "weasel"


def test_a_list_of_unnamed_speakers_is_unnamed(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "The families, friends and county officials said the depot should stay open.",
        "The families",
    )
    assert f.sourcing == "anonymous_source"
    assert f.source is not None
    assert f.source.text == "The families, friends and county officials"


def test_a_list_with_a_named_speaker_stays_named(annotator: Annotator) -> None:
    f = flag_of(annotator, "The families and Ana Ortega said the depot should stay open.", "The")
    assert f.sourcing == "named_source"
