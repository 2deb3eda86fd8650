"""What a Dask worker process needs to annotate as fast as a plain Python process.

Measured with bench/worker_overhead.py (README, "Annotating a corpus"): a worker spent
more CPU on the same records than a plain process, for reasons that are not our code
(with all three below, bench/corpus_speed.py's bare extraction + nlp.pipe loop over a
worker, CPU a record, went from 0.71x to 0.86x in one run each on a loaded machine):

- Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536. Setting any glibc malloc
  threshold also turns off glibc's adaptive mmap threshold, so every block over 128 KiB
  (spaCy's and thinc's arrays, a batch's token buffers) is a fresh mmap, zero-filled page
  by page and unmapped again on free: 3,300 minor page faults and 12-18 ms of system
  time a record instead of 150-300 faults and 2 ms. Big blocks from the heap fix that.
- Dask's sampling profiler wakes every 10 ms and walks the task thread's stack (spaCy's
  are deep) while holding the GIL: 4-12 ms of CPU a record, and its allocations run the
  cyclic collector 2-3x as often. It is switched off for the LocalCluster we start;
  users of their own workers set it off as the README says (it is their cluster).
- The worker's heap holds Dask's state besides the Annotator's lexicons and spaCy; a full
  garbage collection walks all of it. Freezing what exists once the Annotator is built
  keeps those long-lived objects out of every later collection.
"""

from __future__ import annotations

import ctypes
import gc
import sys

# glibc's mallopt parameter numbers (malloc.h)
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
# Blocks under 32 MiB (glibc's largest mmap threshold on 64-bit) come from the heap. The
# top of the heap is returned to the system once 64 MiB of it is free, so a worker still
# gives memory back after a big page without paying for it on every batch.
MMAP_THRESHOLD = 32 << 20
TRIM_THRESHOLD = 64 << 20

# The Dask configuration for workers we start ourselves (the embedded LocalCluster).
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}

_prepared = False


def heap_for_big_blocks() -> bool:
    """Serve big allocations from the heap (glibc only; elsewhere a no-op). True if set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # musl and other C libraries: nothing to tune
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )


def in_dask_worker() -> bool:
    """True inside a Dask worker (run_partition also runs in-process in tests and tools,
    whose process-wide settings are not ours to change)."""
    try:
        from distributed import get_worker

        get_worker()
    except (ImportError, ValueError):
        return False
    return True


def prepare_worker_process() -> None:
    """Once per process, right after the Annotator is built (the caller holds its lock)."""
    global _prepared
    if _prepared:
        return
    _prepared = True
    heap_for_big_blocks()
    gc.collect()
    gc.freeze()
