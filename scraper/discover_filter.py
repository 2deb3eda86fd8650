"""Discovery, filtering: which candidates are kept. Duplicates, the seed's own outlet,
pages that are obviously not one article (sections, social media, media files) and
coverage outside the time window are dropped with a reason; the rest is ordered by
backend trust and capped.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable
from datetime import timedelta

from scraper.discover_base import BACKEND_PRIORITY, DiscoveryOptions, _domain
from scraper.match import parse_time
from scraper.models import Candidate
from scraper.outlets import normalize_url

# Paths that are sections, tags, author pages, utilities or media, never one article.
_NON_ARTICLE = re.compile(
    r"^/(?:$|(?:tag|tags|topic|topics|category|categories|section|author|authors|search|about"
    r"|about-us|contact|privacy|privacy-policy|terms|login|signin|subscribe|epaper|advertise"
    r"|newsletter|newsletters|feed|rss|video|videos|gallery|photos|live)(?:/|$))",
    re.I,
)
_MEDIA_EXT = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|css|js|mp3|mp4|webm|zip|gz|pdf|docx?|xlsx?|xml|rss|atom|json)$",
    re.I,
)
_SOCIAL = ("twitter.com", "x.com", "facebook.com", "instagram.com", "youtube.com", "linkedin.com",
           "whatsapp.com", "t.me", "tiktok.com", "reddit.com", "pinterest.com")  # fmt: skip


# -- filtering and the cap ------------------------------------------------------------------
def non_article_reason(url: str) -> str | None:
    """Why a URL is obviously not one article (None when it may be one)."""
    p = urllib.parse.urlsplit(url)
    if p.scheme not in ("http", "https"):
        return "not http(s)"
    host = (p.hostname or "").lower()
    if any(host == s or host.endswith("." + s) for s in _SOCIAL):
        return "social media"
    if _NON_ARTICLE.match(p.path or "/"):
        return "section, tag or utility page"
    if _MEDIA_EXT.search(p.path):
        return "not an HTML page"
    return None


def filter_candidates(
    candidates: Iterable[Candidate],
    seed_url: str,
    seed_domain: str,
    seed_published: str | None,
    options: DiscoveryOptions,
    known: Iterable[str] = (),
) -> tuple[list[Candidate], list[tuple[Candidate, str]]]:
    """Deduplicate, drop same-outlet, non-article and out-of-window candidates, order by
    backend trust, and cap at `options.max_related`."""
    seen = {normalize_url(u) for u in [seed_url, *known]}
    t0 = parse_time(seed_published)
    kept: list[Candidate] = []
    dropped: list[tuple[Candidate, str]] = []
    order = sorted(candidates, key=lambda c: _priority(c.backend))
    for c in order:
        key = normalize_url(c.url)
        reason = None
        if key in seen:
            reason = "duplicate"
        elif _domain(c.url) == seed_domain and c.backend != "user":
            reason = "same outlet as the article"
        elif (r := non_article_reason(c.url)) and not (
            c.backend == "user" and r == "not an HTML page"
        ):
            reason = r
        elif t0 and (tc := parse_time(c.published)):
            if tc < t0 - timedelta(days=options.window_before_days):
                reason = f"published more than {options.window_before_days:g} days before"
            elif tc > t0 + timedelta(days=options.window_after_days):
                reason = f"published more than {options.window_after_days:g} days after"
        if reason is None and len(kept) >= options.max_related:
            reason = f"over the cap of {options.max_related}"
        if reason:
            dropped.append((c, reason))
            continue
        seen.add(key)
        kept.append(c)
    return kept, dropped


def outlet_sites(urls: Iterable[str], seed_domain: str, limit: int) -> list[str]:
    """One `scheme://host` per other outlet, in order of first appearance."""
    sites: dict[str, None] = {}
    for u in urls:
        p = urllib.parse.urlsplit(u)
        if (
            p.scheme in ("http", "https")
            and p.netloc
            and _domain(u) != seed_domain
            and not non_article_reason(f"{p.scheme}://{p.netloc}/x")
        ):
            sites.setdefault(f"{p.scheme}://{p.netloc}", None)
    return list(sites)[:limit]


def _priority(backend: str) -> int:
    return BACKEND_PRIORITY.index(backend) if backend in BACKEND_PRIORITY else len(BACKEND_PRIORITY)
