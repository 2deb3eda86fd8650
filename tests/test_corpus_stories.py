"""`corpus stories` copy finding: the shortcuts that keep it linear (identical signatures
indexed once, candidates already in the group not compared) give the same groups, story
keys and similarities as querying and comparing every article. No Dask here."""

from __future__ import annotations

import random
from collections import defaultdict

from datasketch import MinHash, MinHashLSH

from newsprov.corpus.stories import COPY_THRESHOLD, NUM_PERM, SCHEME, find_copies, signature

_PLACES = ["Eastmoor", "Lowbridge", "Harrow Vale", "Kettering Cross", "Pinecliff", "Saltmarsh"]
_THINGS = ["footbridges", "bus routes", "school meals", "flood barriers", "night clinics"]
_VERBS = ["approved", "delayed", "cut", "expanded", "reviewed", "priced"]


def _sentence(rng: random.Random) -> str:
    return (
        f"The {rng.choice(_PLACES)} council {rng.choice(_VERBS)} {rng.randint(2, 900)} "
        f"{rng.choice(_THINGS)} on day {rng.randint(1, 28)} after a vote of "
        f"{rng.randint(3, 40)} members, the clerk wrote in note {rng.randint(1, 10_000)}."
    )


def _corpus() -> list[tuple[str, str, str, str]]:
    """(key, text, outlet, date): stories carried word for word by several outlets, some
    lightly edited (one sentence of twenty rewritten), an edit of an edit, and texts
    that share nothing."""
    rng = random.Random(12)
    out = []
    for s in range(6):
        body = [_sentence(rng) for _ in range(20)]
        texts = [" ".join(body)]
        edited = list(body)
        for at in (3, 11, 17):  # each an edit of the one before: a chain of copies
            edited[at] = _sentence(rng)
            texts.append(" ".join(edited))
        for t, text in enumerate(texts):
            for c in range(rng.randint(1, 4)):  # the same text under several keys
                day = rng.randint(1, 27)
                out.append((f"k{s}-{t}-{c}", text, f"outlet{c}.test", f"2025-03-{day:02d}"))
    out += [(f"lone{i}", " ".join(_sentence(rng) for _ in range(20)), "solo.test", "2025-03-02")
            for i in range(5)]  # fmt: skip
    rng.shuffle(out)
    return out


def _every_pair_rows(sigs: list[tuple]) -> list[dict]:
    """The groups as the first corpus mode found them: every article queried, every
    candidate compared with MinHash.jaccard."""
    lsh = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=NUM_PERM)
    hashes = {k: MinHash(num_perm=NUM_PERM, hashvalues=hv, scheme=SCHEME) for k, hv, *_ in sigs}
    for k, m in hashes.items():
        lsh.insert(k, m)
    parent = {k: k for k in hashes}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for k, m in hashes.items():
        for other in lsh.query(m):
            if other != k and m.jaccard(hashes[other]) >= COPY_THRESHOLD:
                ra, rb = root(k), root(other)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    info = {k: (d, o) for k, _h, o, d in sigs}
    groups = defaultdict(list)
    for k in parent:
        groups[root(k)].append(k)
    rows = []
    for members in groups.values():
        members.sort(key=lambda k: (info[k][0], k))
        first = members[0]
        for k in members:
            sim = None if k == first else round(hashes[k].jaccard(hashes[first]), 3)
            rows.append({"article_key": k, "story_key": first,
                         "copy_of": None if k == first else first, "similarity": sim,
                         "outlet_id": info[k][1], "published": info[k][0] or None})  # fmt: skip
    return rows


def test_copies_are_the_groups_that_comparing_every_candidate_gives():
    sigs = [(k, signature(text), outlet, date) for k, text, outlet, date in _corpus()]
    got = sorted(find_copies(sigs), key=lambda r: r["article_key"])
    want = sorted(_every_pair_rows(sigs), key=lambda r: r["article_key"])
    assert got == want
    # and the corpus is what it says: word-for-word copies, edits, and lone texts
    by_key = {r["article_key"]: r for r in got}
    assert all(by_key[f"lone{i}"]["copy_of"] is None for i in range(5))
    assert {r["story_key"] for r in got if r["article_key"].startswith("lone")} == {
        f"lone{i}" for i in range(5)
    }
    carried = [r for r in got if not r["article_key"].startswith("lone")]
    # copies and edits found together (an edit MinHash puts under the threshold may stand
    # alone), and never two stories in one group
    assert 6 <= len({r["story_key"] for r in carried}) <= 9 < len(carried) // 3
    assert all(r["story_key"].split("-")[0] == r["article_key"].split("-")[0] for r in carried)
    assert any(r["similarity"] == 1.0 for r in got)
    assert any(r["similarity"] is not None and r["similarity"] < 1.0 for r in got)


def test_a_text_carried_again_under_many_keys_is_one_group_dated_by_its_first_copy():
    text = " ".join(_sentence(random.Random(5)) for _ in range(20))
    sigs = [(f"c{i:03d}", signature(text), "wire.test", f"2025-04-{1 + i % 28:02d}")
            for i in range(300)]  # fmt: skip
    rows = find_copies(sigs)
    assert {r["story_key"] for r in rows} == {"c000"}  # 2025-04-01, the lowest key that day
    assert sum(1 for r in rows if r["copy_of"] == "c000") == 299
    assert all(r["similarity"] == 1.0 for r in rows if r["copy_of"])


def test_partitions_are_cut_into_runs_that_keep_every_partition_once_in_order():
    from newsprov.corpus.stories import _runs

    parts = [f"part-{i:05d}" for i in range(23)]
    for n in (1, 2, 4, 8, 23, 100):
        runs = _runs(parts, n)
        assert [p for r in runs for p in r] == parts
        assert len(runs) == min(n, 23)
        assert max(map(len, runs)) - min(map(len, runs)) <= 1
    assert _runs([], 8) == []
