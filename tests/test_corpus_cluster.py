"""`newsprov corpus annotate` on a real Dask cluster: a `dask scheduler` and `dask worker`
processes on loopback, the CLI as a subprocess, workers and clients killed mid-run."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from corpus_builders import append_bad_records, corpus_records, write_jsonl, write_warc

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
N_PAGES = 14


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_worker(address: str, name: str, log: Path) -> subprocess.Popen:
    # --no-nanny: the process is the worker itself, so killing it kills the worker
    return subprocess.Popen(
        [str(BIN / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1",
         "--no-nanny", "--no-dashboard", "--host", "127.0.0.1", "--name", name],
        stdout=subprocess.DEVNULL, stderr=open(log, "wb"),
    )  # fmt: skip


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler and two workers on random free loopback ports."""
    from distributed import Client

    logs = tmp_path_factory.mktemp("dask-logs")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [
        subprocess.Popen(
            [
                str(BIN / "dask"),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-dashboard",
            ],
            stdout=subprocess.DEVNULL,
            stderr=open(logs / "scheduler.log", "wb"),
        )  # fmt: skip
    ]
    client = None
    try:
        client = Client(address, timeout="60s")
        procs += [_start_worker(address, f"w{i}", logs / f"w{i}.log") for i in (1, 2)]
        client.wait_for_workers(2, timeout=120)
        yield address, client
    finally:
        if client is not None:
            client.close()
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


@pytest.fixture(scope="module")
def warc(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    write_warc(path, corpus_records(N_PAGES))
    return path, append_bad_records(path)


def _annotate(args: list[str], **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "newsprov"), "corpus", "annotate", *args, "--json", "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw,
    )  # fmt: skip


def _run(args: list[str]) -> dict:
    proc = _annotate(args)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return json.loads(out)


def _counts(out: Path) -> dict[str, int]:
    return {
        t: pq.read_table(out / t).num_rows
        for t in ("articles", "sentences", "framing", "claims", "links")
    }


def _assert_unique(out: Path) -> None:
    s = pq.read_table(out / "sentences", columns=["article_key", "idx"]).to_pylist()
    keys = [(r["article_key"], r["idx"]) for r in s]
    assert len(keys) == len(set(keys))
    a = pq.read_table(out / "articles", columns=["article_key"]).column(0).to_pylist()
    assert len(a) == len(set(a))


@pytest.fixture(scope="module")
def clean(cluster, warc, tmp_path_factory):
    """One clean run on the cluster: the reference for the killed runs."""
    address, _client = cluster
    out = tmp_path_factory.mktemp("clean") / "corpus"
    summary = _run(
        [str(warc[0]), "--out", str(out), "--scheduler", address, "--partition-size", "2"]
    )
    return out, summary


def test_cluster_run_annotates_every_page_and_counts_bad_records(clean, warc):
    out, summary = clean
    assert summary["articles"] == N_PAGES
    assert summary["skips"] == warc[1]
    assert summary["failures"] == []
    counts = _counts(out)
    assert counts["articles"] == N_PAGES
    assert counts["sentences"] > 10 * N_PAGES and counts["claims"] > 0
    _assert_unique(out)
    manifest = json.loads((out / "_manifest.json").read_text())
    assert all(p["done"] for p in manifest["partitions"].values())
    assert manifest["inputs"][0]["finished"] is True
    assert manifest["annotator"][0]["lexicon_sha256"]
    # every sentence lies in its article's text at its offsets
    arts = {r["article_key"]: r["text"] for r in pq.read_table(out / "articles").to_pylist()}
    for s in pq.read_table(out / "sentences").to_pylist()[:200]:
        assert arts[s["article_key"]][s["start"] : s["end"]] == s["text"]


def test_rerun_skips_finished_partitions(clean, cluster, warc):
    out, _ = clean
    before = {p: p.stat().st_mtime_ns for p in (out / "articles").glob("*.parquet")}
    summary = _run(
        [str(warc[0]), "--out", str(out), "--scheduler", cluster[0], "--partition-size", "2"]
    )
    assert summary["articles"] == N_PAGES
    assert {p: p.stat().st_mtime_ns for p in (out / "articles").glob("*.parquet")} == before


def _wait_markers(out: Path, n: int, proc: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(list((out / "_partitions").glob("*.json"))) >= n:
            return
        assert proc.poll() is None, proc.communicate()[1]
        time.sleep(0.1)
    raise AssertionError("no partition finished in time")


def test_killed_client_then_rerun_equals_clean_run(clean, cluster, warc, tmp_path):
    out = tmp_path / "corpus"
    args = [str(warc[0]), "--out", str(out), "--scheduler", cluster[0], "--partition-size", "1"]
    proc = _annotate(args)
    _wait_markers(out, 2, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = len(list((out / "_partitions").glob("*.json")))
    summary = _run(args)
    assert summary["articles"] == N_PAGES
    assert summary["partitions_done"] == summary["partitions"] > done
    assert _counts(out) == _counts(clean[0])
    _assert_unique(out)


def test_killed_worker_is_rescheduled_and_rows_equal_clean_run(clean, cluster, warc, tmp_path):
    address, client = cluster
    victim = _start_worker(address, "victim", tmp_path / "victim.log")
    try:
        client.wait_for_workers(3, timeout=120)
        out = tmp_path / "corpus"
        proc = _annotate(
            [str(warc[0]), "--out", str(out), "--scheduler", address, "--partition-size", "1"]
        )
        # Kill the victim while it holds work, so Dask must reschedule that work.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            busy = {
                client.scheduler_info()["workers"].get(w, {}).get("name"): tasks
                for w, tasks in client.processing().items()
            }
            if busy.get("victim"):
                break
            assert proc.poll() is None, proc.communicate()[1]
            time.sleep(0.05)
        else:
            raise AssertionError("the victim worker never got a task")
        os.kill(victim.pid, signal.SIGKILL)
        out_text, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        summary = json.loads(out_text)
        assert summary["articles"] == N_PAGES and summary["failures"] == []
        assert _counts(out) == _counts(clean[0])
        _assert_unique(out)
    finally:
        victim.kill()
        victim.wait()


def test_jsonl_and_html_directory_inputs(cluster, tmp_path):
    from corpus_builders import sample_pages

    pages = sample_pages()[:3]
    rows = [{"url": u, "html": h.decode(), "outlet": "example"} for u, h in pages[:2]]
    rows.append({"url": "http://given.test/a", "text": "The council said 40 homes were built. " * 5,
                 "title": "Homes", "published": "2025-02-03T00:00:00Z"})  # fmt: skip
    rows.append({"url": "http://given.test/empty", "text": " "})
    jsonl = write_jsonl(tmp_path / "export.jsonl.gz", rows)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "one.html").write_bytes(pages[2][1])
    (tmp_path / "pages" / "notes.txt").write_text("not a page")
    out = tmp_path / "corpus"
    summary = _run(
        [str(jsonl), str(tmp_path / "pages"), "--out", str(out), "--scheduler", cluster[0]]
    )
    assert summary["articles"] == 4
    assert summary["skips"] == {"empty body": 1}
    arts = pq.read_table(out / "articles").to_pylist()
    given = [a for a in arts if a["extractor"] == "given"]
    assert [a["title"] for a in given] == ["Homes"] and given[0]["outlet_id"] == "given.test"
