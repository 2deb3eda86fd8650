"""The reporter's own analysis of what an event will bring (round 9, rule
"sourcing.check.prediction_consequence"): 'The move will cost the club its best player',
'The ruling could force dozens of clinics to close', 'The vote sets up a clash with the
upper house', 'The sacking raises questions about the board'. An event noun as subject
(`sourcing.words.event_nouns`) and either a modal future on a verb that is not a schedule
('will take effect', 'will be held', 'will begin on Monday' are the calendar's), or a verb of
consequence in the present (`sourcing.words.consequence_verbs`: sets up, paves, raises,
marks, signals, spells). Whose reading of the consequence it is, the reader is not told: a
query (sourcing.tier.forecast).

Left alone: 'would' (a hypothetical: 'The deal would let both sides claim victory'), a
clause with a condition ('if the vote passes, ...'), a negation, a verb inside quotation
marks, and a pronoun subject other than 'this' (a pronoun may carry a named speaker's words
on); 'this' only with a modal future ('This means ...' explains, in reviews above all)."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from annotate.sourcing.words import WordSetView

_EVENT_NOUNS = WordSetView("event_nouns")
_CONSEQUENCE_VERBS = WordSetView("consequence_verbs")
# verbs of the calendar: what an event does on its date, not what it brings
_SCHEDULE = frozenset(
    "take begin start hold run last expire come go open close apply be have resume continue"
    " end meet convene return proceed happen occur".split()
)
_FUTURE = frozenset(("will", "could", "might", "may", "'ll", "wo"))
_CONDITIONS = frozenset(("if", "unless", "once", "when", "until", "whether"))


def consequence(s: SpacySpan, mask: list[bool]) -> str | None:
    """The words of an event's consequence told in the reporter's voice, or None."""
    root = s.root
    if not s.start <= root.i < s.end or mask[root.i - s.start] or root.pos_ not in ("VERB",):
        return None
    kids = list(root.children)
    if any(c.dep_ == "neg" for c in kids):
        return None
    if any(c.dep_ == "advcl" and any(g.lower_ in _CONDITIONS for g in c.children) for c in kids):
        return None
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None or not s.start <= subj.i < s.end or mask[subj.i - s.start]:
        return None
    if not (subj.lemma_.lower() in _EVENT_NOUNS or subj.lower_ == "this"):
        return None
    lemma = root.lemma_.lower()
    modal = next((c for c in kids if c.dep_ == "aux" and c.lower_ in _FUTURE), None)
    if modal is not None:
        if lemma in _SCHEDULE or any(c.dep_ == "auxpass" for c in kids):
            return None  # 'will take effect', 'will be held on Friday'
        return f"{subj.text} {modal.text} {root.text}"
    if subj.lower_ != "this" and root.tag_ in ("VBZ", "VBP") and lemma in _CONSEQUENCE_VERBS:
        return f"{subj.text} {root.text}"
    return None
