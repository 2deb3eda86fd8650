"""Shared helpers for the framing tests (test_framing*.py): the spans a matcher finds in a
text (quotes located as the annotator does), and their words, optionally of one category."""

from __future__ import annotations

from annotate.framing import FramingMatcher
from annotate.models import FramingSpan
from annotate.quotes import quote_regions


def spans(matcher: FramingMatcher, nlp, text: str) -> list[FramingSpan]:
    return matcher.find(nlp(text), quote_regions(text))


def texts(found: list[FramingSpan], category: str | None = None) -> list[str]:
    return [s.text for s in found if category is None or s.category == category]
