"""Round 15 (issue 10): strong framing spans that round-15 development pages showed were not
the outlet's judgement. A view reported with the tag after it ('..., Ms Vell said.'), and a
sports word in sports copy. Text written for these tests."""

from __future__ import annotations

from annotate.annotator import Annotator


def _span(annotator: Annotator, text: str, word: str):
    ann = annotator.annotate(text)
    return next(s for s in ann.spans if s.text.lower() == word)


def test_a_view_with_the_speaker_tagged_after_it_is_mild(annotator: Annotator) -> None:
    text = "The Corran ferry had an appalling record of safety, Dana Vell said."
    span = _span(annotator, text, "appalling")
    assert (span.tier, span.in_quote) == ("mild", False), span.reason
    assert "Vell" in (span.reason or "")


def test_the_same_words_in_the_outlet_s_own_voice_stay_strong(annotator: Annotator) -> None:
    text = "The Corran ferry had an appalling record of safety."
    assert _span(annotator, text, "appalling").tier == "strong"


def test_a_vague_group_tagged_after_the_view_leaves_it_strong(annotator: Annotator) -> None:
    text = "The Corran ferry had an appalling record of safety, critics said."
    assert _span(annotator, text, "appalling").tier == "strong"


HOCKEY = (
    "The Ardley Flyers beat Corran 4-2 in overtime on Saturday, and their goaltender made "
    "31 saves. Okafor has scored in nine straight home games, "
    "his point-scoring run the longest in the league. The netminders will rotate, the "
    "coach said, and the rookie will start in the playoff opener against Vale after the "
    "referee cleared his helmet. Corran's defence was mediocre all night."
)


def test_a_sports_metaphor_in_sports_copy_is_mild(annotator: Annotator) -> None:
    span = _span(annotator, HOCKEY, "point-scoring")
    assert span.tier == "mild", span.reason
    assert "Sports copy" in (span.reason or "")


def test_a_sports_verdict_word_in_sports_copy_is_mild(annotator: Annotator) -> None:
    assert _span(annotator, HOCKEY, "mediocre").tier == "mild"


def test_the_sports_metaphor_about_politics_stays_strong(annotator: Annotator) -> None:
    text = (
        "The council's point-scoring over the Corran bypass delayed the vote by a month. "
        "Councillors met on Tuesday to set a new date."
    )
    assert _span(annotator, text, "point-scoring").tier == "strong"


def test_a_tagged_view_is_mild_whichever_side_the_tag_is_on(annotator: Annotator) -> None:
    for text in (
        "The paper wrote that the agency is infested with activists.",
        "The agency is infested with activists, the paper wrote.",
    ):
        assert _span(annotator, text, "infested").tier == "mild", text
