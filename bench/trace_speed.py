"""Time tracing one article against 1,000 same-story related articles.

Builds a throwaway database: the bundled sample pages are annotated once with the real
annotator, then stored 1,000 times under new URLs with their figures shifted, so each
related article has realistic claims and a mix of agreeing and conflicting figures.
Prints the time to build and store the seed's claim matches (against every other member,
both directions) and to read the trail, then the time to rebuild the whole story's matches
(what `scrape` and `annotate` do) with blocking (annotate.blocking, the default path) and,
with --all-pairs, the old all-pairs comparison on the same database, checking that both
store the same rows.

--distinct rewrites every copy's figures and a third of its words (fixed seed), so the
story is 1,000 different articles rather than 166 copies of each sample page: the number
of true matches then grows with the story, not with its square.

    .venv/bin/python bench/trace_speed.py [--related 1000] [--distinct] [--all-pairs]
"""

from __future__ import annotations

import argparse
import copy
import random
import tempfile
import time
from pathlib import Path

from annotate.annotator import Annotator
from annotate.models import Figure
from annotate.trace import match_claims, match_cluster
from db import store
from db.schema import open_db
from db.trace import build_claim_matches, rebuild_matches, trail
from scraper.extract import extract_article
from scraper.models import Fetched

SAMPLE = Path(__file__).resolve().parent.parent / "newsprov" / "sample"
SEED = "nationpress.test/news/2025/02/26/post-balakot-pakistan-concealment.html"


def _fetched(url: str, body: bytes) -> Fetched:
    import hashlib

    return Fetched(
        url,
        url,
        200,
        "text/html",
        {},
        "2025-02-26T07:00:00Z",
        body,
        hashlib.sha256(body).hexdigest(),
    )


def _rewrite(ann, rng: random.Random, i: int) -> None:
    """Distinct figures and statements per copy: the story of many outlets, not copies."""
    for c in ann.claims:
        c.figures = [
            Figure(f.text, f.start, f.end, (f.value or 0) * (1 + i) + rng.randint(1, 999), f.unit)
            for f in c.figures
        ]
        words = c.statement.split()
        c.statement = " ".join(
            w if rng.random() > 0.33 else f"w{rng.randint(0, 5000)}" for w in words
        )


def build(db_path: str, n_related: int, distinct: bool = False) -> int:
    db = open_db(db_path)
    annotator = Annotator()
    run_id = store.start_run(db, "bench", {"related": n_related})
    pages = sorted(p for p in SAMPLE.rglob("*.html"))
    extracted = {
        str(p.relative_to(SAMPLE)): extract_article(
            p.read_bytes(), "http://" + str(p.relative_to(SAMPLE)), "text/html"
        )
        for p in pages
    }
    annotations = {k: annotator.annotate(e.text) for k, e in extracted.items()}
    seed = extracted[SEED]
    seed_id = store.save_article(
        db, seed, store.save_fetch(db, _fetched(seed.url, b"seed"), run_id), seed.url, is_seed=True
    )
    store.save_annotation(db, seed_id, annotations[SEED], run_id)
    others = [k for k in extracted if k != SEED]
    rng = random.Random(5)
    for i in range(n_related):
        key = others[i % len(others)]
        page = copy.deepcopy(extracted[key])
        page.url = f"http://bench{i % 50}.test/{i}/{key.split('/', 1)[1]}"
        page.outlet_domain = f"bench{i % 50}.test"
        page.links = []
        ann = copy.deepcopy(annotations[key])
        if distinct:
            _rewrite(ann, rng, i)
        for c in (
            ann.claims if not distinct else ()
        ):  # a third of the copies report slightly different figures
            if rng.random() < 0.33:
                c.figures = [
                    Figure(f.text, f.start, f.end, (f.value or 0) + rng.randint(1, 20), f.unit)
                    for f in c.figures
                ]
        fid = store.save_fetch(db, _fetched(page.url, str(i).encode()), run_id)
        pid = store.save_article(db, page, fid, page.url)
        store.save_annotation(db, pid, ann, run_id)
        store.save_related(db, seed_id, pid, "bench", 0.5, True)
    return seed_id


def _rows(db) -> set[tuple]:
    return set(
        db.execute(
            "SELECT claim_id, other_claim_id, other_article_id, method, score, shared_figures,"
            " conflict FROM claim_matches"
        ).fetchall()
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--related", type=int, default=1000)
    ap.add_argument("--db", default=None)
    ap.add_argument("--distinct", action="store_true", help="rewrite every copy (see above)")
    ap.add_argument("--all-pairs", action="store_true", help="also time the all-pairs rebuild")
    ap.add_argument("--seed-only", action="store_true", help="skip the whole-story rebuild")
    args = ap.parse_args()
    path = args.db or str(Path(tempfile.mkdtemp()) / "trace_bench.db")
    t0 = time.perf_counter()
    seed_id = build(path, args.related, args.distinct)
    t1 = time.perf_counter()
    db = open_db(path)
    n_claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    kind = "distinct" if args.distinct else "copied"
    print(
        f"database: {args.related} related {kind} articles, {n_claims} claims "
        f"(built in {t1 - t0:.1f} s)"
    )
    t2 = time.perf_counter()
    stored_all = build_claim_matches(db, seed_id, match_claims)
    t2b = time.perf_counter()
    print(f"build_claim_matches (all pairs): {t2b - t2:.2f} s, {stored_all} matches stored")
    t2 = time.perf_counter()
    stored = build_claim_matches(db, seed_id, match_claims, match_cluster)
    t3 = time.perf_counter()
    items = trail(db, seed_id)
    t4 = time.perf_counter()
    conflicts = sum(len(i["conflicts"]) for i in items)
    print(f"build_claim_matches (blocked): {t3 - t2:.2f} s, {stored} matches stored")
    print(f"trail: {t4 - t3:.2f} s, {len(items)} sentences, {conflicts} conflicts listed")
    if args.seed_only:
        return
    t5 = time.perf_counter()
    rows = rebuild_matches(db, [seed_id], match_claims, match_cluster)
    blocked_s = time.perf_counter() - t5
    print(f"whole-story rebuild, blocked: {blocked_s:.2f} s, {rows} rows (both ways)")
    if args.all_pairs:
        blocked = _rows(db)
        t6 = time.perf_counter()
        rows_all = rebuild_matches(db, [seed_id], match_claims)
        all_s = time.perf_counter() - t6
        same = _rows(db) == blocked
        print(f"whole-story rebuild, all pairs: {all_s:.2f} s, {rows_all} rows (both ways)")
        print(f"blocked / all pairs time: {blocked_s / all_s:.3f}; same rows: {same}")


if __name__ == "__main__":
    main()
