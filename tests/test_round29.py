"""Round 29, sourcing: a post holder named after a company's name ('The chief executive of
Vantor, Ada Crole, said') is named, though the parser hangs the name on the company; a document
'released by the council' says whose it is. All sentences and names are invented.
"""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


def first(annotator: Annotator, text: str):
    return annotator.annotate(text).sentences[0]


@pytest.mark.parametrize(
    "text",
    [
        "The chief executive of Vantor, Ada Crole, said the kettle plant would close in May.",
        "The head of research at Corlis Labs, Tom Baird, said the trial would end early.",
        "The founder of Pellow Bakes, Rina Osei, said prices would rise by 10 percent.",
    ],
)
def test_a_post_holder_named_after_the_company_is_named(annotator: Annotator, text: str) -> None:
    f = first(annotator, text)
    assert f.sourcing == "named_source", f.reason


def test_a_name_after_a_person_served_is_not_the_speakers(annotator: Annotator) -> None:
    # the name is the minister's: the spokesman is still unnamed
    f = first(annotator, "A spokesman for the minister, Ana Ortega, said the plan was dead.")
    assert f.sourcing == "anonymous_source", f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Minutes released by the council show it has met 12 times this year.",
        "A survey released by the council on Friday says 40 percent of tenants owe rent.",
    ],
)
def test_a_document_released_by_a_body_in_view_is_named(annotator: Annotator, text: str) -> None:
    f = first(annotator, text)
    assert f.sourcing == "named_source", f.reason


def test_a_document_with_only_a_date_stays_vague(annotator: Annotator) -> None:
    f = first(annotator, "Figures released on Monday show that 48 bus stops have no shelter.")
    assert f.sourcing == "vague_document", f.reason
    assert f.tier == "query"


@pytest.mark.parametrize(
    "text",
    [
        "Vantor's chief executive, Ada Crole, boasted on Monday that sales had doubled since May.",
        "The club's owner, Piet Marsh, bragged on Monday that the new stand would be full.",
    ],
)
def test_a_verb_after_an_apposition_has_its_subject(annotator: Annotator, text: str) -> None:
    # the parser hangs the verb from the subject as if it were 'a deal signed in May'
    f = first(annotator, text)
    assert f.sourcing == "named_source", f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The ministry published figures that showed a fall in burglaries.",
        "On Monday the mayor, Ada Crole, presented data that showed the port's trade had doubled.",
        "Ada Crole cited a survey that found most tenants want longer leases.",
    ],
)
def test_a_document_put_out_by_a_named_subject_is_theirs(annotator: Annotator, text: str) -> None:
    f = first(annotator, text)
    assert f.sourcing == "named_source", f.reason
    assert f.rule == "sourcing.source.document" or "document_presented" in (f.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "A group published figures that showed a fall in burglaries.",
        "Ada Crole obtained a memo that showed the plan had been dropped.",
    ],
)
def test_a_document_no_one_puts_out_stays_vague(annotator: Annotator, text: str) -> None:
    assert first(annotator, text).sourcing == "vague_document"


@pytest.mark.parametrize(
    "text",
    [
        "A contract said to be worth 3 million pounds was signed on Friday.",
        "The keeper, thought to be the club's best-paid player, left on Monday.",
        "A ledger believed to have been lost in the fire turned up in a skip.",
    ],
)
def test_a_reduced_evidential_is_agentless(annotator: Annotator, text: str) -> None:
    # the parser can make 'said' the main verb with 'contract' for its speaker
    f = first(annotator, text)
    assert f.sourcing == "agentless", f.reason
    assert f.tier == "query"


def test_a_speaker_with_an_instruction_is_not_agentless(annotator: Annotator) -> None:
    assert first(annotator, "The doctor said to rest for a week.").sourcing != "agentless"


def test_according_to_a_noun_read_as_a_verb(annotator: Annotator) -> None:
    # the parser reads 'show' as a verb and 'insiders' as its object
    f = first(annotator, "The festival lost money for a third year, according to show insiders.")
    assert f.sourcing == "anonymous_source", f.reason
    assert f.source is not None and "insiders" in f.source.text


def test_an_aside_with_as_names_its_own_speaker(annotator: Annotator) -> None:
    f = first(
        annotator, "Ardley, as one of the council's engineers noted, rarely floods twice in a year."
    )
    assert f.sourcing == "anonymous_source", f.reason
    f = first(annotator, "Ardley, as Ada Crole noted, rarely floods twice in a year.")
    assert f.sourcing == "named_source" and "Crole" in f.source.text, f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The village has about 900 residents, most of them retired.",
        "Corran is home to about 12,000 people.",
        "About 300 people live on the island all year.",
    ],
)
def test_a_places_population_is_routine(annotator: Annotator, text: str) -> None:
    f = first(annotator, text)
    assert f.sourcing == "unattributed_claim" and f.tier == "routine", f.reason
    assert "sourcing.tier.population" in (f.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "About 30 residents were hurt when the footbridge collapsed.",
        "Holm has some 2,300 residents who oppose the quarry.",
    ],
)
def test_people_in_an_event_or_a_stance_stay_queries(annotator: Annotator, text: str) -> None:
    f = first(annotator, text)
    assert f.tier == "query", f.reason
