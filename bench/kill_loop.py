"""Kill `newsprov` with SIGKILL at random moments, N times, and check that the database
stays consistent: no row lost or duplicated, no run left 'running', and the next command
carries on (issue 11, case 3).

Each round starts `newsprov import` of one sample page (a new URL per round, so rows
accumulate), kills it (mostly while its run is open, some before it starts), reopens the database (which marks the run
'interrupted'), then checks. At the end, `newsprov annotate` must pick up any article
the kills left unannotated, and every URL imported to completion must be present once.

    .venv/bin/python bench/kill_loop.py [--runs 30] [--seed 11]

Prints a summary line; exits 1 on any inconsistency.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "newsprov" / "sample" / "nationpress.test"
CLI = [sys.executable, "-c", "from newsprov.cli import main; main()"]


def problems(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    out = []
    if q("SELECT url FROM articles GROUP BY url HAVING count(*) > 1"):
        out.append("duplicate article URL")
    if q(
        "SELECT 1 FROM fetches GROUP BY url, final_url, coalesce(status, -1), sha256,"
        " coalesce(error_kind, '') HAVING count(*) > 1"
    ):
        out.append("duplicate fetch")
    if q(
        "SELECT 1 FROM articles a WHERE annotated_run_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.article_id)"
    ):
        out.append("article marked annotated without sentences")
    if q(
        "SELECT 1 FROM articles a WHERE annotated_run_id IS NULL AND annotated_rules IS NULL"
        " AND EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.article_id)"
    ):
        out.append("sentences of an article not marked annotated")
    if q("SELECT 1 FROM sentences GROUP BY article_id, idx HAVING count(*) > 1"):
        out.append("duplicate sentence")
    if q("PRAGMA integrity_check") != [("ok",)]:
        out.append("integrity_check failed")
    con.close()
    return out


def _wait_for_run(path: Path, proc: subprocess.Popen) -> None:
    """Until the process has opened its run (a 'running' row with its pid) or exited."""
    while proc.poll() is None:
        if path.exists():
            try:
                con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
                row = con.execute(
                    "SELECT 1 FROM runs WHERE pid = ? AND status = 'running'", (proc.pid,)
                ).fetchone()
                con.close()
                if row:
                    return
            except sqlite3.Error:
                pass  # not created yet, or mid-migration
        time.sleep(0.05)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument(
        "--window", type=float, default=3.0, help="kill up to this many seconds into a run"
    )
    args = ap.parse_args()
    rng = random.Random(args.seed)
    page = next(SAMPLE.glob("**/*.html"))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    bad: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kill.db"
        completed: set[str] = set()
        killed_mid = 0
        for i in range(args.runs):
            url = f"http://nationpress.test/kill-loop/{i}.html"
            cmd = [*CLI, "import", str(page), "--url", url, "--db", str(path)]
            proc = subprocess.Popen(
                cmd, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            if rng.random() < 0.2:
                # some kills land before the command touched the database at all
                time.sleep(rng.uniform(0.2, 3.0))
            else:
                # most land while its run is open: between storing and annotating, mid
                # annotation, during the retrace, or just before the run is closed
                _wait_for_run(path, proc)
                time.sleep(rng.uniform(0.0, args.window))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed_mid += 1
            elif proc.returncode == 0:
                completed.add(url)
            proc.wait()
            if path.exists():
                bad += [f"round {i}: {p}" for p in problems(path)]
                # the next command to open the file: marks the killed run
                subprocess.run(
                    [*CLI, "related", "1", "--db", str(path)],
                    env=env,
                    cwd=REPO,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
        con = sqlite3.connect(path)
        running = con.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0]
        interrupted = con.execute(
            "SELECT count(*) FROM runs WHERE status = 'interrupted'"
        ).fetchone()[0]
        stored = {r[0] for r in con.execute("SELECT url FROM articles")}
        unannotated = con.execute(
            "SELECT count(*) FROM articles WHERE annotated_run_id IS NULL"
        ).fetchone()[0]
        con.close()
        lost = completed - stored
        if lost:
            bad.append(f"{len(lost)} completed imports lost")
        if running:
            bad.append(f"{running} runs left 'running'")
        fixed = subprocess.run(
            [*CLI, "annotate", "--db", str(path)], env=env, cwd=REPO, capture_output=True, text=True
        )
        con = sqlite3.connect(path)
        left = con.execute(
            "SELECT count(*) FROM articles WHERE annotated_run_id IS NULL"
        ).fetchone()[0]
        con.close()
        if fixed.returncode != 0 or left:
            bad.append(f"annotate left {left} articles unannotated ({fixed.stderr.strip()[:200]})")
        bad += [f"after annotate: {p}" for p in problems(path)]
    print(
        f"kill -9 runs: {args.runs}, killed mid-command: {killed_mid}, completed: {len(completed)}, "
        f"articles stored: {len(stored)}, stored but unannotated after kills: {unannotated} "
        f"(all picked up by `annotate`: {'yes' if not left else 'no'}), runs marked interrupted: "
        f"{interrupted}, rows lost or duplicated: {len([b for b in bad if 'lost' in b or 'duplicate' in b])}, "
        f"problems: {len(bad)}"
    )
    for b in bad:
        print("  " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
