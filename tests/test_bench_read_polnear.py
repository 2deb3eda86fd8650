"""bench/read_polnear.py prints the tool's flags in read_aeb's layout for an editor's reading,
and skips cleanly without PolNeAR (round 20). The articles here are written for the test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = [sys.executable, str(ROOT / "bench" / "read_polnear.py")]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSPROV_POLNEAR"}
    env.update(extra)
    return env


def test_skips_cleanly_without_data() -> None:
    out = subprocess.run(SCRIPT, capture_output=True, text=True, check=True, env=_env())
    assert out.stdout.startswith("read_polnear: NEWSPROV_POLNEAR is not set")


def test_prints_flags_of_the_dev_articles(tmp_path: Path) -> None:
    dev = tmp_path / "data" / "dev" / "text"
    dev.mkdir(parents=True)
    (dev / "corran-ledger_2016-05-02_depot.txt").write_text(
        "Officials said the depot would close in June.\n\n"
        "Minister Ines Varga said the review was routine.\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [*SCRIPT, "--sample", "5"],
        capture_output=True,
        text=True,
        check=True,
        env=_env(NEWSPROV_POLNEAR=str(tmp_path)),
    ).stdout
    assert "### corran-ledger_2016-05-02_depot" in out
    assert "[0] anonymous_source/query" in out
    assert "(1) named_source: Minister Ines Varga" in out
