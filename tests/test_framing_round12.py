"""Round 12 of framing on real news (issue 10): context, not new words. An intensifier that
heightens a strong loaded word is shown with it as one strong phrase ("outright lies"), and
"explain" and "declare" report a named speaker's words the way "say" does ("announce" does
not: the writer adds their own words to an announcement's clause).
Every sentence here is our own."""

from __future__ import annotations

import pytest

from annotate.framing import FramingMatcher
from annotate.quotes import quote_regions


def found(matcher: FramingMatcher, nlp, text: str) -> list[tuple[str, str, bool]]:
    return [(s.text, s.tier, s.in_quote) for s in matcher.find(nlp(text), quote_regions(text))]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "The council's account of the harbour sale was a string of outright lies.",
            "outright lies",
        ),
        ("The mayor's plan to pave the park is downright bizarre.", "downright bizarre"),
    ],
)
def test_an_intensifier_before_a_strong_word_is_one_strong_phrase(
    matcher, nlp, text, phrase
) -> None:
    assert (phrase, "strong", False) in found(matcher, nlp, text)
    # the phrase is the loaded word's flag: its entry and category, not the intensifier's
    span = next(s for s in matcher.find(nlp(text), quote_regions(text)) if s.text == phrase)
    assert span.category == "loaded_language"
    assert matcher.entries[span.entry].category == "loaded_language"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the intensifier heightens a plain word: it stays a mild flag of its own
        ("The ferry timetable is downright confusing.", "downright"),
        # not an intensifier of anything loaded: plain ownership
        ("Outright ownership of the harbour passed to the council in May.", "Outright"),
    ],
)
def test_an_intensifier_before_a_plain_word_stays_mild(matcher, nlp, text, word) -> None:
    spans = found(matcher, nlp, text)
    assert (word, "mild", False) in spans, spans
    assert not [s for s in spans if s[1] == "strong"], spans


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Councillor Ivo Brandt explained the harbour deal had been a disaster for the town.",
            "disaster",
        ),
        ("Mayor Lena Ostrova declared that the inquiry was a witch hunt.", "witch hunt"),
    ],
)
def test_a_named_speaker_explaining_or_declaring_is_reported_speech(
    matcher, nlp, text, word
) -> None:
    spans = {t: q for t, _, q in found(matcher, nlp, text)}
    assert spans.get(word) is True, spans


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own explanation: the verdict is the outlet's
        "As I explained last week, the harbour deal was a travesty.",
        # "explains" with no speaker: the outlet's own sentence
        "The harbour deal was a travesty, which explains the anger in Marrow Bay.",
    ],
)
def test_the_writers_own_explaining_stays_in_the_outlets_voice(matcher, nlp, text) -> None:
    assert ("travesty", "strong", False) in found(matcher, nlp, text)


def test_an_announcements_clause_keeps_the_writers_own_words(matcher, nlp) -> None:
    text = (
        "Mayor Lena Ostrova announced on Monday that the harbour will close, just days "
        "after the onslaught of complaints from fishermen."
    )
    assert ("onslaught", "strong", False) in found(matcher, nlp, text)
