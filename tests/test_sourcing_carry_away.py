"""Attribution a sentence away (issue 9, round 13; annotate/sourcing/carry_away.py): content
whose source is named in the adjacent sentence gets that source, with a reason naming the
sentence it came from; the writer's own sentences next to a source stay flagged. Every
sentence was written for these tests (invented places, people, bodies and figures)."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of, labels

from annotate.annotator import Annotator


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


# -- a named announcement ending on a colon -------------------------------------------------
FINDINGS = (
    "Researchers at the Tallis Institute found that:\n\n"
    "About half of rural borrowers still lived in a rural area six years later.\n\n"
    "People with the most debt were most likely to leave, and 30 percent moved to cities.\n\n"
    "The institute's director, Nia Holt, said the pattern was new."
)


def test_findings_listed_after_a_colon_are_the_researchers(annotator: Annotator) -> None:
    first = flag_of(annotator, FINDINGS, "About half")
    assert first.sourcing == "named_source" and first.tier is None
    assert first.rule == "sourcing.carry.colon_intro"
    assert first.source is not None and first.source.text == "Researchers at the Tallis Institute"
    assert first.reason == (
        "announced by the sentence before: 'Researchers at the Tallis Institute found that:'"
        " ('Researchers at the Tallis Institute')"
    )
    second = flag_of(annotator, FINDINGS, "People with")
    assert second.sourcing == "named_source" and second.rule == "sourcing.carry.colon_intro"
    assert "in the words announced by 'Researchers at the Tallis" in (second.reason or "")


def test_the_writers_own_colon_lends_no_source(annotator: Annotator) -> None:
    text = (
        "The rats on Corran pier were big and hungry:\n\n"
        "By March they had eaten 3,000 eggs of the island's terns."
    )
    f = flag_of(annotator, text, "By March")
    assert f.sourcing == "unattributed_claim" and f.rule != "sourcing.carry.colon_intro"


def test_a_run_of_findings_ends_at_the_next_attribution(annotator: Annotator) -> None:
    f = flag_of(annotator, FINDINGS, "The institute's director")
    assert f.rule != "sourcing.carry.colon_intro" and f.source is not None
    assert f.source.text == "The institute's director"


def test_a_heading_ends_the_announced_words(annotator: Annotator) -> None:
    text = (
        "Researchers at the Tallis Institute found that:\n\n"
        "About half of rural borrowers still lived in a rural area six years later.\n\n"
        "What comes next\n\n"
        "The Dunmore council will cut 40 percent of its rural bus routes by June."
    )
    f = flag_of(annotator, text, "The Dunmore council")
    assert f.rule != "sourcing.carry.colon_intro"


# -- a share of a group after a named poll -------------------------------------------------
POLL = (
    "A Harlow Research poll released Tuesday found support for the tram at 48 percent. "
    "Sixty percent of commuters say the fares are too high."
)


def test_a_share_after_a_named_poll_answers_that_poll(annotator: Annotator) -> None:
    f = flag_of(annotator, POLL, "Sixty percent")
    assert f.sourcing == "named_source" and f.tier is None
    assert f.rule == "sourcing.carry.poll_share"
    assert f.source is not None and f.source.text == "Sixty percent of commuters"
    assert "answers the poll named before: 'A Harlow Research poll released Tuesday'" in (
        f.reason or ""
    )


def test_a_share_with_no_poll_before_it_is_a_vague_group(annotator: Annotator) -> None:
    f = flag_of(annotator, "Sixty percent of commuters say the fares are too high.", "Sixty")
    assert f.sourcing == "weasel" and f.rule == "sourcing.source.share_group"


def test_a_number_after_the_head_is_no_share(annotator: Annotator) -> None:
    text = (
        "A Harlow Research poll released Tuesday found support for the tram at 48 percent. "
        "Commuters in all five towns say the fares are too high."
    )
    f = flag_of(annotator, text, "Commuters")
    assert f.rule != "sourcing.carry.poll_share"


# -- reported speech that keeps the speaker's tense ----------------------------------------
def test_backshifted_paraphrase_continues_a_named_speaker(annotator: Annotator) -> None:
    text = (
        "Councillor Ama Reyes said the Dunmore library scheme was late. "
        "The contractor would need another 4 million pounds."
    )
    f = flag_of(annotator, text, "The contractor")
    assert f.sourcing == "named_source" and f.tier is None
    assert f.rule == "sourcing.carry.reported_speech"
    assert f.source is not None and f.source.text == "Councillor Ama Reyes"
    assert f.reason == (
        "reported speech goes on: 'would need' keeps the tense of 'Councillor Ama Reyes' in"
        " the sentence before ('Councillor Ama Reyes said the Dunmore library scheme was...')"
    )


def test_backshifted_paraphrase_of_an_unnamed_source_keeps_its_label(
    annotator: Annotator,
) -> None:
    text = "Officials said the Corran bridge was unsafe. Repairs would cost 2 million pounds."
    f = flag_of(annotator, text, "Repairs")
    assert f.sourcing == "anonymous_source" and f.rule == "sourcing.carry.reported_speech"
    assert f.source is not None and f.source.text == "Officials"


@pytest.mark.parametrize(
    "text",
    [
        # the reporter's own claim after a quotation, in the writer's tense
        '"We will appeal," Ms Ortega said. The deal was struck in secret for 9 million euros.',
        # a modal after a quotation tag is not the tag's reported speech
        '"We will appeal," Ms Ortega said. The appeal would cost the club 2 million euros.',
        # the writer's hedge
        "Councillor Ama Reyes said the Dunmore scheme was late. "
        "The contractor would probably need another 4 million pounds.",
    ],
)
def test_the_writers_own_sentence_after_a_speaker_stays_flagged(
    annotator: Annotator, text: str
) -> None:
    assert labels(annotator, text) == ["named_source", "unattributed_claim"]


# -- quoted paragraphs introduced a line before ---------------------------------------------
def test_inverted_tag_names_the_speaker_of_the_quotation(annotator: Annotator) -> None:
    text = 'Said Councillor Reyes:\n\n"The library scheme is late and over budget."'
    intro = flag_of(annotator, text, "Said")
    assert intro.rule == "sourcing.carry.inverted_intro"
    quote = flag_of(annotator, text, '"The library')
    assert quote.sourcing == "named_source"
    assert quote.reason == "quotation continues: words of 'Councillor Reyes'"


def test_statement_issued_before_the_quoted_statement(annotator: Annotator) -> None:
    text = (
        "The Brenton council issued a statement apologising to residents.\n\n"
        '"We regret the letters. They were sent to 300 homes in error."'
    )
    intro = flag_of(annotator, text, "The Brenton")
    assert intro.rule == "sourcing.carry.statement_issued"
    quote = flag_of(annotator, text, "They were sent")
    assert quote.sourcing == "named_source"
    assert quote.reason == "quotation continues: words of 'The Brenton council'"


def test_statement_with_no_quotation_after_it_lends_nothing(annotator: Annotator) -> None:
    text = (
        "The Brenton council issued a statement on Friday.\n\n"
        "The letters were sent in error, and 300 residents received them."
    )
    assert labels(annotator, text) == ["none", "unattributed_claim"]


# -- a research team named a few sentences before -------------------------------------------
def test_bare_researchers_after_a_named_lab_are_its_team(annotator: Annotator) -> None:
    text = (
        '"The impact is limited," said Lukas Brandt with Kestrel Labs in a Monday analysis. '
        "Researchers found the malicious links on 4,000 phones."
    )
    f = flag_of(annotator, text, "Researchers")
    assert f.sourcing == "named_source" and f.tier is None
    assert f.rule == "sourcing.carry.named_team"
    assert f.source is not None and f.source.text == "Lukas Brandt with Kestrel Labs"
    assert "'Researchers' refers back to the team of 'Lukas Brandt with Kestrel Labs'" in (
        f.reason or ""
    )


@pytest.mark.parametrize(
    "text",
    [
        '"The impact is limited," said Lukas Brandt, a software engineer. '
        "Researchers found the malicious links on 4,000 phones.",
        "Researchers found the malicious links on 4,000 phones.",
    ],
)
def test_researchers_with_no_named_body_before_stay_vague(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text, "Researchers")
    assert f.sourcing == "weasel" and f.rule != "sourcing.carry.named_team"


# -- a round-up item: headline, dash, names, colon, quotation --------------------------------
def test_roundup_label_names_the_speakers_of_the_quotation(annotator: Annotator) -> None:
    text = (
        'TRAM POLLS NOT WRONG, JUST EARLY - Dana Lee and Omar Vale: "Although the polls'
        " missed the result, they were not wrong. They just ended too early. Support fell by"
        ' 6 points in the last week."'
    )
    first = flag_of(annotator, text, "TRAM POLLS")
    assert first.rule == "sourcing.carry.roundup_label"
    assert first.source is not None and first.source.text == "Dana Lee and Omar Vale"
    last = flag_of(annotator, text, "Support fell")
    assert last.sourcing == "named_source"
    assert last.reason == "quotation continues: words of 'Dana Lee and Omar Vale'"


def test_a_day_after_the_dash_is_no_speaker(annotator: Annotator) -> None:
    f = flag_of(
        annotator, 'FARES RISE AGAIN - Monday: "Fares will rise 6 percent in May."', "FARES"
    )
    assert f.sourcing == "unattributed_claim" and f.rule != "sourcing.carry.roundup_label"


# -- an announcement with no words of its own ---------------------------------------------
def test_an_announcement_of_reviews_claims_nothing(annotator: Annotator) -> None:
    text = 'Here is what the early reviews say:\n\n"The Corran ferry is late every single day."'
    intro = flag_of(annotator, text, "Here is")
    assert intro.sourcing is None and intro.rule == "sourcing.carry.announcement"
    assert (
        intro.reason == "announces the words that follow ('the early reviews'): no claim of its own"
    )
    # the quotation after it still names its (vague) speaker
    quote = flag_of(annotator, text, '"The Corran')
    assert quote.sourcing == "vague_document"


def test_an_announcement_with_its_own_claim_keeps_its_label(annotator: Annotator) -> None:
    f = flag_of(annotator, "Critics say the Corran ferry timetable is flawed:", "Critics")
    assert f.sourcing == "weasel" and f.rule != "sourcing.carry.announcement"
