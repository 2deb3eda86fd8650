"""Time tracing one article against 1,000 same-story related articles, and rebuilding
the whole story's claim matches.

Builds a throwaway database: the bundled sample pages are annotated once with the real
annotator, then stored 1,000 times under new URLs with their figures shifted, so each
related article has realistic claims and a mix of agreeing and conflicting figures.
Prints the time to build and store the seed's claim matches (against every other member,
both directions) and to read the trail, then the time to rebuild the whole story's matches
(what `scrape` and `annotate` do) with blocking (annotate.blocking, the default path) and,
with --all-pairs, the old all-pairs comparison on the same database, checking that both
store the same rows.

--story picks the related articles:
- syndicated: every one an exact copy of the seed (a wire story carried by 1,000 outlets:
  all claim pairs match, so storing every pair is quadratic);
- varied: each a different sample page with its figures and a third of its words
  rewritten (fixed seed): 1,000 different articles, each giving its own number for the
  same counted things, so nearly every pair of them conflicts (quadratic conflicts, which
  grouping copies does not reduce);
- copied: 166 copies of each other sample page, a third of the claims with figures
  shifted by 1-20 (the old default: copies that are not quite copies).
The whole-story rebuild is timed with copies collapsed (annotate.copies, what `scrape`,
`annotate` and `trace` run; a story over its MAX_STORED_WORK, such as varied or copied at
1,000, stores no pairs and each trail works them out when read) and, with --before, with blocking alone (every matching pair
stored, the previous path); both are checked to give the same trails on sample articles.

    .venv/bin/python bench/trace_speed.py [--related 1000] [--story syndicated|varied|copied]
        [--before] [--all-pairs] [--view-count] [--seed-only]
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import tempfile
import time
from pathlib import Path

from annotate.annotator import Annotator
from annotate.copies import match_story
from annotate.models import Figure
from annotate.trace import match_claims, match_cluster
from db import store
from db.plugin.queries import CANNED
from db.schema import open_db
from db.trace import build_claim_matches, rebuild_matches
from db.trail import match_count, trail
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


def build(db_path: str, n_related: int, story: str = "copied") -> int:
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
    others = [k for k in extracted if k != SEED] if story != "syndicated" else [SEED]
    distinct = story == "varied"
    rng = random.Random(5)
    for i in range(n_related):
        key = others[i % len(others)]
        page = copy.deepcopy(extracted[key])
        page.url = f"http://bench{i % 50}.test/{i}/{key.split('/', 1)[1]}"
        page.published = f"2025-02-{1 + i % 27:02d}T{i % 24:02d}:00:00Z"
        page.outlet_domain = f"bench{i % 50}.test"
        page.links = []
        ann = copy.deepcopy(annotations[key])
        if distinct:
            _rewrite(ann, rng, i)
        for c in (
            ann.claims if story == "copied" else ()
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


def _trails(db, ids: list[int]) -> dict[int, list[dict]]:
    return {a: trail(db, a) for a in ids}


def _queries(db) -> dict[str, tuple[float, int]]:
    """The canned queries that read claim matches (through claim_matches_expanded), timed
    as Datasette runs them: the first 1,000 rows (its max_returned_rows) of each."""
    out = {}
    for name in ("claims_without_named_origin", "conflicting_figures", "articles_needing_review"):
        t = time.perf_counter()
        rows = db.conn.execute(CANNED[name]["sql"], {"tier": "all"}).fetchmany(1001)
        out[name] = (time.perf_counter() - t, len(rows))
        print(f"  {name}: {out[name][0]:.2f} s, {len(rows)} rows", flush=True)
    t = time.perf_counter()
    n = db.execute("SELECT count(*) FROM claim_matches_expanded").fetchone()[0]
    out["expanded"] = (time.perf_counter() - t, n)
    print(f"  count(*) of claim_matches_expanded: {out['expanded'][0]:.2f} s, {n} pairs")
    return out


def _timed(label: str, fn) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn()
    elapsed = time.perf_counter() - t
    print(f"{label}: {elapsed:.2f} s", flush=True)
    return elapsed, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--related", type=int, default=1000)
    ap.add_argument("--db", default=None)
    ap.add_argument("--story", choices=("syndicated", "varied", "copied"), default="syndicated")
    ap.add_argument("--before", action="store_true", help="also time blocking alone")
    ap.add_argument("--all-pairs", action="store_true", help="also time the all-pairs rebuild")
    ap.add_argument(
        "--view-count", action="store_true", help="also count through the view (before)"
    )
    ap.add_argument("--seed-only", action="store_true", help="skip the whole-story rebuild")
    args = ap.parse_args()
    path = args.db or str(Path(tempfile.mkdtemp()) / "trace_bench.db")
    t0 = time.perf_counter()
    seed_id = build(path, args.related, args.story)
    t1 = time.perf_counter()
    db = open_db(path)
    n_claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    print(
        f"database: {args.related} related {args.story} articles, {n_claims} claims "
        f"(built in {t1 - t0:.1f} s); load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    if args.seed_only:
        s, stored = _timed(
            "build_claim_matches of the seed (blocked)",
            lambda: build_claim_matches(db, seed_id, match_claims, match_cluster),
        )
        print(f"  {stored} matches stored")
        return
    ids = [r[0] for r in db.execute("SELECT article_id FROM articles ORDER BY article_id")]
    sample = [seed_id, *ids[1 :: max(1, len(ids) // 4)]][:5]
    after_s, rows = _timed(
        "whole-story rebuild, copies collapsed",
        lambda: rebuild_matches(db, [seed_id], match_claims, story_fn=match_story),
    )
    copies = db["claim_copies"].count
    print(f"  {rows} rows (both ways), {copies} claims stored as copies of another")
    if db["claim_matches_deferred"].count:  # over annotate.copies.MAX_STORED_WORK
        print("  story over the stored bound: each trail works its matches out when read")
    # `scrape` then reports the seed's claim matches, copies counted (newsprov.related).
    count_s, n_matches = _timed(
        "the seed's claim matches counted (db.trail.match_count)",
        lambda: match_count(db, seed_id, match_cluster),
    )
    print(
        f"scrape's story step (rebuild + count, {n_matches} matches): {after_s + count_s:.2f} s;"
        f" target 5 s: {(after_s + count_s) / 5:.2f} of it",
        flush=True,
    )
    if args.view_count:
        view_s, n_view = _timed(
            "the same count through the view claim_matches_expanded (before)",
            lambda: db.execute(
                "SELECT count(*) FROM claim_matches_expanded WHERE claim_id IN"
                " (SELECT claim_id FROM claims WHERE article_id = ?)",
                (seed_id,),
            ).fetchone()[0],
        )
        deferred = db["claim_matches_deferred"].count > 0
        same = "the view sees none (deferred)" if deferred else n_view == n_matches
        print(f"  match_count / view time: {count_s / max(view_s, 1e-9):.4f}; same count: {same}")
    trail_s, after = _timed(f"trail of {len(sample)} articles", lambda: _trails(db, sample))
    listed = sum(len(m["matches"]) + len(m["copies"]) for t in after.values() for m in t)
    conflicts = sum(len(m["conflicts"]) for t in after.values() for m in t)
    print(f"  {listed} matches and {conflicts} conflicts listed")
    print("canned queries on the collapsed rows:", flush=True)
    queried = _queries(db)
    if args.before:
        before_s, rows_b = _timed(
            "whole-story rebuild, blocking alone (every pair stored)",
            lambda: rebuild_matches(db, [seed_id], match_claims, match_cluster),
        )
        db.conn.execute("DELETE FROM claim_copies")
        db.conn.commit()
        print(f"  {rows_b} rows (both ways)")
        same = _trails(db, sample) == after
        print(f"collapsed / blocking alone time: {after_s / before_s:.3f}; same trails: {same}")
        print("canned queries on every pair stored:", flush=True)
        for name, (t, n) in _queries(db).items():
            q_t, q_n = queried[name]
            print(
                f"  {name}: collapsed / every pair time {q_t / max(t, 1e-9):.2f}, same count {q_n == n}"
            )
    if args.all_pairs:
        all_s, rows_all = _timed(
            "whole-story rebuild, all pairs", lambda: rebuild_matches(db, [seed_id], match_claims)
        )
        print(f"  {rows_all} rows; collapsed / all pairs time: {after_s / all_s:.3f}")


if __name__ == "__main__":
    main()
