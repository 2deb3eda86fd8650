"""Story matching with syndicated copies collapsed (annotate/copies.py): the stored pairs,
expanded through the copy groups, are exactly every match that comparing all pairs finds,
and a story of copies stores a number of pairs that grows with the story, not its square."""

from __future__ import annotations

import copy
import random

from test_blocking import _claim

from annotate.copies import expand, match_story
from annotate.trace import match_claims


def _story(rng: random.Random, n: int) -> dict[int, list[dict]]:
    """Articles of own claims, and copies of earlier articles (whole, or with one claim
    dropped or one added), as syndication and light editing make them."""
    story: dict[int, list[dict]] = {}
    for a in range(n):
        if a and rng.random() < 0.6:
            claims = copy.deepcopy(story[rng.randrange(a)])
            if claims and rng.random() < 0.3:
                claims.pop(rng.randrange(len(claims)))
            if rng.random() < 0.3:
                claims.append(_claim(rng))
            if claims and rng.random() < 0.2:
                claims.append(copy.deepcopy(claims[0]))  # the same claim twice in one article
        else:
            claims = [_claim(rng) for _ in range(rng.randint(0, 6))]
        story[a] = claims
    return story


def _key(m) -> tuple:
    return (m.method, m.score, str(m.shared_figures), str(m.conflict))


def _all_pairs(story: dict[int, list[dict]]) -> dict[tuple, tuple]:
    """(claim, other claim) -> match, both directions, as db/trace stores them."""
    out = {}
    ids = sorted(story)
    for x, a in enumerate(ids):
        for b in ids[x + 1 :]:
            for m in match_claims(story[a], story[b]):
                out[((a, m.our_index), (b, m.their_index))] = _key(m)
                back = m.mirrored()
                out[((b, back.our_index), (a, back.their_index))] = _key(back)
    return out


def _expanded(story: dict[int, list[dict]]) -> tuple[dict[tuple, tuple], int]:
    result = match_story(story)
    rows: dict[tuple, list] = {}
    for a, i, b, j, m in result.pairs:
        rows.setdefault((a, i), []).append(((b, j), _key(m)))
        rows.setdefault((b, j), []).append(((a, i), _key(m.mirrored())))
    groups: dict[tuple, list] = {}
    for a, cs in story.items():
        for i in range(len(cs)):
            first = result.copies.get((a, i), (a, i))
            groups.setdefault(first, []).append((a, i))
    members_of = {k: groups[result.copies.get(k, k)] for v in groups.values() for k in v}
    out = {}
    for claim, found in rows.items():
        for other, value in expand(claim[0], found, members_of).items():
            out[(claim, other)] = value
    return out, len(result.pairs)


def test_expanded_pairs_equal_all_pairs_on_random_stories_with_copies():
    copies = 0
    for seed in range(8):
        rng = random.Random(seed)
        story = _story(rng, 30)
        expected = _all_pairs(story)
        assert expected, "a story with no match at all would prove nothing"
        got, _stored = _expanded(story)
        assert got == expected
        copies += len(match_story(story).copies)
    assert copies > 50, "the stories must hold copies, or grouping is not exercised"


def test_a_story_of_copies_stores_pairs_linear_in_the_story():
    rng = random.Random(3)
    original = [_claim(rng) for _ in range(6)]
    sizes = {}
    for n in (50, 100):
        story = {a: copy.deepcopy(original) for a in range(n)}
        result = match_story(story)
        sizes[n] = len(result.pairs)
        assert len(result.copies) == 6 * (n - 1)
    # All pairs would grow four-fold with twice the copies; the stored pairs about double.
    assert sizes[100] <= 2.2 * sizes[50]
