"""An article stored but not annotated (the process was killed in between) never looks
clean: the reader page, `trace` and `export` say so, and `annotate` picks it up; runs a
killed process left 'running' become 'interrupted' (issue 11, case 3)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from db_builders import TEXT, extracted, fetched

from db import store
from db.plugin.app import make_datasette
from db.schema import open_db
from newsprov.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "newsprov" / "sample"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def stored_not_annotated(path: Path) -> int:
    """What a `kill -9` between save_article and save_annotation leaves behind."""
    db = open_db(str(path))
    run_id = store.start_run(db, "scrape", {})
    fid = store.save_fetch(db, fetched(), run_id)
    aid = store.save_article(db, extracted(text=TEXT), fid, "http://nationpress.test/news/story")
    db.conn.close()
    return aid


async def test_reader_page_says_not_annotated_instead_of_no_flags(tmp_path):
    path = tmp_path / "n.db"
    aid = stored_not_annotated(path)
    html = (await make_datasette(path).client.get(f"/-/article/{aid}")).text
    assert "Not annotated yet" in html and "newsprov annotate" in html
    assert "No sentence or phrase in this article is flagged" not in html


def test_trace_and_export_say_not_annotated(tmp_path):
    path = tmp_path / "n.db"
    aid = stored_not_annotated(path)
    traced = run("trace", str(aid), "--db", str(path))
    assert traced.exit_code == 1
    assert "not annotated yet" in traced.output and "newsprov annotate" in traced.output
    assert "no flagged" not in traced.output
    one = run(
        "export", "--csv", str(tmp_path / "one.csv"), "--article", str(aid), "--db", str(path)
    )
    assert one.exit_code == 1 and "not annotated yet" in one.output
    every = run("export", "--csv", str(tmp_path / "all.csv"), "--db", str(path))
    assert every.exit_code == 0
    assert "1 article is not annotated yet" in every.output and "newsprov annotate" in every.output


@pytest.mark.slow
async def test_annotate_without_ids_picks_up_unannotated_and_older_rules(tmp_path):
    path = tmp_path / "n.db"
    aid = stored_not_annotated(path)
    db = open_db(str(path))
    old_fp = {"annotator_version": "0.0-old", "model": "x", "lexicon_sha256": "0" * 64}
    other = store.save_article(
        db, extracted(url="http://nationpress.test/news/other", text=TEXT + " More."), None, None
    )
    from db_builders import annotation

    store.save_annotation(
        db, other, annotation(TEXT + " More."), store.start_run(db, "annotate", {}, old_fp)
    )
    assert store.annotation_state(db, other) == "0.0-old+000000000000"
    db.conn.close()
    result = run("annotate", "--db", str(path), "-q")
    assert result.exit_code == 0, result.output
    assert "annotated 2 articles" in result.output
    db = open_db(str(path))
    states = {a: store.annotation_state(db, a) for a in (aid, other)}
    assert all(s and not s.startswith("0.0-old") for s in states.values()), states
    html = (await make_datasette(path).client.get(f"/-/article/{aid}")).text
    assert "Not annotated yet" not in html and "Annotated with rules" in html
    again = run("annotate", "--db", str(path), "-q")
    assert "nothing to annotate" in again.output


def test_runs_left_running_by_a_killed_process_become_interrupted(tmp_path):
    path = tmp_path / "n.db"
    db = open_db(str(path))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    killed = store.start_run(db, "scrape", {})
    live = store.start_run(db, "scrape", {})  # this process: still running
    db.execute("UPDATE runs SET pid = ? WHERE run_id = ?", (dead.pid, killed))
    db.conn.commit()
    db.conn.close()
    db = open_db(str(path))  # any command opening the file
    status = dict(db.execute("SELECT run_id, status FROM runs").fetchall())
    assert status == {killed: "interrupted", live: "running"}
    assert db.execute("SELECT finished_at FROM runs WHERE run_id = ?", (killed,)).fetchone()[0]


def check_consistent(path: Path) -> dict[str, int]:
    """No row lost or duplicated: one article per URL, one fetch per identity, every
    annotated article has its sentences, every unannotated one has none, no run left
    'running'."""
    con = sqlite3.connect(path)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    assert q("SELECT url, count(*) FROM articles GROUP BY url HAVING count(*) > 1") == []
    assert (
        q(
            "SELECT count(*) FROM fetches GROUP BY url, final_url, coalesce(status, -1), sha256,"
            " coalesce(error_kind, '') HAVING count(*) > 1"
        )
        == []
    )
    assert (
        q(
            "SELECT article_id FROM articles a WHERE annotated_run_id IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.article_id)"
        )
        == []
    )
    assert (
        q(
            "SELECT article_id FROM articles a WHERE annotated_run_id IS NULL AND annotated_rules IS NULL"
            " AND EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.article_id)"
        )
        == []
    )
    counts = {t: q(f"SELECT count(*) FROM {t}")[0][0] for t in ("articles", "sentences", "runs")}  # noqa: S608
    counts["running"] = q("SELECT count(*) FROM runs WHERE status = 'running'")[0][0]
    counts["interrupted"] = q("SELECT count(*) FROM runs WHERE status = 'interrupted'")[0][0]
    con.close()
    return counts


def import_cmd(path: Path) -> list[str]:
    page = next(SAMPLE.glob("nationpress.test/**/*.html"))
    url = "http://nationpress.test/" + str(page.relative_to(SAMPLE / "nationpress.test"))
    code = "from newsprov.cli import main; main()"
    return [sys.executable, "-c", code, "import", str(page), "--url", url, "--db", str(path)]


@pytest.mark.slow
def test_kill_9_mid_import_then_next_command_recovers(tmp_path):
    path = tmp_path / "n.db"
    rng = random.Random(11)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for _ in range(3):
        proc = subprocess.Popen(import_cmd(path), env=env, cwd=REPO)
        time.sleep(rng.uniform(1.0, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    counts = check_consistent(path)  # before anything reopens it
    assert counts["articles"] <= 1
    db = open_db(str(path))  # the next command marks the killed runs
    db.conn.close()
    assert check_consistent(path)["running"] == 0
    finished = subprocess.run(import_cmd(path), env=env, cwd=REPO, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    final = check_consistent(path)
    assert final["articles"] == 1 and final["sentences"] > 0 and final["running"] == 0
