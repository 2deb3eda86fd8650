"""A pronoun source whose antecedent is a speaker earlier in the same sentence (round 22).

'Because dockers at the yard told the board they were owed pay, they now say ...': both
'they' are the dockers of the sentence's first clause. The pronoun reader
(references.py `_pronoun`) knows only the speakers of earlier sentences, so it handed the
sentence to whoever spoke last before it (another speaker, in another sentence), and the
flag named the wrong source. Here a 'they' whose speaker lies before the sentence is moved
to the nearest plural speaker before it in the same sentence. 'He' and 'she' are left to the
pronoun reader: a noun's gender is not in the parse ('Her son tells her she ...': 'she' is
not the son). The rule id stays the cue's; the reason says which speaker 'they' continues.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan

if TYPE_CHECKING:  # attribution.py imports this module
    from annotate.sourcing.attribution import Attribution

_PLURAL = frozenset(("they", "them"))
_PLURAL_TAGS = frozenset(("NNS", "NNPS"))


def _pronoun_span(a: Attribution):
    """The 'they' or 'them' the attribution was written with, or None."""
    if a.written is not None and a.written.text.lower() in _PLURAL:
        return a.written
    if a.source is not None and a.source.text.lower() in _PLURAL:
        return a.source
    return None


def in_sentence(
    s: SpacySpan, candidates: list[tuple[int, int, Attribution]]
) -> list[tuple[int, int, Attribution]]:
    """`candidates` (priority, depth, attribution) of sentence `s`, each 'they' whose speaker
    lies outside the sentence moved to a plural speaker earlier in it."""
    out = []
    for prio, depth, a in candidates:
        pron = _pronoun_span(a)
        outside = a.source is None or a.source.start < s.start_char or a.source is pron
        if pron is None or not outside:
            out.append((prio, depth, a))
            continue
        before = [
            b
            for _, _, b in candidates
            if b is not a
            and b.source is not None
            and b.written is None
            and b.label != "none"
            and s.start_char <= b.source.start
            and b.source.end <= pron.start
            and b.head is not None
            and b.head.tag_ in _PLURAL_TAGS
        ]
        if not before:
            out.append((prio, depth, a))
            continue
        b = max(before, key=lambda x: x.source.start)
        moved = replace(
            b,
            reason=f"'{pron.text}' continues '{b.source.text}', earlier in the sentence: {b.reason}",
            rule=a.rule,
            cue=a.cue,
            written=pron,
        )
        out.append((prio, depth, moved))
    return out
