"""Sourcing labels by who is speaking, as an editor would see them: named sources and the
named source carried over to the sentences it covers, quotations and their speakers,
anonymous and vague sources, weasel groups, and the source an editor can click."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of, labels

from annotate.annotator import Annotator


# -- named sources and their carry-over ------------------------------------------------------
def test_named_source_at_end_of_sentence(annotator: Annotator) -> None:
    f = flag_of(annotator, "Exports fell 12 percent in March, the ministry said.", "Exports")
    assert f.sourcing == "named_source"
    assert f.source.text == "the ministry" and f.cue.text == "said"


def test_named_person_with_title_and_abbreviations(annotator: Annotator) -> None:
    text = "Lt. Gen. Mark Reyes told a U.S. Senate panel that 10,000 recruits were missing."
    flags = annotator.annotate(text).sentences
    assert len(flags) == 1
    assert flags[0].sourcing == "named_source"
    assert "Mark Reyes" in flags[0].source.text


def test_passive_agent_is_the_source(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "The losses were first disclosed by the Financial Conduct Authority in 2021.",
        "The losses",
    )
    assert f.sourcing == "named_source"
    assert "Financial Conduct Authority" in f.source.text


def test_pronoun_continues_named_speaker(annotator: Annotator) -> None:
    text = (
        "Opposition spokesman Mark Delaney called the budget reckless. "
        "He added that his party would force a vote on 900 million pounds of cuts."
    )
    assert labels(annotator, text) == ["named_source", "named_source"]
    assert "Delaney" in flag_of(annotator, text, "He added").reason


def test_named_report_referred_to_as_the_report(annotator: Annotator) -> None:
    text = (
        "The Care Quality Commission published its annual report on Thursday. "
        "The report shows that one in five patients waited longer than 18 weeks. "
        "It also found that 40 hospitals missed their targets."
    )
    assert labels(annotator, text)[1:] == ["named_source", "named_source"]


def test_the_report_with_no_report_named_is_vague(annotator: Annotator) -> None:
    text = "Officials are hiding the true death toll, the report concludes."
    assert labels(annotator, text) == ["vague_document"]


def test_figures_continuing_a_named_report_stay_named(annotator: Annotator) -> None:
    text = (
        "A report from the National Audit Office has disclosed that 2,546 people died. "
        "The overall casualties reached a total of 4,813.\n\n"
        "Hospitals are under the most severe pressure in a decade."
    )
    assert labels(annotator, text) == ["named_source", "named_source", "unattributed_claim"]


# -- quotations --------------------------------------------------------------------------
def test_multi_sentence_quote_takes_its_speaker(annotator: Annotator) -> None:
    text = (
        '"These are not just numbers," said Dr. Amara Okafor. '
        '"We need a plan that matches the scale of the problem."'
    )
    flags = annotator.annotate(text).sentences
    assert [f.sourcing for f in flags] == ["named_source", "named_source"]
    assert flags[1].in_quote and "Okafor" in flags[1].source.text


def test_quote_before_its_attribution_in_same_paragraph(annotator: Annotator) -> None:
    text = '"The deal is dead. Nobody wants it," a senior official who asked not to be named said.'
    assert labels(annotator, text) == ["anonymous_source", "anonymous_source"]


def test_words_inside_a_quote_are_not_the_outlets_attribution(annotator: Annotator) -> None:
    # "people think" is the speaker's phrase, not an attribution to a vague group
    text = '"We are closer than people think," Liberty leader Tomas Reinholt said.'
    assert labels(annotator, text) == ["named_source"]


# -- anonymous, vague, agentless, weasel -----------------------------------------------------
def test_according_to_people_familiar_is_anonymous(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "Harlow is in talks to buy Meadowbrook for 1.2 billion dollars, according to people familiar with the matter.",
        "Harlow",
    )
    assert f.sourcing == "anonymous_source"
    assert f.cue.text == "according to"
    assert f.source.text.startswith("people familiar")
    assert "unnamed" in f.reason


def test_unnamed_official_with_affiliation_stays_anonymous(annotator: Annotator) -> None:
    text = "Two Treasury officials, speaking on condition of anonymity, said fuel duty would rise."
    assert labels(annotator, text) == ["anonymous_source"]


def test_unnamed_documents_are_vague(annotator: Annotator) -> None:
    text = (
        "Internal documents reveal that the army hid casualties. "
        "Recent intelligence reports have begun to unveil the deception. "
        "Leaked memos suggest that the Treasury opposed the plan."
    )
    assert labels(annotator, text) == ["vague_document"] * 3
    f = flag_of(annotator, text, "Internal")
    assert f.reason.startswith("attributed to unnamed 'Internal documents'; query:")


@pytest.mark.parametrize(
    "text",
    [
        "It is believed that the minister will resign.",
        "The striker is said to be unhappy at the club.",
        "The company reportedly lost 40 million dollars last year.",
        "Ministers are thought to be preparing a new plan.",
        "It has been learned that the talks collapsed.",
    ],
)
def test_agentless_evidentials(annotator: Annotator, text: str) -> None:
    assert labels(annotator, text) == ["agentless"]


@pytest.mark.parametrize(
    "text",
    [
        "Critics say the plan leaves little room for error.",
        "Many analysts believe a recession is coming.",
        "Observers note that turnout was low.",
        "Economists widely agree that rates will fall.",
    ],
)
def test_vague_groups_are_weasel(annotator: Annotator, text: str) -> None:
    assert labels(annotator, text) == ["weasel"]


def test_named_poll_and_named_body_are_not_weasel(annotator: Annotator) -> None:
    text = (
        "Economists polled by Reuters had expected the decision. "
        "Observers from the Organization for Security and Co-operation in Europe said the vote was well run."
    )
    assert labels(annotator, text) == ["named_source", "named_source"]


# -- carry-over: the named source in force ------------------------------------------------
def test_carry_institution_release_covers_its_figures(annotator: Annotator) -> None:
    text = (
        "Unemployment fell to 5.2 percent in March, the National Statistics Office said on "
        "Tuesday. Employment grew fastest in construction and retail.\n\n"
        "The youth unemployment rate dropped to 11 percent. "
        "The survey is based on interviews with 40,000 households."
    )
    flags = annotator.annotate(text).sentences
    assert [f.sourcing for f in flags] == ["named_source"] * 4
    assert all("National Statistics Office" in f.source.text for f in flags)
    assert "refers back" in flags[3].reason


def test_carry_survives_one_plain_sentence_between(annotator: Annotator) -> None:
    text = (
        "Unemployment fell to 5.2 percent, the statistics office said. "
        "Manufacturing was flat. The jobless rate for women fell to 4.8 percent."
    )
    assert labels(annotator, text) == ["named_source", "none", "named_source"]


def test_carry_stops_at_another_source_or_reporters_framing(annotator: Annotator) -> None:
    text = (
        "Unemployment fell to 5.2 percent, the statistics office said. "
        "Critics say the survey is flawed. The jobless rate for women fell to 4.8 percent.\n\n"
        "Unemployment rose to 6 percent, the statistics office said. "
        "The disastrous unemployment rate shows the government's failure."
    )
    assert labels(annotator, text) == [
        "named_source",
        "weasel",
        "unattributed_claim",
        "named_source",
        "unattributed_claim",
    ]


def test_carry_person_does_not_cover_next_paragraph_background(annotator: Annotator) -> None:
    text = (
        "Professor Raj Patel said the methods were sound.\n\n"
        "Coral reefs support about a quarter of all marine species."
    )
    assert labels(annotator, text) == ["named_source", "unattributed_claim"]


def test_carry_abbreviation_and_definite_description_of_named_body(annotator: Annotator) -> None:
    text = (
        "The Indus Centre for Conflict Studies (ICCS) today released its Annual Security "
        "Report 2024, which finds that 685 security personnel were killed. "
        "The report also records 444 attacks.\n\n"
        "ICCS researchers documented 264 incidents that went unreported.\n\n"
        "A new analysis by the Karakoram Policy Institute tracked violence across the region. "
        "The institute counted 471 attacks in 2024."
    )
    flags = annotator.annotate(text).sentences
    assert [f.sourcing for f in flags] == ["named_source"] * 5
    assert "Annual Security Report" in flags[1].source.text


# -- who the speaker is ---------------------------------------------------------------------
def test_named_venue_after_common_noun(annotator: Annotator) -> None:
    text = (
        "Sea turtles are nesting earlier, according to a study in the journal Marine Biology "
        "Letters. The findings suggest warming sands are to blame. "
        "The trial, led by Dr. Sara Kim, enrolled 900 patients, researchers wrote in the "
        "journal Clinical Trials Today."
    )
    assert labels(annotator, text) == ["named_source"] * 3


def test_one_of_the_people_is_anonymous_not_a_figure(annotator: Annotator) -> None:
    f = flag_of(annotator, "The company has hired Lazard, one of the people said.", "The company")
    assert f.sourcing == "anonymous_source"
    assert f.source.text == "one of the people"
    text = "The leader of one gang was charged in court on Monday."
    assert labels(annotator, text) == ["none"]


def test_trailing_data_show_read_from_tokens(annotator: Annotator) -> None:
    text = (
        "Average weekly earnings rose 3.2 percent from a year earlier, BLS data show, "
        "slightly ahead of inflation."
    )
    f = annotator.annotate(text).sentences[0]
    assert f.sourcing == "named_source" and f.cue.text == "show"
    assert labels(annotator, "Average pay rose 4 percent, internal figures show.") == [
        "vague_document"
    ]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Groups say the law is harsh.", "weasel"),
        ("Rights groups say the law will be used against journalists.", "weasel"),
        ("Campaigners argue the plan will fail.", "weasel"),
        ("The airport said 40 flights were cancelled.", "named_source"),
        ("The hospital said 30 people were treated.", "named_source"),
        ("Police said 12 people were arrested.", "named_source"),
    ],
)
def test_bare_plural_bodies_are_vague_a_definite_one_is_named(
    annotator: Annotator, text: str, label: str
) -> None:
    assert labels(annotator, text) == [label]


def test_weasel_in_participle_and_perception_verbs(annotator: Annotator) -> None:
    text = (
        "Some doctors remain skeptical about the drug, arguing that the trial was too small. "
        "Many residents see it differently."
    )
    flags = annotator.annotate(text).sentences
    assert [f.sourcing for f in flags] == ["weasel", "weasel"]
    assert flags[0].cue.text == "arguing"


def test_relative_clause_speaker_is_its_antecedent(annotator: Annotator) -> None:
    text = (
        "The case was brought by the Harbourside Residents' Association, which argued that "
        "the consultation lasted only nine days. "
        "Celtel sold its towers for 2.7 billion euros, a deal that analysts say set the "
        "benchmark."
    )
    assert labels(annotator, text) == ["named_source", "weasel"]


def test_ruling_in_participle_is_the_court_record(annotator: Annotator) -> None:
    text = (
        "A High Court judge on Tuesday halted the sale of 14 hectares of land, ruling that "
        "the council had failed to consult residents."
    )
    assert labels(annotator, text) == ["named_source"]


def test_employers_added_jobs_is_an_event_not_speech(annotator: Annotator) -> None:
    text = "Employers added 212,000 jobs over the quarter."
    f = annotator.annotate(text).sentences[0]
    assert f.sourcing == "unattributed_claim" and "figure" in f.reason


# -- quotations -----------------------------------------------------------------------------
def test_quote_takes_the_tag_attached_to_it_not_the_previous_speaker(
    annotator: Annotator,
) -> None:
    text = (
        "Mayor Ana Ruiz said the budget was balanced. "
        '"The rent has doubled in a year. Nobody can pay that," said tenant Maria Lopez.'
    )
    flags = annotator.annotate(text).sentences
    assert "Lopez" in flags[1].source.text and "Lopez" in flags[2].source.text


def test_quote_with_question_mark_keeps_its_speech_tag(annotator: Annotator) -> None:
    text = '"Is this fair?" asked the mayor. "It\'s a disaster!" shouted Councillor Tom Reed.'
    flags = annotator.annotate(text).sentences
    assert len(flags) == 2
    assert [f.sourcing for f in flags] == ["named_source", "named_source"]
    assert "Reed" in flags[1].source.text


def test_officials_of_a_named_country_are_affiliated_but_anonymous(annotator: Annotator) -> None:
    # issue 9 / DESIGN.md: unnamed but affiliated people are anonymous_source, affiliation kept
    f = annotator.annotate("Valdorian officials denied any involvement in the attack.").sentences[0]
    assert f.sourcing == "anonymous_source"
    assert f.source.text == "Valdorian officials"
    assert "affiliated with Valdorian" in f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Two Valdorian officials said the talks had failed.",
        "Senior officials said the talks had failed.",
        "Officials familiar with the matter said the talks had failed.",
        "Valdorian officials, who asked not to be named, said the talks had failed.",
    ],
)
def test_individual_or_unnamed_officials_stay_anonymous(annotator: Annotator, text: str) -> None:
    assert labels(annotator, text) == ["anonymous_source"]


def test_court_heard_is_the_source_of_the_account(annotator: Annotator) -> None:
    text = (
        "Kyle Benson, 24, left Jamie Ward with a five-inch scar after a row in Rotherham "
        "last August, Sheffield Crown Court heard."
    )
    f = annotator.annotate(text).sentences[0]
    assert f.sourcing == "named_source"
    assert "Sheffield Crown Court" in f.source.text


def test_hearing_without_a_clause_attributes_nothing(annotator: Annotator) -> None:
    assert labels(annotator, "Residents heard the explosion at 3am.") == ["none"]


def test_court_was_told_is_the_record(annotator: Annotator) -> None:
    text = "Carter had previous convictions for assault, the court was told."
    assert labels(annotator, text) == ["named_source"]
    assert labels(annotator, "The company was told to pay the fine.") == ["none"]
