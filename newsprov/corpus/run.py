"""The corpus conductor: a Dask client (an embedded LocalCluster by default, or any
scheduler address), the header scan, one task per partition, the manifest and the
summary. Dask schedules, retries and reassigns work; nothing here is a pool or a queue.

Resuming: a partition is done when its marker `_partitions/<pid>.json` exists (the worker
writes it after the partition's Parquet files are in place). The manifest is rebuilt from
the markers, so a run killed at any point (client, worker, or both) loses at most the
partitions in flight, and the next run with the same inputs does only what is missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.parquet import clean_tmp, write_json_atomic
from newsprov import __version__
from newsprov.corpus.plan import (
    FORMAT,
    MANIFEST,
    CorpusError,
    InputFile,
    Plan,
    check_manifest,
    load_scan,
    make_plan,
    resolve_inputs,
    save_scan,
    scan_cache,
)
from newsprov.corpus.worker import PartitionTask, marker_path, run_partition
from scraper.records import scan_input

MANIFEST_EVERY = 5.0  # seconds between manifest rewrites while partitions finish


@dataclass
class Summary:
    records: int = 0
    articles: int = 0
    duplicates: int = 0
    partitions: int = 0
    partitions_done: int = 0
    skips: Counter = field(default_factory=Counter)
    failures: list[dict[str, str]] = field(default_factory=list)  # {"url"|"partition", "error"}
    # Wall-clock seconds per phase of this run (cluster start, header scan and plan,
    # partitions): where a run's time goes, for bench/corpus_speed.py and the curious.
    timings: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "articles": self.articles,
            "duplicates": self.duplicates,
            "partitions": self.partitions,
            "partitions_done": self.partitions_done,
            "skips": dict(sorted(self.skips.items())),
            "failures": self.failures,
        }


@contextlib.contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator[Any]:
    """A distributed Client: to `scheduler` when given, else to an embedded LocalCluster
    of `workers` single-threaded processes (spaCy is CPU-bound and holds the GIL)."""
    from distributed import Client, LocalCluster

    for name in ("distributed", "distributed.worker", "distributed.nanny", "bokeh"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise CorpusError(
                f"could not reach the Dask scheduler at {scheduler} ({exc}); check the address "
                f"or leave out --scheduler to run on this machine"
            ) from None
        with client:
            yield client
        return
    import dask

    from newsprov.corpus.process import WORKER_CONFIG

    # The nanny hands this configuration to the worker processes it starts: no sampling
    # profiler in them (process.py). Workers started by users read theirs (README).
    with (
        dask.config.set(WORKER_CONFIG),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,  # workers closing at the end log heartbeat errors
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def scan_all(client: Any, out: Path, inputs: list[InputFile]) -> list[list]:
    """Every input's record heads: from the cache of an earlier run, else scanned on the
    cluster (one task per input file)."""
    scans: list[list | None] = [load_scan(scan_cache(out, i)) for i in inputs]
    todo = [n for n, s in enumerate(scans) if s is None]
    futures = client.map(scan_input, [Path(inputs[n].path) for n in todo], pure=False)
    for n, heads in zip(todo, client.gather(futures), strict=True):
        save_scan(scan_cache(out, inputs[n]), heads)
        scans[n] = heads
    return scans  # type: ignore[return-value]


def annotate_corpus(
    inputs: list[Path],
    out: Path,
    workers: int = 2,
    scheduler: str | None = None,
    partition_size: int = 200,
    lexicons: tuple[str, ...] = (),
    disabled: tuple[str, ...] = (),
    progress: bool = True,
) -> Summary:
    files = resolve_inputs(inputs)
    out.mkdir(parents=True, exist_ok=True)
    check_manifest(out, files, partition_size)
    clean_tmp(out)
    t0 = time.time()
    summary_timings = {"started_at": t0}
    with dask_client(workers, scheduler) as client:
        summary_timings["cluster"] = time.time() - t0
        plan = make_plan(out, files, scan_all(client, out, files), partition_size)
        summary_timings["scan"] = time.time() - t0 - summary_timings["cluster"]
        summary = Summary(records=plan.records, duplicates=plan.duplicates)
        summary.partitions = len(plan.partitions)
        write_manifest(out, plan, partition_size, summary)
        pending = [p for p in plan.partitions if not marker_path(out, p.pid).exists()]
        tasks = [
            PartitionTask(p.pid, p.source, p.heads, p.owned, str(out), lexicons, disabled)
            for p in pending
        ]
        t1 = time.time()
        _run_tasks(client, tasks, plan, out, partition_size, summary, progress)
        summary_timings["partitions"] = time.time() - t1
    summary.timings = {k: round(v, 3) for k, v in summary_timings.items()}
    return finish(out, plan, partition_size, summary)


def _run_tasks(
    client: Any,
    tasks: list[PartitionTask],
    plan: Plan,
    out: Path,
    partition_size: int,
    summary: Summary,
    progress: bool,
) -> None:
    from distributed import as_completed
    from tqdm import tqdm

    total = plan.records
    done_before = total - sum(len(t.heads) for t in tasks)
    bar = tqdm(
        total=total,
        initial=done_before,
        unit="rec",
        desc="annotating",
        disable=not progress,
        file=sys.stderr,
        smoothing=0.1,
    )
    # retries: a task whose worker died is rescheduled by Dask anyway; retries also cover
    # an exception on a flaky filesystem. The key names the partition, so it shows up in
    # the Dask dashboard.
    # Keys are unique per output directory: one scheduler may serve several corpora that
    # read the same input, and a key already known to it would return the other's result.
    # Within one directory the same key is wanted: a re-run after a killed client joins
    # the task still running instead of starting a second copy.
    salt = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:8]
    futures = {
        client.submit(
            run_partition, t, key=f"corpus-{t.pid}-{salt}-{__version__}", retries=2, pure=False
        ): t
        for t in tasks
    }
    last = time.monotonic()
    for fut in as_completed(futures):
        task = futures[fut]
        try:
            fut.result()
        except Exception as exc:  # noqa: BLE001 - one partition failing is reported, not fatal
            summary.failures.append(
                {"partition": task.pid, "error": f"{type(exc).__name__}: {exc}"}
            )
        bar.update(len(task.heads))
        if time.monotonic() - last > MANIFEST_EVERY:
            write_manifest(out, plan, partition_size, summary)
            last = time.monotonic()
    bar.close()


def _markers(out: Path, plan: Plan) -> dict[str, dict]:
    found = {}
    for p in plan.partitions:
        m = marker_path(out, p.pid)
        if m.exists():
            found[p.pid] = json.loads(m.read_text(encoding="utf-8"))
    return found


def write_manifest(out: Path, plan: Plan, partition_size: int, summary: Summary) -> dict:
    markers = _markers(out, plan)
    fingerprints = sorted(
        {json.dumps(m.get("annotator", {}), sort_keys=True) for m in markers.values()}
    )
    by_input: dict[str, list[str]] = {}
    for p in plan.partitions:
        by_input.setdefault(p.source, []).append(p.pid)
    manifest = {
        "format": FORMAT,
        "code_version": __version__,
        "annotator": [json.loads(f) for f in fingerprints],
        "partition_size": partition_size,
        "inputs": [
            {
                "path": i.path,
                "size": i.size,
                "kind": i.kind,
                "records": sum(len(p.heads) for p in plan.partitions if p.source == i.path),
                "finished": all(pid in markers for pid in by_input.get(i.path, [])),
            }
            for i in plan.inputs
        ],
        "partitions": {
            p.pid: {
                "source": p.source,
                "first_record": p.heads[0].ordinal if p.heads else None,
                "records": len(p.heads),
                "done": p.pid in markers,
                "articles": markers.get(p.pid, {}).get("articles"),
            }
            for p in plan.partitions
        },
        "duplicates": plan.duplicates,
        "summary": summary.to_json(),
    }
    write_json_atomic(out / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def finish(out: Path, plan: Plan, partition_size: int, summary: Summary) -> Summary:
    """Totals from the markers (so a resumed run reports the whole corpus), then the final
    manifest."""
    markers = _markers(out, plan)
    summary.partitions_done = len(markers)
    summary.articles = sum(m["articles"] for m in markers.values())
    summary.skips = Counter()
    for m in markers.values():
        summary.skips.update(m["skips"])
        summary.failures += m["failures"]
    write_manifest(out, plan, partition_size, summary)
    return summary


def done_partitions(out: Path) -> list[str]:
    """File stems (part-<pid>) of the finished partitions, from the manifest."""
    path = out / MANIFEST
    if not path.exists():
        raise CorpusError(
            f"{out} has no {MANIFEST}: run `newsprov corpus annotate ... --out {out}` first"
        )
    manifest = json.loads(path.read_text(encoding="utf-8"))
    # The markers, not the manifest's flags: a client killed after a partition finished
    # has not rewritten the manifest yet.
    return [
        f"part-{pid}" for pid in sorted(manifest["partitions"]) if marker_path(out, pid).exists()
    ]
