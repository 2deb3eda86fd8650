"""Wires the three stages. Each step hands the next plain dataclasses; only this module
knows that a fetched page becomes a stored, annotated article."""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlite_utils

from annotate.annotator import Annotator, reference_date
from annotate.models import Annotation
from db import store
from newsprov import __version__
from scraper.extract import ExtractError, extract_article
from scraper.fetch import Fetcher
from scraper.guard import redact_url  # noqa: F401 - also the pipeline's public name
from scraper.models import Extracted, Fetched

Progress = Callable[[str], None]


@dataclass
class ItemResult:
    """What happened to one input URL or file: the `--json` line of `scrape`."""

    url: str
    article_id: int | None = None
    status: str = "ok"  # ok | error
    error: str | None = None
    related: int = 0  # related articles stored for it

    def to_json(self) -> dict:
        return {
            "url": self.url,
            "article_id": self.article_id,
            "status": self.status,
            "error": self.error,
        }


@dataclass
class ScrapeOptions:
    related: bool = True
    max_related: int = 30
    related_urls: Sequence[str] = ()
    feeds: Sequence[str] = ()
    gdelt: bool = True
    gdelt_base: str | None = None
    google_news: bool = False
    mediacloud_key: str | None = None
    extra: dict = field(default_factory=dict)


class Pipeline:
    """One database, one fetcher, one annotator (built lazily: spaCy takes a second)."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        fetcher: Fetcher | None = None,
        annotator_factory: Callable[[], Annotator] = Annotator,
        progress: Progress | None = None,
    ) -> None:
        self.db = db
        self.fetcher = fetcher
        self._annotator_factory = annotator_factory
        self._annotator: Annotator | None = None
        self.progress = progress or (lambda msg: None)

    @property
    def annotator(self) -> Annotator:
        if self._annotator is None:
            self._annotator = self._annotator_factory()
        return self._annotator

    # -- runs ---------------------------------------------------------------------------
    def start_run(self, command: str, options: dict) -> int:
        fp = self.annotator.fingerprint()  # which rules and model made this run's flags
        return store.start_run(self.db, command, {**options, "tool_version": __version__}, fp)

    def finish_run(self, run_id: int, results: Sequence[ItemResult]) -> None:
        failed = [r for r in results if r.status != "ok"]
        status = "ok" if not failed else ("failed" if len(failed) == len(results) else "partial")
        summary = {
            "inputs": len(results),
            "ok": len(results) - len(failed),
            "failed": [{"url": r.url, "error": r.error} for r in failed],
            "related": sum(r.related for r in results),
        }
        store.finish_run(self.db, run_id, status, summary)

    # -- stages -------------------------------------------------------------------------
    def store_page(
        self, fetched: Fetched, run_id: int, input_url: str, is_seed: bool
    ) -> tuple[int, Extracted]:
        """Extract and store a fetched page and its annotations; raises ExtractError."""
        extracted = extract_article(fetched.body, fetched.final_url, fetched.content_type)
        fetch_id = store.save_fetch(self.db, fetched, run_id)
        article_id = store.save_article(self.db, extracted, fetch_id, input_url, is_seed=is_seed)
        annotation = self.annotate_page(extracted, fetched)
        store.save_annotation(self.db, article_id, annotation, run_id)
        return article_id, extracted

    def annotate_page(self, extracted: Extracted, fetched: Fetched) -> Annotation:
        """Annotate an extracted page with its opinion evidence, read against the article's
        own date (published, else fetched), so re-annotating it later tiers it the same."""
        when = reference_date(extracted.published, fetched.fetched_at)
        return self.annotator.annotate(extracted.text, extracted.opinion, when)

    def scrape_one(self, url: str, run_id: int, options: ScrapeOptions) -> ItemResult:
        assert self.fetcher is not None, "scrape needs a fetcher"
        self.progress(f"fetching {redact_url(url)}")
        fetched = self.fetcher.fetch(url)
        safe = redact_url(url)
        if safe != url:
            fetched = replace(
                fetched,
                url=safe,
                final_url=redact_url(fetched.final_url),
                error=(fetched.error or "").replace(url, safe) or None,
            )
        if not fetched.ok:
            store.save_fetch(self.db, fetched, run_id)  # failures are evidence too
            return ItemResult(safe, status="error", error=fetched.error or "fetch failed")
        try:
            article_id, extracted = self.store_page(fetched, run_id, url, is_seed=True)
        except ExtractError as exc:
            store.save_fetch(self.db, fetched, run_id)
            return ItemResult(safe, status="error", error=str(exc))
        result = ItemResult(safe, article_id=article_id)
        if options.related:
            result.related = self.gather_related(article_id, extracted, run_id, options)
        else:
            self.retrace([article_id])
        return result

    def retrace(self, article_ids: Sequence[int]) -> int:
        """Re-annotating replaced the claims and, with them, their matches: rebuild the
        trails of these articles' stories."""
        from newsprov.related import retrace

        return retrace(self.db, article_ids)

    def scrape(self, urls: Iterable[str], options: ScrapeOptions) -> list[ItemResult]:
        urls = list(dict.fromkeys(urls))  # same URL twice in one batch: once
        shown = [redact_url(u) for u in urls]
        run_id = self.start_run("scrape", {"urls": shown, "related": options.related})
        results: list[ItemResult] = []
        try:
            for url in urls:
                results.append(self.scrape_one(url, run_id, options))
        finally:
            self.finish_run(run_id, results)
        return results

    def gather_related(
        self, article_id: int, extracted: Extracted, run_id: int, options: ScrapeOptions
    ) -> int:
        """Fetch, store and link related coverage; returns how many related rows exist."""
        from newsprov.related import gather_related  # the related-coverage stage

        assert self.fetcher is not None
        report = gather_related(self.db, self.fetcher, self, article_id, extracted, run_id, options)
        return report.stored

    def import_file(self, path: Path, url: str) -> ItemResult:
        """A page saved from a browser: same extract/store/annotate path, no network."""
        body = path.read_bytes()
        fetched = Fetched(
            url=url,
            final_url=url,
            status=None,
            content_type=mimetypes.guess_type(path.name)[0] or "text/html",
            headers={"x-newsprov-imported-from": path.name},
            fetched_at=store.utcnow(),
            body=body,
            sha256=hashlib.sha256(body).hexdigest(),
            error_kind="imported",
        )
        run_id = self.start_run("import", {"file": str(path), "url": url})
        try:
            article_id, _ = self.store_page(fetched, run_id, url, is_seed=True)
            self.retrace([article_id])
            result = ItemResult(url, article_id=article_id)
        except ExtractError as exc:
            result = ItemResult(url, status="error", error=str(exc))
        self.finish_run(run_id, [result])
        return result

    def annotate_articles(
        self, ids: Sequence[int] | None, batch_size: int = 48, n_process: int = 1
    ) -> int:
        """(Re)annotate stored articles; each article's old annotations are replaced atomically."""
        rows = list(store.articles_to_annotate(self.db, ids))
        if not rows:
            return 0
        run_id = self.start_run("annotate", {"ids": ids, "count": len(rows)})
        texts = (r["text"] for r in rows)
        done = 0
        try:
            for row, annotation in zip(
                rows,
                # each page's opinion evidence and date, so it is tiered as its first
                # annotation was
                self.annotator.annotate_many(
                    texts,
                    batch_size,
                    n_process,
                    opinions=[r["opinion"] for r in rows],
                    references=[reference_date(r["published"], r["captured"]) for r in rows],
                ),
                strict=True,
            ):
                store.save_annotation(self.db, row["article_id"], annotation, run_id)
                done += 1
                self.progress(f"annotated {row['article_id']}")
            matches = self.retrace([r["article_id"] for r in rows])
        except BaseException:
            # Articles saved so far stay saved (each in its own transaction); the run says
            # it did not finish, so `annotate` without ids picks up the rest.
            store.finish_run(self.db, run_id, "failed", {"annotated": done})
            raise
        store.finish_run(self.db, run_id, "ok", {"annotated": done, "claim_matches": matches})
        return done
