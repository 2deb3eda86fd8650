"""Several attributions in one sentence (issue 9, "who said it"): every source and cue a
sentence states is listed, the main one first, while the sentence's label and its own
source/cue stay the main attribution's. Every sentence here was written for these tests;
none comes from a labelled data set."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of, pairs

from annotate.annotator import Annotator


def test_two_speakers_in_one_sentence_are_both_listed(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "Mayor Ana Ortega said the depot would close, while councillor Tim Baird argued "
        "that it could be sold.",
        "Mayor",
    )
    assert f.sourcing == "named_source"
    assert ("Mayor Ana Ortega", "said") in pairs(f)
    assert ("councillor Tim Baird", "argued") in pairs(f)
    # the main attribution comes first and is the sentence's own source and cue
    assert f.attributions[0].source == f.source and f.attributions[0].cue == f.cue


def test_same_speaker_saying_and_adding_gives_two_cues(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "Ms Ortega said the bridge was late and added that its cost had doubled.",
        "Ms Ortega",
    )
    cues = [c for _, c in pairs(f)]
    assert "said" in cues and "added" in cues


def test_pronoun_source_is_listed_as_written_and_resolved(annotator: Annotator) -> None:
    text = "Ana Ortega said the depot was losing money. She said it would close in May."
    f = flag_of(annotator, text, "She said")
    assert f.source is not None and f.source.text == "Ana Ortega"  # the flag resolves it
    first = f.attributions[0]
    assert first.source is not None and first.source.text == "She"
    assert first.refers_to is not None and first.refers_to.text == "Ana Ortega"


def test_sentence_with_no_attribution_lists_none(annotator: Annotator) -> None:
    f = flag_of(annotator, "The depot lost 4 million pounds in 2023.", "The depot")
    assert f.attributions == []


def test_public_act_is_listed_but_does_not_label_the_sentence(annotator: Annotator) -> None:
    f = flag_of(annotator, "Senator Ana Ortega endorsed the mayor's housing plan.", "Senator")
    assert f.sourcing is None and f.source is None
    assert pairs(f) == [("Senator Ana Ortega", "endorsed")]


def test_headline_name_and_colon_gives_the_speaker(annotator: Annotator) -> None:
    f = flag_of(annotator, "Ortega: Depot will close\n\nThe depot opened in 1961.", "Ortega")
    assert ("Ortega", ":") in pairs(f)
    g = flag_of(annotator, "Key dates: March and May\n\nThe depot opened in 1961.", "Key")
    assert g.attributions == []


def test_quote_tags_with_continued_and_the_writer_are_listed(annotator: Annotator) -> None:
    text = 'Ana Ortega spoke first. "We will win," she continued. "I am not shy," I said.'
    assert ("she", "continued") in pairs(flag_of(annotator, text, '"We will'))
    assert ("I", "said") in pairs(flag_of(annotator, text, '"I am'))


def test_definite_group_is_not_the_previous_speaker(annotator: Annotator) -> None:
    text = "Mayor Ana Ortega said costs had doubled. The analysts said the rise was modest."
    f = flag_of(annotator, text, "The analysts")
    assert f.sourcing == "weasel" and f.source is not None and f.source.text == "The analysts"
    same = "Analysts at Crane Bank said costs had doubled. The analysts said the rise would slow."
    assert flag_of(annotator, same, "The analysts").sourcing == "named_source"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Many economists do not expect a cut in interest rates this year.", "weasel"),
        ("Republicans weren't concerned about the deficit.", "weasel"),
        ("Forty-five percent of renters say rents are too high.", "weasel"),
        ("45% of renters say rents are too high.", "weasel"),
        ("A campaign aide later clarified that the mayor had misspoken.", "anonymous_source"),
        ("The mayor did not say when the depot would close.", None),
    ],
)
def test_unnamed_views_without_a_plain_verb_of_saying(
    annotator: Annotator, text: str, label: str | None
) -> None:
    assert flag_of(annotator, text, text[:10]).sourcing == label


def test_speaker_after_a_heading_the_parser_ran_into_the_sentence(annotator: Annotator) -> None:
    text = (
        "The Latest: Ortega to close the depot.\n\n"
        "HARBOURTON (Wire) \u2014 The latest on the depot (all times local):\n\n"
        "Mayor Ana Ortega says that contrary to the claims of her rivals, she will keep the "
        "depot open."
    )
    f = flag_of(annotator, text, "Mayor Ana Ortega")
    assert f.sourcing == "named_source"
    assert f.source is not None and f.source.text == "Mayor Ana Ortega"


def test_tag_after_a_quotation_names_the_speaker_whatever_its_verb(
    annotator: Annotator,
) -> None:
    assert ("Ana Ortega", "beamed") in pairs(
        flag_of(annotator, '"We won the vote," Ana Ortega beamed.', '"We won')
    )
    assert flag_of(annotator, '"Closed" is printed on the gate.', '"Closed"').attributions == []


def test_position_taken_without_saying_is_listed_for_a_person_only(annotator: Annotator) -> None:
    f = flag_of(annotator, "Ana Ortega voiced doubts about the levy.", "Ana")
    assert ("Ana Ortega", "voiced") in pairs(f)
    assert f.sourcing is None  # listed, never the label
    f = flag_of(annotator, "She seemed to rule out a second term.", "She")
    assert ("She", "seemed") in pairs(f)
    # a thing that seems is nobody's position
    assert pairs(flag_of(annotator, "The river seemed higher than usual.", "The river")) == []


def test_question_and_citation_without_a_clause_are_listed(annotator: Annotator) -> None:
    assert ("Tim Baird", "asked") in pairs(flag_of(annotator, "Tim Baird asked.", "Tim"))
    f = flag_of(annotator, "Councillor Tim Baird cited the audit.", "Councillor")
    assert ("Councillor Tim Baird", "cited") in pairs(f)
    assert f.sourcing is None
    # 'found' still needs a clause: finding cracks is an event, not a report
    f = flag_of(annotator, "The inspectors found cracks in the depot roof.", "The")
    assert pairs(f) == []


def test_in_a_statement_and_in_a_poll_are_cues(annotator: Annotator) -> None:
    f = flag_of(annotator, "Ana Ortega said in a statement that the depot would close.", "Ana")
    # round 10: on a verb already listed, 'in a statement' is not listed again
    assert ("Ana Ortega", "said") in pairs(f)
    assert ("Ana Ortega", "in a statement") not in pairs(f)
    assert f.cue is not None and f.cue.text == "said"  # the main cue is unchanged
    f = flag_of(
        annotator,
        "In a Harbour Research poll released Monday, 40 percent said they backed the levy.",
        "In a",
    )
    got = pairs(f)
    assert ("a Harbour Research poll released Monday", "In a Harbour Research poll") in got
    assert ("40 percent", "said") in got
    # a standing in the polls is no one document
    assert pairs(flag_of(annotator, "Ortega has a lead in the polls.", "Ortega")) == []


def test_share_of_respondents_saying_is_listed(annotator: Annotator) -> None:
    f = flag_of(annotator, "Almost half said they wanted a change of leader.", "Almost")
    assert ("Almost half", "said") in pairs(f)


def test_speaker_after_a_two_apostrophe_quotation_is_found(annotator: Annotator) -> None:
    f = flag_of(
        annotator, "''The depot will close in May,'' said Ana Ortega, the union's lawyer.", "''"
    )
    assert f.sourcing == "named_source"
    assert ("Ana Ortega", "said") in pairs(f)


def test_relative_pronoun_source_is_listed_as_written(annotator: Annotator) -> None:
    f = flag_of(annotator, "Ana Ortega, who said the depot would close, left early.", "Ana")
    assert f.source is not None and f.source.text == "Ana Ortega"  # the flag resolves it
    first = f.attributions[0]
    assert first.source is not None and first.source.text == "who"
    assert first.refers_to is not None and first.refers_to.text == "Ana Ortega"


def test_saying_after_a_preposition_takes_the_subject_of_its_clause(
    annotator: Annotator,
) -> None:
    f = flag_of(
        annotator, "Baird distanced himself from the plan by saying he would vote against it.", "B"
    )
    assert f.sourcing == "named_source"
    assert ("Baird", "saying") in pairs(f)


def test_according_to_an_untyped_source_is_still_listed(annotator: Annotator) -> None:
    f = flag_of(annotator, "The server was wiped twice, according to the summary.", "The")
    assert ("the summary", "according to") in pairs(f)
    f = flag_of(annotator, "The depot lost money, according to Tim Baird.", "The")
    assert pairs(f) == [("Tim Baird", "according to")]  # listed once
