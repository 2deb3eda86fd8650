"""Corpus mode speed, as ratios measured in one run on this machine.

Builds a synthetic corpus of --pages article pages as one WARC: the bundled sample pages
and the gold texts (tests/gold/*.txt, wrapped in a plain article page), each rewritten
with a fixed seed (figures shifted, a numbered sentence added) so no two pages are equal.
Then measures:
- scaling: `corpus annotate` on an embedded LocalCluster with 2 workers against 1 worker;
- overhead: one worker's records/s against a bare loop in this process (extract_article,
  then nlp.pipe with batch 32, no rules) over the first --bare records;
- memory: each worker's peak RSS when its partitions of the first and of the last
  quarter of the corpus finished;
- claim matching: `corpus stories` on the corpus and on twice the corpus (the same
  Parquet rows again under new keys, dated five weeks later);
- loading: `corpus load` of every article into a fresh SQLite file.

    .venv/bin/python bench/corpus_speed.py [--pages 10000] [--bare 1000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

# Dask workers run numpy/BLAS single-threaded (distributed sets these for them); the bare
# loop must too, or it borrows a second core the worker it is compared with does not get.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from corpus_builders import sample_pages, variant, write_warc  # noqa: E402

SEED = 7


def gold_pages() -> list[tuple[str, bytes]]:
    out = []
    for i, p in enumerate(sorted((ROOT / "tests" / "gold").glob("*.txt"))):
        title, _, body = p.read_text(encoding="utf-8").partition("\n")
        paras = "".join(f"<p>{x.strip()}</p>" for x in body.split("\n\n") if x.strip())
        html = (
            f"<html><head><title>{title}</title><meta property='og:site_name' content='Gold {i}'>"
            f"<meta property='article:published_time' content='2025-02-0{1 + i % 9}T08:00:00Z'>"
            f"</head><body><article><h1>{title}</h1>{paras}</article></body></html>"
        )
        out.append((f"http://gold{i % 20}.test/news/{p.stem}.html", html.encode("utf-8")))
    return out


def build_warc(path: Path, n: int) -> None:
    pages = sample_pages() + gold_pages()
    records = []
    for i in range(n):
        url, html = pages[i % len(pages)]
        new_url = url.replace(".html", f"-{i}.html")
        html = html.replace(url.split("://", 1)[1].encode(), new_url.split("://", 1)[1].encode())
        records.append(
            (new_url, variant(html, i, SEED), f"2025-02-{1 + i % 27:02d}T{i % 24:02d}:00:00Z")
        )
    write_warc(path, records)


def annotate(warc: Path, out: Path, workers: int, partition_size: int) -> float:
    from newsprov.corpus.run import annotate_corpus

    t = time.perf_counter()
    s = annotate_corpus([warc], out, workers=workers, partition_size=partition_size, progress=False)
    elapsed = time.perf_counter() - t
    print(f"  {workers} worker(s): {s.articles} articles of {s.records} records in {elapsed:.1f} s"
          f" ({s.records / elapsed:.2f} records/s); skips {dict(s.skips)}", flush=True)  # fmt: skip
    return elapsed


def bare_loop(warc: Path, n: int) -> float:
    """records/s of extraction + nlp.pipe (no rules, no Dask) in this process."""
    from annotate.nlp import load_nlp
    from scraper.extract import ExtractError, extract_article
    from scraper.records import read_records, scan_input

    nlp = load_nlp()
    heads = scan_input(warc)[:n]
    t = time.perf_counter()
    texts = []
    for rec in read_records(warc, heads):
        try:
            texts.append(extract_article(rec.body, rec.url, rec.content_type).text)
        except ExtractError:
            pass
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    elapsed = time.perf_counter() - t
    print(
        f"  bare loop: {len(heads)} records in {elapsed:.1f} s ({len(heads) / elapsed:.2f} records/s)"
    )
    return len(heads) / elapsed


def steady(out: Path) -> float:
    """records/s per worker from the partitions' own times (no start-up, no spaCy load)."""
    markers = [json.loads(p.read_text()) for p in (out / "_partitions").glob("*.json")]
    return sum(m["records"] for m in markers) / sum(m["seconds"] for m in markers)


def memory(out: Path) -> None:
    markers = [json.loads(p.read_text()) for p in sorted((out / "_partitions").glob("*.json"))]
    q = max(1, len(markers) // 4)
    for name, chunk in (("first quarter", markers[:q]), ("last quarter", markers[-q:])):
        per = {}
        for m in chunk:
            per[m["worker_pid"]] = max(per.get(m["worker_pid"], 0), m["peak_rss_mb"])
        print(f"  peak RSS per worker after the {name}: "
              + ", ".join(f"{v:.0f} MB" for _k, v in sorted(per.items())))  # fmt: skip


def doubled(src: Path, dst: Path) -> None:
    """The corpus twice: a second copy of every row under new keys, five weeks later."""
    shutil.copytree(src, dst)
    manifest = json.loads((dst / "_manifest.json").read_text())
    for pid in list(manifest["partitions"]):
        twin = pid + "x"
        for table in ("articles", "claims"):
            f = dst / table / f"part-{pid}.parquet"
            t = pq.read_table(f)
            keys = [k + "x" for k in t.column("article_key").to_pylist()]
            t = t.set_column(t.schema.get_field_index("article_key"), "article_key", pa.array(keys))
            col = "published"
            shifted = [_later(v) for v in t.column(col).to_pylist()]
            t = t.set_column(t.schema.get_field_index(col), col, pa.array(shifted, pa.string()))
            pq.write_table(t, dst / table / f"part-{twin}.parquet")
        (dst / "_partitions" / f"{twin}.json").write_text("{}")
        manifest["partitions"][twin] = dict(manifest["partitions"][pid])
    (dst / "_manifest.json").write_text(json.dumps(manifest))


def _later(value: str | None) -> str | None:
    from datetime import datetime, timedelta

    if not value:
        return value
    try:
        d = datetime.fromisoformat(value[:10]) + timedelta(days=35)
    except ValueError:
        return value
    return d.strftime("%Y-%m-%d") + value[10:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--bare", type=int, default=1000, help="records for the bare loop")
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--keep", type=Path, default=None, help="work directory to keep")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="corpus-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    warc = work / "corpus.warc.gz"
    t = time.perf_counter()
    build_warc(warc, args.pages)
    print(f"corpus: {args.pages} pages, {warc.stat().st_size / 1e6:.1f} MB WARC (built in "
          f"{time.perf_counter() - t:.1f} s); 2 cores shared with other work", flush=True)  # fmt: skip

    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("overhead (bare loop before and after the corpus runs, as the load drifts):")
    bare1 = bare_loop(warc, min(args.bare, args.pages))
    print("scaling:")
    one = annotate(warc, work / "one", 1, args.partition_size)
    two = annotate(warc, work / "two", 2, args.partition_size)
    bare2 = bare_loop(warc, min(args.bare, args.pages))
    bare = (bare1 + bare2) / 2
    per_worker = args.pages / one
    print(f"  2 workers / 1 worker speed-up (wall, start-up included): {one / two:.2f}x")
    print(f"  one worker / bare loop throughput (wall): {per_worker / bare:.2f}x")
    s1, s2 = steady(work / "one"), steady(work / "two")
    print(f"  per-worker records/s inside partitions: 1 worker {s1:.2f}, 2 workers {s2:.2f}"
          f" each; one worker / bare loop: {s1 / bare:.2f}x")  # fmt: skip
    print("memory (1-worker run):")
    memory(work / "one")
    print("memory (2-worker run):")
    memory(work / "two")

    from newsprov.corpus.run import dask_client
    from newsprov.corpus.stories import corpus_stories

    print("claim matching (corpus stories, 2 workers, cluster started beforehand):")
    doubled(work / "two", work / "double")
    with dask_client(2, None) as client:
        t = time.perf_counter()
        r1 = corpus_stories(work / "two", client=client)
        s1 = time.perf_counter() - t
        print(
            f"  {r1.articles} articles: {s1:.1f} s, {r1.claim_matches} matches in {r1.blocks} blocks"
        )
        t = time.perf_counter()
        r2 = corpus_stories(work / "double", client=client)
        s2 = time.perf_counter() - t
    print(f"  {r2.articles} articles: {s2:.1f} s, {r2.claim_matches} matches in {r2.blocks} blocks")
    print(f"  time ratio for twice the corpus: {s2 / s1:.2f} (2.0 is linear, 4.0 quadratic)")

    from db.schema import open_db
    from newsprov.corpus.load import load_corpus, select_articles

    print("loading:")
    t = time.perf_counter()
    articles = select_articles(work / "two")
    res = load_corpus(open_db(str(work / "load.db")), work / "two", articles)
    elapsed = time.perf_counter() - t
    print(f"  corpus load: {res.articles} articles in {elapsed:.1f} s "
          f"({res.articles / elapsed:.0f} articles/s)")  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
