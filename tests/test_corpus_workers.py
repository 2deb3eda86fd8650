"""The settings that let a corpus worker annotate at the speed of a plain process
(newsprov/corpus/process.py; the figures are in the README, "Annotating a corpus")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dask
import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _frozen() -> int:
    import gc

    return gc.get_freeze_count()


def _build_annotator() -> bool:
    from newsprov.corpus.worker import annotator_for

    return annotator_for((), ()) is not None


def test_embedded_cluster_workers_run_without_the_sampling_profiler():
    from newsprov.corpus.run import dask_client

    with dask_client(1, None) as client:
        enabled = client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
        callbacks = client.run(lambda dask_worker: sorted(dask_worker.periodic_callbacks))
        before = client.run(_frozen)
        # the first partition's Annotator prepares the worker process (process.py)
        assert client.submit(_build_annotator, pure=False).result()
        after = client.run(_frozen)
    assert list(enabled.values()) == [False]
    assert not any("profile" in name for names in callbacks.values() for name in names)
    assert list(before.values()) == [0]
    assert all(n > 10_000 for n in after.values())
    # the caller's own Dask configuration is left as it was
    assert dask.config.get("distributed.worker.profile.enabled") is True


def test_worker_process_keeps_big_blocks_and_freezes_what_the_annotator_built():
    # In a fresh interpreter: freezing the collector in the test process would outlive
    # the test.
    code = (
        "import gc\n"
        "from newsprov.corpus.process import heap_for_big_blocks, prepare_worker_process\n"
        "kept = [{'lexicon entry': i} for i in range(1000)]\n"
        "prepare_worker_process()\n"
        "prepare_worker_process()\n"
        "print(heap_for_big_blocks(), gc.get_freeze_count() >= 1000)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    expected_heap = "True" if sys.platform.startswith("linux") else "False"
    assert out == [expected_heap, "True"]
