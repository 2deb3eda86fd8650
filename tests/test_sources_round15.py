"""Round 15 (issue 9): who speaks, on real development pages. A witness named in apposition
after 'Another', a post held by the person the story is about, a spokesperson's words carried
on to the next sentences, and a loaded verb of saying in its physical sense. Text written for
these tests."""

from __future__ import annotations

from sourcing_data import flag_of

from annotate.annotator import Annotator

WITNESSES = (
    "Two witnesses saw the van leave the Corran depot. "
    "Another, Mara Crank, said she saw a second van waiting by the gate. "
    "She described the driver as nervous."
)


def test_another_witness_named_in_apposition_is_named(annotator: Annotator) -> None:
    flag = flag_of(annotator, WITNESSES, "Another, Mara Crank")
    assert flag.sourcing == "named_source", flag.reason
    assert "Mara Crank" in (flag.reason or "")
    assert flag.source is not None and flag.source.text == "Mara Crank"
    # the pronoun that carries her on is named too, not an unnamed 'Another'
    assert flag_of(annotator, WITNESSES, "She described").sourcing == "named_source"


def test_another_witness_with_no_name_stays_anonymous(annotator: Annotator) -> None:
    text = WITNESSES.replace("Another, Mara Crank, said", "Another said")
    flag = flag_of(annotator, text, "Another said")
    assert (flag.sourcing, flag.tier) == ("anonymous_source", "query")


MANAGER = (
    "Dele Okafor returned to Ardley on Monday after four years away. "
    "Okafor will face Corran on Saturday, and the new manager confirmed he would start "
    "his strongest side. "
    'He said: "The players know what I expect. '
    'Nobody in that squad is safe."'
)


def test_a_post_held_by_the_story_s_subject_names_them(annotator: Annotator) -> None:
    flag = flag_of(annotator, MANAGER, "Okafor will face")
    assert flag.sourcing == "named_source", flag.reason
    assert flag.rule == "sourcing.source.story_person"
    assert flag.source is not None and flag.source.text == "Dele Okafor"
    # the speaker carried on by 'He said:' and the quotation run is him too
    for start in ("He said", "Nobody in that squad"):
        assert flag_of(annotator, MANAGER, start).sourcing == "named_source", start


def test_an_unnamed_holder_introduced_first_stays_anonymous(annotator: Annotator) -> None:
    text = (
        "Dele Okafor returned to Ardley on Monday. "
        "A manager at the Corran depot said the strike would end. "
        "Okafor smiled, and the manager confirmed the deal would be signed."
    )
    flag = flag_of(annotator, text, "Okafor smiled")
    assert flag.sourcing == "anonymous_source", flag.reason


def test_a_role_that_hides_a_source_is_not_the_story_s_subject(annotator: Annotator) -> None:
    text = MANAGER.replace("the new manager confirmed", "the official confirmed")
    assert flag_of(annotator, text, "Okafor will face").sourcing == "anonymous_source"


def test_two_people_named_as_often_link_to_neither(annotator: Annotator) -> None:
    text = (
        "Dele Okafor and Tom Baird met in Ardley on Monday. "
        "Okafor and Baird will meet again on Saturday, and the manager confirmed the date."
    )
    assert flag_of(annotator, text, "Okafor and Baird will").sourcing == "anonymous_source"


SPOKESMAN = (
    "Ferries to Corran will run again from Friday, a spokesman for the harbour board said. "
    'He said: "The repairs finished a week early. '
    'Buses will meet every ferry from Monday."'
)


def test_a_spokesperson_s_words_carried_on_keep_the_spokesperson_tier(
    annotator: Annotator,
) -> None:
    for start in ("Ferries to Corran", "He said", "Buses will"):
        flag = flag_of(annotator, SPOKESMAN, start)
        assert (flag.sourcing, flag.tier) == ("anonymous_source", "routine"), (start, flag.reason)
        assert "sourcing.tier.spokesperson" in (flag.reason or "")


def test_unnamed_sources_words_carried_on_stay_a_query(annotator: Annotator) -> None:
    text = SPOKESMAN.replace(
        "a spokesman for the harbour board said", "sources at the harbour board said"
    ).replace("He said:", "They said:")
    for start in ("Ferries to Corran", "They said", "Buses will"):
        flag = flag_of(annotator, text, start)
        assert (flag.sourcing, flag.tier) == ("anonymous_source", "query"), (start, flag.reason)


def test_slammed_into_is_a_collision_not_a_speaker(annotator: Annotator) -> None:
    text = "Almost 40 people died when a freight train slammed into a bus near Corran."
    flag = flag_of(annotator, text, "Almost 40")
    assert flag.sourcing == "unattributed_claim", flag.reason
    assert flag.source is None


def test_slammed_with_an_object_is_still_loaded_speech(annotator: Annotator) -> None:
    text = "Union leaders slammed the Corran depot closure, saying it would cost 40 jobs."
    flag = flag_of(annotator, text, "Union leaders")
    assert flag.sourcing == "weasel" and flag.source is not None
