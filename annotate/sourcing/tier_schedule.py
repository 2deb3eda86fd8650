"""What is expected to happen on a schedule (round 14, issue 9): `sourcing.tier.scheduled`.

'X is expected to' with no one doing the expecting is agentless (`sourcing.agentless.passive`),
and an agentless claim is a query: the reader cannot tell who expects it. On the round-14
development pages (the fresh L3S news pages and trafilatura's) an editor called most of them
routine when what is expected is the next step of a timetable or a procedure: a defendant
'is expected to appear in court', a report 'is expected to be published on Thursday', a
player 'is expected to start', a ferry 'is expected to resume sailing'. That is the calendar,
checkable and low-risk. What is expected as an outcome ('is expected to resign', 'to cost
3,000 jobs', 'to win', 'to rise') is a forecast somebody made and stays a query.

The verb of the expected step, through 'to be' for a passive ('to be charged'), must be in
`sourcing.words.scheduled_steps`; the sentence must carry no other query word, except the
charge a court step names ('to be charged with assault').
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag
from annotate.sourcing.words import WordSetView

SCHEDULED = "sourcing.tier.scheduled"
_STEPS = WordSetView("scheduled_steps")
_COURT = WordSetView("court_steps")


def _step(expected: Token) -> Token | None:
    """The verb of the step 'expected' introduces: 'expected to start' -> start, 'expected
    to be charged' -> charged, 'expected to show up' -> show."""
    comp = next(
        (c for c in expected.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None
    )
    if comp is None:
        return None
    if comp.lemma_ == "be":  # 'to be tabled' parses as xcomp 'be' + acomp/xcomp participle
        return next((c for c in comp.children if c.tag_ == "VBN"), None)
    return comp


def scheduled(flag: SentenceFlag, sent: SpacySpan, query: tuple[str, str] | None) -> str | None:
    """'expected to <step>' when an agentless expectation is a step of a timetable or a
    procedure (see the module docstring), else None."""
    if flag.sourcing != "agentless" or flag.in_quote or "expected to" not in (flag.reason or ""):
        return None
    for t in sent:
        if t.lemma_ != "expect" or t.tag_ != "VBN":
            continue
        step = _step(t)
        if step is None:
            return None
        lemma = step.lemma_.lower()
        if lemma not in _STEPS:
            return None
        # the expectation itself is a forecast word ('expected'): only another one counts
        other = query is not None and not query[0].lower().startswith("expect")
        if other and not (lemma in _COURT and query[1] == "sourcing.tier.crime"):
            return None
        passive = step.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in step.children)
        return f"expected to {'be ' if passive else ''}{step.text}"
    return None
