"""`corpus stories`: near-duplicate and syndicated copies (MinHash LSH, datasketch) and
claim matches across the corpus, blocked by (figure value, counted noun, date window).

Stages, as Dask tasks over the finished partitions (cut into a few runs per worker thread):
1. signatures: one task per run of partitions computes MinHash signatures of the article texts
   (word 3-shingles); one task indexes them in a datasketch MinHashLSH (identical
   signatures once) and joins copies with a union-find; each copy points to the
   earliest member of its group -> stories/.
2. claim blocks: one task per run of partitions emits each figure-bearing claim under its blocks,
   hashed into R buckets (a shuffle through Dask's memory, no files);
3. matching: one task per bucket compares the claims within each block with the trace
   rules (annotate.trace) -> claim_matches/part-<bucket>.parquet.
Work grows with the blocks: a claim is compared only with claims that state the same
value (within 0.5%) for the same counted noun within two weeks.
"""

from __future__ import annotations

import json
import operator
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.parquet as pq

from annotate.blocking import value_keys
from annotate.copies import _prepare as _prepare_text_of
from annotate.trace import _Known, _match_prepared, quantity_key
from db.parquet import SCHEMAS, read_table, write_table
from newsprov.corpus.run import dask_client, done_partitions

NUM_PERM = 128
SCHEME = "affine32"  # datasketch 2 default, named so signatures can be rebuilt from values
COPY_THRESHOLD = 0.8  # estimated Jaccard of 3-shingles: a copy, perhaps lightly edited
WINDOW_DAYS = 7  # claims are compared within the same or the next week
MAX_BLOCK = 5000  # a block this big is a common small number, not a story: skipped
BUCKETS = 16
_WORD = re.compile(r"\w+")


@dataclass
class StoriesResult:
    articles: int
    copies: int
    groups: int
    claim_matches: int
    blocks: int
    oversized_blocks: int


def _permutations() -> Any:
    """The MinHash permutation parameters, drawn once per process: datasketch draws them
    again for every MinHash it builds (0.5 ms each, more than hashing an article)."""
    global _PERMS
    if _PERMS is None:
        from datasketch import MinHash

        _PERMS = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations
    return _PERMS


_PERMS: Any = None


def _minhash(hashvalues: Any = None) -> Any:
    from datasketch import MinHash

    return MinHash(
        num_perm=NUM_PERM, hashvalues=hashvalues, permutations=_permutations(), scheme=SCHEME
    )


def signatures(out: str, parts: list[str]) -> list[tuple[str, Any, str | None, str]]:
    """(article_key, MinHash hashvalues, outlet, date) for these partitions' articles."""
    columns = ["article_key", "text", "outlet_id", "published", "captured_at"]
    return [
        (r["article_key"], signature(r["text"]), r["outlet_id"],
         r["published"] or r["captured_at"] or "")
        for part in parts  # one partition's texts in memory at a time
        for r in read_table(Path(out), "articles", [part], columns).to_pylist()
    ]  # fmt: skip


def signature(text: str | None) -> np.ndarray:
    """MinHash hash values of a text's word 3-shingles (lower case)."""
    words = _WORD.findall((text or "").lower())
    shingles = {" ".join(words[i : i + 3]).encode() for i in range(max(1, len(words) - 2))}
    m = _minhash()
    m.update_batch(list(shingles))
    return m.hashvalues


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """MinHash.jaccard on bare hash values (the same float), without its checks and
    object overhead, which took half of find_copies' time."""
    return float(np.float64(np.count_nonzero(a == b)) / np.float64(len(a)))


def find_copies(sigs: list[tuple[str, Any, str | None, str]]) -> list[dict]:
    """stories/ rows: each article's group (story_key) and, for copies, the earliest copy.

    Groups are the connected parts of "an LSH candidate with estimated Jaccard >=
    COPY_THRESHOLD". Two shortcuts leave them as they are: articles with identical
    signatures (the same text carried again word for word) are one entry in the index,
    since each is a copy of the other and they have the same candidates; and a candidate
    already in the article's group is not compared again. Without them the work grew with
    the article count times the size of its group of copies, which grows with the corpus
    when a text is carried again and again (bench/corpus_speed.py's scaled corpora)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=NUM_PERM)
    values: dict[str, np.ndarray] = {}
    entries: dict[bytes, str] = {}  # distinct signature -> the article indexed for it
    parent = {k: k for k, *_ in sigs}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    indexed = {}
    for key, hv, _o, _d in sigs:
        values[key] = hv = np.asarray(hv)
        first = entries.setdefault(hv.tobytes(), key)
        if first != key:
            union(first, key)  # Jaccard 1.0: a copy
            continue
        indexed[key] = m = _minhash(hv)
        lsh.insert(key, m)
    for key, m in indexed.items():
        for other in lsh.query(m):
            if other == key or root(key) == root(other):
                continue
            if _jaccard(values[key], values[other]) >= COPY_THRESHOLD:
                union(key, other)
    info = {k: (d, o) for k, _h, o, d in sigs}
    groups: dict[str, list[str]] = defaultdict(list)
    for k in parent:
        groups[root(k)].append(k)
    rows = []
    for members in groups.values():
        members.sort(key=lambda k: (info[k][0], k))  # earliest first, key breaks ties
        first = members[0]
        for k in members:
            rows.append(
                {
                    "article_key": k,
                    "story_key": first,
                    "copy_of": None if k == first else first,
                    "similarity": None
                    if k == first
                    else round(_jaccard(values[k], values[first]), 3),
                    "outlet_id": info[k][1],
                    "published": info[k][0] or None,
                }
            )
    return rows


def _copies_task(out: str, chunks: list[list[tuple]]) -> dict[str, Any]:
    """find_copies over every partition's signatures, written to stories/; returns the
    copy map for the matching tasks and the counts for the summary."""
    stories = find_copies([s for chunk in chunks for s in chunk])
    write_table(Path(out), "stories", "part-0", stories)
    return {
        "copies": {r["article_key"]: r["story_key"] for r in stories},
        "counts": {
            "articles": len(stories),
            "copies": sum(1 for r in stories if r["copy_of"]),
            "groups": len({r["story_key"] for r in stories if r["copy_of"]}),
        },
    }


def _week(date: str | None) -> int | None:
    try:
        d = datetime.fromisoformat((date or "")[:10])
    except ValueError:
        return None
    return d.toordinal() // WINDOW_DAYS


def claim_blocks(out: str, parts: list[str], buckets: int) -> list[list[tuple]]:
    """Each figure-bearing claim under its blocks (value bucket, noun, week), spread over
    `buckets` lists by the block's hash. A row carries all its claim's blocks, so the
    reducer keeps a pair only in the first block both share (no pair counted twice)."""
    t = read_table(Path(out), "claims", parts)
    lists: list[list[tuple]] = [[] for _ in range(buckets)]
    for c in t.to_pylist():
        week = _week(c["published"])
        figures = json.loads(c["figures"] or "[]")
        keys = set()
        for f in figures:
            noun = quantity_key(f.get("unit"))
            if noun is None or f.get("value") is None:
                continue
            for vk in value_keys(f["value"]):
                for w in (week, week + 1) if week is not None else (None,):
                    keys.add(f"{vk[1:]}|{noun}|{w}")
        if not keys:
            continue
        claim = {"statement": c["statement"], "figures": figures}
        ident = (c["article_key"], c["sentence_idx"])
        all_keys = tuple(sorted(keys))
        for k in all_keys:
            lists[zlib.crc32(k.encode()) % buckets].append((k, ident, claim, all_keys))
    return lists


def match_bucket(out: str, bucket: int, pieces: list[list[tuple]], copies: dict[str, str]) -> dict:
    """Compare the claims within each block of this bucket; writes one Parquet file."""
    blocks: dict[str, list[tuple]] = defaultdict(list)
    for piece in pieces:
        for k, ident, claim, keys in piece:
            blocks[k].append((ident, claim, keys))
    rows, oversized = [], 0
    for k in sorted(blocks):
        members = sorted(blocks[k], key=lambda m: m[0])
        if len(members) > MAX_BLOCK:
            oversized += 1
            continue
        # Per member once, not per pair: most pairs a block holds are skipped (at 8k records
        # of the bench, 595k of 872k are copies of one text, 203k counted in another block).
        # Claims are prepared through a cache of their text, which copies share.
        prepared = [_prepare_text_of(m[1]) for m in members]
        story = [copies.get(m[0][0], m[0][0]) for m in members]
        keysets = [frozenset(m[2]) for m in members]
        for x, (ia, _ca, _ka) in enumerate(members):
            sx, kx = story[x], keysets[x]
            for y in range(x + 1, len(members)):
                if story[y] == sx:
                    continue  # the same article, or copies of one text: not corroboration
                if min(kx & keysets[y]) != k:
                    continue  # counted in the first block the two share
                ib = members[y][0]
                m = _match_prepared(prepared[x], prepared[y], _Known())
                if m is None:
                    continue
                rows.append(
                    {
                        "article_key": ia[0],
                        "sentence_idx": ia[1],
                        "other_article_key": ib[0],
                        "other_sentence_idx": ib[1],
                        "method": m.method,
                        "score": m.score,
                        "shared_figures": json.dumps(m.shared_figures)
                        if m.shared_figures
                        else None,
                        "conflict": json.dumps(m.conflict) if m.conflict else None,
                        "block": k,
                    }
                )
    write_table(Path(out), "claim_matches", f"part-{bucket:04d}", rows)
    return {"matches": len(rows), "blocks": len(blocks), "oversized": oversized}


def corpus_stories(
    out: Path, workers: int = 2, scheduler: str | None = None, client: Any = None
) -> StoriesResult:
    """Run the stages on `client`, or on a client of its own (LocalCluster or scheduler)."""
    if client is None:
        with dask_client(workers, scheduler) as own:
            return corpus_stories(out, client=own)
    parts = done_partitions(out)
    for table in ("stories", "claim_matches"):  # a re-run replaces the previous result
        for old in (out / table).glob("*.parquet") if (out / table).exists() else []:
            old.unlink()
    # A few tasks per worker thread, each over a run of partitions, rather than one per
    # partition: every block task's output is cut into BUCKETS pieces, each a task and a
    # transfer of its own, and at one task per partition scheduling those pieces took more
    # CPU than the matching (bench/corpus_speed.py, 20k records: 3,200 pieces).
    threads = sum(client.nthreads().values()) or 1
    runs = _runs(parts, 4 * threads)
    sig_futs = client.map(signatures, [str(out)] * len(runs), runs, pure=False)
    block_futs = client.map(
        claim_blocks, [str(out)] * len(runs), runs, [BUCKETS] * len(runs), pure=False
    )
    # Copies are found in one task on a worker, not in this process: the signatures (1 KB
    # an article) never travel to the client, and a client busy with CPU work under a
    # loaded machine lost its scheduler connection at 20k articles (bench/corpus_speed.py).
    found = client.submit(_copies_task, str(out), sig_futs, pure=False)
    copies_f = client.submit(operator.itemgetter("copies"), found, pure=False)
    reduce_futs = [
        client.submit(
            match_bucket,
            str(out),
            b,
            [client.submit(operator.getitem, f, b, pure=False) for f in block_futs],
            copies_f,
            pure=False,
        )
        for b in range(BUCKETS)
    ]
    results = client.gather(reduce_futs)
    counts = client.submit(operator.itemgetter("counts"), found, pure=False).result()
    return StoriesResult(
        articles=counts["articles"],
        copies=counts["copies"],
        groups=counts["groups"],
        claim_matches=sum(r["matches"] for r in results),
        blocks=sum(r["blocks"] for r in results),
        oversized_blocks=sum(r["oversized"] for r in results),
    )


def _runs(parts: list[str], n: int) -> list[list[str]]:
    """`parts` cut into at most `n` consecutive runs of near-equal length (order kept)."""
    n = max(1, min(n, len(parts)))
    size, extra = divmod(len(parts), n)
    out, at = [], 0
    for i in range(n):
        step = size + (1 if i < extra else 0)
        out.append(parts[at : at + step])
        at += step
    return [r for r in out if r]


def read_matches(out: Path) -> list[dict]:
    folder = out / "claim_matches"
    if not folder.exists():
        return []
    return pq.read_table(folder, schema=SCHEMAS["claim_matches"]).to_pylist()
