"""Sentences whose source the article gives after all: a speaker introduced a sentence or a
paragraph before the quotation, a lead sourced by the next sentence, a website's owner, and
plans or duties that are not hearsay. All sentences are written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def test_speaker_referred_to_by_age_speaks_the_quotation(annotator: Annotator) -> None:
    text = (
        "Mara Quinn, the mayor, opened the mill in 2019.\n\n"
        'The 61-year-old said after the vote: "I am proud of this town.\n\n'
        '"The hard work starts tomorrow and it will cost us dearly."'
    )
    f = flag_of(annotator, text, '"The hard work')
    assert f.sourcing == "named_source" and not f.unsourced
    assert "61-year-old" in f.reason


def test_inverted_comments_introduces_the_next_paragraphs_quotation(
    annotator: Annotator,
) -> None:
    text = (
        "Rents rose again this year, comments Dana Whitlock, who chairs the tenants' union:\n\n"
        '"Families are being pushed out of neighbourhoods they have lived in for decades."'
    )
    f = flag_of(annotator, text, '"Families')
    assert f.sourcing == "named_source"
    assert f.source is not None and f.source.text == "Dana Whitlock"


def test_subhead_between_quoted_paragraphs_does_not_orphan_the_quotation(
    annotator: Annotator,
) -> None:
    text = (
        'Orchard Foods said in a statement: "The plant has cut its emissions by half.\n\n'
        "Company statement\n\n"
        '"It is the cleanest plant in the region, and the safest."'
    )
    f = flag_of(annotator, text, '"It is the cleanest')
    assert f.sourcing == "named_source"
    assert "Orchard Foods" in f.reason


def test_quotation_of_a_spokesperson_is_routine_like_its_introduction(
    annotator: Annotator,
) -> None:
    text = (
        "Harlan's representative told the paper:\n\n"
        '"He has never taken money from the fund and the claims are false."'
    )
    f = flag_of(annotator, text, '"He has never')
    assert f.sourcing == "anonymous_source"  # honest: the spokesperson is not named
    assert f.tier == "routine"


def test_reportedly_lead_sourced_by_the_next_sentence(annotator: Annotator) -> None:
    text = (
        "The singer reportedly paid $2 million to settle the case. "
        "According to Variety, the deal was signed last month."
    )
    lead = flag_of(annotator, text, "The singer")
    assert lead.sourcing == "named_source" and not lead.unsourced
    assert lead.source is not None and lead.source.text == "Variety"
    # a source closing the next sentence speaks for that sentence only
    other = "The singer reportedly paid $2 million. The deal was signed last month, Variety said."
    assert flag_of(annotator, other, "The singer").sourcing == "agentless"


def test_according_to_a_named_owners_website(annotator: Annotator) -> None:
    text = "The town spent nearly $250,000 on road signs last year, according to the council's website."
    f = flag_of(annotator, text, "The town")
    assert f.sourcing == "named_source" and f.tier is None


def test_plans_and_duties_are_not_hearsay(annotator: Annotator) -> None:
    duty = flag_of(annotator, "Tenants would be expected to repaint the flat.", "Tenants")
    assert duty.sourcing is None
    plan = flag_of(annotator, "The ferry was supposed to enter service last spring.", "The")
    assert plan.sourcing != "agentless"
    hearsay = "The captain is supposed to have left the port without clearance."
    assert flag_of(annotator, hearsay, "The").sourcing == "agentless"
    forecast = "The ferry is expected to resume service on Monday."
    assert flag_of(annotator, forecast, "The").sourcing == "agentless"


def test_surname_that_is_a_common_noun_names_the_person(annotator: Annotator) -> None:
    text = (
        "Derek Scissors, a fellow at the Hale Institute, tracks the talks. "
        "Scissors, who consults with the ministry, said the rules would change."
    )
    f = flag_of(annotator, text, "Scissors,")
    assert f.sourcing == "named_source" and not f.unsourced
    # with no one of that name before, the plural is still a vague group
    assert flag_of(annotator, "Scissors said the rules would change.", "S").sourcing == "weasel"


def test_claiming_victory_is_not_a_statement(annotator: Annotator) -> None:
    text = "The deal would let leaders on both sides claim an easy victory before the summit."
    assert flag_of(annotator, text, "The deal").sourcing is None
    said = "Leaders on both sides claimed that the deal was fair."
    assert flag_of(annotator, said, "Leaders").sourcing == "weasel"
