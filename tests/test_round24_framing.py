"""Round 24: a critic's judgement of a work is mild (annotate/framing_works.py).

A strong loaded word in the writer's voice that describes a film, an album, a show or a part
of one ('a stunning debut album', 'a wonderfully curated show') is a critic's verdict, not the
outlet's framing of the news: mild, one click away. The same words about a plan, a person or
a narrative stay strong. All sentences are invented.
"""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


def spans(annotator: Annotator, text: str):
    return [s for s in annotator.annotate(text).spans if not s.in_quote]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Greyhollow's second record is a stunning debut album for the label.", "stunning"),
        ("Tracks like Ember make for a brutal yet evocative listen.", "brutal"),
        ("The Marlow gallery has put on a wonderfully curated show.", "wonderfully"),
        ("Its director has made an epic documentary about the salt trade.", "epic"),
    ],
)
def test_a_judgement_of_a_work_is_mild(annotator: Annotator, text: str, word: str) -> None:
    hit = next(s for s in spans(annotator, text) if s.text.lower().startswith(word))
    assert hit.tier == "mild", hit.reason
    assert "Judges a work" in hit.reason


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The minister unveiled a stunning plan to cut the harbour budget.", "stunning"),
        ("The council ran a brutal campaign against the tenants.", "brutal"),
        ("Officials spun a deceptive narrative about the closures.", "deceptive narrative"),
    ],
)
def test_the_same_words_about_the_news_stay_strong(
    annotator: Annotator, text: str, word: str
) -> None:
    hit = next(s for s in spans(annotator, text) if s.text.lower().startswith(word))
    assert hit.tier == "strong", hit.reason


def test_a_quoted_judgement_of_a_work_keeps_its_quote_mark(annotator: Annotator) -> None:
    text = 'The director said: "It is a stunning album and a brutal listen."'
    quoted = [s for s in annotator.annotate(text).spans if s.in_quote]
    assert quoted and all("Judges a work" not in s.reason for s in quoted)
