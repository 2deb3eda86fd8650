"""The related-coverage stage: discover -> fetch -> extract/store/annotate -> match -> trace.

Called by the pipeline once per stored seed article. Wiring only: discovery and matching
live in scraper/, claim matching in annotate/, the queries in db/.
"""

from __future__ import annotations

import json
import sys
import urllib.parse
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import sqlite_utils

from annotate.copies import match_story
from annotate.trace import match_claims, match_cluster, quantity_key
from db import store
from db.trace import load_claims, rebuild_matches
from db.trail import match_count
from scraper.discover import (
    GDELT_DOC_URL,
    Discovery,
    DiscoveryOptions,
    GdeltClient,
    discover,
    filter_candidates,
    link_candidates,
    read_feeds,
)
from scraper.extract import ExtractError
from scraper.match import StoryDoc, match_related
from scraper.models import Candidate, Extracted, Fetched


class PageStore(Protocol):
    """What this stage needs from the pipeline: store one fetched page (extract, save,
    annotate) and report progress."""

    def store_page(
        self, fetched: Fetched, run_id: int, input_url: str, is_seed: bool
    ) -> tuple[int, Extracted]: ...

    def progress(self, msg: str) -> None: ...


@dataclass
class RelatedReport:
    article_id: int
    stored: int = 0  # related rows for the article after this run
    candidates: int = 0  # URLs chosen for fetching
    fetched: int = 0  # pages stored as articles
    same_story: int = 0
    syndicated: int = 0
    claim_matches: int = 0
    failed: list[dict] = field(default_factory=list)  # {"url", "error"}
    notices: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return dict(self.__dict__)


def discovery_options(options: Any) -> DiscoveryOptions:
    """Map the pipeline's ScrapeOptions (or any object with those attributes) to ours."""
    extra = dict(getattr(options, "extra", None) or {})
    base = getattr(options, "gdelt_base", None)
    return DiscoveryOptions(
        feeds=tuple(getattr(options, "feeds", ()) or ()),
        gdelt=bool(getattr(options, "gdelt", True)),
        gdelt_url=gdelt_endpoint(base) if base else GDELT_DOC_URL,
        gdelt_min_interval=float(extra.get("gdelt_min_interval", 6.0)),
        gdelt_cache_dir=Path(extra["gdelt_cache_dir"]) if extra.get("gdelt_cache_dir") else None,
        google_news=bool(getattr(options, "google_news", False)),
        mediacloud_key=getattr(options, "mediacloud_key", None),
        related_urls=tuple(getattr(options, "related_urls", ()) or ()),
        max_related=int(getattr(options, "max_related", 30)),
        window_before_days=float(extra.get("window_before_days", 90)),
        window_after_days=float(extra.get("window_after_days", 30)),
    )


def gdelt_endpoint(base: str) -> str:
    """`--gdelt-base https://api.gdeltproject.org` -> the DOC endpoint; a URL that already
    has a path (a test server's canned answer) is used as it is."""
    path = urllib.parse.urlsplit(base).path
    return base if path not in ("", "/") else base.rstrip("/") + "/api/v2/doc/doc"


def gather_related(
    db: sqlite_utils.Database,
    fetcher: Any,
    pipeline: PageStore,
    article_id: int,
    seed: Extracted,
    run_id: int,
    options: Any,
) -> RelatedReport:
    """Find, fetch, store and match the seed's related coverage, then trace its claims."""
    report = RelatedReport(article_id)
    dopts = discovery_options(options)
    extra = getattr(options, "extra", None)
    gdelt = _gdelt_client(fetcher, dopts, extra)
    own = {x.lower() for x in (seed.outlet_name, seed.outlet_domain.split(".")[0]) if x}
    keywords = top_entities(load_claims(db, article_id), exclude=own)
    found = discover(seed, fetcher, dopts, gdelt, keywords)
    if not dopts.gdelt and getattr(options, "gdelt", False):
        options.gdelt = False  # unreachable: stay off for the rest of the batch, one notice
    _collect(report, found)
    # Shown even when progress is quiet: the user should know a backend was skipped or
    # failed, since its stories are missing from the comparison.
    for notice in found.notices:
        print(f"newsprov: {notice}", file=sys.stderr)
    for error in found.errors:
        print(f"newsprov: warning: {error}", file=sys.stderr)
    pages = _fetch_and_store(db, fetcher, pipeline, found.candidates, run_id, article_id, report)

    # Second round: the pages found link to the origin document (an outlet naming a
    # report links to it) and carry their outlets' feeds. Only same-story pages are
    # followed, and the total stays under the cap.
    first = _match(db, article_id, seed, pages)
    room = dopts.max_related - len(found.candidates)
    if room > 0 and first:
        more = _second_round(
            fetcher, seed, pages, first, dopts, room, [c.url for c in found.candidates], report
        )
        pages += _fetch_and_store(db, fetcher, pipeline, more, run_id, article_id, report)

    results = _match(db, article_id, seed, pages)
    methods = {pid: backend for pid, (_page, backend) in pages_by_id(pages).items()}
    for m in results:
        store.save_related(db, article_id, int(m.key), methods[int(m.key)], m.score, m.same_story,
                           int(m.syndicated_of) if m.syndicated else None, m.evidence)  # fmt: skip
    report.same_story = sum(1 for m in results if m.same_story)
    report.syndicated = sum(1 for m in results if m.syndicated)
    # The whole same-story cluster, not only the seed: every member's trail compares with
    # every other member (the same rows `annotate` and `trace` write). Pages stored here
    # were re-annotated, so the clusters they belong to (other stories too) are rebuilt.
    rebuild_matches(
        db, [article_id, *(pid for pid, _p, _b in pages)], match_claims, story_fn=match_story
    )
    # Every matching claim elsewhere, copies counted (claim_matches holds one row per
    # group of syndicated copies; match_count expands them, linear in the matches, and
    # works out a deferred story's).
    report.claim_matches = match_count(db, article_id, match_cluster)
    report.stored = db.execute(
        "SELECT count(*) FROM related WHERE article_id = ?", (article_id,)
    ).fetchone()[0]
    pipeline.progress(
        f"related: {report.fetched} stored, {report.same_story} same story, "
        f"{report.syndicated} syndicated, {report.claim_matches} claim matches"
    )
    return report


def retrace(db: sqlite_utils.Database, article_ids: Iterable[int]) -> int:
    """Rebuild the claim matches of the same-story clusters of these articles (each once).
    Call after re-annotating: new claims drop the old matches. Returns the rows stored."""
    return rebuild_matches(db, list(article_ids), match_claims, story_fn=match_story)


def pages_by_id(pages: list[tuple[int, Extracted, str]]) -> dict[int, tuple[Extracted, str]]:
    out: dict[int, tuple[Extracted, str]] = {}
    for pid, page, backend in pages:
        out.setdefault(pid, (page, backend))
    return out


def top_entities(claims: Iterable[dict], n: int = 2, exclude: Iterable[str] = ()) -> list[str]:
    """The names the article repeats most: the best search terms for its story. The
    outlet's own name (its dateline credit) would only find the outlet's own pages."""
    skip = {x.lower() for x in exclude}
    counts = Counter(
        e for c in claims for e in set(c.get("entities") or []) if e.lower() not in skip
    )
    return [e for e, _ in counts.most_common(n)]


def _gdelt_client(fetcher: Any, dopts: DiscoveryOptions, extra: dict | None) -> GdeltClient | None:
    if not dopts.gdelt:
        return None
    # One client per batch, kept in the options the pipeline reuses, so pacing and the
    # cache hold across articles.
    key = "_gdelt_client"
    if extra is not None and isinstance(extra.get(key), GdeltClient):
        return extra[key]
    client = GdeltClient(fetcher, dopts.gdelt_url, dopts.gdelt_min_interval, dopts.gdelt_cache_dir)
    if extra is not None:
        extra[key] = client
    return client


def _collect(report: RelatedReport, found: Discovery) -> None:
    report.candidates += len(found.candidates)
    report.notices += found.notices
    report.errors += found.errors


def _fetch_and_store(
    db: sqlite_utils.Database,
    fetcher: Any,
    pipeline: PageStore,
    candidates: list[Candidate],
    run_id: int,
    article_id: int,
    report: RelatedReport,
) -> list[tuple[int, Extracted, str]]:
    by_url = {c.url: c for c in candidates}
    out = []
    for fetched in fetcher.fetch_many(list(by_url)):
        cand = by_url.get(fetched.url)
        backend = cand.backend if cand else "links"
        if not fetched.ok:
            store.save_fetch(db, fetched, run_id)  # a failed fetch is evidence too
            report.failed.append(
                {"url": fetched.url, "error": fetched.error or f"HTTP {fetched.status}"}
            )
            continue
        try:
            pid, page = pipeline.store_page(fetched, run_id, fetched.url, is_seed=False)
        except ExtractError as exc:
            store.save_fetch(db, fetched, run_id)
            report.failed.append({"url": fetched.url, "error": str(exc)})
            continue
        if pid == article_id:
            continue  # a redirect or canonical back to the seed itself
        report.fetched += 1
        pipeline.progress(f"related {page.url}")
        out.append((pid, page, backend))
    return out


def _second_round(
    fetcher: Any,
    seed: Extracted,
    pages: list[tuple[int, Extracted, str]],
    first: list,
    dopts: DiscoveryOptions,
    room: int,
    known: list[str],
    report: RelatedReport,
) -> list[Candidate]:
    same = {int(m.key) for m in first if m.same_story}
    found = Discovery()
    cands: list[Candidate] = []
    feeds: list[str] = []
    for pid, page, _backend in pages:
        feeds += [f for f in page.feeds if f not in dopts.feeds]
        if pid in same:
            cands += link_candidates(page)
    if dopts.outlet_feeds:
        cands += read_feeds(fetcher, feeds, found)
    known = [*known, *(p.url for _pid, p, _b in pages)]
    capped = DiscoveryOptions(**{**dopts.__dict__, "max_related": room})
    kept, _dropped = filter_candidates(
        cands, seed.url, seed.outlet_domain, seed.published, capped, known
    )
    report.errors += found.errors
    report.candidates += len(kept)
    return kept


def _match(
    db: sqlite_utils.Database,
    article_id: int,
    seed: Extracted,
    pages: list[tuple[int, Extracted, str]],
):
    if not pages:
        return []
    seed_doc = story_doc(article_id, seed, load_claims(db, article_id))
    others = [
        story_doc(pid, page, load_claims(db, pid)) for pid, (page, _b) in pages_by_id(pages).items()
    ]
    return match_related(seed_doc, others)


def story_doc(key: int, page: Extracted, claims: list[dict]) -> StoryDoc:
    """What matching compares, with the annotator's entities and figures as plain sets."""
    entities = frozenset(e for c in claims for e in c.get("entities") or [])
    figures = frozenset(
        format(f["value"], "g")
        for c in claims
        for f in c.get("figures") or []
        if f.get("value") is not None
    )
    quantities = frozenset(
        q for c in claims for f in c.get("figures") or [] if (q := quantity_key(f.get("unit")))
    )
    return StoryDoc(
        key=key,
        url=page.url,
        domain=page.outlet_domain,
        title=page.title,
        text=page.text,
        published=page.published,
        canonical_url=page.canonical_url,
        outlet_name=page.outlet_name,
        entities=entities,
        figures=figures,
        quantities=quantities,
    )


def summary_line(report: RelatedReport) -> str:
    return json.dumps(report.to_json())
