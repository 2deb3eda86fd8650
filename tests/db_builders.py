"""Stage dataclasses built by hand for the db tests (test_store.py, test_export.py).

Offsets are found with str.find on the text, so each test reads as "this sentence, this
phrase" while the objects carry real code-point offsets (emoji included).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from annotate.models import Annotation, Claim, Figure, FramingSpan, SentenceFlag, Span
from scraper.models import Extracted, Fetched, Link

# Emoji (outside the BMP: 2 UTF-16 units, 1 code point) before every flagged span, so an
# offset counted in anything but code points lands on the wrong characters.
TEXT = (
    "🚨 Officials familiar with the matter said 685 people were killed. "
    "Critics say the draconian law is a so-called reform 🙄. "
    '"The regime lies," said Finance Minister Olivia Grant. '
    "Internal documents reveal a plan to cut 2,546 jobs. "
    "The ministry did not respond to a request for comment."
)


def fetched(
    url: str = "http://nationpress.test/news/story",
    body: bytes = b"<html><body><p>Story</p></body></html>",
    status: int | None = 200,
    error: str | None = None,
    error_kind: str | None = None,
    fetched_at: str = "2026-11-28T01:00:00Z",
    final_url: str | None = None,
) -> Fetched:
    return Fetched(
        url=url,
        final_url=final_url or url,
        status=status,
        content_type="text/html; charset=utf-8",
        headers={"content-type": "text/html; charset=utf-8"},
        fetched_at=fetched_at,
        body=body,
        sha256=hashlib.sha256(body).hexdigest(),
        error=error,
        error_kind=error_kind,
        redirects=(),
    )


def extracted(
    url: str = "http://nationpress.test/news/story",
    text: str = TEXT,
    outlet: str = "nationpress.test",
    outlet_name: str | None = "The Nation Press",
    title: str = "Strike kills 685",
    published: str | None = "2026-11-20T08:00:00Z",
    canonical_url: str | None = None,
    links: Sequence[Link] | None = None,
) -> Extracted:
    if links is None:
        links = [
            Link(
                "http://dailyledger.test/world/strike",
                "Daily Ledger",
                "As reported.",
                "news",
                "dailyledger.test",
            ),
            Link(
                "http://gov.test/report.pdf",
                "the report",
                "The report says.",
                "document",
                "gov.test",
            ),
        ]
    return Extracted(
        url=url,
        canonical_url=canonical_url,
        outlet_domain=outlet,
        outlet_name=outlet_name,
        title=title,
        authors=["Ana Ruiz", "Ben Okafor"],
        published=published,
        language="en",
        text=text,
        word_count=len(text.split()),
        extractor="newspaper",
        links=list(links),
    )


def span(text: str, phrase: str, within: tuple[int, int] | None = None) -> Span:
    lo, hi = within or (0, len(text))
    start = text.find(phrase, lo, hi)
    assert start >= 0, f"{phrase!r} not in text"
    return Span(start, start + len(phrase), phrase)


@dataclass
class S:
    """A sentence as a test writes it: its text (unique in TEXT) and its flag."""

    text: str
    sourcing: str | None = None
    source: str | None = None
    cue: str | None = None
    reason: str | None = None
    figures: list[str] = field(default_factory=list)  # makes a claim when non-empty


def annotation(
    text: str = TEXT,
    sentences: Sequence[S] | None = None,
    spans: Sequence[tuple[str, str, bool]] | None = None,
) -> Annotation:
    """`spans` are (phrase, category, in_quote); phrases must be unique in the text."""
    if sentences is None:
        sentences = default_sentences()
    if spans is None:
        spans = [
            ("draconian", "loaded_language", False),
            ("so-called", "doubt", False),
            ("regime", "labeling", True),
            ("reveal", "presupposition", False),
        ]
    flags, claims = [], []
    for i, s in enumerate(sentences):
        whole = span(text, s.text)
        bounds = (whole.start, whole.end)
        flags.append(
            SentenceFlag(
                start=whole.start,
                end=whole.end,
                text=s.text,
                sourcing=s.sourcing,
                source=span(text, s.source, bounds) if s.source else None,
                cue=span(text, s.cue, bounds) if s.cue else None,
                reason=s.reason or (f"test: {s.sourcing}" if s.sourcing else None),
                rule=f"rule.{s.sourcing}" if s.sourcing else None,
            )
        )
        if s.figures:
            figs = []
            for f in s.figures:
                sp = span(text, f, bounds)
                figs.append(Figure(f, sp.start, sp.end, float(f.replace(",", "")), None))
            claims.append(
                Claim(i, whole.start, whole.end, s.text.lower(), figs, ["Olivia Grant"], "kill")
            )
    framing = []
    for phrase, category, in_quote in spans:
        sp = span(text, phrase)
        framing.append(
            FramingSpan(
                sp.start,
                sp.end,
                phrase,
                category,
                f"framing.{category}.{phrase}",
                f"'{phrase}' is {category}",
                in_quote,
            )
        )
    return Annotation(
        text=text, sentences=flags, spans=sorted(framing, key=lambda x: x.start), claims=claims
    )


def default_sentences() -> list[S]:
    return [
        S(
            "🚨 Officials familiar with the matter said 685 people were killed.",
            "anonymous_source",
            source="Officials familiar with the matter",
            cue="said",
            figures=["685"],
        ),
        S(
            "Critics say the draconian law is a so-called reform 🙄.",
            "weasel",
            source="Critics",
            cue="say",
        ),
        S(
            '"The regime lies," said Finance Minister Olivia Grant.',
            "named_source",
            source="Finance Minister Olivia Grant",
            cue="said",
        ),
        S(
            "Internal documents reveal a plan to cut 2,546 jobs.",
            "vague_document",
            source="Internal documents",
            cue="reveal",
            figures=["2,546"],
        ),
        S("The ministry did not respond to a request for comment.", None),
    ]
