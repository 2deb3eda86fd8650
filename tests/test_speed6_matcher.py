"""The framing `tokens` patterns run only on texts holding the words they need
(annotate/framing_tokens.py): they must find exactly what one Matcher over every pattern
finds, on texts that hold the patterns' phrases and on texts that hold only some words."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from annotate.framing_tokens import GatedTokenMatcher, required_words

# Our own sentences: several hold a tokens-pattern phrase, some hold a pattern's words
# but not the phrase, some hold none.
SENTENCES = [
    "The minister's excuse fools no one, and few believe the convenient excuse she gave.",
    "What else are they hiding? Is it any wonder that voters stayed home?",
    "One can only wonder why the very officials who wrote the rules broke them.",
    "It was the worst defeat in living memory for the club, and totally unacceptable.",
    "The council splashed 2 million pounds on a fountain nobody asked for.",
    "An army of lobbyists descended on the capital, backed by rogue states and Trump-hating pundits.",
    "Without a shred of evidence, the campaign claimed the vote was rigged.",
    "The open-door policy was debated in the chamber for the very first time.",
    "Residents said the new bus timetable starts on Monday.",
    "The army marched at dawn; one soldier said there was no wonder in it.",
    "",
]


@pytest.fixture(scope="module")
def token_entries(matcher):
    return [e for e in matcher.entries.values() if e.tokens is not None]


def test_gated_matcher_finds_what_the_full_matcher_finds(nlp, token_entries):
    full = Matcher(nlp.vocab)
    gated = GatedTokenMatcher(nlp.vocab)
    for e in token_entries:
        full.add(e.id, [list(e.tokens)])
        gated.add(e.id, list(e.tokens))
    assert len(gated) == len(token_entries)
    found = 0
    for doc in nlp.pipe(SENTENCES + [" ".join(SENTENCES)]):
        assert sorted(gated(doc)) == sorted(full(doc)), doc.text
        found += len(full(doc))
    assert found >= 8  # the sentences do exercise the patterns


def test_the_gate_needs_every_required_word(nlp):
    gated = GatedTokenMatcher(nlp.vocab)
    gated.add("army_of", [{"LOWER": "army"}, {"LOWER": "of"}, {"LEMMA": "lobbyist"}])
    assert gated(nlp("The army of the north advanced.")) == []
    hits = gated(nlp("An army of lobbyists arrived."))
    assert [(nlp.vocab.strings[m], s, e) for m, s, e in hits] == [("army_of", 1, 4)]


def test_a_pattern_with_no_required_word_runs_on_every_text(nlp):
    gated = GatedTokenMatcher(nlp.vocab)
    gated.add("adj_noun", [{"POS": "ADJ"}, {"POS": "NOUN"}])
    assert gated(nlp("A quiet street.")) != []


def test_required_words_skip_optional_and_negated_tokens():
    pattern = [
        {"LOWER": "the"},
        {"LOWER": {"IN": ["very", "most"]}, "OP": "?"},
        {"LOWER": "not", "OP": "!"},
        {"POS": "ADJ", "LOWER": {"NOT_IN": ["new"]}},
        {"lemma": {"IN": ["excuse", "pretext"]}, "OP": "+"},
    ]
    assert required_words(pattern) == [frozenset({"the"}), frozenset({"excuse", "pretext"})]


def test_a_bad_pattern_is_still_refused(nlp):
    gated = GatedTokenMatcher(nlp.vocab)
    with pytest.raises((ValueError, KeyError, TypeError)):
        gated.add("bad", [{"LOWER": "x", "OP": "nonsense"}])
