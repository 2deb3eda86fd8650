"""How much of a large story the reader page shows at once.

A wire story carried by 1,000 outlets gives each of its sentences 1,000 matching reports
and the article 1,000 related pages: listed in full, the reader page was 15 MB of HTML
that took seconds to render and longer for a browser to lay out. Each list (a sentence's
matching reports, its conflicting figures, each group of related coverage) shows its
first items, in the order the page already uses (publication order for matches, score
for related), then how many more there are and a link that shows them all. Counts and
summaries (independent outlets, sources named elsewhere, "no named origin in the N
matching reports") are computed from the whole list, never from the part shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

# Enough for an editor to see who ran it first and who names a source; the rest are a
# click away (?matches=all, ?related=all).
TRAIL_SHOWN = 20
RELATED_SHOWN = 50


def shown(items: list[Any], limit: int, show_all: bool) -> tuple[list[Any], int]:
    """The first `limit` items (all of them with `show_all`) and how many are left out."""
    if show_all or len(items) <= limit:
        return items, 0
    return items[:limit], len(items) - limit


def cap_trail(trail: dict, show_all: bool) -> dict:
    """A trail item (db.trail.trail) with its matches and conflicts cut to the shown part;
    `match_count` / `conflict_count` keep the whole numbers, `*_hidden` what is left out."""
    matches, m_hidden = shown(trail["matches"], TRAIL_SHOWN, show_all)
    conflicts, c_hidden = shown(trail["conflicts"], TRAIL_SHOWN, show_all)
    return {
        **trail,
        "matches": matches,
        "conflicts": conflicts,
        "match_count": len(trail["matches"]),
        "conflict_count": len(trail["conflicts"]),
        "matches_hidden": m_hidden,
        "conflicts_hidden": c_hidden,
    }


def cap_related(related: dict, show_all: bool) -> dict:
    """load_related's lists cut to the shown part, each with its left-out count."""
    same, same_hidden = shown(related["same_story"], RELATED_SHOWN, show_all)
    other, other_hidden = shown(related["other"], RELATED_SHOWN, show_all)
    groups = []
    for g in related["syndicated"]:
        copies, hidden = shown(g["copies"], RELATED_SHOWN, show_all)
        groups.append({**g, "copies": copies, "hidden": hidden, "total": len(g["copies"])})
    return {
        **related,
        "same_story": same,
        "same_story_hidden": same_hidden,
        "syndicated": groups,
        "other": other,
        "other_hidden": other_hidden,
        "hidden": same_hidden + other_hidden + sum(g["hidden"] for g in groups),
    }


def with_args(path: str, args: Mapping[str, str], **changes: str | None) -> str:
    """`path` with the page's query arguments, some changed (None drops one): the
    "show all" links keep the tier the editor chose."""
    merged = {k: v for k, v in args.items() if v is not None}
    for k, v in changes.items():
        if v is None:
            merged.pop(k, None)
        else:
            merged[k] = v
    return path + ("?" + urlencode(sorted(merged.items())) if merged else "")
