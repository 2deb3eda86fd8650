"""Sentence boundaries an editor would agree with: no split after titles or initialisms,
always a split at a line break, and quote marks kept with the words they close."""

from __future__ import annotations

import pytest

from annotate.sentences import split_sentences


def sents(nlp, text: str) -> list[str]:
    return [s.text for s in split_sentences(nlp(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Amara Okafor said waiting lists were too long.",
        "Lt. Gen. Mark Reyes told the panel that recruiting had fallen.",
        "The U.S. Army missed its recruiting target in 2024.",
        "Prof. Raj Patel and Mr. Tom Reed of St. Mary's hospital disagreed.",
    ],
)
def test_split_sentences_abbreviations_do_not_split(nlp, text: str) -> None:
    assert sents(nlp, text) == [text]


def test_split_sentences_initialism_at_sentence_end_still_splits(nlp) -> None:
    assert sents(nlp, "The talks were held in the U.S. The next round is in Geneva.") == [
        "The talks were held in the U.S.",
        "The next round is in Geneva.",
    ]


def test_split_sentences_headline_and_paragraphs_split(nlp) -> None:
    text = "Rail strike called off after pay deal\n\nThe union said so on Sunday. Services resume.\n\nSynopsis"
    assert sents(nlp, text) == [
        "Rail strike called off after pay deal",
        "The union said so on Sunday.",
        "Services resume.",
        "Synopsis",
    ]


def test_split_sentences_list_lines_split_and_bullets_dropped(nlp) -> None:
    text = "Key Takeaways\n\n  \u2022 Pakistan is in denial.\n  \u2022 In 2024, 685 personnel were killed.\n- ISPR underreported losses"
    assert sents(nlp, text) == [
        "Key Takeaways",
        "Pakistan is in denial.",
        "In 2024, 685 personnel were killed.",
        "ISPR underreported losses",
    ]


def test_split_sentences_closing_quote_stays_with_its_sentence(nlp) -> None:
    text = '"We will not sign it," Hanna Berg said. "There is a deal to be had."\n\nTalks resume on Monday.'
    out = sents(nlp, text)
    assert out[-2] == '"There is a deal to be had."'
    assert out[-1] == "Talks resume on Monday."


def test_split_sentences_dateline_joins_first_sentence(nlp) -> None:
    text = "New Delhi, Feb 26 (NationPress) As India marks the anniversary, Pakistan remains in denial."
    assert sents(nlp, text) == [text]


def test_split_sentences_offsets_index_the_text(nlp) -> None:
    text = "Headline\n\n  \u2022 First point.\nSecond line here. Third."
    for s in split_sentences(nlp(text)):
        assert text[s.start_char : s.end_char] == s.text
        assert s.text == s.text.strip()


def test_split_sentences_question_quote_keeps_lowercase_speech_tag(nlp) -> None:
    text = '"Is this fair?" she asked. "We have waited for years."'
    assert sents(nlp, text) == ['"Is this fair?" she asked.', '"We have waited for years."']
