"""Shared helpers for the db/store.py tests (test_store*.py): table row counts, a table's
rows, and one page saved the way the pipeline saves it (run, fetch, article, annotation)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from db_builders import TEXT, annotation, extracted, fetched

from db import store
from db.schema import open_db

SHADOW = ("_fts",)  # FTS shadow tables reorganise themselves; their row counts mean nothing


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_db(str(tmp_path / "news.db"))


def counts(db: sqlite_utils.Database, skip: tuple[str, ...] = ("runs",)) -> dict[str, int]:
    return {
        t: db[t].count
        for t in db.table_names()
        if t not in skip and not any(s in t for s in SHADOW)
    }


def dump(db: sqlite_utils.Database, table: str) -> list[tuple]:
    return db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()  # noqa: S608


def save_story(
    db: sqlite_utils.Database, text: str = TEXT, url: str = "http://nationpress.test/news/story"
) -> int:
    """What the pipeline does for one page: run, fetch, article, annotation."""
    run_id = store.start_run(db, "scrape", {"urls": [url]})
    fetch_id = store.save_fetch(db, fetched(url), run_id)
    article_id = store.save_article(db, extracted(url, text=text), fetch_id, url, is_seed=True)
    store.save_annotation(db, article_id, annotation(text), run_id)
    store.finish_run(db, run_id, "ok", {"inputs": 1})
    return article_id
