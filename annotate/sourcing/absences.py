"""Round 27: something not yet done, told as fact (rule sourcing.check.absence).

'The lease has not been signed', 'The treaty has never been ratified', 'The inquiry still has
not appointed a chair', 'The grants are not issued until spring': the writer
says that a document, a decision or a delivery has not happened. Someone checked that, or
was told it, and the page does not say who; it is a claim with no source, often the point of
the story (the report nobody can read). Of such sentences in the held-out gold, every blind
writer marked the absence unattributed (query or routine by what is missing), and the tool
flagged none: a negated verb has no figure, harm word or cue.

Read as an absence: a verb of publishing, deciding or handing over
(sourcing.words.absence_verbs) negated in the perfect or the passive ('has not appointed',
'has never been ratified', 'are not issued'). Left alone: the reporting lines of the
trade ('did not respond', 'has not said', 'declined to comment': verbs of saying are not in
the list, and they say the outlet asked), the past simple ('the minister did not sign it',
an event of the story), the first and second person, modals ('may not be published') and
words inside quotations."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.words import WordSetView

ABSENCE = "sourcing.check.absence"
_VERBS = WordSetView("absence_verbs")
_FIRST_SECOND = frozenset(("i", "we", "you"))


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _perfect_or_passive(verb: Token) -> bool:
    """'has (not) published', 'has (not) been announced', 'are (not) published'."""
    if verb.tag_ != "VBN":
        return False
    return any(
        (c.dep_ == "aux" and c.lemma_ == "have") or c.dep_ == "auxpass" for c in verb.children
    )


def absence(s: SpacySpan, mask: list[bool]) -> str | None:
    """The words of a publication, decision or delivery said not to have happened, or None."""
    for v in s:
        if v.pos_ != "VERB" or mask[v.i - s.start] or v.lemma_.lower() not in _VERBS:
            continue
        if not (_negated(v) and _perfect_or_passive(v)):
            continue
        kids = list(v.children)
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids):
            continue  # 'may not be published': a forecast
        subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in _FIRST_SECOND:
            continue
        neg = next(c for c in kids if c.dep_ == "neg")
        return f"{neg.text} ... {v.text}"
    return None
