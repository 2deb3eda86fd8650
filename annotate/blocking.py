"""Blocking for claim matching: which pairs of claims can match at all, so that a story
(or a corpus) compares only those instead of every claim with every other.

Exact for `annotate.trace`'s rules: every pair `_match_prepared` could match shares a
block, so matching the candidate pairs gives the same matches as comparing all pairs.
- the same figure: a figure value within 0.5% of the other's, so blocks are value
  buckets 1% wide and each figure sits in its bucket and the next;
- a paraphrase (Dice >= PARAPHRASE_MIN on content words): prefix filtering, with the
  words of each claim ordered rarest first; two sets that close share a prefix word;
- a conflict (the same counted thing with another number): the same counted noun and
  some context, i.e. Dice >= CONTEXT_MIN (prefix words again, at that threshold) or a
  year named in both; blocks are (noun, word) and (noun, year).
Work grows with the sizes of these blocks, not with the square of the story.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# imported from trace: the same thresholds and unit rules
from annotate import trace as _t

_BUCKET = math.log(1.01)


def value_keys(value: float | None) -> list[tuple]:
    """Blocks for a figure value: values within 0.5% share one of them."""
    if value is None or math.isnan(value) or math.isinf(value):
        return []
    if abs(value) < 1e-6:
        return [("v", 0)]
    k = math.floor(math.log(abs(value)) / _BUCKET)
    sign = 1 if value > 0 else -1
    return [("v", sign, k), ("v", sign, k + 1)]


def noun_keys(unit: str | None) -> list[str]:
    """Keys two units share whenever `units_compatible` holds for them."""
    if not unit:
        return []
    keys = ["s:" + _t._singular(unit)]
    if unit not in _t._EXACT_UNITS:
        keys.append("h:" + _t._unit_parts(unit)[0])
    return keys


def _prefix(words: list[str], threshold: float) -> list[str]:
    """The prefix of a rarest-first word list that any set with Dice >= threshold shares
    (Dice d implies Jaccard j = d / (2 - d); overlap >= ceil(j * |x|))."""
    j = threshold / (2 - threshold)
    n = len(words)
    return words[: n - math.ceil(j * n) + 1] if n else []


def candidate_pairs(
    prepared: Mapping[Any, Sequence[Any]], only: Any = None
) -> dict[tuple[Any, Any], set[tuple[int, int]]]:
    """(article a, article b) with a < b -> {(claim index in a, claim index in b)} for
    every pair of claims in different articles that shares a block. With `only`, just
    the pairs involving that article."""
    return pairs_in(blocks_of(prepared), only)


def blocks_of(prepared: Mapping[Any, Sequence[Any]]) -> dict[tuple, list[tuple[Any, int]]]:
    """Block key -> [(article, claim index)], in article order: linear in the claims."""
    freq: Counter[str] = Counter()
    for claims in prepared.values():
        for p in claims:
            freq.update(p.words)
    blocks: dict[tuple, list[tuple[Any, int]]] = defaultdict(list)
    for art, claims in prepared.items():
        for i, p in enumerate(claims):
            for key in _claim_keys(p, freq):
                blocks[key].append((art, i))
    return blocks


def block_work(blocks: Mapping[tuple, Sequence[Any]]) -> int:
    """How many claim pairs enumerating every block visits (a pair sharing several blocks
    counts once per block): the cost of `pairs_in` and of the matching that follows."""
    return sum(len(m) * (len(m) - 1) // 2 for m in blocks.values())


def pairs_in(
    blocks: Mapping[tuple, Sequence[tuple[Any, int]]], only: Any = None
) -> dict[tuple[Any, Any], set[tuple[int, int]]]:
    """`candidate_pairs` from blocks already built."""
    out: dict[tuple[Any, Any], set[tuple[int, int]]] = defaultdict(set)
    for members in blocks.values():
        if len(members) < 2:
            continue
        # With `only`, pair its claims with the rest: linear in the block, not quadratic.
        firsts = members if only is None else [m for m in members if m[0] == only]
        for x, (a, i) in enumerate(firsts):
            for b, j in members[x + 1 :] if only is None else members:
                if a == b:
                    continue
                if a < b:
                    out[(a, b)].add((i, j))
                else:
                    out[(b, a)].add((j, i))
    return out


def _claim_keys(p: Any, freq: Counter) -> Iterable[tuple]:
    keys: set[tuple] = set()
    nouns: set[str] = set()
    for _text, value, unit in p.figures:
        keys.update(value_keys(value))
        if value is not None:
            nouns.update(noun_keys(unit))
    words = sorted(p.words, key=lambda w: (freq[w], w))
    for w in _prefix(words, _t.PARAPHRASE_MIN):
        keys.add(("w", w))
    if nouns:
        context = _prefix(words, _t.CONTEXT_MIN)
        for n in nouns:
            keys.update(("nw", n, w) for w in context)
            keys.update(("ny", n, y) for y in p.years)
    return keys
