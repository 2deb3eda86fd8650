"""Round 27 framing: the passive 'is alleged to have ...' is the evidential of a charge, not the
outlet's doubt (framing.doubt.alleged keeps 'the alleged victory'). All sentences are invented.
"""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


def doubt_words(annotator: Annotator, text: str) -> list[str]:
    return [
        s.text.lower()
        for s in annotator.annotate(text).spans
        if s.category == "doubt" and not s.in_quote
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The driver is alleged to have sold the spare parts for cash.",
        "It is alleged that the minutes were rewritten after the meeting.",
        "The clerk was alleged to have taken the keys home.",
    ],
)
def test_the_passive_of_a_charge_is_not_doubt(annotator: Annotator, text: str) -> None:
    assert "alleged" not in doubt_words(annotator, text)


def test_alleged_before_an_event_stays_doubt(annotator: Annotator) -> None:
    text = "The alleged victory was celebrated in the capital on Sunday."
    assert "alleged" in doubt_words(annotator, text)
