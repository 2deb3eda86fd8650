"""Claims: figures, entities and a normalised statement per sentence. (Skeleton; issue 5 replaces this.)"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from annotate.models import Claim, Figure, SentenceFlag

_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def extract_claims(doc: Doc, sents: list[Span], flags: list[SentenceFlag]) -> list[Claim]:
    claims = []
    for i, s in enumerate(sents):
        figs = [
            Figure(m.group(0), s.start_char + m.start(), s.start_char + m.end(), float(m.group(0).replace(",", "")), None)
            for m in _NUM.finditer(s.text)
        ]
        if figs:
            statement = " ".join(t.lemma_.lower() for t in s if not (t.is_stop or t.is_punct))
            ents = [e.text for e in s.ents]
            claims.append(Claim(i, s.start_char, s.end_char, statement, figs, ents, s.root.lemma_))
    return claims
