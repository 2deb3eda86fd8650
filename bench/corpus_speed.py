"""Corpus mode speed, as ratios measured on this machine, in stages that can run apart.

Builds a synthetic corpus of --pages (default 10,000) article pages as one WARC: the
bundled sample pages and the gold texts (tests/gold/*.txt, wrapped in a plain article
page), each rewritten with a fixed seed (figures shifted, a numbered sentence added) so
no two pages are equal. The first N pages of it are the corpus of N pages. Stages
(--stage, default all, in this order; each reuses what the earlier ones left in --work):
- annotate: the bare loop in a fresh process (extract_article, then nlp.pipe with batch 32,
  no rules) over the first --bare records, then `corpus annotate` on an embedded
  LocalCluster with 1 and with 2 workers over the first --records pages (default all):
  scaling (2 against 1), overhead (one worker's records/s against the bare loop, wall
  and inside partitions), memory (each worker's peak RSS after the first and the last
  quarter of its partitions), and where the wall time goes (cluster start, header scan,
  spaCy load, partitions, the tail);
- stories: `corpus stories` on the annotated corpus scaled to each of --sizes records
  (default 10,000 and 20,000): the annotated rows again under new keys, each copy dated
  five weeks after the previous one, so a 20k corpus needs no second annotate;
- load: `corpus load` of the first of --sizes into a fresh SQLite file.

    .venv/bin/python bench/corpus_speed.py --work DIR [--stage all|annotate|stories|load]
        [--pages 10000] [--records N] [--bare 1000] [--partition-size 100] [--sizes ...]

The full bench, on a machine with nothing else running (check `uptime`), from the
repository root; about 15 minutes on two free cores, most of it `corpus load`:

    PYTHONPATH=. .venv/bin/python bench/corpus_speed.py --work /tmp/corpus-bench \
        --pages 10000 --records 1000 --bare 1000 --partition-size 100 --sizes 10000,20000

Without --records it annotates all 10,000 pages (about 25 minutes more); `--stage
stories` or `--stage load` rerun one stage on the same --work (its annotated `two/`).

Why a worker needs more CPU a record than the bare loop, setting by setting (profiler,
malloc thresholds, the collector): bench/worker_overhead.py.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import multiprocessing
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

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
PHASES = ("read_extract", "annotate", "rows_write")


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


def annotate(warc: Path, out: Path, workers: int, partition_size: int) -> tuple[float, dict]:
    import resource

    from newsprov.corpus.run import annotate_corpus

    own0, kids0 = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    load0 = os.getloadavg()[0]
    t = time.perf_counter()
    s = annotate_corpus([warc], out, workers=workers, partition_size=partition_size, progress=False)
    elapsed = time.perf_counter() - t
    own1, kids1 = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    print(f"  {workers} worker(s): {s.articles} articles of {s.records} records in {elapsed:.1f} s"
          f" ({s.records / elapsed:.2f} records/s); skips {dict(s.skips)}; load average"
          f" {load0:.1f} -> {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
    # The driver (client, the LocalCluster's scheduler, the progress loop) and the worker
    # processes (nannies included, counted once they exit): CPU seconds over the run.
    driver = own1.ru_utime + own1.ru_stime - own0.ru_utime - own0.ru_stime
    workers_cpu = kids1.ru_utime + kids1.ru_stime - kids0.ru_utime - kids0.ru_stime
    print(f"    CPU: driver process {driver:.1f} s ({driver / elapsed:.0%} of a core), worker"
          f" processes {workers_cpu:.1f} s", flush=True)  # fmt: skip
    wall(out, s.timings, elapsed)
    return elapsed, s.timings


def wall(out: Path, timings: dict, elapsed: float) -> None:
    """Where the run's wall time went, from the conductor's phases and the markers."""
    markers = [json.loads(p.read_text()) for p in (out / "_partitions").glob("*.json")]
    if not markers or "started_at" not in timings:
        return
    t0 = timings["started_at"]
    per: dict[int, list[dict]] = {}
    for m in markers:
        per.setdefault(m["worker_pid"], []).append(m)
    parts = []
    for pid, ms in sorted(per.items()):
        busy = sum(m["seconds"] for m in ms)
        cpu = sum(m.get("cpu_seconds", 0) for m in ms)
        split = {k: sum(m.get("phases", {}).get(k, 0) for m in ms) for k in PHASES}
        load = sum(m.get("load_seconds", 0) for m in ms)
        first = min(m["started_at"] for m in ms) - t0
        last = max(m["finished_at"] for m in ms) - t0
        parts.append(f"worker {pid}: {len(ms)} partitions, first starts at {first:.1f} s, "
                     f"spaCy load {load:.1f} s, busy {busy:.1f} s ("
                     + ", ".join(f"{k} {v:.1f}" for k, v in split.items())
                     + f"), CPU {cpu:.1f} s ({cpu / max(busy, 1e-9):.0%} of busy),"
                     f" last ends at {last:.1f} s")  # fmt: skip
    print(f"    phases: cluster start {timings.get('cluster', 0):.1f} s, header scan and plan "
          f"{timings.get('scan', 0):.1f} s, partitions {timings.get('partitions', 0):.1f} s, "
          f"rest {elapsed - sum(timings.get(k, 0) for k in ('cluster', 'scan', 'partitions')):.1f} s")  # fmt: skip
    for line in parts:
        print("    " + line)


def bare_loop(warc: Path, n: int) -> tuple[float, float]:
    """records/s and CPU seconds a record of extraction + nlp.pipe (no rules, no Dask) in
    this process; then the same records through the Annotator in this process (the
    rules' own cost, no Dask)."""
    from annotate.annotator import Annotator
    from scraper.extract import ExtractError, extract_article
    from scraper.records import read_records, scan_input

    annotator = Annotator()
    nlp = annotator.nlp
    heads = scan_input(warc)[:n]
    t, cpu = time.perf_counter(), time.process_time()
    texts = []
    for rec in read_records(warc, heads):
        try:
            texts.append(extract_article(rec.body, rec.url, rec.content_type).text)
        except ExtractError:
            pass
    t_extract = time.perf_counter() - t
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    t = time.perf_counter()
    for _ann in annotator.annotate_many(texts, 32):
        pass
    rules = time.perf_counter() - t
    print(f"  bare loop: {len(heads)} records in {elapsed:.1f} s ({len(heads) / elapsed:.2f} "
          f"records/s; extraction {t_extract:.1f} s); the Annotator in this process instead of "
          f"nlp.pipe: {t_extract + rules:.1f} s ({(t_extract + rules) / elapsed:.2f}x the time);"
          f" CPU {cpu:.1f} s ({cpu / elapsed:.0%} of the wall time)", flush=True)  # fmt: skip
    return len(heads) / elapsed, cpu / len(heads)


def cold_bare_loop(warc: Path, n: int) -> tuple[float, float]:
    """bare_loop in a fresh process, as cold as a Dask worker starting its partitions.

    Two loops in one process gave the second one spaCy's vocabulary and every cache warm
    for exactly the same records, which no worker gets. Even cold, the same 800 records
    took 39-68 s within minutes on this VM at load about 1, so the two loops are averaged
    and the ratios below move by about 0.1 from run to run.
    """
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx) as pool:
        return pool.submit(bare_loop, warc, n).result()


def steady(out: Path) -> tuple[float, float]:
    """records/s per worker and CPU seconds a record, from the partitions' own times (no
    start-up, no spaCy load)."""
    markers = [json.loads(p.read_text()) for p in (out / "_partitions").glob("*.json")]
    n = sum(m["records"] for m in markers)
    return n / sum(m["seconds"] for m in markers), sum(m.get("cpu_seconds", 0) for m in markers) / n


def memory(out: Path) -> None:
    """Each worker's peak RSS after the first and the last quarter of its partitions."""
    markers = [json.loads(p.read_text()) for p in (out / "_partitions").glob("*.json")]
    per: dict[int, list[dict]] = {}
    for m in sorted(markers, key=lambda m: m.get("finished_at", 0)):
        per.setdefault(m["worker_pid"], []).append(m)
    for pid, ms in sorted(per.items()):
        q = max(1, len(ms) // 4)
        print(f"  worker {pid}: peak RSS {ms[q - 1]['peak_rss_mb']:.0f} MB after the first quarter"
              f" of its {len(ms)} partitions, {ms[-1]['peak_rss_mb']:.0f} MB after the last")  # fmt: skip


TABLES = ("articles", "sentences", "framing", "claims", "links")


def scaled(src: Path, dst: Path, records: int) -> Path:
    """`src` (an annotated corpus) as a corpus of `records` records: its partitions again
    and again under new keys and URLs, each copy dated five weeks after the previous one
    (so claim blocks, which are per week, do not merge across copies)."""
    if (dst / "_manifest.json").exists():
        return dst
    manifest = json.loads((src / "_manifest.json").read_text())
    parts = sorted((pid, p["records"]) for pid, p in manifest["partitions"].items() if p["done"])
    out_parts: dict[str, dict] = {}
    for sub in (*TABLES, "_partitions"):
        (dst / sub).mkdir(parents=True, exist_ok=True)
    total, r = 0, 0
    while total < records:
        for pid, n in parts:
            if total >= records:
                break
            twin = pid if r == 0 else f"{pid}r{r}"
            for table in TABLES:
                f = src / table / f"part-{pid}.parquet"
                if f.exists():
                    pq.write_table(
                        _renamed(pq.read_table(f), r), dst / table / f"part-{twin}.parquet"
                    )
            shutil.copy(src / "_partitions" / f"{pid}.json", dst / "_partitions" / f"{twin}.json")
            out_parts[twin] = dict(manifest["partitions"][pid])
            total += n
        r += 1
    manifest["partitions"] = out_parts
    (dst / "_manifest.json").write_text(json.dumps(manifest))
    return dst


def _renamed(t: pa.Table, r: int) -> pa.Table:
    if r == 0:
        return t
    cols = {"article_key": lambda v: f"{v}r{r}"}
    for c in ("url", "input_url", "canonical_url"):
        cols[c] = lambda v: v and f"{v}?copy={r}"
    for c in ("published", "captured_at"):
        cols[c] = lambda v: _later(v, 35 * r)
    for name, fn in cols.items():
        if name in t.schema.names:
            i = t.schema.get_field_index(name)
            t = t.set_column(i, name, pa.array([fn(v) for v in t.column(name).to_pylist()],
                                               t.schema.field(name).type))  # fmt: skip
    return t


def _later(value: str | None, days: int) -> str | None:
    from datetime import datetime, timedelta

    if not value:
        return value
    try:
        d = datetime.fromisoformat(value[:10]) + timedelta(days=days)
    except ValueError:
        return value
    return d.strftime("%Y-%m-%d") + value[10:]


def corpus_warc(work: Path, pages: int, records: int) -> Path:
    """The WARC of the first `records` of the --pages corpus (built once, then reused)."""
    path = work / f"corpus-{records}.warc.gz"
    if not path.exists():
        t = time.perf_counter()
        build_warc(path, records)
        print(f"corpus: {records} of {pages} pages, {path.stat().st_size / 1e6:.1f} MB WARC "
              f"(built in {time.perf_counter() - t:.1f} s)", flush=True)  # fmt: skip
    return path


def stage_annotate(args: argparse.Namespace, work: Path) -> None:
    warc = corpus_warc(work, args.pages, args.records or args.pages)
    print("overhead (bare loop before and after the corpus runs, as the load drifts):")
    bare1, bare_cpu1 = cold_bare_loop(warc, args.bare)
    print("scaling:")
    for d in ("one", "two"):
        shutil.rmtree(work / d, ignore_errors=True)
    one, _t1 = annotate(warc, work / "one", 1, args.partition_size)
    two, _t2 = annotate(warc, work / "two", 2, args.partition_size)
    bare2, bare_cpu2 = cold_bare_loop(warc, args.bare)
    bare, bare_cpu = (bare1 + bare2) / 2, (bare_cpu1 + bare_cpu2) / 2
    records = args.records or args.pages
    print(f"  2 workers / 1 worker speed-up (wall, start-up included): {one / two:.2f}x")
    print(f"  one worker / bare loop throughput (wall): {records / one / bare:.2f}x")
    (s1, c1), (s2, _c2) = steady(work / "one"), steady(work / "two")
    print(f"  per-worker records/s inside partitions: 1 worker {s1:.2f}, 2 workers {s2:.2f}"
          f" each; one worker / bare loop: {s1 / bare:.2f}x")  # fmt: skip
    # CPU a record, which other jobs on the machine move much less than the wall time
    print(f"  CPU a record: bare loop {1e3 * bare_cpu:.0f} ms, one worker inside partitions"
          f" {1e3 * c1:.0f} ms; bare / worker: {bare_cpu / c1:.2f}x")  # fmt: skip
    print("memory (1-worker run):")
    memory(work / "one")
    print("memory (2-worker run):")
    memory(work / "two")


def stage_stories(args: argparse.Namespace, work: Path) -> None:
    from newsprov.corpus.run import dask_client
    from newsprov.corpus.stories import corpus_stories

    print("claim matching (corpus stories, 2 workers, cluster started beforehand):")
    times, cpus, matches = [], [], []
    with dask_client(2, None) as client:
        # Untimed, on two partitions: the workers' first tasks import datasketch and
        # pyarrow, which would otherwise count against the first size only.
        corpus_stories(scaled(work / "two", work / "scaled-warm", 1), client=client)
        for size in args.sizes:
            d = scaled(work / "two", work / f"scaled-{size}", size)
            load0, cpu0 = os.getloadavg()[0], _cluster_cpu(client)
            t = time.perf_counter()
            r = corpus_stories(d, client=client)
            times.append(time.perf_counter() - t)
            cpus.append(_cluster_cpu(client) - cpu0)
            matches.append(r.claim_matches)
            print(f"  {size} records, {r.articles} articles: {times[-1]:.1f} s, {r.copies} copies,"
                  f" {r.claim_matches} matches in {r.blocks} blocks; CPU of the workers and this"
                  f" process {cpus[-1]:.1f} s; {1e3 * times[-1] / max(r.claim_matches, 1):.2f} ms"
                  f" a match; load average {load0:.1f} -> {os.getloadavg()[0]:.1f}",
                  flush=True)  # fmt: skip
    if len(times) > 1:
        k = args.sizes[-1] / args.sizes[0]
        print(
            f"  for {k:.0f}x the corpus ({k:.1f} is linear, {k * k:.1f} quadratic): time "
            f"{times[-1] / times[0]:.2f}x, CPU {cpus[-1] / cpus[0]:.2f}x, matches "
            f"{matches[-1] / max(matches[0], 1):.2f}x (a shared machine moves the time, the "
            f"CPU much less)"
        )


def _cluster_cpu(client: Any) -> float:
    """CPU seconds so far of the workers and this process (client, LocalCluster scheduler)."""
    import resource

    def used() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    return sum(client.run(used).values()) + used()


def stage_load(args: argparse.Namespace, work: Path) -> None:
    from db.schema import open_db
    from newsprov.corpus.load import load_corpus, select_articles

    size = args.sizes[0]
    d = scaled(work / "two", work / f"scaled-{size}", size)
    db_path = work / f"load-{size}.db"
    db_path.unlink(missing_ok=True)
    print("loading:")
    t = time.perf_counter()
    res = load_corpus(open_db(str(db_path)), d, select_articles(d))
    elapsed = time.perf_counter() - t
    print(f"  corpus load of {size} records: {res.articles} articles in {elapsed:.1f} s "
          f"({res.articles / elapsed:.0f} articles/s)")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, required=True, help="work directory, kept and reused")
    ap.add_argument("--stage", choices=("all", "annotate", "stories", "load"), default="all")
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--records", type=int, default=None, help="annotate the first N pages")
    ap.add_argument("--bare", type=int, default=1000, help="records for the bare loop")
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--sizes", default="10000,20000", help="corpus sizes for stories/load")
    args = ap.parse_args()
    args.sizes = [int(x) for x in args.sizes.split(",")]
    args.bare = min(args.bare, args.records or args.pages)
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    corpus_warc(work, args.pages, args.pages)  # the full corpus exists whatever is annotated
    print(f"load average before: {os.getloadavg()} on {os.cpu_count()} cores", flush=True)
    if args.stage in ("all", "annotate"):
        stage_annotate(args, work)
    if args.stage in ("all", "stories"):
        stage_stories(args, work)
    if args.stage in ("all", "load"):
        stage_load(args, work)
    print(f"load average after: {os.getloadavg()} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
