"""`newsprov recheck`: fetch stored articles again with conditional requests and record
edits as versions with their sentence-level sourcing diff.

A 304 answer (or the same bytes again) stores nothing new: only the article's one
`article_checks` row is updated. A changed body is extracted, stored as a new fetch, saved
over the article's text, re-annotated, and recorded as a new version (db/versions.py),
version 1 being the text as first seen. Hosts are fetched in parallel, each host's
articles one after another through the fetcher's per-host delay; storing happens on the
calling thread, the only one holding the database connection.
"""

from __future__ import annotations

import json
import queue
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import sqlite_utils

from db import store, versions
from newsprov.pipeline import Pipeline
from scraper.extract import ExtractError, extract_article
from scraper.guard import one_line
from scraper.models import Fetched

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$", re.I)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
MAX_HOST_WORKERS = 8


@dataclass
class RecheckResult:
    article_id: int
    changed: bool = False
    version: int | None = None
    error: str | None = None
    result: str = "unchanged"  # not_modified | unchanged | changed | error

    def to_json(self) -> dict:
        return {
            "article_id": self.article_id,
            "changed": self.changed,
            "version": self.version,
            "error": self.error,
        }


@dataclass(frozen=True)
class _Target:
    article_id: int
    url: str
    headers: dict[str, str]
    fetch_sha256: str | None


def parse_duration(value: str) -> timedelta:
    """'6h', '30m', '2d', '90s', '1w' -> timedelta; ValueError with the fix otherwise."""
    m = _DURATION.match(value or "")
    if not m:
        raise ValueError(f"{value!r} is not a duration: use a number and s, m, h, d or w, e.g. 6h")
    return timedelta(seconds=float(m.group(1)) * _UNITS[m.group(2).lower()])


def select_articles(
    db: sqlite_utils.Database,
    ids: Sequence[int] | None,
    older_than: timedelta | None = None,
    now: datetime | None = None,
) -> list[int]:
    """The ids to recheck: the given ones (all fetched articles when None), keeping only
    those last checked (or fetched) longer ago than `older_than`."""
    if ids is None:
        ids = [
            r[0]
            for r in db.execute(
                "SELECT article_id FROM articles WHERE extractor != 'pasted'"
                " AND (url LIKE 'http://%' OR url LIKE 'https://%') ORDER BY article_id"
            )
        ]
    if older_than is None:
        return list(ids)
    cutoff = ((now or datetime.now(UTC)) - older_than).strftime("%Y-%m-%dT%H:%M:%SZ")
    keep = []
    for aid in ids:
        row = db.execute(
            "SELECT coalesce(c.checked_at, f.last_fetched_at, a.updated_at) FROM articles a"
            " LEFT JOIN article_checks c ON c.article_id = a.article_id"
            " LEFT JOIN fetches f ON f.fetch_id = a.fetch_id WHERE a.article_id = ?",
            (aid,),
        ).fetchone()
        if row is not None and (row[0] or "") < cutoff:
            keep.append(aid)
    return keep


def conditional_headers(stored: dict[str, str]) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the headers of the article's last fetch."""
    out = {}
    if stored.get("etag"):
        out["If-None-Match"] = stored["etag"]
    if stored.get("last-modified"):
        out["If-Modified-Since"] = stored["last-modified"]
    return out


class Rechecker:
    """Recheck stored articles through a pipeline that has a fetcher."""

    def __init__(self, pipeline: Pipeline) -> None:
        assert pipeline.fetcher is not None, "recheck needs a fetcher"
        self.pipeline = pipeline
        self.db = pipeline.db
        self._run_id: int | None = None

    def _run(self) -> int:
        # Started only when something is stored: a recheck that finds no edit leaves no run.
        if self._run_id is None:
            self._run_id = self.pipeline.start_run("recheck", {})
        return self._run_id

    def _target(self, article_id: int) -> _Target | str:
        row = self.db.execute(
            "SELECT a.url, a.input_url, a.extractor, f.url, f.headers, f.sha256 FROM articles a"
            " LEFT JOIN fetches f ON f.fetch_id = a.fetch_id WHERE a.article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return f"no article {article_id} in the database: see `newsprov export` for ids"
        url, input_url, extractor, fetch_url, headers, sha = row
        if extractor == "pasted":
            return f"article {article_id} is pasted copy, not fetched: there is nothing to recheck"
        target = fetch_url or input_url or url
        if urlsplit(target).scheme not in ("http", "https"):
            return (
                f"article {article_id} has no http(s) address to recheck ({one_line(target, 80)})"
            )
        try:
            stored = json.loads(headers) if headers else {}
        except ValueError:
            stored = {}
        return _Target(article_id, target, conditional_headers(stored), sha)

    def _fetch_all(self, targets: list[_Target]) -> Iterator[tuple[_Target, Fetched]]:
        by_host: dict[str, list[_Target]] = defaultdict(list)
        for t in targets:
            by_host[(urlsplit(t.url).hostname or "").lower()].append(t)
        done: queue.Queue[tuple[_Target, Fetched]] = queue.Queue()
        fetcher = self.pipeline.fetcher
        assert fetcher is not None

        def host_worker(items: list[_Target]) -> None:
            for t in items:  # one host: one at a time, the fetcher keeps the delay
                done.put((t, fetcher.fetch(t.url, headers=t.headers)))

        workers = max(1, min(MAX_HOST_WORKERS, len(by_host)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="recheck") as pool:
            futures = [pool.submit(host_worker, items) for items in by_host.values()]
            for _ in targets:
                yield done.get()
            for f in futures:
                f.result()

    def recheck(self, article_ids: Sequence[int]) -> list[RecheckResult]:
        """Recheck each article; a batch carries on past a bad one. Results in input order."""
        results: dict[int, RecheckResult] = {}
        targets: list[_Target] = []
        for aid in dict.fromkeys(article_ids):
            t = self._target(aid)
            if isinstance(t, str):
                results[aid] = RecheckResult(aid, error=t, result="error")
            else:
                targets.append(t)
        changed: list[int] = []
        try:
            for t, fetched in self._fetch_all(targets):
                res = self._settle(t, fetched)
                results[t.article_id] = res
                if res.changed:
                    changed.append(t.article_id)
                if self.db.execute(
                    "SELECT 1 FROM articles WHERE article_id = ?", (t.article_id,)
                ).fetchone():
                    versions.record_check(self.db, t.article_id, res.result, res.error)
            if changed:
                self.pipeline.retrace(changed)
        finally:
            if self._run_id is not None:
                failed = [r for r in results.values() if r.error]
                store.finish_run(
                    self.db,
                    self._run_id,
                    "ok" if not failed else "partial",
                    {
                        "inputs": len(results),
                        "changed": changed,
                        "failed": [{"article_id": r.article_id, "error": r.error} for r in failed],
                    },
                )
        return [results[aid] for aid in dict.fromkeys(article_ids) if aid in results]

    def _latest(self, article_id: int) -> int:
        latest = versions.latest_version(self.db, article_id)
        return latest[0] if latest else 1

    def _settle(self, t: _Target, fetched: Fetched) -> RecheckResult:
        aid = t.article_id
        if fetched.error:
            return RecheckResult(aid, error=fetched.error, result="error")
        if fetched.status == 304:
            return RecheckResult(aid, version=self._latest(aid), result="not_modified")
        if not fetched.ok:
            return RecheckResult(aid, error=f"HTTP {fetched.status} from {t.url}", result="error")
        if fetched.sha256 == t.fetch_sha256:
            return RecheckResult(aid, version=self._latest(aid), result="unchanged")
        try:
            extracted = extract_article(fetched.body, fetched.final_url, fetched.content_type)
        except ExtractError as exc:
            return RecheckResult(aid, error=str(exc), result="error")
        row = self.db.execute(
            "SELECT url, input_url, text FROM articles WHERE article_id = ?", (aid,)
        ).fetchone()
        run_id = self._run()
        # The body is new evidence even when the text did not change (a new ad, a date).
        fetch_id = store.save_fetch(self.db, fetched, run_id)
        # The recheck is of this article: its URL stays, whatever canonical the page names.
        extracted = replace(extracted, url=row[0])
        if extracted.text == row[2]:
            # Same text: the article points at the new fetch (its validators are the ones
            # to send next time); its annotations stay, since the text did not change.
            store.save_article(self.db, extracted, fetch_id, row[1])
            return RecheckResult(aid, version=self._latest(aid), result="unchanged")
        # Version 1 is the text as first seen, with the annotation it had: record it before
        # the new text replaces it.
        versions.ensure_first_version(self.db, aid)
        store.save_article(self.db, extracted, fetch_id, row[1])
        annotation = self.pipeline.annotate_page(extracted, fetched)  # against its own date
        store.save_annotation(self.db, aid, annotation, run_id)
        version = versions.record_version(self.db, aid, fetch_id, fetched.fetched_at, run_id)
        return RecheckResult(aid, changed=True, version=version, result="changed")
