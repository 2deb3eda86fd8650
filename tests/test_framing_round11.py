"""Round 11 of framing on real news (issue 10): labels and idioms in the outlet's voice that
the strong tier missed (annotate/lexicons/framing_recall11.toml), each with the plain use it
must leave alone. Every sentence here is our own."""

from __future__ import annotations

import pytest

from annotate.framing import FramingMatcher
from annotate.quotes import quote_regions


def flags(matcher: FramingMatcher, nlp, text: str) -> list[tuple[str, str]]:
    return [
        (s.text, s.tier) for s in matcher.find(nlp(text), quote_regions(text)) if not s.in_quote
    ]


@pytest.mark.parametrize(
    ("text", "word", "tier"),
    [
        (
            "The corrupt council of Marrow Bay has handed the harbour to its friends.",
            "corrupt council",
            "strong",
        ),
        (
            "Voters are tired of corrupt career politicians like Senator Oda Venn.",
            "corrupt career politicians",
            "strong",
        ),
        (
            "The way the council sold the harbour cries out for an investigation.",
            "cries out for an investigation",
            "strong",
        ),
        (
            "Her shifting story cried out for vigorous cross-examination, and got none.",
            "cried out for vigorous cross-examination",
            "strong",
        ),
        (
            "The victim, a pillar of the community, had coached the youth team for a decade.",
            "pillar of the community",
            "mild",
        ),
        ("Mayor Tull has resigned at last. Good riddance.", "Good riddance", "mild"),
        ("The channel spreads fake news.", "fake news", "mild"),
    ],
)
def test_the_outlets_own_judgement_is_flagged(
    matcher, nlp, text: str, word: str, tier: str
) -> None:
    assert (word, tier) in flags(matcher, nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # a court story's offence: the bare word stays mild, no strong label
        "Prosecutors say the firm made corrupt payments to a port official in Varna.",
        # a readers' poll asks; it does not pass the verdict
        "Who is the most corrupt politician in Dunmore? Vote in our poll.",
        # the literal cry
        "Neighbours heard the boy cry out for help from the flooded cellar.",
    ],
)
def test_plain_uses_get_no_strong_flag(matcher, nlp, text: str) -> None:
    assert not [f for f in flags(matcher, nlp, text) if f[1] == "strong"]
