"""Round 16 (issue 9), from the development pages: an open question ('it remains to be seen')
passes on no claim; a picture's scene told with a past participle ('showed the mayor dusted
in flour') is what the footage shows, however the parser reads it, while a clause
('showed the minister was struck') stays a query; words the writer gives the reader ('some of
you will be thinking') are no source. Sentences written for these tests."""

from __future__ import annotations

from sourcing_data import flag_of

from annotate.annotator import Annotator

LEAD = "It was a long day in Corran.\n\n"


def test_remains_to_be_seen_is_no_claim(annotator: Annotator) -> None:
    text = LEAD + "It remains to be seen whether the council will approve the new bus depot.\n"
    assert not flag_of(annotator, text, "It remains").unsourced


def test_a_passive_that_passes_on_a_claim_is_still_flagged(annotator: Annotator) -> None:
    text = LEAD + "The depot is believed to have cost 4 million dollars.\n"
    f = flag_of(annotator, text, "The depot")
    assert f.sourcing == "agentless" and f.tier == "query", f.reason


def test_a_scene_in_a_past_participle_is_what_the_footage_shows(annotator: Annotator) -> None:
    text = (
        LEAD + "Television footage showed the mayor dusted in flour as students circled her car.\n"
    )
    f = flag_of(annotator, text, "Television footage")
    assert f.tier == "routine" and "(sourcing.tier.footage_shows)" in (f.reason or ""), f.reason


def test_a_clause_drawn_from_the_pictures_stays_a_query(annotator: Annotator) -> None:
    text = LEAD + "The video showed the minister was struck by a stone.\n"
    f = flag_of(annotator, text, "The video")
    assert f.sourcing == "vague_document" and f.tier == "query", f.reason


def test_words_the_writer_gives_the_reader_are_no_source(annotator: Annotator) -> None:
    text = LEAD + "Some of you will be thinking that Corran has no ferry at all.\n"
    f = flag_of(annotator, text, "Some of you")
    assert f.tier == "routine" and "(sourcing.tier.reader_voice)" in (f.reason or ""), f.reason
    other = LEAD + "Some residents are saying that Corran has no ferry at all.\n"
    assert flag_of(annotator, other, "Some residents").tier == "query"
