"""Round 16 (issue 9): who speaks in a press conference and whose officials speak. A count said
aloud ('One, two, three') is no unnamed speaker; an unnamed reporter who only asks states
nothing to check, and the quotation after the question is not the reporter's; officials tied
to a body by a kind of body ('zoo officials'), by a phrase after the noun ('officials at the
hospital') or by an earlier sentence ('the officials said') speak for it like any affiliated
official. Sentences written for these tests."""

from __future__ import annotations

from sourcing_data import flag_of

from annotate.annotator import Annotator
from annotate.sourcing.tier_kind import decided_tier

PRESSER = (
    "Coach Mara Okafor was in a playful mood on Tuesday.\n\n"
    "\"The kids kept yelling, 'Count for us, coach!' So I did. One, two, three,\" Okafor said,"
    " laughing.\n\n"
    "When a reporter asked why she had dropped two starters for the final, she waved the"
    " question away.\n\n"
    '"Next question, please. Both of them are staying home this week, and that is the end of it."\n'
)


def test_a_count_said_aloud_is_not_an_unnamed_speaker(annotator: Annotator) -> None:
    f = flag_of(annotator, PRESSER, "One, two, three")
    assert f.sourcing == "named_source" and f.source is not None, f.reason
    assert f.source.text == "Okafor"


def test_an_unnamed_reporters_question_is_routine(annotator: Annotator) -> None:
    f = flag_of(annotator, PRESSER, "When a reporter asked")
    assert f.sourcing == "anonymous_source" and f.tier == "routine", f.reason
    assert "a question asked ('asked'), not a claim (sourcing.tier.asked)" in (f.reason or "")


def test_a_question_that_carries_a_query_word_stays_with_the_other_rules(
    annotator: Annotator,
) -> None:
    text = "When a reporter asked why two guards were killed, the minister left the room.\n"
    f = flag_of(annotator, text, "When a reporter")
    assert "sourcing.tier.asked" not in (f.reason or ""), f.reason


def test_the_answer_after_a_question_is_not_the_askers(annotator: Annotator) -> None:
    f = flag_of(annotator, PRESSER, '"Next question')
    assert f.source is None or "reporter" not in f.source.text, f.reason
    assert "reporter" not in (f.reason or "")


def test_a_source_who_asked_not_to_be_named_stays_a_query(annotator: Annotator) -> None:
    text = "A senior aide who asked not to be named said the ferry had been sold at a loss.\n"
    f = flag_of(annotator, text, "A senior aide")
    assert f.sourcing == "anonymous_source" and decided_tier(f) == "query", f.reason


def test_a_request_is_not_taken_for_a_question(annotator: Annotator) -> None:
    for text in (
        "A neighbour asked the council to explain why the depot was leaking diesel.\n",
        "After the poster went up, parents asked for it to be removed from the school gates.\n",
    ):
        f = flag_of(annotator, text, text[:12])
        assert "sourcing.tier.asked" not in (f.reason or ""), f.reason


HOSPITAL = (
    "Two laptops were taken from a records office at Harbour General Hospital,"
    " officials at the hospital said.\n\n"
    "The office is normally kept locked at night, the officials said.\n\n"
    "The ward will reopen on Monday, an official said.\n"
)


def test_officials_carried_on_from_a_named_body_keep_the_official_tier(
    annotator: Annotator,
) -> None:
    for start in ("The office is normally", "The ward will reopen"):
        f = flag_of(annotator, HOSPITAL, start)
        assert f.sourcing == "anonymous_source" and f.tier == "routine", (start, f.reason)
        assert "(sourcing.tier.official)" in (f.reason or "")


def test_bare_officials_with_no_body_anywhere_stay_a_query(annotator: Annotator) -> None:
    text = (
        "The ferry left Corran an hour late.\n\nThe ward will reopen on Monday, an official said.\n"
    )
    f = flag_of(annotator, text, "The ward will reopen")
    assert f.sourcing == "anonymous_source" and decided_tier(f) == "query", f.reason


def test_a_kind_of_body_ties_officials_to_it(annotator: Annotator) -> None:
    text = "School officials said the new sports hall would open after the spring break.\n"
    f = flag_of(annotator, text, "School officials")
    assert f.tier == "routine" and "(sourcing.tier.official)" in (f.reason or ""), f.reason


def test_one_of_a_crowd_that_acts_is_not_one_more_speaker(annotator: Annotator) -> None:
    text = (
        "Four trustees defied the chair on Monday: one endorsed the auditors' report, two walked"
        " out and one demanded a recount.\n\n"
        '"We will not move," wrote one.\n'
    )
    acts = flag_of(annotator, text, "Four trustees")
    assert acts.source is None or acts.source.text != "one", acts.reason
    spoke = flag_of(annotator, text, '"We will not move')
    assert spoke.sourcing == "anonymous_source" and spoke.source is not None, spoke.reason
    assert spoke.source.text == "one"


def test_as_expected_reports_an_event_and_estimates_nothing(annotator: Annotator) -> None:
    text = (
        "As expected, turnout in Ardley reached 62 percent on Sunday.\n\n"
        "Shares in Corran Mills are expected to rise 4 percent next week.\n"
    )
    past = flag_of(annotator, text, "As expected")
    assert "sourcing.tier.estimate" not in (past.reason or ""), past.reason
    assert flag_of(annotator, text, "Shares in Corran").tier == "query"


NEXT = (
    "Ferry services to Corran resumed on Monday after a week of storms.\n\n"
    "The Ardley plant will shut in May, with 300 jobs lost. Its owner, Dana Brink, said the"
    " plant's order book had collapsed.\n\n"
    'Four men were killed in the blast at the depot. "We are devastated," said the mayor,'
    " Ana Ruiz.\n"
)


def test_a_claim_the_next_sentence_names_a_source_for_is_routine(annotator: Annotator) -> None:
    f = flag_of(annotator, NEXT, "The Ardley plant")
    assert f.unsourced and f.tier == "routine", f.reason
    assert "named in the next sentence, 'Its owner, Dana Brink,'" in (f.reason or "")


def test_a_next_speaker_on_another_topic_leaves_the_claim_a_query(annotator: Annotator) -> None:
    f = flag_of(annotator, NEXT, "Four men were killed")
    assert f.unsourced and decided_tier(f) == "query", f.reason


def test_a_shared_time_word_is_no_link_to_the_next_speaker(annotator: Annotator) -> None:
    text = (
        "Ferry services to Corran resumed on Monday after a week of storms.\n\n"
        "The cut in the ferry levy will save each family 300 dollars by the end of the year."
        ' "December is always our busiest month of the year," said Dana Brink, a travel agent.\n'
    )
    f = flag_of(annotator, text, "The cut in the ferry levy")
    assert f.unsourced and decided_tier(f) == "query", f.reason
