"""Round 26: unnamed people telling what happened to them, and plurals that open a sentence.

- 'Some of the stallholders said they had packed up two hours early': people the reporter met,
  telling their own experience, routine (sourcing.tier.own_account); a view or forecast ('they
  expect'), a complaint ('they had been given no notice', 'they had warned the council'), a
  source marked off the record, or a death just before keeps the query.
- 'Shoppers said ...', 'Tenants said ...' opening a sentence, which the tagger takes for an
  organisation, are unnamed people, not a named body, unless the article capitalises the same
  word elsewhere (a club called 'Rangers').
All sentences are invented.
"""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


def last(annotator: Annotator, text: str):
    return annotator.annotate(text).sentences[-1]


@pytest.mark.parametrize(
    "text",
    [
        "The night market reopened on Friday after the storm.\n\nSome of the stallholders said"
        " they had packed up two hours early on Thursday.",
        "The library reopened on Monday.\n\nSeveral of the volunteers said that they had"
        " arrived before dawn to stack the shelves.",
        "The tram line was closed for a week.\n\nOthers said their season tickets had been"
        " refunded within a day.",
        "The swimming pool shut for repairs in March.\n\nMothers at the school gate said"
        " their sons had missed two terms of lessons.",
    ],
)
def test_people_telling_their_own_experience_are_routine(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing in ("weasel", "anonymous_source"), f.reason
    assert f.tier == "routine", f.reason
    assert "sourcing.tier.own_account" in (f.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        # a forecast, a view
        "The night market reopened on Friday.\n\nSome of the stallholders said they expect the"
        " market to close by the spring.",
        "The night market reopened on Friday.\n\nStallholders said they would strike if the rent"
        " rose again.",
        # a complaint about what others did not do
        "The night market reopened on Friday.\n\nSeveral stallholders said they had never been"
        " told of the rent rise.",
        "The night market reopened on Friday.\n\nStallholders said they had warned the council"
        " about the loose awning twice.",
        # a cause
        "The night market reopened on Friday.\n\nStallholders said they had packed up early"
        " because the council cut the lighting.",
        # marked off the record
        "The depot was sold in May.\n\nTwo drivers who asked not to be named said their"
        " shifts had been cut in half.",
        # witnesses to a deadly event
        "Four people were killed when the footbridge fell.\n\nSeveral neighbours said they"
        " had run outside in their nightclothes.",
    ],
)
def test_views_complaints_and_witnesses_stay_queries(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.unsourced, f.reason
    assert f.tier == "query", f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Shoppers said prices at the covered market had doubled since June.",
        "Farmers said the rain had come too late for the barley.",
        "Commuters said the trains had been late every day this week.",
        "The block on Alder Row has 40 flats.\n\nTenants said the landlord had ignored their"
        " letters for months.",
    ],
)
def test_a_plural_of_people_opening_a_sentence_is_not_a_named_body(
    annotator: Annotator, text: str
) -> None:
    f = last(annotator, text)
    assert f.sourcing in ("weasel", "anonymous_source"), f.reason


def test_a_club_named_elsewhere_in_the_story_stays_named(annotator: Annotator) -> None:
    text = (
        "Hartwell lost 2-0 to Rangers at home on Saturday.\n\nRangers said the striker had"
        " signed a new three-year deal."
    )
    assert last(annotator, text).sourcing == "named_source"


# -- unnamed people who act (sourcing.check.people_act) --------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "A landslip buried part of the coast road on Sunday.\n\nPolice closed the road for six"
        " hours.",
        "Officers carried boxes of ledgers out of the depot.",
        "Parents walked in silence from the school to the county hall.",
        "Dockers at the north quay stopped work at noon.",
        "Engineers have since shored up the cracked embankment.",
    ],
)
def test_an_act_of_unnamed_people_is_an_unsourced_claim(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing == "unattributed_claim", f.reason
    assert "an act of unnamed people" in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Harwell Police closed the coast road for six hours.",  # a named body
        "Police will close the coast road tonight.",  # a plan, not an act
        "His lawyers filed an appeal on Friday.",  # owned by someone
        "The union's members gave us a clear mandate, and we will use it.",  # first person
        "Participants kept food diaries for a month.",  # a method
    ],
)
def test_named_planned_owned_or_spoken_acts_are_not_flagged_as_people_acting(
    annotator: Annotator, text: str
) -> None:
    f = last(annotator, text)
    assert "an act of unnamed people" not in (f.reason or ""), f.reason


def test_a_drowning_count_with_no_source_is_a_query(annotator: Annotator) -> None:
    f = last(annotator, "Two kayakers drowned off Gull Point on Saturday.")
    assert f.sourcing == "unattributed_claim" and f.tier == "query", f.reason


def test_residents_of_a_street_are_not_a_body(annotator: Annotator) -> None:
    text = (
        "The depot will close in June.\n\nResidents of Pellow Street told the Courier that"
        " lorries start before six every morning."
    )
    f = last(annotator, text)
    assert f.sourcing in ("weasel", "anonymous_source"), f.reason


def test_the_family_of_the_person_just_named_is_a_named_source(annotator: Annotator) -> None:
    text = (
        "Mara Linden-Okafor, the harbour's first woman pilot, was 91.\n\nHer family said the"
        " funeral would be held at the seamen's chapel in March."
    )
    f = last(annotator, text)
    assert f.sourcing == "named_source", f.reason
    assert "Linden-Okafor" in (f.reason or ""), f.reason


def test_a_family_far_from_any_name_is_not_named_through_it(annotator: Annotator) -> None:
    text = (
        "Mara Linden, the harbour master, retired in 2019.\n\nThe harbour was dredged in May."
        "\n\nA man was found in the river on Monday. His family said he had been missing for"
        " a week."
    )
    f = last(annotator, text)
    assert f.sourcing != "named_source", f.reason


def test_a_plural_in_ies_tagged_as_a_name_is_looked_up_by_its_singular(nlp) -> None:
    # 'Studies suggest ...' opening a sentence deep in a story can be tagged a proper noun;
    # the lookup tried 'studie' and missed, so the studies became a named source
    from spacy.tokens import Doc

    from annotate.sourcing.lexicon import load_lexicon

    doc = Doc(nlp.vocab, words=["Studies", "suggest", "that"], pos=["PROPN", "VERB", "SCONJ"])
    assert load_lexicon()["document_noun"].token(doc[0]) is not None
