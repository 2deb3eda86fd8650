"""Sourcing labels per sentence. (Skeleton: keyword cues only; issue 3 replaces this.)"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotate.models import SentenceFlag
from annotate.quotes import inside

_NAMED = re.compile(r"\b(said|told|according to|disclosed)\b", re.I)
_VAGUE = re.compile(r"\b(internal documents|intelligence reports|investigations indicate)\b", re.I)
_ANON = re.compile(r"\bsources (said|say)\b", re.I)
_FIGURE = re.compile(r"\d")


class SourcingClassifier:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def fingerprint(self) -> str:
        return "skeleton-sourcing-0"

    def classify(self, doc: Doc, sents: list[Span], quotes: list[tuple[int, int]]) -> list[SentenceFlag]:
        flags = []
        for s in sents:
            text = s.text
            label, reason = None, None
            if m := _VAGUE.search(text):
                label, reason = "vague_document", f"attributed to unnamed '{m.group(0)}'"
            elif _ANON.search(text):
                label, reason = "anonymous_source", "attributed to unnamed sources"
            elif _NAMED.search(text):
                label, reason = "named_source", "has a reporting verb"
            elif _FIGURE.search(text):
                label, reason = "unattributed_claim", "figure with no source"
            flags.append(
                SentenceFlag(
                    start=s.start_char,
                    end=s.end_char,
                    text=text,
                    sourcing=label,
                    in_quote=inside(s.start_char, s.end_char, quotes),
                    reason=reason,
                )
            )
        return flags
