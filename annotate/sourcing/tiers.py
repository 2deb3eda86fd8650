"""Tiers of unsourced sentences: `query` (an editor would ask the reporter where it came
from) or `routine` (checkable and low-risk). See DESIGN.md "Labels".

PLACEHOLDER: one simple rule until the tier classifier (issue 9, the accuracy half)
replaces this function; the rest of the system (store, export, reader page, canned queries,
dashboards) only relies on its signature and on it returning one of SOURCING_TIERS for an
unsourced sentence and None otherwise.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from annotate.models import SentenceFlag

# A change of state with no figure, judgement or accusation ("Shares fell slightly on
# Tuesday", "Yields have risen since March") reads like market or statistical data:
# checkable, low-risk. Every other unsourced sentence is a query until told otherwise.
_ROUTINE_RULES = frozenset({"sourcing.check.trend_verb"})


def assign_tier(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """The tier of `flag` (the sentence `sent`, whose `.doc` is the article): 'query' or
    'routine' for an unsourced sentence, None for any other."""
    if not flag.unsourced:
        return None
    if flag.sourcing == "unattributed_claim" and flag.rule in _ROUTINE_RULES:
        return "routine"
    return "query"
