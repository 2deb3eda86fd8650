"""Round 22: unnamed speakers the source typing missed or misnamed.

- People nouns that no agent ending marks ('a harbour pilot', 'a ward nurse', 'a neighbour')
  were no source at all, so an unnamed speaker's claim got no flag (sourcing.words.role_people).
- One member of a vague-group word ('a resident said', 'one analyst said') is one unnamed
  person, not 'a vague group'; with a possessive ('her doctor') one person in a role, as 'his
  lawyer' is (sourcing.source.one_unnamed).
- A name set off by dashes after the role names the speaker.
"""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator


@pytest.mark.parametrize(
    "text",
    [
        "A harbour pilot said the Wendle channel had silted up badly since the spring.",
        "A ward nurse said the Corran clinic had run out of dressings by noon on Friday.",
        "A neighbour said the couple in the Ardley flat had argued for hours before the fire.",
        "A midwife at the Corran clinic said the ward had closed twice this winter.",
    ],
)
def test_an_unnamed_person_without_an_agent_ending_is_an_anonymous_source(
    annotator: Annotator, text: str
) -> None:
    f = annotator.annotate(text).sentences[-1]
    assert f.sourcing == "anonymous_source", f.reason
    assert f.reason.startswith("attributed to unnamed '")


def test_a_plural_of_such_people_is_a_vague_group(annotator: Annotator) -> None:
    f = flag_of(
        annotator, "Nurses say the Corran ward has been short of staff for weeks.\n", "Nurses"
    )
    assert f.sourcing == "weasel", f.reason


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "A resident said the water had reached the first floor of the Ardley flats.",
            "A resident",
        ),
        ("One analyst said the Corran bank would cut its rate in June.", "One analyst"),
        ("An eyewitness said the ferry left the Wendle quay with its ramp down.", "An eyewitness"),
    ],
)
def test_one_member_of_a_group_word_is_one_unnamed_person_not_a_group(
    annotator: Annotator, text: str, source: str
) -> None:
    f = flag_of(annotator, text + "\n", source)
    assert f.sourcing == "anonymous_source", f.reason
    assert "vague group" not in f.reason and f"'{source}' (one person, not named)" in f.reason


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # guards: the plural stays a group, a name in apposition names the person
        ("Residents said the water had reached the first floor of the Ardley flats.", "weasel"),
        ("A resident, Lena Ruiz, said the water reached the first floor.", "named_source"),
        ("Some analysts said the Corran bank would cut its rate in June.", "weasel"),
    ],
)
def test_groups_and_named_members_keep_their_labels(
    annotator: Annotator, text: str, label: str
) -> None:
    f = flag_of(annotator, text + "\n", text[:8])
    assert f.sourcing == label, f.reason


def test_a_group_word_with_a_possessive_is_one_unnamed_person_in_a_role(
    annotator: Annotator,
) -> None:
    # unnamed but affiliated (DESIGN.md): one person, not 'a vague group', and not named
    text = (
        "Tomas Ardel, the Corran striker, missed training on Monday.\n\n"
        "His doctor said the knee would need another fortnight of rest.\n"
    )
    f = flag_of(annotator, text, "His doctor")
    assert f.sourcing == "anonymous_source" and "vague group" not in f.reason, f.reason
    assert "'His doctor' (one person in a role, not named)" in f.reason


def test_the_speaker_is_the_role_not_the_pronoun_of_what_they_said(
    annotator: Annotator,
) -> None:
    text = (
        "Tomas Ardel, the Corran striker, missed training on Monday.\n\n"
        "His agent said he was unhappy with the club's offer.\n"
    )
    f = flag_of(annotator, text, "His agent")
    assert f.source is not None and f.source.text == "His agent", f.reason


def test_a_name_set_off_by_dashes_names_the_speaker(annotator: Annotator) -> None:
    text = (
        "A former Wendle harbour pilot -- Tomas Ardel, now a ferry skipper -- said the"
        " budget offered nothing new.\n"
    )
    f = flag_of(annotator, text, "A former")
    assert f.sourcing == "named_source", f.reason


def test_an_affiliated_person_with_no_name_stays_anonymous(annotator: Annotator) -> None:
    f = flag_of(annotator, "A Corran engineer said the bridge was unsafe.\n", "A Corran")
    assert f.sourcing == "anonymous_source", f.reason


def test_they_continues_the_speaker_earlier_in_the_same_sentence(annotator: Annotator) -> None:
    text = (
        "Tomas Ardel said the Wendle yard would stay open.\n\n"
        "Because two yard managers told the board they were owed pay, they now say Ardel must"
        " sell.\n"
    )
    f = flag_of(annotator, text, "Because two")
    assert f.sourcing == "anonymous_source", f.reason
    assert f.source is not None and f.source.text == "two yard managers", f.reason
    assert "earlier in the sentence" in f.reason


def test_he_or_she_still_reads_back_past_the_sentence(annotator: Annotator) -> None:
    # a noun's gender is not in the parse: 'she' is not 'her son'
    text = (
        "Lena Ruiz has run the Corran ferry cafe for 30 years.\n\n"
        "Her son says she will retire when the new terminal opens.\n"
    )
    f = flag_of(annotator, text, "Her son")
    assert f.source is not None and f.source.text == "Her son", f.reason
    assert "earlier in the sentence" not in f.reason


@pytest.mark.parametrize(
    "text",
    [
        "Harwick Foods reported a loss of 41 million crowns for the year.",
        "Corran police reported 512 burglaries last year, up from 430.",
    ],
)
def test_a_named_body_reporting_its_own_figure_is_its_source(
    annotator: Annotator, text: str
) -> None:
    f = flag_of(annotator, text + "\n", text[:10])
    assert f.sourcing == "named_source", f.reason
    assert "on record for its own act" in f.reason


def test_a_report_by_no_one_named_is_not_an_own_act(annotator: Annotator) -> None:
    # residents report what others did: nobody's own figure
    text = "Residents reported 40 burglaries in the Ardley flats last year.\n"
    f = flag_of(annotator, text, "Residents")
    assert f.sourcing == "unattributed_claim" and "own act" not in f.reason, f.reason


def test_a_report_in_the_present_tense_is_a_schedule_not_an_own_act(
    annotator: Annotator,
) -> None:
    text = "Harwick Foods, the largest grocer, reports its half-year results on June 2.\n"
    f = flag_of(annotator, text, "Harwick")
    assert "own act" not in (f.reason or ""), f.reason


def test_a_verb_of_asking_in_a_clause_of_time_attributes_nothing(annotator: Annotator) -> None:
    text = "When tenants ask for repairs, most of their calls to the Corran housing line go unanswered.\n"
    f = flag_of(annotator, text, "When tenants")
    assert f.sourcing != "weasel" and "vague group" not in (f.reason or ""), f.reason


def test_a_clause_of_time_with_its_own_report_still_attributes(annotator: Annotator) -> None:
    text = "When officials responded that the Wendle bridge was safe, residents protested.\n"
    f = flag_of(annotator, text, "When officials")
    assert f.sourcing == "anonymous_source", f.reason


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        (
            "Nurses on the Corran ward could then sit with patients rather than responding to"
            " every monitor bleep.\n",
            "Nurses",
        ),
        (
            "Union chiefs questioned Varga at length about the Corran pay offer.\n",
            "Union",
        ),
    ],
)
def test_acts_of_answering_or_questioning_someone_attribute_nothing(
    annotator: Annotator, text: str, starts: str
) -> None:
    f = flag_of(annotator, text, starts)
    assert "vague group" not in (f.reason or ""), f.reason


def test_a_place_that_reported_cases_is_not_a_body_reporting_its_own(
    annotator: Annotator,
) -> None:
    f = flag_of(annotator, "Norway has reported about 41,000 cases.\n", "Norway")
    assert f.sourcing == "unattributed_claim" and "own act" not in f.reason, f.reason


def test_a_body_s_own_report_is_not_carried_to_the_figures_after_it(
    annotator: Annotator,
) -> None:
    text = (
        "Corran police reported 412 burglaries last year.\n\n"
        "Fewer than one in ten burglaries ended in a charge.\n"
    )
    assert flag_of(annotator, text, "Corran police").sourcing == "named_source"
    f = flag_of(annotator, text, "Fewer than")
    assert f.sourcing == "unattributed_claim", f.reason


@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_a_role_with_a_possessive_named_right_after_it_is_named(
    annotator: Annotator, space: str
) -> None:
    text = (
        f"\u201cHe rang us from the quay that morning,\u201d his nephew{space}Tomas Ardel added.\n"
    )
    f = annotator.annotate(text).sentences[0]
    assert f.sourcing == "named_source", f.reason


def test_she_after_an_unnamed_daughter_is_not_the_daughter(annotator: Annotator) -> None:
    text = (
        "Lena Ruiz has two children at the Corran school.\n\n"
        "Her daughter said the classes had grown to 34 pupils.\n\n"
        "She told the council that the cuts were unfair.\n"
    )
    f = flag_of(annotator, text, "She told")
    assert "Her daughter" not in (f.reason or ""), f.reason


def test_the_office_at_the_top_of_a_body_is_a_named_role(annotator: Annotator) -> None:
    text = (
        "The Corran ferry board will pay 9 million crowns to the yard, its director said on"
        " Monday.\n"
    )
    f = annotator.annotate(text).sentences[0]
    assert f.sourcing == "named_source", f.reason


def test_a_request_in_a_clause_of_condition_reports_nothing(annotator: Annotator) -> None:
    text = "On Fridays, if my husband asks me to leave the office early, the reports can wait.\n"
    f = annotator.annotate(text).sentences[0]
    assert f.sourcing != "anonymous_source", f.reason
