"""Sentence boundaries. (Skeleton: spaCy's parser boundaries; the sourcing work refines them.)"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def split_sentences(doc: Doc) -> list[Span]:
    """Sentences that contain at least one non-space token, in order."""
    return [s for s in doc.sents if s.text.strip()]
