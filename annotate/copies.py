"""Claim matching for a whole story with syndicated copies collapsed: near-linear output.

When 1,000 outlets carry the same wire text, every copy of a claim matches every other
copy and every copy of each related claim: the matching pairs themselves grow with the
square of the story. Here identical claims are grouped first, each group is compared
once with the others (blocked, as annotate.blocking), and only a linear set of pairs is
returned, enough for a reader to recover every matching pair exactly (`expand`).

Groups. Two claims in different articles are *copies* when everything the match rules
read about them is equal: their content words, years and figures, and the part of their
article's context the rules consult (the (thing, value) pairs and the ambiguous things
the article states for the things this claim counts; see `_context`). Then any third
claim matches every copy alike, so one comparison per pair of groups stands for all of
its member pairs. A group holds at most one claim per article (a headline repeating a
body sentence stays its own group).

Orientation. `annotate.trace` compares a pair with the lower article as "ours", and the
rules are not exactly symmetric (greedy figure pairing), so a member's matches with a
group can differ on either side of its article. So each member gets, per matching group,
one pair with that group's nearest member on the lower side of its article and one with
the nearest on the higher side; a reader expands a pair (X, O) to every member of O's
group on the same side of X's article as O's (`expand`). Pairs: about 4 x (|g1| + |g2|)
per matching pair of groups instead of |g1| x |g2| (a group with itself: a chain).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotate import trace as _t
from annotate.blocking import block_work, blocks_of, pairs_in

Key = tuple[Any, int]  # (article, index of the claim in that article's list)

# Above this many block pairs (annotate.blocking.block_work, counted over the groups of
# copies), a story's matches are not worked out and stored when it is rebuilt, but when an
# article's trail is read (db.trail; one article's matches are linear in the story). A
# story of independent reports that all reword the same facts with their own figures has
# matches growing with its square: 1,000 such articles make about 1.3 million conflicting
# pairs, minutes to compute and store. At this bound a rebuild stays within a few
# seconds; the bundled seed story needs about 100 block pairs, a 1,000-outlet syndicated
# one about 6,000.
MAX_STORED_WORK = 100_000


@dataclass
class StoryMatches:
    """`pairs`: (a, i, b, j, match) with a < b, the match oriented with claims[a][i] as
    ours (one match object is shared by many pairs: read the indexes from the tuple).
    `copies`: member -> its group's first member, for members other than the first."""

    pairs: list[tuple[Any, int, Any, int, _t.ClaimMatch]] = field(default_factory=list)
    copies: dict[Key, Key] = field(default_factory=dict)
    # True: the story is over MAX_STORED_WORK, pairs and copies are empty, and each
    # article's matches are to be worked out when read (annotate.trace.match_cluster).
    deferred: bool = False


def match_story(
    claims: Mapping[Any, Sequence[Any]], max_work: int | None = MAX_STORED_WORK
) -> StoryMatches:
    """Every claim match of a story, copies collapsed (see the module docstring).
    Articles must be sortable (ids); claims as for `annotate.trace.match_claims`.
    Over `max_work` block pairs (None: no bound) the result is `deferred`."""
    prepared = {a: [_prepare(c) for c in cs] for a, cs in claims.items()}
    stated = {a: _t._stated(p) for a, p in prepared.items()}
    ambiguous = {a: _t._ambiguous(p) for a, p in prepared.items()}
    _context.cache_clear()
    groups: dict[Hashable, list[Key]] = {}
    contexts: dict[Hashable, tuple[frozenset, frozenset]] = {}
    for a in sorted(prepared):
        for i, p in enumerate(prepared[a]):
            ctx = _context(_heads(p), frozenset(stated[a]), frozenset(ambiguous[a]))
            key: Hashable = (p.words, p.years, tuple(p.figures), ctx)
            members = groups.setdefault(key, [])
            if members and members[-1][0] == a:  # a second copy in one article: its own group
                key = (key, a, i)
                members = groups.setdefault(key, [])
            members.append((a, i))
            contexts[key] = ctx
    keys = list(groups)
    reps = {g: [prepared[groups[k][0][0]][groups[k][0][1]]] for g, k in enumerate(keys)}
    blocks = blocks_of(reps)
    if max_work is not None and block_work(blocks) > max_work:
        return StoryMatches(deferred=True)
    out = StoryMatches()
    for k in keys:
        first = groups[k][0]
        out.copies.update((m, first) for m in groups[k][1:])
    seen: set[tuple] = set()
    for g, k in enumerate(keys):  # copies of one claim match each other (or none does)
        if len(groups[k]) > 1:
            p = reps[g][0]
            m = _match(p, p, contexts[k], contexts[k])
            if m is not None:
                _star(groups[k], groups[k], lambda _x, _y, m=m: m, out.pairs, seen)
    for g1, g2 in sorted(pairs_in(blocks)):
        k1, k2 = keys[g1], keys[g2]
        m12 = _match(reps[g1][0], reps[g2][0], contexts[k1], contexts[k2])
        m21 = _match(reps[g2][0], reps[g1][0], contexts[k2], contexts[k1])
        if m12 is None and m21 is None:
            continue

        in1 = set(groups[k1])

        def oriented(low: Key, _high: Key, in1=in1, m12=m12, m21=m21) -> Any:
            return m12 if low in in1 else m21

        _star(groups[k1], groups[k2], oriented, out.pairs, seen)
        _star(groups[k2], groups[k1], oriented, out.pairs, seen)
    return out


def _star(members: list[Key], others: list[Key], match_of, pairs: list, seen: set) -> None:
    """For each member, a pair with the nearest of `others` below its article and the
    nearest above it, in the orientation `annotate.trace` uses (lower article ours).
    Nearest, so that neighbours share pairs: a group with itself is a chain."""
    arts = [o[0] for o in others]
    for x in members:
        below = bisect.bisect_left(arts, x[0]) - 1
        above = bisect.bisect_right(arts, x[0])
        for at in (below, above):
            if not 0 <= at < len(others):
                continue
            o = others[at]
            low, high = (x, o) if x[0] < o[0] else (o, x)
            if (low, high) in seen:
                continue
            m = match_of(low, high)
            if m is None:
                continue
            seen.add((low, high))
            pairs.append((low[0], low[1], high[0], high[1], m))


def _match(a: Any, b: Any, ctx_a: tuple, ctx_b: tuple) -> _t.ClaimMatch | None:
    return _t._match_prepared(a, b, _t._Known(set(ctx_a[0]), set(ctx_b[0]), set(ctx_a[1]),
                                              set(ctx_b[1])))  # fmt: skip


def _prepare(claim: Any) -> Any:
    """Prepared once per distinct claim: copies of a text share one."""
    figs = tuple(
        (_t._get(f, "text"), _t._get(f, "value"), _t._get(f, "unit"))
        for f in _t._get(claim, "figures") or []
    )
    return _prepare_text(_t._get(claim, "statement") or "", figs)


@functools.lru_cache(maxsize=65536)
def _prepare_text(statement: str, figs: tuple) -> Any:
    figures = [{"text": t, "value": v, "unit": u} for t, v, u in figs]
    return _t._prepare({"statement": statement, "figures": figures})


def _heads(p: Any) -> frozenset[str]:
    return frozenset(_t._unit_parts(u)[0] for _x, v, u in p.figures if u and v is not None)


@functools.lru_cache(maxsize=65536)
def _context(
    heads: frozenset[str], stated: frozenset, ambiguous: frozenset
) -> tuple[frozenset, frozenset]:
    """The part of the article's context `_match_prepared` can read for this claim: a
    conflict is only checked between figures of compatible units, which share a head
    noun, so only the stated pairs and ambiguous things with this claim's heads count."""
    return (
        frozenset(s for s in stated if s[0] in heads),
        frozenset(h for h in ambiguous if h in heads),
    )


def expand(
    article: Any,
    rows: Sequence[tuple[Key, Any]],
    members_of: Mapping[Key, Sequence[Key]],
) -> dict[Key, Any]:
    """A claim's matches from its stored pairs: `rows` are (other claim, value) for the
    claim in `article`; `members_of` maps each other claim to its whole group (itself
    included, first member first). Each row stands for the group's members on the same
    side of `article` as the other claim. Returns other claim -> value."""
    out: dict[Key, Any] = {}
    for other, value in rows:
        above = other[0] > article
        for m in members_of.get(other, (other,)):
            if m[0] != article and (m[0] > article) == above:
                out.setdefault(m, value)
    return out
