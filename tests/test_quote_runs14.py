"""Round 14 (issue 9): quotation runs on real pages. A tag whose full stop the page lost
still names the speaker of the run that follows it; an interview's untagged quotations belong
to its only speaker, but not when the piece quotes two people. Text written for these tests."""

from __future__ import annotations

from annotate.annotator import Annotator

UNSTOPPED = (
    "Okafor, whose Ardley side lost the cup final on Sunday, says the squad will stay together.\n\n"
    "\u201cWe will be back in the final next year,\u201d she said\n\n"
    "\u201cNobody in that dressing room is leaving for another club this summer.\n\n"
    "\u201cThe young players will be a year older, and the defence will be harder to beat.\u201d\n"
)

INTERVIEW = (
    '"We opened the Corran shop in May," Dana Vell said.\n\n'
    '"Sales have doubled since," Vell said.\n\n'
    "So why a second shop in Ardley?\n\n"
    '"There are three reasons. Rents are low and the station is close."\n'
)


def test_a_tag_without_its_full_stop_still_names_the_run_s_speaker(annotator: Annotator) -> None:
    ann = annotator.annotate(UNSTOPPED)
    assert [s.sourcing for s in ann.sentences[1:]] == ["named_source"] * 3, [
        (s.sourcing, s.reason) for s in ann.sentences
    ]


def test_an_interview_s_untagged_quotation_is_its_only_speaker_s(annotator: Annotator) -> None:
    last = annotator.annotate(INTERVIEW).sentences[-1]
    assert last.sourcing == "named_source" and last.source is not None
    assert last.source.text.endswith("Vell")
    assert "quotes only" in (last.reason or "")


def test_two_voices_leave_an_untagged_quotation_unsourced(annotator: Annotator) -> None:
    two = INTERVIEW.replace(
        '"Sales have doubled since," Vell said.', '"Sales doubled," said Omar Vale.'
    )
    last = annotator.annotate(two).sentences[-1]
    assert last.sourcing == "unattributed_claim", last.reason


def test_an_interview_in_curly_single_quotes_has_its_only_speaker_too(
    annotator: Annotator,
) -> None:
    ann = annotator.annotate(
        "\u2018We opened the Corran shop in May,\u2019 Dana Vell said.\n\n"
        "\u2018Sales have doubled since,\u2019 Vell said.\n\n"
        "So why a second shop in Ardley?\n\n"
        "\u2018There are three reasons.\u2019\n"
    )
    last = ann.sentences[-1]
    assert (last.sourcing, last.rule) == ("named_source", "sourcing.carry.sole_speaker"), (
        last.reason
    )
