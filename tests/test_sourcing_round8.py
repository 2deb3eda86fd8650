"""Round 8 (issue 9): unnamed people that earlier rules typed as named. A party plural with
'the' or a plain word before it, people labelled by the body they belong to, and a person's
name that only says whom a group backs. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of, pairs

from annotate.annotator import Annotator


@pytest.mark.parametrize(
    "text",
    [
        "The Democrats conceded that the harbour levy was unpopular.",
        "Veteran Republicans said the harbour levy would fail.",
        "Establishment Democrats have argued that the depot should be sold.",
    ],
)
def test_a_party_plural_names_no_speaker(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text, text[:10])
    assert f.sourcing == "weasel", f.reason


def test_a_party_plural_in_a_named_body_stays_named(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "Senate Republicans said in a joint statement that the vote was rushed.",
        "Senate",
    )
    assert f.sourcing == "named_source"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Two Harrow Mills engineers said the crack in the depot roof was new.", "Harrow"),
        ("A Northern Waters engineer said the reservoir had been drained twice.", "Northern"),
    ],
)
def test_people_of_a_named_body_are_anonymous(annotator: Annotator, text: str, body: str) -> None:
    f = flag_of(annotator, text, text[:10])
    assert f.sourcing == "anonymous_source", f.reason
    assert f.rule == "sourcing.source.affiliated_people"
    assert f.source is not None and body in f.source.text  # the affiliation is kept


def test_a_named_office_holder_is_not_made_anonymous(annotator: Annotator) -> None:
    text = "Ana Ortega toured the depot on Monday. The Harrow senator said it would stay open."
    f = flag_of(annotator, text, "The Harrow")
    assert f.sourcing == "named_source"


def test_a_name_in_apposition_is_the_speaker(annotator: Annotator) -> None:
    f = flag_of(
        annotator, "A lawyer for the family, Dan Roe, said the inquest would resume in June.", "A"
    )
    assert f.sourcing == "named_source"


def test_a_capital_that_opens_the_sentence_is_no_body(annotator: Annotator) -> None:
    f = flag_of(annotator, "Shop owners in the area say the raids have left staff afraid.", "Shop")
    assert f.sourcing == "weasel"


def test_supporters_of_a_named_person_are_not_that_person(annotator: Annotator) -> None:
    text = (
        "Ana Ortega spoke in Harrow on Monday. "
        "One Ortega supporter said the depot plan was a betrayal."
    )
    f = flag_of(annotator, text, "One")
    assert f.sourcing != "named_source", f.reason


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The depot plan seems to have stalled.", "seems"),
        ("It appears that the depot will close in May.", "appears"),
    ],
)
def test_a_hedge_is_a_cue_with_no_source(annotator: Annotator, text: str, cue: str) -> None:
    f = flag_of(annotator, text, text[:8])
    assert (None, cue) in pairs(f)


def test_appearing_somewhere_is_no_hedge(annotator: Annotator) -> None:
    f = flag_of(annotator, "The depot appeared on the old maps.", "The depot")
    assert f.attributions == []


def test_a_public_act_names_who_took_it(annotator: Annotator) -> None:
    f = flag_of(annotator, "Ana Ortega released a plan to keep the depot open.", "Ana")
    assert ("Ana Ortega", "released") in pairs(f)
    assert f.sourcing is None  # listed only: an act is not a source for a claim


def test_a_thing_that_sounds_is_no_speaker(annotator: Annotator) -> None:
    f = flag_of(annotator, "The depot sounded its siren at noon.", "The depot")
    assert f.attributions == []


@pytest.mark.parametrize(
    "text",
    [
        "As part of his plea, Tom Baird, 44, said that he cheated nearly 100 tenants.",
        "On Tuesday, while on the trail for his wife, former mayor Tom Baird said she was right.",
    ],
)
def test_a_name_the_parser_hung_elsewhere_is_the_speaker(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text, text[:6])
    assert f.sourcing == "named_source", f.reason
    assert f.source is not None and f.source.text.endswith("Tom Baird")


def test_a_thing_before_the_verb_is_no_speaker(annotator: Annotator) -> None:
    f = flag_of(annotator, "The levy, which was backed by Tom Baird, said nothing new.", "The")
    assert f.sourcing != "named_source"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("A spokesman for Ana Ortega called the levy unfair.", "anonymous_source"),
        (
            "A reporter for the Harrow Herald asked whether the depot would close.",
            "anonymous_source",
        ),
        ("Many of the local leaders who backed Ana Ortega said the depot would close.", "weasel"),
        ("Ortega aides said the depot would close.", "anonymous_source"),
    ],
)
def test_a_person_they_serve_or_back_is_not_the_speaker(
    annotator: Annotator, text: str, label: str
) -> None:
    f = flag_of(annotator, text, text[:6])
    assert f.sourcing == label, f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ortega and Tim Baird said the depot would close.",
        "Senator Tim Baird said the depot would close.",
    ],
)
def test_a_named_speaker_stays_named(annotator: Annotator, text: str) -> None:
    assert flag_of(annotator, text, text[:6]).sourcing == "named_source"
