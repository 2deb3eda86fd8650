"""A vague group's view or stance with no verb of saying ('many farmers oppose the levy')
is put down to nobody the reader can check; the same verbs with a named subject, or in a
clause describing a group, report nothing. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator
from annotate.models import SentenceFlag


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def only_flag(annotator: Annotator, text: str) -> SentenceFlag:
    (f,) = annotator.annotate(text).sentences
    return f


@pytest.mark.parametrize(
    "text",
    [
        "Many dairy farmers oppose the new water levy.",
        "Most Republicans plan to block the harbour bill next month.",
        "Some voters prefer a younger candidate for the seat.",
        "Some parents are critical of the longer school day.",
        "Some parents are opposed to the longer school day.",
    ],
)
def test_vague_group_view_is_weasel(annotator: Annotator, text: str) -> None:
    f = only_flag(annotator, text)
    assert f.sourcing == "weasel" and f.unsourced
    assert "vague group" in f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Councillor Ines Varga backed the harbour bill on Tuesday.",
        "The mayor thanked the donors and trade groups that support the shelter.",
        "Many dairy farmers do not oppose the new water levy.",
        "The patient remains in critical condition.",
        "There are plenty of fans who still continue to support the old coach.",
    ],
)
def test_named_subject_or_description_is_not_weasel(annotator: Annotator, text: str) -> None:
    assert only_flag(annotator, text).sourcing != "weasel"


def test_party_people_and_some_of_a_body_are_vague_not_named(annotator: Annotator) -> None:
    def label(text: str) -> str | None:
        return only_flag(annotator, text).sourcing

    assert label("GOP strategists say the levy will hurt the party in the spring.") == "weasel"
    assert label("Some Crane Bank analysts say the plan was rushed.") == "weasel"
    # a named body's own people still speak for it
    assert label("Analysts at Crane Bank say the depot plan was rushed.") == "named_source"
    assert label("ICCS researchers said the toll rose.") == "named_source"
