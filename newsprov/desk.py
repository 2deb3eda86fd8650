"""The desk behind the browser's "check a story" page: pasted copy annotated at once, a URL
checked as a background job through the same guarded fetcher and pipeline as `scrape`.

One worker thread runs URL jobs one after another (fetching is polite per host anyway);
jobs are rows in `check_jobs`, so a status survives a page reload and a restart. One
annotator is shared by the worker and pasted copy, behind a lock (spaCy is not promised
to be thread-safe). Each thread opens its own connection to the database file.

Pasted copy is checked and made into an article in `newsprov.desk_input` (split off to keep
this file under ~400 lines); its names are importable from here too.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import click

from annotate.annotator import Annotator
from db import store
from db.schema import open_db
from newsprov.desk_input import (  # noqa: F401 - re-exported: the desk's public names
    MARKED_OPINION,
    MAX_PASTE_CHARS,
    PASTED,
    CheckError,
    clean_paste,
    outlet_key,
    pasted_article,
    pasted_url,
)
from newsprov.pipeline import Pipeline, ScrapeOptions
from scraper.fetch import FetchConfig, Fetcher
from scraper.guard import one_line
from scraper.models import Extracted, Fetched


@dataclass
class DeskOptions:
    """How the desk fetches: the CLI's `scrape` options (same guard, limits, delay)."""

    fetch: FetchConfig = field(default_factory=FetchConfig)
    related: bool = True
    gdelt: bool = True


def desk_options(
    allow_hosts: tuple[str, ...], connect_to: tuple[str, ...], delay: float, gdelt: bool = True
) -> DeskOptions:
    """From the serve command's fetch options, parsed exactly as `scrape` parses them."""
    from newsprov.cli import make_fetcher

    with make_fetcher(allow_hosts, connect_to, delay) as fetcher:
        return DeskOptions(fetch=fetcher.config, gdelt=gdelt)


MIN_TOKEN = 16


def api_token_from_env() -> str | None:
    """NEWSPROV_TOKEN, refused when too short to be a secret."""
    token = (os.environ.get("NEWSPROV_TOKEN") or "").strip()
    if not token:
        return None
    if len(token) < MIN_TOKEN:
        raise click.ClickException(
            f"NEWSPROV_TOKEN is {len(token)} characters, under {MIN_TOKEN}: use a long random "
            "one, e.g. `python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`"
        )
    return token


def attach_desk(datasette: Any, db_path: str, options: DeskOptions | None = None) -> str:
    """Attach a desk to Datasette for the check page; returns the one-time sign-in path."""
    from db.plugin.check import attach

    token = api_token_from_env()  # a bad token stops `serve` before anything starts
    desk = Desk(db_path, options)
    desk.start()  # resumes queued jobs; the model loads when an editor signs in
    return attach(datasette, desk, token)


class LockedAnnotator:
    """One Annotator shared between threads, one call at a time."""

    def __init__(self, factory: Callable[[], Annotator] = Annotator) -> None:
        self._factory = factory
        self._annotator: Annotator | None = None
        self._lock = threading.Lock()

    def _get(self) -> Annotator:
        if self._annotator is None:
            self._annotator = self._factory()
        return self._annotator

    def annotate(self, text: str, opinion: str | None = None, reference: date | None = None) -> Any:
        with self._lock:
            return self._get().annotate(text, opinion, reference)

    def annotate_many(self, texts: Iterable[str], *args: Any, **kwargs: Any) -> Iterator[Any]:
        with self._lock:
            items = list(self._get().annotate_many(list(texts), *args, **kwargs))
        return iter(items)

    def fingerprint(self) -> dict[str, str]:
        with self._lock:
            return self._get().fingerprint()


class _ProgressFetcher:
    """The job's fetcher: the real one, counting related pages as they come in."""

    def __init__(self, fetcher: Fetcher, job: _Job) -> None:
        self._fetcher = fetcher
        self._job = job

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fetcher, name)

    def fetch_many(self, urls: Iterable[str], max_workers: int = 8) -> Iterator[Fetched]:
        urls = list(urls)
        self._job.update(stage="related coverage", total_add=len(urls))
        for fetched in self._fetcher.fetch_many(urls, max_workers=max_workers):
            self._job.update(done_add=1)
            yield fetched


class _JobPipeline(Pipeline):
    """The CLI's pipeline, unchanged; the seed's stages are reported to the job row."""

    def __init__(self, db: Any, fetcher: Any, annotator: LockedAnnotator, job: _Job) -> None:
        super().__init__(db, fetcher, lambda: _StageAnnotator(annotator, self._annotating))  # type: ignore[arg-type, return-value]
        self.job = job
        self._seed = False

    def _annotating(self) -> None:
        if self._seed:
            self.job.update(stage="annotating")

    def store_page(
        self, fetched: Fetched, run_id: int, input_url: str, is_seed: bool
    ) -> tuple[int, Extracted]:
        if not is_seed:
            return super().store_page(fetched, run_id, input_url, is_seed)
        self.job.update(stage="extracting")
        self._seed = True
        try:
            article_id, extracted = super().store_page(fetched, run_id, input_url, is_seed)
        finally:
            self._seed = False
        nxt = "finding related coverage" if self.job.related else "tracing claims"
        self.job.update(stage=nxt, article_id=article_id)
        return article_id, extracted


class _StageAnnotator:
    """The shared annotator, telling the job when the seed's annotation starts."""

    def __init__(self, inner: LockedAnnotator, on_annotate: Callable[[], None]) -> None:
        self._inner, self._on_annotate = inner, on_annotate

    def annotate(self, text: str, opinion: str | None = None, reference: date | None = None) -> Any:
        self._on_annotate()
        return self._inner.annotate(text, opinion, reference)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _Job:
    def __init__(self, desk: Desk, db: Any, job_id: int) -> None:
        self.desk, self.db, self.job_id = desk, db, job_id
        self.related = desk.options.related

    def update(
        self, *, done_add: int = 0, total_add: int = 0, **cols: Any
    ) -> None:  # one small write per step
        sets = ["updated_at = ?", "done = done + ?", "total = total + ?"]
        params: list[Any] = [store.utcnow(), done_add, total_add]
        for k, v in cols.items():
            assert k in {"status", "stage", "article_id", "error"}, k
            sets.append(f"{k} = ?")
            params.append(v)
        with store.transaction(self.db) as conn:
            conn.execute(
                f"UPDATE check_jobs SET {', '.join(sets)} WHERE job_id = ?",  # noqa: S608 - fixed names
                [*params, self.job_id],
            )


class Desk:
    """What `newsprov serve` attaches to Datasette for the check page."""

    def __init__(
        self,
        db_path: str,
        options: DeskOptions | None = None,
        annotator_factory: Callable[[], Annotator] = Annotator,
    ) -> None:
        self.db_path = str(db_path)
        self.options = options or DeskOptions()
        self.annotator = LockedAnnotator(annotator_factory)
        self._queue: queue.Queue[int | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._warming = False
        self._warm_thread: threading.Thread | None = None

    # -- pasted copy -----------------------------------------------------------------------
    def paste(
        self,
        text: str,
        title: str | None = None,
        outlet: str | None = None,
        opinion: bool = False,
    ) -> int:
        """Annotate and store pasted copy; returns its article id. Raises CheckError.
        `opinion`: the editor says the copy is an opinion piece."""
        extracted = pasted_article(text, title, outlet, opinion)
        db = open_db(self.db_path)
        try:
            pipeline = Pipeline(db, None, lambda: self.annotator)  # type: ignore[arg-type, return-value]
            # Annotated before anything is written: a failure leaves no unannotated article.
            # pasted copy has no date of its own: read against today, when it came in
            annotation = self.annotator.annotate(extracted.text, extracted.opinion)
            run_id = pipeline.start_run(
                "check", {"pasted": extracted.url, "title": extracted.title}
            )
            try:
                article_id = store.save_article(db, extracted, None, None, is_seed=True)
                store.save_annotation(db, article_id, annotation, run_id)
                pipeline.retrace([article_id])
            except BaseException:
                store.finish_run(db, run_id, "failed", {"inputs": 1, "ok": 0})
                raise
            store.finish_run(db, run_id, "ok", {"inputs": 1, "ok": 1, "article_id": article_id})
            return article_id
        finally:
            db.close()

    # -- URL jobs --------------------------------------------------------------------------
    def submit(self, url: str, actor: str | None = None) -> int:
        """Record a URL check as queued and hand it to the worker; returns the job id."""
        url = " ".join(url.split())
        if not url:
            raise CheckError("no URL given: type the article's address, or paste its copy")
        if len(url) > 4000:
            raise CheckError("the URL is over 4,000 characters: check it and try again")
        db = open_db(self.db_path)
        try:
            now = store.utcnow()
            with store.transaction(db) as conn:
                cur = conn.execute(
                    "INSERT INTO check_jobs (url, status, actor, created_at, updated_at)"
                    " VALUES (?, 'queued', ?, ?, ?)",
                    (url, actor, now, now),
                )
                job_id = int(cur.lastrowid)
        finally:
            db.close()
        self.start()
        self._queue.put(job_id)
        return job_id

    def start(self) -> None:
        """Start the worker (once). Jobs a previous server left running are closed with an
        error; those it left queued are run now."""
        with self._lock:
            if self._thread is not None:
                return
            db = open_db(self.db_path)
            try:
                with store.transaction(db) as conn:
                    conn.execute(
                        "UPDATE check_jobs SET status = 'error', updated_at = ?, error = "
                        "'the server stopped before this check finished: check the URL again'"
                        " WHERE status = 'running'",
                        (store.utcnow(),),
                    )
                left = [
                    r[0]
                    for r in db.execute(
                        "SELECT job_id FROM check_jobs WHERE status = 'queued' ORDER BY job_id"
                    )
                ]
            finally:
                db.close()
            for job_id in left:
                self._queue.put(job_id)
            self._thread = threading.Thread(target=self._work, name="newsprov-desk", daemon=True)
            self._thread.start()

    def warm_up(self) -> None:
        """Load the language model in the background (once), so the first check is quick.
        Called when an editor signs in or opens the form, not at startup: loading competes
        with the server starting to listen."""
        self.start()
        with self._lock:
            if self._warming:
                return
            self._warming = True
        self._warm_thread = threading.Thread(target=self.annotator.fingerprint, daemon=True)
        self._warm_thread.start()

    def _work(self) -> None:
        while True:
            job_id = self._queue.get()
            if job_id is None:
                return
            db = open_db(self.db_path)
            try:
                self._run(db, job_id)
            except Exception as exc:  # one bad job must not stop the worker
                _Job(self, db, job_id).update(
                    status="error",
                    error=f"the check failed: {type(exc).__name__}: {one_line(str(exc), 200)}; "
                    "please report this",
                )
            finally:
                db.close()

    def _run(self, db: Any, job_id: int) -> None:
        job = _Job(self, db, job_id)
        row = db.execute(
            "SELECT url, status FROM check_jobs WHERE job_id = ?", (job_id,)
        ).fetchone()
        if row is None or row[1] != "queued":
            return
        job.update(status="running", stage="fetching")
        opts = ScrapeOptions(related=self.options.related, gdelt=self.options.gdelt)
        with Fetcher(self.options.fetch) as fetcher:
            pipeline = _JobPipeline(db, _ProgressFetcher(fetcher, job), self.annotator, job)
            result = pipeline.scrape([row[0]], opts)[0]
        if result.status == "ok":
            job.update(status="done", stage="done", article_id=result.article_id)
        else:
            job.update(status="error", error=result.error or "the check failed")

    def stop(self, timeout: float = 60) -> None:
        """Let the worker finish its current job and end; wait for a model still loading
        (a thread inside spaCy at interpreter exit can abort the process)."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
        if self._warm_thread is not None:
            self._warm_thread.join(timeout)
