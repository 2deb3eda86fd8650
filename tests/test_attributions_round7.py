"""Attributions listed on real copy's patterns (issue 9, round 7): who said what where the
earlier rules found nobody. Listed attributions never change a sentence's label. Every
sentence here was written for these tests; none comes from a labelled data set."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of, pairs

from annotate.annotator import Annotator


@pytest.mark.parametrize("form", ["hoped", "hopes", "is hoping"])
def test_hope_is_a_cue_in_every_form(annotator: Annotator, form: str) -> None:
    # the tagger reads 'hoped' as a form of 'hop'
    f = flag_of(annotator, f"Ana Ortega {form} that the depot will stay open.", "Ana")
    assert f.sourcing == "named_source"
    assert f.cue is not None and f.cue.text == form.split()[-1]


def test_hopping_is_not_hoping(annotator: Annotator) -> None:
    f = flag_of(annotator, "Ana Ortega hopped onto the last bus to the depot.", "Ana")
    assert f.attributions == []


def test_a_speaker_the_rules_cannot_type_is_still_listed(annotator: Annotator) -> None:
    f = flag_of(annotator, "The depot will close in May, a former foreman says.", "The depot")
    assert ("a former foreman", "says") in pairs(f)


def test_statement_saying_names_who_issued_it(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "Harrow Mills issued a statement saying the depot would close in May.",
        "Harrow",
    )
    assert ("Harrow Mills", "saying") in pairs(f)


def test_asked_is_a_cue_with_the_asker_when_named(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "Asked by a reporter about the depot, Ana Ortega said it would stay open.",
        "Asked",
    )
    # the parser may hang 'about the depot' on the reporter; the asker is listed either way
    assert any(c == "Asked" and (src or "").startswith("a reporter") for src, c in pairs(f))
    assert f.sourcing == "named_source" and f.source is not None
    assert f.source.text == "Ana Ortega"
    g = flag_of(
        annotator, "When asked about the depot, Ana Ortega said it would stay open.", "When"
    )
    assert (None, "asked") in pairs(g)


def test_a_position_not_taken_is_still_a_position(annotator: Annotator) -> None:
    f = flag_of(annotator, "Senator Tim Baird has not endorsed the depot plan.", "Senator")
    assert ("Senator Tim Baird", "endorsed") in pairs(f)


def test_passive_cue_lists_its_agent_or_no_one(annotator: Annotator) -> None:
    f = flag_of(
        annotator, "Her warning was echoed by councillor Tim Baird on Friday.", "Her warning"
    )
    assert ("councillor Tim Baird", "echoed") in pairs(f)
    g = flag_of(annotator, "The closure of the depot was announced on Monday.", "The closure")
    assert (None, "announced") in pairs(g)
    assert g.sourcing != "named_source"


def test_the_race_being_called_is_no_cue(annotator: Annotator) -> None:
    f = flag_of(annotator, "The race was called shortly after midnight.", "The race")
    assert all(c != "called" for _, c in pairs(f))


def test_a_view_inside_what_was_said_is_not_a_second_attribution(annotator: Annotator) -> None:
    f = flag_of(annotator, "Ana Ortega said she wants the depot to stay open next year.", "Ana")
    assert pairs(f) == [("Ana Ortega", "said")]


def test_a_statement_inside_what_was_said_is_still_listed(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "Ana Ortega said the minister had told staff that the depot would close.",
        "Ana",
    )
    cues = [c for _, c in pairs(f)]
    assert "said" in cues and "told" in cues


def test_speech_tag_with_an_apposition_and_a_place_after_the_verb(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "\u201cThe depot is not for sale,\u201d Ana Ortega, a long-serving councillor, said at "
        "a meeting in Harrow on Monday.",
        "\u201cThe depot",
    )
    assert f.sourcing == "named_source"
    assert f.source is not None and f.source.text == "Ana Ortega"
    assert f.cue is not None and f.cue.text == "said"
