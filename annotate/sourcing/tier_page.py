"""Tiers by what the page says it is (round 12): an opinion page's own reasoning is routine.

A cause, accusation, harm or judgement in the writer's voice is a query by its kind
(`sourcing.tier.claim_kind`); in a piece that argues from sentence to sentence it is the
writer's reasoning (`sourcing.tier.argued_piece`, tier_piece.py). The text alone cannot tell a
dense opinion column from slanted news, so argued_piece leaves dense pieces alone. When the
page itself says it is opinion (scraper/page_kind.py: its section, its JSON-LD type or its
URL), there is nothing to tell apart: the writer's causes, judgements, forecasts and hedges
are the column, one click away (rule "sourcing.tier.opinion_page"). Figures, casualties,
crimes, estimates with figures, unnamed sources and unattributed quotations keep their tier:
a columnist's facts still need a source.
"""

from __future__ import annotations

from annotate.models import SentenceFlag
from annotate.sourcing.tier_kind import before_kind_only
from annotate.sourcing.tier_piece import _CLAIM_KIND, _own_forecast, _own_hedge

OPINION_PAGE = "sourcing.tier.opinion_page"


def opinion_page(flags: list[SentenceFlag], evidence: str) -> int:
    """Make routine, in place, the query flags that are the writer's own reasoning on a page
    that says it is opinion (`evidence`, e.g. "section 'Opinion'"); returns how many moved."""
    moved = 0
    for f in flags:
        # a claim kind_only already shows with routine (round 17) still takes this reason,
        # which says more to the editor: the page itself is opinion
        view = before_kind_only(f)
        reason = view.reason or ""
        own_kind = view.tier == "query" and not f.in_quote and reason.endswith(_CLAIM_KIND)
        if not (own_kind or _own_forecast(view) or _own_hedge(view)):
            continue
        f.tier = "routine"
        f.reason = (
            f"{reason.rsplit('; query:', 1)[0]}; routine: the writer's own view on a page"
            f" marked opinion ({evidence}) ({OPINION_PAGE})"
        )
        moved += 1
    return moved
