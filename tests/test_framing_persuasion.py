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


def test_exaggeration_from_plain_words_is_strong(matcher, nlp) -> None:
    found = spans(matcher, nlp, "The regulator has done absolutely nothing about the leaks.")
    assert [(s.category, s.tier) for s in found] == [("intensifier", "strong")]
    assert "absolutely nothing" in found[0].text
    found = spans(matcher, nlp, "The board sacked him without a shred of evidence.")
    assert [(s.text, s.tier) for s in found] == [("without a shred of", "strong")]
    found = spans(matcher, nlp, "The bypass plan is utterly pointless.")
    assert [(s.category, s.tier) for s in found] == [("intensifier", "strong")]


def test_plain_states_and_hedges_are_not_exaggeration(matcher, nlp) -> None:
    for text in (
        "The depot was completely empty by Tuesday evening.",
        "Officials were not entirely sure when the ferry would sail.",
        "The library holds the largest collection of maps in the region.",
    ):
        assert [s for s in spans(matcher, nlp, text) if s.tier == "strong"] == [], text


def test_rhetorical_doubt_is_flagged_in_the_writers_voice(matcher, nlp) -> None:
    found = spans(matcher, nlp, "What else has the council hidden from residents?")
    assert [(s.category, s.tier, s.in_quote) for s in found] == [("doubt", "strong", False)]
    found = spans(matcher, nlp, "Is it any surprise that the buses run late?")
    assert [(s.category, s.tier) for s in found] == [("doubt", "strong")]
    # asked by someone else, inside quotation marks: the speaker's doubt
    found = spans(matcher, nlp, '"What else are they hiding?" a resident asked.')
    assert [(s.category, s.in_quote) for s in found] == [("doubt", True)]
    assert spans(matcher, nlp, "What else is planned for the festival weekend?") == []
