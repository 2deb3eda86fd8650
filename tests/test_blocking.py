"""Blocking for claim matching (annotate/blocking.py): comparing only the claim pairs that
share a block finds exactly the matches that comparing every pair finds."""

from __future__ import annotations

import random

from annotate.blocking import value_keys
from annotate.trace import match_claims, match_cluster, same_value

UNITS = ["security personnel", "soldiers", "terror attacks", "drone attacks", "attacks",
         "incidents", "%", "dollars", "deaths", "fatalities", None]  # fmt: skip
WORDS = ["army", "report", "killed", "year", "province", "militant", "said", "rise", "border",
         "police", "council", "budget", "homes", "week", "village", "court"]  # fmt: skip


def _claim(rng: random.Random) -> dict:
    figures = []
    for _ in range(rng.randint(0, 3)):
        value = rng.choice([702, 685, 444, 909, 264, 2.5, 40, 1000, 1004, 0.5, None])
        if value is not None and rng.random() < 0.2:
            value = value * rng.choice([1.003, 1.02])  # near and not-so-near values
        figures.append({"text": str(value), "value": value, "unit": rng.choice(UNITS)})
    words = rng.sample(WORDS, rng.randint(2, 8))
    if rng.random() < 0.4:
        words.append(rng.choice(["2023", "2024", "2025"]))
    return {"statement": " ".join(words), "figures": figures, "entities": [], "predicate": None}


def _all_pairs(story: dict[int, list[dict]]) -> set[tuple]:
    out = set()
    ids = sorted(story)
    for x, a in enumerate(ids):
        for b in ids[x + 1 :]:
            for m in match_claims(story[a], story[b]):
                out.add((a, b, m.our_index, m.their_index, m.method, m.score, str(m.conflict)))
    return out


def _blocked(story: dict[int, list[dict]], only: int | None = None) -> set[tuple]:
    return {
        (a, b, m.our_index, m.their_index, m.method, m.score, str(m.conflict))
        for a, b, m in match_cluster(story, only=only)
    }


def test_blocked_matches_equal_all_pairs_on_random_stories():
    for seed in range(6):
        rng = random.Random(seed)
        story = {a: [_claim(rng) for _ in range(rng.randint(0, 6))] for a in range(25)}
        expected = _all_pairs(story)
        assert expected, "a story with no match at all would prove nothing"
        assert _blocked(story) == expected
        assert _blocked(story, only=3) == {m for m in expected if 3 in m[:2]}


def test_values_within_half_a_percent_share_a_block_and_distant_ones_do_not():
    rng = random.Random(1)
    for _ in range(2000):
        v = rng.uniform(-1e6, 1e6)
        w = v * rng.uniform(0.995, 1.005)
        if same_value(v, w):
            assert set(value_keys(v)) & set(value_keys(w))
    assert not set(value_keys(702)) & set(value_keys(685))
