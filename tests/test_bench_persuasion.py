"""bench/semeval_categories.py: the strong view per SemEval category, on the task's own
layout. The article is written here; the real set is never copied into the repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSPROV_")}
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "semeval_categories.py")],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_skips_cleanly_without_data() -> None:
    result = run({})
    assert result.returncode == 0
    assert result.stdout.strip().startswith("skipped: set NEWSPROV_SEMEVAL")


def test_strong_view_per_category(tmp_path: Path) -> None:
    text = (
        "What else is the council hiding from taxpayers?\n\n"
        "The council has done absolutely nothing about the potholes.\n\n"
        "The council meets again on Thursday.\n"
    )
    arts, labs = tmp_path / "train-articles-subtask-3", tmp_path / "train-labels-subtask-3-spans"
    arts.mkdir()
    labs.mkdir()
    (arts / "article7.txt").write_text(text, encoding="utf-8")
    doubt = (0, text.index("?") + 1)
    exag = (text.index("absolutely"), text.index("potholes"))
    missed = (text.index("meets"), text.index("Thursday"))  # no rule can see this one
    (labs / "article7-labels-subtask-3.txt").write_text(
        f"7\tDoubt\t{doubt[0]}\t{doubt[1]}\n"
        f"7\tExaggeration-Minimisation\t{exag[0]}\t{exag[1]}\n"
        f"7\tExaggeration-Minimisation\t{missed[0]}\t{missed[1]}\n",
        encoding="utf-8",
    )
    result = run({"NEWSPROV_SEMEVAL": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    author = result.stdout.split("author's voice:")[1].split("in quotes:")[0]
    assert "doubt            recall 1.000 (1/1)  precision 1.000 (1/1)" in author
    assert "intensifier      recall 0.500 (1/2)  precision 1.000 (1/1)" in author
