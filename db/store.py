"""Writes to the newsprov database. Every public function is one transaction: a crash
mid-call leaves the database as it was before the call.

Takes the stage dataclasses (`scraper.models`, `annotate.models`); knows nothing of how
they were made. Re-saving the same input never adds rows: fetches dedupe on their
identity, articles upsert on their URL, related pairs on the pair, and an article's links
and annotations are replaced as a whole.

This module is the one place callers import from. The code is split by stage, to keep
each file under ~400 lines:

- `db.store_core`: `transaction`, `utcnow`, the run records (`start_run`, `finish_run`),
  `ArticleNotFound`, `FetchNotFound`, `MAX_ID`;
- `db.store_articles`: scraping's writes: fetches, outlets, articles; `find_article`;
- `db.store_annotations`: what needs annotating, and `save_annotation`;
- `db.store_related`: related coverage, `save_related`.
"""

from __future__ import annotations

from db.store_annotations import (
    annotation_state,
    articles_to_annotate,
    refresh_sourcing_counts,
    save_annotation,
    stale_articles,
    unannotated_count,
)
from db.store_articles import find_article, get_fetch_body, save_article, save_fetch, save_outlet
from db.store_core import (
    MAX_ID,
    RUN_STATUSES,
    ArticleNotFound,
    FetchNotFound,
    finish_run,
    start_run,
    transaction,
    utcnow,
)
from db.store_related import save_related

__all__ = [
    "MAX_ID",
    "RUN_STATUSES",
    "ArticleNotFound",
    "FetchNotFound",
    "annotation_state",
    "articles_to_annotate",
    "find_article",
    "finish_run",
    "get_fetch_body",
    "refresh_sourcing_counts",
    "save_annotation",
    "save_article",
    "save_fetch",
    "save_outlet",
    "save_related",
    "stale_articles",
    "start_run",
    "transaction",
    "unannotated_count",
    "utcnow",
]
