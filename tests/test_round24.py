"""Round 24: documents the article identifies, and people who came upon something.

- A document known only by the day it spoke ('a preliminary inquiry report said Thursday')
  stays vague, as the round-24 blind writer labels it.
- 'The study, by hydrologists at a named university and published in a journal, ...' is
  identified by the sentence itself (sourcing.source.document_described).
- 'according to a new study' in the lede, then the study named a few sentences later: the
  lede's flag is routine (sourcing.tier.document_named_next).
- 'Crews found the ferry drifting off the point': a verb of coming upon something with a
  participle clause is an act, not a finding (sourcing.words.scene_verbs, sourcing.tier.actor).
- 'lying on the shingle' is where someone lies, not a falsehood (accusation_sense).
- A document is not the answers to the poll named before it.
All sentences are invented.
"""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


def flags(annotator: Annotator, text: str):
    return annotator.annotate(text).sentences


def last(annotator: Annotator, text: str):
    return flags(annotator, text)[-1]


# -- documents speaking on a named day -----------------------------------------------------
# Round 24's blind writer labels a document known only by its day of release vague (query):
# 'a report said Thursday' stays as it was; only who wrote it or where it appeared names it.
@pytest.mark.parametrize(
    "text",
    [
        "The sluice gates jammed an hour before the flood, a preliminary inquiry report said"
        " Thursday.",
        "The sluice gates jammed an hour before the flood, reports said Thursday.",
        "The sluice gates jammed an hour before the flood, a leaked memo said Thursday.",
        "The sluice gates jammed an hour before the flood, a report said.",
    ],
)
def test_documents_known_only_by_a_day_stay_vague(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing == "vague_document" and f.tier == "query", f.reason


# -- a document the sentence identifies ------------------------------------------------------
def test_a_study_set_off_with_its_authors_and_journal_is_named(annotator: Annotator) -> None:
    f = last(
        annotator,
        "The study, by hydrologists at Brenmoor University and published in the journal Water"
        " Futures, tracked 400 farms over six years.",
    )
    assert f.sourcing == "named_source", f.reason
    assert "sourcing.source.document_described" in (f.reason or "")


def test_a_review_whose_authors_the_parse_hangs_on_the_verb_is_named(
    annotator: Annotator,
) -> None:
    f = last(
        annotator,
        "The review, by auditors from the Harwell Accounts Office, found 40 contracts with no"
        " tender.",
    )
    assert f.sourcing == "named_source", f.reason


def test_a_leaked_document_with_its_drafters_stays_vague(annotator: Annotator) -> None:
    f = last(
        annotator, "A leaked review, drafted for ministers, found 40 contracts with no tender."
    )
    assert f.sourcing == "vague_document", f.reason


def test_a_report_about_a_named_body_names_no_author(annotator: Annotator) -> None:
    f = last(annotator, "A report on Brenmoor University said the pumps had failed.")
    assert f.sourcing == "vague_document", f.reason


# -- a lede's document named a few sentences later -------------------------------------------
LEDE = "Small farms lose more water to evaporation than large ones, according to a new study."


@pytest.mark.parametrize(
    "later",
    [
        "The study, by hydrologists at Brenmoor University and published in the journal Water"
        " Futures, tracked 400 farms over six years.",
        "Researchers at the Tarrow Institute, whose findings appear in the journal Dry Lands,"
        " tracked 400 farms.",
    ],
)
def test_a_lede_study_identified_later_is_routine(annotator: Annotator, later: str) -> None:
    text = f"{LEDE}\n\nIrrigation now takes most of the valley's water.\n\n{later}"
    f = flags(annotator, text)[0]
    assert (f.sourcing, f.tier) == ("vague_document", "routine"), f.reason
    assert "sourcing.tier.document_named_next" in (f.reason or "")


def test_a_lede_study_set_off_with_its_authors_without_a_cue_is_routine(
    annotator: Annotator,
) -> None:
    later = (
        "The paper from the Brenmoor University hydrology group appeared in Water Futures on"
        " Tuesday."
    )
    f = flags(annotator, f"{LEDE}\n\n{later}")[0]
    assert (f.sourcing, f.tier) == ("vague_document", "routine"), f.reason


@pytest.mark.parametrize(
    "later",
    [
        "A separate study by the Tarrow Institute found the opposite.",
        "Dr Ines Varga, a hydrologist who was not involved in the study, said the farms were"
        " well chosen.",
        "A report by the Tarrow Institute tracked 400 farms.",
        "Irrigation now takes most of the valley's water.",
    ],
)
def test_a_lede_study_never_identified_stays_a_query(annotator: Annotator, later: str) -> None:
    f = flags(annotator, f"{LEDE}\n\n{later}")[0]
    assert (f.sourcing, f.tier) == ("vague_document", "query"), f.reason


def test_an_article_is_not_identified_by_another_article_later(annotator: Annotator) -> None:
    text = (
        "Tolls on the bridge will double next year, according to an article.\n\n"
        "Ms Ferrand also shared an article by the Harbour Gazette that said the tolls would fall."
    )
    f = flags(annotator, text)[0]
    assert (f.sourcing, f.tier) == ("vague_document", "query"), f.reason


def test_studies_in_the_plural_stay_a_query_even_with_a_named_study_after(
    annotator: Annotator,
) -> None:
    text = (
        "Studies show that small farms lose more water to evaporation.\n\n"
        "A study by the Tarrow Institute tracked 400 farms."
    )
    f = flags(annotator, text)[0]
    assert (f.sourcing, f.tier) == ("vague_document", "query"), f.reason


def test_a_second_document_is_not_the_answers_to_the_first(annotator: Annotator) -> None:
    text = (
        "A study by the Tarrow Institute tracked 400 farms.\n\n"
        "Thirty percent of rural clinics had cut their hours, according to a 2023 national"
        " survey."
    )
    f = flags(annotator, text)[-1]
    assert f.sourcing == "vague_document", f.reason


# -- people who came upon something ----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Crews found the ferry drifting two miles off the point.",
        "Volunteers found the lost walkers sheltering in a barn.",
        "Firefighters saw the roof collapsing as they arrived.",
    ],
)
def test_people_who_came_upon_a_scene_are_doing_an_act(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.tier == "routine", f.reason
    assert "sourcing.tier.actor" in (f.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "Officers found that the scooter's brakes had been cut.",
        "Investigators found the lock had been forced before the fire.",
    ],
)
def test_a_finding_in_a_finite_clause_keeps_its_source(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing in ("anonymous_source", "weasel") and f.tier == "query", f.reason


def test_lying_somewhere_is_no_accusation(annotator: Annotator) -> None:
    f = last(
        annotator, "The lifeboat crew reached a kayaker lying on the shingle below the cliffs."
    )
    assert "accusation" not in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The treasurer lied to the auditors about the missing funds.",
        "The director was lying about the accounts.",
    ],
)
def test_lying_to_someone_or_about_something_is_still_an_accusation(
    annotator: Annotator, text: str
) -> None:
    f = last(annotator, text)
    assert "accusation" in (f.reason or ""), f.reason
