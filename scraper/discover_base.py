"""Discovery, shared parts: backend addresses, the options and result types, typed errors,
and the small readers every backend uses (one fetch, a URL's outlet, a timestamp as ISO).

Every request goes through the `Fetcher` the caller passes in (address guard, robots.txt,
per-host delay). A backend that fails raises a typed `DiscoveryError` with a one-line
message: an error is never reported as "no results".
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import Any, Protocol

from scraper.match import parse_time
from scraper.models import Candidate, Fetched

GDELT_DOC_URL = "https://api.gdeltproject.org/api/v2/doc/doc"
GOOGLE_NEWS_URL = "https://news.google.com/rss/search"
MEDIACLOUD_URL = "https://search.mediacloud.org/api/search/story-list"
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
# Order of trust when the cap bites: what a person chose or the article itself cites first.
BACKEND_PRIORITY = ("user", "links", "gdelt", "mediacloud", "feed", "sitemap", "google_news")


class Fetches(Protocol):
    """The part of `scraper.fetch.Fetcher` discovery uses."""

    def fetch(self, url: str, accept: str = ...) -> Fetched: ...


class DiscoveryError(Exception):
    """A backend could not answer: one line saying what and what to do."""


class GdeltError(DiscoveryError):
    """GDELT answered with an error sentence instead of JSON."""


class GdeltRateLimited(GdeltError):
    """GDELT said 429: too many requests."""


class GdeltUnavailable(GdeltError):
    """GDELT could not be reached at all (refused, network, timeout)."""


@dataclass
class DiscoveryOptions:
    links: bool = True
    feeds: Sequence[str] = ()  # --feed URL, always read
    outlet_feeds: bool = True  # autodiscovered feeds of outlets the article links to
    sitemaps: bool = True  # news sitemaps from those outlets' robots.txt
    gdelt: bool = True
    gdelt_url: str = GDELT_DOC_URL
    gdelt_min_interval: float = 6.0  # GDELT asks for one request per 5 s: stay above it
    gdelt_max_records: int = 75
    gdelt_cache_dir: Path | None = None
    google_news: bool = False
    google_news_url: str = GOOGLE_NEWS_URL
    mediacloud_key: str | None = None
    mediacloud_url: str = MEDIACLOUD_URL
    related_urls: Sequence[str] = ()
    window_before_days: float = 90.0  # an origin report may precede the news by weeks
    window_after_days: float = 30.0
    max_related: int = 30
    max_outlets: int = 10  # outlets whose robots.txt/sitemaps are read per article


@dataclass
class Discovery:
    candidates: list[Candidate] = field(default_factory=list)  # kept, deduplicated, capped
    dropped: list[tuple[Candidate, str]] = field(default_factory=list)  # with the reason
    notices: list[str] = field(default_factory=list)  # one line each, for the user
    errors: list[str] = field(default_factory=list)  # backend failures, one line each


def _get(fetcher: Fetches, url: str, accept: str, what: str) -> bytes:
    f = fetcher.fetch(url, accept=accept)
    if not f.ok:
        raise DiscoveryError(f"{what} {url}: {f.error or f'HTTP {f.status}'}")
    return f.body


def _domain(url: str) -> str:
    try:
        from scraper.outlets import registered_domain
    except ImportError:  # outlets.py lands separately; the last two labels are its fallback
        host = (urllib.parse.urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        return ".".join(host.split(".")[-2:])
    return registered_domain(url) if url else ""


def _iso(value: str | None) -> str | None:
    t = parse_time(value.strip() if value else None)
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if t else None


def _struct_time(st: Any) -> str | None:
    if not st:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", st)
