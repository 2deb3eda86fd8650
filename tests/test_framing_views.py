"""Framing on real news, third round: whose label a word is, and the evaluative entries
added for recall. Every sentence here is our own."""

from __future__ import annotations

import pytest

from annotate.framing import FramingMatcher
from annotate.quotes import quote_regions


@pytest.fixture(scope="module")
def matcher(nlp) -> FramingMatcher:
    return FramingMatcher(nlp, open_vocabulary=False)


def voice(matcher: FramingMatcher, nlp, text: str) -> list[tuple[str, bool, str]]:
    doc = nlp(text)
    return [(s.text, s.in_quote, s.tier) for s in matcher.find(doc, quote_regions(text))]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Critics dubbed the scheme a farce.", "farce"),
        ("Union leaders branded the plan a disaster on Monday.", "disaster"),
        ("Campaigners see the new rules as toothless.", "toothless"),
        ("Residents dubbed the smell disgusting.", "disgusting"),
    ],
)
def test_a_label_someone_else_gives_is_their_words(matcher, nlp, text: str, word: str) -> None:
    found = {t: q for t, q, _ in voice(matcher, nlp, text)}
    assert found.get(word) is True, found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # No viewer is named: "is widely seen as" is the outlet's own verdict.
        ("The move was widely seen as reckless.", "reckless"),
        # The writer's own view stays in the writer's voice.
        ("I consider the plan a farce.", "farce"),
        ("The plan is a farce.", "farce"),
        # Plain "call" repeats a label the outlet chose to print (as "say" does).
        ("It was a move campaigners are calling a new low.", "a new low"),
    ],
)
def test_the_outlets_own_label_stays_in_its_voice(matcher, nlp, text: str, word: str) -> None:
    found = {t: q for t, q, _ in voice(matcher, nlp, text)}
    assert found.get(word) is False, found


@pytest.mark.parametrize(
    "text",
    [
        "The audit is a humiliating verdict on the mayor's first year.",
        "It was an extraordinary display of arrogance from the minister.",
        "The board seems hell-bent on closing the library.",
        "The vote was marred by the usual shenanigans at City Hall.",
        "The senator is a hypocrite who flies to every climate summit.",
        "The reforms were utterly pointless.",
    ],
)
def test_evaluative_words_in_the_outlets_voice_are_strong(matcher, nlp, text: str) -> None:
    found = voice(matcher, nlp, text)
    assert any(not q and tier == "strong" for _, q, tier in found), found


@pytest.mark.parametrize(
    "text",
    [
        "A devastating earthquake struck the coast on Monday.",
        "Shareholders will vote at an extraordinary general meeting in May.",
        "Destructive storms hit the coast overnight.",
        "The drought-ravaged valley got its first rain in a year.",
        "His father was a chief petty officer in the Navy.",
        "The show follows survivors of a zombie apocalypse.",
        "Tuft cells play an anti-parasitic role in the gut.",
        "The team won decisively on Saturday.",
    ],
)
def test_literal_and_technical_uses_get_no_strong_flag(matcher, nlp, text: str) -> None:
    found = voice(matcher, nlp, text)
    assert not any(tier == "strong" for _, _, tier in found), found
