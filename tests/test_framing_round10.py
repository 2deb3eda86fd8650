"""Round 10 of framing on real news (issue 10): labels, judgements and idioms in the
outlet's voice that the strong tier missed (annotate/lexicons/framing_recall10.toml), each
with the plain use it must leave alone. Every sentence here is our own."""

from __future__ import annotations

import pytest

from annotate.framing import FramingMatcher
from annotate.quotes import quote_regions


def strong(matcher: FramingMatcher, nlp, text: str) -> list[str]:
    return [
        s.text
        for s in matcher.find(nlp(text), quote_regions(text))
        if s.tier == "strong" and not s.in_quote
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Only an unbeliever could sign such a letter, and Bishop Arlo Penn signed it.",
            "unbeliever",
        ),
        ("The inquiry has hamstrung the new government for a year.", "hamstrung"),
        ("The sentence is a grave injustice to a man who did nothing wrong.", "injustice"),
        ("The committee's hearing turned into a love-fest for the nominee.", "love-fest"),
        ("Exports have been in the toilet since the tariff took effect.", "in the toilet"),
        ("The early election has blown up in Marsh's face.", "blown up in Marsh's face"),
        ("The council will never, ever admit that the bridge was a mistake.", "never, ever"),
        ("The angry Democrats on the committee want another hearing.", "angry Democrats"),
        ("An activist judge in Carlow has blocked the new zoning law.", "activist judge"),
        ("The grifter behind the charity has raised another million.", "grifter"),
    ],
)
def test_the_outlets_own_judgement_is_strong(matcher, nlp, text: str, word: str) -> None:
    assert word in strong(matcher, nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # the charge in a heresy trial, recurring: the topic rule leaves it alone
        "In 1543 the council tried the printer Jan Kolar for heresy. The heresy trial lasted "
        "a week, and the charge of heresy was never dropped.",
        "Marchers in Elden called for action on racial injustice in housing.",
        "The striker missed the final with a torn hamstring.",
        "A fifth of adults in the valley are illiterate, the Harlow survey found.",
        "The farmer moved two hundred sheep to the upper field before the storm.",
        "Democrats on the committee have asked for another hearing.",
        "A judge in Carlow has blocked the new zoning law pending a hearing.",
    ],
)
def test_the_plain_senses_are_not_flagged(matcher, nlp, text: str) -> None:
    assert strong(matcher, nlp, text) == []


def test_a_label_in_a_quotation_is_the_speakers(matcher, nlp) -> None:
    text = '"The border crashers were released," the sheriff said.'
    spans = matcher.find(nlp(text), quote_regions(text))
    assert [s.in_quote for s in spans if s.text == "border crashers"] == [True]
