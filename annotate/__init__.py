"""Text only: sentences, sourcing, framing, claims. Lexicons are TOML data files.

Imports neither `scraper` nor `db`; does no I/O beyond reading its own lexicon files.
"""

from annotate.models import (
    UNSOURCED_LABELS,
    Annotation,
    Claim,
    Figure,
    FramingSpan,
    SentenceFlag,
    Span,
)

__all__ = [
    "UNSOURCED_LABELS",
    "Annotation",
    "Claim",
    "Figure",
    "FramingSpan",
    "SentenceFlag",
    "Span",
]
