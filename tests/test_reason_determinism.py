"""A reason quotes the same words in every process: word sets are frozensets, whose order
changes with the hash seed, so the phrase a reason quotes must not depend on it (round 15:
'According to evidence presented at trial, the jury heard ...' quoted 'the jury heard' in
one process and 'presented at trial' in another). Text written for this test."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = (
    "from annotate.annotator import Annotator\n"
    "t = ('According to evidence presented at trial, the jury heard that the Corran clerk'"
    " ' hid the ledger.\\n\\nThe victim was struck twice in the Vale car park.')\n"
    "print([s.reason for s in Annotator().annotate(t).sentences])\n"
)


def test_reasons_do_not_depend_on_the_hash_seed() -> None:
    outs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=True
        )
        outs.add(run.stdout)
    assert len(outs) == 1, outs
    assert "evidence presented at trial" in outs.pop()
