"""Every attribution a sentence states, not only the one that decides its label.

A sentence can report several speakers ("X said A, while Y argued B"), a speaker and a
document ("..., Ms Roe said, citing the audit"), or the same speaker twice ("she said ...
and added ..."). The sentence's label and its `source`/`cue` follow the main attribution
(pass 1 and the carry-over decide it); this stage lists all of them, the main one first,
each with its source as written in the sentence ("he", "the analysts") and, where pass 1
resolved it, who that stands for.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from annotate.models import Attributed, Span
from annotate.sourcing.attribution import Attribution
from annotate.sourcing.lexicon import SourcingLexicon


def _inside(span: Span | None, s: SpacySpan) -> bool:
    return span is not None and s.start_char <= span.start and span.end <= s.end_char


def _listed(a: Attribution, s: SpacySpan) -> Attributed | None:
    """One attribution as the sentence writes it; None when it has no cue or source there."""
    written = a.written if a.written is not None else a.source
    source = written if _inside(written, s) else None
    cue = a.cue if _inside(a.cue, s) else None
    if source is None and (cue is None or a.label == "none"):
        return None  # a refusal to comment names nobody and states nothing
    refers = a.source if a.source is not None and a.source != source else None
    label = None if a.label == "none" else a.label
    return Attributed(source, cue, label, a.rule, refers_to=refers)


class Several:
    """Lists the attributions of a sentence (mixed into SourcingClassifier)."""

    lex: SourcingLexicon

    def _attributions(
        self, s: SpacySpan, main: Attribution | None, found: list[Attribution]
    ) -> list[Attributed]:
        out: list[Attributed] = []
        seen: list[tuple[int, int]] = []
        for a in ([main] if main is not None else []) + sorted(
            found, key=lambda f: f.cue.start if f.cue else s.start_char
        ):
            item = _listed(a, s)
            if item is None:
                continue
            key = item.cue or item.source
            if any(key.start < e and b < key.end for b, e in seen):
                continue  # the same cue found twice (pass 1 and the main attribution)
            seen.append((key.start, key.end))
            out.append(item)
        return out
