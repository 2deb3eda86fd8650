"""Round 23: unnamed people who say nothing an editor would query, and plurals that name.

- A phrasal verb is not the verb of saying inside it ('fans showed up early'):
  sourcing.words.phrasal_not_speech.
- 'Both experts', 'the two doctors' after that many people were named refer back to them
  (sourcing.source.counted_back).
- The doctors or nurses treating a patient, giving the patient's condition, give the hospital's
  bulletin, routine (sourcing.tier.condition_report); a cause or a count of the injured stays a
  query.
- 'Nurses said ...' opening a sentence, which the tagger takes for an organisation, names no
  one.
"""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


def last(annotator: Annotator, text: str):
    return annotator.annotate(text).sentences[-1]


def test_a_crowd_that_showed_up_is_no_source(annotator: Annotator) -> None:
    f = last(annotator, "Fans showed up early and queued outside the locked Harlow gates.")
    assert f.sourcing is None, f.reason


def test_a_crowd_that_said_something_is_still_a_vague_group(annotator: Annotator) -> None:
    f = last(annotator, "Some fans said the club had locked the Harlow gates without warning.")
    assert f.sourcing == "weasel" and f.tier == "query", f.reason


def test_the_verb_of_showing_still_reports_without_a_particle(annotator: Annotator) -> None:
    f = last(annotator, "Ledger figures show that rents in Ardley rose by a fifth last year.")
    assert f.sourcing is not None and f.cue is not None and f.cue.text == "show", f.reason


@pytest.mark.parametrize(
    "follow",
    [
        "Both experts think the drink does little for sleep.",
        "The two dietitians said the drink had little effect on sleep.",
    ],
)
def test_a_counted_plural_refers_back_to_the_people_named(
    annotator: Annotator, follow: str
) -> None:
    text = "Two dietitians, Maria Lund and Piet Moorby, reviewed the Harwick trial. " + follow
    f = last(annotator, text)
    assert f.sourcing == "named_source", f.reason
    assert "Maria Lund" in f.reason and "Piet Moorby" in f.reason


def test_a_counted_plural_with_no_one_named_before_stays_vague(annotator: Annotator) -> None:
    text = "The Harwick trial was small. Both experts think the drink does little for sleep."
    assert last(annotator, text).sourcing == "weasel"


def test_a_counted_plural_needs_as_many_names_as_it_counts(annotator: Annotator) -> None:
    text = (
        "Maria Lund reviewed the Harwick trial. "
        "The three dietitians said the drink had little effect on sleep."
    )
    assert last(annotator, text).sourcing != "named_source"


@pytest.mark.parametrize(
    "text",
    [
        "Doctors said the climber was stable and awake by the evening.",
        "The climber was flown to Arnsby. Surgeons said he was conscious and breathing unaided.",
    ],
)
def test_carers_on_a_patients_condition_are_routine(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing == "weasel", f.reason
    assert f.tier == "routine" and "sourcing.tier.condition_report" in f.reason, f.reason


@pytest.mark.parametrize(
    "text",
    [
        # a cause
        "Doctors said the climber's fall at Arnsby had been caused by a loose bolt.",
        # a count of the injured
        "Doctors said three of the injured were in critical condition at Arnsby.",
        # not the people treating the patient
        "Hospital staff said the climber was conscious and breathing unaided.",
    ],
)
def test_other_words_of_doctors_or_others_on_a_patient_stay_queries(
    annotator: Annotator, text: str
) -> None:
    f = last(annotator, text)
    assert f.sourcing in ("weasel", "anonymous_source") and f.tier == "query", f.reason


def test_a_plural_people_noun_tagged_an_organisation_names_no_one(annotator: Annotator) -> None:
    f = last(annotator, "Nurses said the patient in bed four had slept badly.")
    assert f.sourcing == "weasel", f.reason
    assert "vague group" in f.reason


def test_a_counted_plural_counts_names_after_a_title(annotator: Annotator) -> None:
    # the entity tagger takes such names for organisations as often as for people
    text = (
        "Dr Ilse Quarmby, who runs the Arnsby eye clinic, said the new lenses were safe. "
        "Dr Tomas Wendlow, an optician in Corran, said the lenses cost too much. "
        "The two doctors said the clinic would publish its prices in June."
    )
    f = last(annotator, text)
    assert f.sourcing == "named_source", f.reason
    assert "Ilse Quarmby" in f.reason and "Tomas Wendlow" in f.reason


@pytest.mark.parametrize(
    "text",
    [
        "A veteran union figure, who would not give her name, said the walkout would start.",
        "The strike vote closed on Friday. A leading union figure said the walkout would go ahead.",
    ],
)
def test_a_figure_of_standing_is_one_unnamed_person_not_a_document(
    annotator: Annotator, text: str
) -> None:
    f = last(annotator, text)
    assert f.sourcing == "anonymous_source", f.reason
    assert "one person, not named" in f.reason


def test_a_figure_that_is_a_number_is_still_a_document(annotator: Annotator) -> None:
    f = last(
        annotator, "The latest figure, published by the Corran statistics office, showed a rise."
    )
    assert f.sourcing == "named_source" and "document" in f.reason, f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Velm was fined in May. His lawyer said outside court that Velm would appeal.",
        "The Ardley ferry captain rejects every count, according to his lawyer.",
        "Orla Venn was charged on Monday. Venn's lawyer said she would fight the charge.",
    ],
)
def test_a_lawyer_known_only_by_whose_lawyer_is_an_unnamed_person(
    annotator: Annotator, text: str
) -> None:
    f = last(annotator, text)
    assert f.sourcing == "anonymous_source", f.reason
    assert "one person in a role, not named" in f.reason


def test_a_lawyer_speaking_in_open_court_is_on_the_record(annotator: Annotator) -> None:
    f = last(annotator, "Velm was fined in May. His lawyer told the jury the boat was hired.")
    assert f.sourcing == "named_source", f.reason


def test_the_same_owners_lawyer_named_before_is_that_person(annotator: Annotator) -> None:
    text = (
        "Ruelle's lawyer, Anders Pollock, asked the magistrates for bail. "
        "Ruelle's lawyer said his client would live with her sister in Ardley."
    )
    f = last(annotator, text)
    assert f.sourcing == "named_source", f.reason
    assert "Anders Pollock" in f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The harbour police declined to say which boat had left the quay first.",
        "The Ardley club would not confirm the fee it had paid for the keeper.",
    ],
)
def test_a_refusal_to_say_asserts_nothing(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing is None and "refusal to comment" in (f.reason or ""), f.reason


def test_declining_to_do_something_is_not_a_trend(annotator: Annotator) -> None:
    f = last(annotator, "The Ardley council declined to renew the depot lease in March.")
    assert "trend" not in (f.reason or ""), f.reason


def test_a_fall_is_still_a_trend(annotator: Annotator) -> None:
    f = last(annotator, "Ferry bookings at Ardley declined sharply in March.")
    assert f.sourcing == "unattributed_claim", f.reason


def test_the_writers_own_friend_stays_the_writers_account(annotator: Annotator) -> None:
    f = last(annotator, "My friend said the smoke over Ardley was worse than last year.")
    assert f.sourcing == "named_source" and "the writer's own" in f.reason, f.reason


def test_a_poll_share_after_a_named_poll_is_the_polls(annotator: Annotator) -> None:
    text = (
        "The Corran Post poll of 900 renters was taken last week. "
        "Roughly 6 in 10 renters say the harbour levy is too high."
    )
    f = last(annotator, text)
    assert f.sourcing == "named_source" and "named poll" in f.reason, f.reason


def test_a_poll_share_with_no_poll_named_is_a_share_of_a_group(annotator: Annotator) -> None:
    f = last(annotator, "Roughly 6 in 10 renters say the Corran harbour levy is too high.")
    assert f.sourcing == "weasel" and "no poll named" in f.reason, f.reason


def test_things_with_agent_endings_are_not_speakers(annotator: Annotator) -> None:
    f = last(annotator, "Flood instruments along the bank explained why the Ardley weir failed.")
    assert f.sourcing is None, f.reason


def test_people_with_the_same_endings_still_speak(annotator: Annotator) -> None:
    f = last(annotator, "Flood engineers along the bank explained why the Ardley weir failed.")
    assert f.sourcing == "weasel", f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The seemingly endless queue for Ardley ferry tickets annoyed the couple.",
        "A seemingly weightless dancer is painted above the Ardley altar.",
    ],
)
def test_a_hedge_inside_a_description_passes_nothing_on(annotator: Annotator, text: str) -> None:
    assert last(annotator, text).sourcing is None


def test_a_hedge_on_the_claim_still_passes_it_on(annotator: Annotator) -> None:
    f = last(annotator, "The Corran minister was apparently unaware of the depot sale.")
    assert f.sourcing == "agentless", f.reason


def test_figures_of_standing_are_unnamed_people(annotator: Annotator) -> None:
    f = last(annotator, "Senior Ardley party figures said the leader would stand down in May.")
    assert f.sourcing == "anonymous_source", f.reason
    assert "one person" not in f.reason and "document" not in f.reason
