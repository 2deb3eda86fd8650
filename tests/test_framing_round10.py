"""Round 10 of framing on real news (issue 10): labels, judgements and idioms in the
outlet's voice that the strong tier missed (annotate/lexicons/framing_recall10.toml), each
with the plain use it must leave alone. Every sentence here is our own."""

from __future__ import annotations

import pytest

from annotate.framing import FramingMatcher
from annotate.quotes import quote_regions


def flags(matcher: FramingMatcher, nlp, text: str) -> list[tuple[str, str]]:
    return [
        (s.text, s.tier) for s in matcher.find(nlp(text), quote_regions(text)) if not s.in_quote
    ]


# Strong where the even half of SemEval-2023 train backs the entry; mild (worth a look)
# where it has too few hits there to say.
@pytest.mark.parametrize(
    ("text", "word", "tier"),
    [
        (
            "Only an unbeliever could sign such a letter, and Bishop Arlo Penn signed it.",
            "unbeliever",
            "mild",
        ),
        ("The committee's hearing turned into a love-fest for the nominee.", "love-fest", "strong"),
        (
            "Exports have been in the toilet since the tariff took effect.",
            "in the toilet",
            "strong",
        ),
        ("The board's baffling decision leaves the town without a pool.", "baffling", "strong"),
        ("The grifter behind the charity has raised another million.", "grifter", "strong"),
        ("The inquiry has hamstrung the new government for a year.", "hamstrung", "mild"),
        ("The sentence is a grave injustice to a man who did nothing wrong.", "injustice", "mild"),
        ("The early election has blown up in Marsh's face.", "blown up in Marsh's face", "mild"),
        (
            "The council will never, ever admit that the bridge was a mistake.",
            "never, ever",
            "mild",
        ),
        ("The angry Democrats on the committee want another hearing.", "angry Democrats", "mild"),
        ("An activist judge in Carlow has blocked the new zoning law.", "activist judge", "mild"),
    ],
)
def test_the_outlets_own_judgement_is_flagged(
    matcher, nlp, text: str, word: str, tier: str
) -> None:
    assert (word, tier) in flags(matcher, nlp, text)


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
    assert flags(matcher, nlp, text) == []


def test_a_label_in_a_quotation_is_the_speakers(matcher, nlp) -> None:
    text = '"The border crashers were released," the sheriff said.'
    spans = matcher.find(nlp(text), quote_regions(text))
    assert [s.in_quote for s in spans if s.text == "border crashers"] == [True]
