"""Why a Dask worker annotates slower than a plain process: the same records, by CPU time.

The same first N records of a corpus WARC are extracted and annotated (the Annotator, as
a corpus partition does) in a fresh process for each setting, and the CPU time of the
thread doing the work (time.thread_time, getrusage(RUSAGE_THREAD)) is printed a record,
with its ratio to the plain process. CPU time, not wall time: the cores are shared, and
waiting for one does not count. Settings (--configs, comma-separated, in this order):

- plain: the main thread of a fresh process (spawned), nothing else running in it;
- plain-thread: the same in a second thread (the main thread waits in join);
- plain-trim: `plain` with MALLOC_TRIM_THRESHOLD_=65536 in its environment, as a Dask
  nanny sets for its worker (distributed.nanny.pre-spawn-environ);
- dask: a task on a one-worker LocalCluster with Dask's default configuration;
- dask-noprof: distributed.worker.profile.enabled False (no sampling profiler);
- dask-notrim: no MALLOC_TRIM_THRESHOLD_ for the worker;
- dask-freeze: gc.freeze() after building the Annotator (the collector skips the
  objects alive then: the Annotator's lexicons, spaCy, Dask's own state);
- dask-gc: gen-0 threshold 50,000 while the pass runs;
- dask-all: noprof + notrim + freeze;
- dask-heap: mallopt mmap threshold 32 MiB, trim 64 MiB (dask-heaptrim: mmap only);
- dask-shipped: what `corpus annotate` does now (newsprov/corpus/process.py).

Each run annotates the records twice (pass 1 cold, pass 2 over the same texts with the
vocabulary warm). Columns, a record: the task thread's CPU ms for extraction, pass 1 and
pass 2; the other threads' CPU during pass 1 (Dask's event loop, profiler); the wall ms
the profiler spent sampling (Dask's digest); the thread's system CPU ms and minor page
faults; the collector's runs and involuntary context switches over pass 1.

    PYTHONPATH=. .venv/bin/python bench/worker_overhead.py --warc W.warc.gz [--records 150]
        [--configs plain,dask,...]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

NOPROF = {"distributed.worker.profile.enabled": False}
NOTRIM = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}
TRIM = {"MALLOC_TRIM_THRESHOLD_": "65536"}
# glibc mallopt parameters: big blocks from the heap instead of a fresh mmap each time
HEAP = {"mmap_threshold": 32 << 20, "trim_threshold": 64 << 20}
HEAP_TRIM = {"mmap_threshold": 32 << 20}

# name: (where, environment, Dask config, options of measure)
CONFIGS: dict[str, tuple[str, dict, dict, dict]] = {
    "plain": ("plain", {}, {}, {}),
    "plain-thread": ("thread", {}, {}, {}),
    "plain-trim": ("plain", TRIM, {}, {}),
    "thread-trim": ("thread", TRIM, {}, {}),
    "thread-arena1": ("thread", {"MALLOC_ARENA_MAX": "1"}, {}, {}),
    "dask": ("dask", {}, {}, {}),
    "dask-noprof": ("dask", {}, NOPROF, {}),
    "dask-notrim": ("dask", {}, NOTRIM, {}),
    "dask-heap": ("dask", {}, {}, {"mallopt": HEAP}),
    "dask-heaptrim": ("dask", {}, {}, {"mallopt": HEAP_TRIM}),
    "dask-arena1": ("dask", {}, {"distributed.nanny.pre-spawn-environ.MALLOC_ARENA_MAX": 1}, {}),
    "dask-freeze": ("dask", {}, {}, {"freeze": True}),
    "dask-gc": ("dask", {}, {}, {"gc0": 50_000}),
    "dask-stopprof": ("dask", {}, {}, {"stop_profiler": True}),
    "dask-all": ("dask", {}, {**NOPROF, **NOTRIM}, {"freeze": True}),
    "dask-all-heap": ("dask", {}, {}, {"mallopt": HEAP, "stop_profiler": True, "freeze": True}),
    # what `corpus annotate` does now: newsprov/corpus/process.py
    "dask-shipped": ("dask", {}, NOPROF, {"prepare": True}),
}
MALLOPT = {"trim_threshold": -1, "top_pad": -2, "mmap_threshold": -3, "arena_max": -8}


def _usage() -> dict[str, float]:
    t = resource.getrusage(resource.RUSAGE_THREAD)
    return {
        "thread": time.thread_time(),
        "process": time.process_time(),
        "wall": time.perf_counter(),
        "utime": t.ru_utime,
        "stime": t.ru_stime,
        "minflt": t.ru_minflt,
        "nivcsw": t.ru_nivcsw,
        "nvcsw": t.ru_nvcsw,
        "gc": sum(s["collections"] for s in gc.get_stats()),
        "gc2": gc.get_stats()[2]["collections"],
    }


def _diff(a: dict, b: dict) -> dict[str, float]:
    return {k: b[k] - a[k] for k in a}


def measure(
    warc: str,
    n: int,
    freeze: bool = False,
    gc0: int = 0,
    mallopt: dict | None = None,
    stop_profiler: bool = False,
    prepare: bool = False,
) -> dict[str, Any]:
    """Extract and annotate the first n records of `warc` in the calling thread."""
    if mallopt:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        for name, value in mallopt.items():
            assert libc.mallopt(MALLOPT[name], value) == 1, name
    if stop_profiler:
        from distributed import get_worker

        for name in ("profile", "profile-cycle"):
            get_worker().periodic_callbacks[name].stop()
    from annotate.annotator import Annotator
    from scraper.extract import ExtractError, extract_article
    from scraper.records import read_records, scan_input

    annotator = Annotator()
    heads = scan_input(Path(warc))[:n]
    recs = list(read_records(Path(warc), heads))
    if prepare:
        from newsprov.corpus.process import prepare_worker_process

        prepare_worker_process()
    if freeze:
        gc.collect()
        gc.freeze()
    old = gc.get_threshold()
    if gc0:
        gc.set_threshold(gc0, old[1], old[2])
    out: dict[str, Any] = {
        "tracked": len(gc.get_objects()),
        "frozen": gc.get_freeze_count(),
        "switch": sys.getswitchinterval(),
        "threads": threading.active_count(),
        "malloc_trim": os.environ.get("MALLOC_TRIM_THRESHOLD_"),
    }
    u0 = _usage()
    texts = []
    for rec in recs:
        try:
            texts.append(extract_article(rec.body, rec.url, rec.content_type).text)
        except ExtractError:
            pass
    out["extract"] = _diff(u0, _usage())
    out["texts"] = len(texts)
    try:  # seconds the worker's sampling profiler ran (Dask's own digest), if in a worker
        from distributed import get_worker

        digests = get_worker().digests_total
    except (ImportError, ValueError):
        digests = {}
    for p in (1, 2):
        u0 = _usage()
        prof0 = digests.get("profile-duration", 0.0)
        for _ann in annotator.annotate_many(texts, 32):
            pass
        out[f"pass{p}"] = _diff(u0, _usage())
        out[f"pass{p}"]["profiler"] = digests.get("profile-duration", 0.0) - prof0
    gc.set_threshold(*old)
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _in_thread(warc: str, n: int, **opts: Any) -> dict[str, Any]:
    box: dict[str, Any] = {}
    t = threading.Thread(target=lambda: box.update(measure(warc, n, **opts)))
    t.start()
    t.join()
    return box


def run_dask(warc: str, n: int, config: dict, **opts: Any) -> dict[str, Any]:
    import logging

    import dask
    from distributed import Client, LocalCluster

    with (
        dask.config.set(config),
        LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,
    ):
        return client.submit(measure, warc, n, pure=False, **opts).result()


def run_one(config: str, warc: str, n: int) -> dict[str, Any]:
    """In this (fresh) process: the setting's environment is already in place."""
    where, _env, dask_config, opts = CONFIGS[config]
    if where == "plain":
        return measure(warc, n, **opts)
    if where == "thread":
        return _in_thread(warc, n, **opts)
    return run_dask(warc, n, dask_config, **opts)


def run(config: str, warc: str, n: int) -> dict[str, Any]:
    """One setting in a fresh process whose environment has no MALLOC_* but the setting's
    (a nanny writes its pre-spawn environment into its parent's os.environ)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    env.update(CONFIGS[config][1])
    proc = subprocess.run(
        [sys.executable, __file__, "--warc", warc, "--records", str(n), "--one", config],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--warc", required=True)
    ap.add_argument("--records", type=int, default=150)
    ap.add_argument("--configs", default=",".join(CONFIGS))
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--rounds", type=int, default=1, help="run the settings this many times")
    args = ap.parse_args()
    if args.one:
        with contextlib.redirect_stderr(open(os.devnull, "w")):  # noqa: SIM115
            r = run_one(args.one, args.warc, args.records)
        print(json.dumps(r))
        return
    base = None
    print(f"load average {os.getloadavg()[0]:.1f}; ms a record (thread CPU) unless said")
    print(
        "config        extract  pass1  pass2  other-threads profiler  stime  minflt/rec"
        "  gc  nivcsw  ratio  | tracked, frozen, switch, threads, trim, maxrss"
    )
    for config in args.configs.split(",") * args.rounds:
        r = run(config, args.warc, args.records)
        k = r["texts"]
        p1, p2 = r["pass1"], r["pass2"]
        per = 1e3 * (r["extract"]["thread"] + p1["thread"]) / k
        if base is None:
            base = per
        print(
            f"{config:13s} {1e3 * r['extract']['thread'] / k:6.1f} {1e3 * p1['thread'] / k:6.1f}"
            f" {1e3 * p2['thread'] / k:6.1f} {1e3 * (p1['process'] - p1['thread']) / k:10.1f}"
            f" {1e3 * p1['profiler'] / k:8.1f}"
            f" {1e3 * p1['stime'] / k:10.1f} {p1['minflt'] / k:8.0f} {p1['gc']:6.0f}"
            f" {p1['nivcsw']:6.0f}  {base / per:5.2f}x | {r['tracked']}, {r['frozen']},"
            f" {r['switch']}, {r['threads']}, {r['malloc_trim']}, {r['maxrss_mb']:.0f} MB"
            f"  (load {os.getloadavg()[0]:.1f})",
            flush=True,
        )


if __name__ == "__main__":
    main()
