"""Issue 9: a definite role noun that refers back to the one person the article gave that
role is that named person ('Tomas Hale, a spokesman for ...' then 'The spokesman added').
All sentences are written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator


@pytest.mark.parametrize(
    ("text", "starts", "name"),
    [
        (
            "Tomas Hale, a spokesman for the transport ministry, said the bridge would reopen "
            "in May. The spokesman added that tolls would rise by a third.",
            "The spokesman",
            "Tomas Hale",
        ),
        (
            "Tomas Hale, the ministry's spokesman, said the bridge would reopen in May. "
            "Later the ministry spokesman said tolls would rise by a third.",
            "Later",
            "Tomas Hale",
        ),
        (
            "Prosecutor Ivo Brandt filed the charges on Monday. The prosecutor said the "
            "ledger showed forty missing payments.",
            "The prosecutor",
            "Ivo Brandt",
        ),
        (
            "Lena Ortiz, a researcher at the Baltic Institute, dived the reef in June. The "
            "researcher said the coral had bleached twice since 2020.",
            "The researcher",
            "Lena Ortiz",
        ),
    ],
)
def test_role_noun_names_the_one_person_with_that_role(
    annotator: Annotator, text: str, starts: str, name: str
) -> None:
    f = flag_of(annotator, text, starts)
    assert f.sourcing == "named_source" and not f.unsourced, f.reason
    assert f.source is not None and f.source.text == name, f.source
    assert f.rule == "sourcing.source.role_reference"


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # two named spokesmen: which one is meant is not clear
        (
            "Tomas Hale, a spokesman for the ministry, said the bridge would reopen. Dan Roe, "
            "a spokesman for the army, said engineers were still at work. The spokesman said "
            "tolls would rise by a third.",
            "The spokesman said",
        ),
        # an indefinite role noun introduces someone new
        (
            "Tomas Hale, a spokesman for the ministry, said the bridge would reopen. A "
            "spokesman for the ministry said tolls would rise by a third.",
            "A spokesman",
        ),
        # owned by a pronoun: the spokesman of someone else
        (
            "Tomas Hale, a spokesman for the ministry, said the bridge would reopen. His "
            "spokesman said tolls would rise by a third.",
            "His spokesman",
        ),
        # nobody was named with that role
        (
            "Tomas Hale, the transport minister, opened the bridge. The spokesman said tolls "
            "would rise by a third.",
            "The spokesman",
        ),
    ],
)
def test_role_noun_without_one_named_holder_stays_unnamed(
    annotator: Annotator, text: str, starts: str
) -> None:
    f = flag_of(annotator, text, starts)
    assert f.sourcing == "anonymous_source", (f.sourcing, f.reason)
    assert f.rule != "sourcing.source.role_reference"


def test_role_noun_qualified_differently_is_someone_else(annotator: Annotator) -> None:
    # 'the Green candidate' is not 'Labour candidate Ann Lee'
    text = (
        "Labour candidate Ann Lee spoke at the depot on Friday. The Green candidate said "
        "the depot should close by 2030."
    )
    f = flag_of(annotator, text, "The Green")
    assert f.rule != "sourcing.source.role_reference", f.reason
    assert f.source is None or "Ann Lee" not in f.source.text
