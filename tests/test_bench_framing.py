"""The framing benchmarks read the labelled sets' own layouts and skip cleanly without them.
The article here is our own; the real sets are never copied into the repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(script: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSPROV_")}
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / script)],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_eval_semeval_skips_cleanly_without_data() -> None:
    result = run("eval_semeval.py", {})
    assert result.returncode == 0
    assert result.stdout.strip().startswith("skipped: set NEWSPROV_SEMEVAL")


def test_eval_semeval_scores_the_task_layout(tmp_path: Path) -> None:
    text = (
        "The council's draconian parking rules took effect on Monday.\n\n"
        "Drivers said the fines were reasonable, a survey found.\n"
    )
    (tmp_path / "train-articles-subtask-3").mkdir()
    (tmp_path / "train-labels-subtask-3-spans").mkdir()
    (tmp_path / "train-articles-subtask-3" / "article1.txt").write_text(text, encoding="utf-8")
    start = text.index("draconian")
    labels = f"1\tLoaded_Language\t{start}\t{start + len('draconian')}\n"
    labels += "1\tRepetition\t0\t11\n"  # a technique outside the mapping is left out
    (tmp_path / "train-labels-subtask-3-spans" / "article1-labels-subtask-3.txt").write_text(
        labels, encoding="utf-8"
    )
    result = run("eval_semeval.py", {"NEWSPROV_SEMEVAL": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "1 articles" in out and "1 gold spans" in out
    author = out.split("author's voice:")[1].split("in quotes:")[0]
    assert "any-overlap      P 1.000  R 1.000  F1 1.000  (pred 1, gold 1)" in author


def test_eval_semeval_refuses_the_reserved_dev_split(tmp_path: Path) -> None:
    dev = tmp_path / "dev-articles-subtask-3"
    dev.mkdir()
    result = run("eval_semeval.py", {"NEWSPROV_SEMEVAL": str(dev)})
    assert result.returncode != 0
    assert "reserved" in (result.stdout + result.stderr)


def test_lexicon_audit_skips_cleanly_without_data() -> None:
    result = run("lexicon_audit.py", {})
    assert result.returncode == 0
    assert result.stdout.strip().startswith("skipped: set NEWSPROV_AEB")


def test_context_probe_skips_cleanly_without_data() -> None:
    result = run("framing_context_probe.py", {})
    assert result.returncode == 0
    assert result.stdout.strip().startswith("skipped: set NEWSPROV_SEMEVAL")


def test_context_probe_reads_only_the_development_half(tmp_path: Path) -> None:
    # article2 is in the even (development) half, article3 in the check half
    arts, spans = tmp_path / "train-articles-subtask-3", tmp_path / "train-labels-subtask-3-spans"
    arts.mkdir()
    spans.mkdir()
    for n in (2, 3):
        text = "The council's draconian parking rules took effect on Monday.\n"
        (arts / f"article{n}.txt").write_text(text, encoding="utf-8")
        start = text.index("draconian")
        (spans / f"article{n}-labels-subtask-3.txt").write_text(
            f"{n}\tLoaded_Language\t{start}\t{start + 9}\n", encoding="utf-8"
        )
    result = run("framing_context_probe.py", {"NEWSPROV_SEMEVAL": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "strong view as shipped:        P 1.000  R 1.000  F1 1.000  (pred 1)" in result.stdout


def test_learned_probe_skips_cleanly_without_data() -> None:
    result = run("learned_framing_probe.py", {})
    assert result.returncode == 0
    assert result.stdout.strip().startswith("skipped: set NEWSPROV_SEMEVAL")


def test_learned_probe_learns_a_word_on_one_half_and_finds_it_on_the_other(tmp_path) -> None:
    # 'blorpish' (a made-up word) is in no lexicon: only the tagger, trained on the even half,
    # can find it in the odd half (article numbers give the halves)
    arts, spans = tmp_path / "train-articles-subtask-3", tmp_path / "train-labels-subtask-3-spans"
    arts.mkdir()
    spans.mkdir()
    for n in range(2, 20):
        text = (
            f"The blorpish landlord of block {n} raised the rent on Monday.\n\n"
            "Tenants met in the hall on Tuesday evening to discuss the letter.\n"
        )
        (arts / f"article{n}.txt").write_text(text, encoding="utf-8")
        start = text.index("blorpish")
        (spans / f"article{n}-labels-subtask-3.txt").write_text(
            f"{n}\tLoaded_Language\t{start}\t{start + 8}\n", encoding="utf-8"
        )
    result = run("learned_framing_probe.py", {"NEWSPROV_SEMEVAL": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    rows = {
        line.split("  P ")[0].strip(): line
        for line in result.stdout.splitlines()
        if "  P " in line and "thr" not in line
    }
    assert "R 0.000" in rows["rules, strong (shipped default)"], result.stdout
    assert "P 1.000  R 1.000" in rows["tagger alone"], result.stdout
