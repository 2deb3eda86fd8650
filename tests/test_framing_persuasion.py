"""Persuasion beyond single loaded words (issue 10): quotations holding a loaded word are
the speaker's framing, not the outlet's scare quotes; exaggeration and doubt built from
plain words. Every sentence here was written for this file."""

from __future__ import annotations

from annotate.quotes import quote_regions


def spans(matcher, nlp, text: str):
    return matcher.find(nlp(text), quote_regions(text))


def test_loaded_word_in_short_quotation_is_the_speakers(matcher, nlp) -> None:
    # No verb of saying: before, a mild scare-quote span in the outlet's voice swallowed
    # the loaded word; now the word is reported as the quoted speaker's framing.
    for text in (
        'The "disgraceful" deal was signed on Friday.',
        "The 'disgraceful' deal was signed on Friday.",
    ):
        found = spans(matcher, nlp, text)
        assert [(s.text, s.entry, s.in_quote) for s in found] == [
            ("disgraceful", "framing.loaded.disgraceful", True)
        ], text


def test_neutral_word_in_quotation_stays_a_scare_quote(matcher, nlp) -> None:
    found = spans(matcher, nlp, 'The "temporary" levy is now in its ninth year.')
    assert [(s.text, s.entry, s.in_quote, s.tier) for s in found] == [
        ('"temporary"', None, False, "mild")
    ]


def test_loaded_verb_of_saying_makes_a_quotation(matcher, nlp) -> None:
    text = 'The senator mocked the tariff plan as a "summer project".'
    assert [s.text for s in spans(matcher, nlp, text) if s.entry is None] == []
