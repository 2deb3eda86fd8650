"""Discovery of other coverage of a story: one round over every enabled backend.

The stages live in their own modules: `discover_base.py` (options, result, errors, shared
readers), `discover_pages.py` (the article's links, feeds, news sitemaps),
`discover_search.py` (GDELT, Google News, Media Cloud) and `discover_filter.py` (dedupe,
drop, order and cap). Their public names are importable from here as before.

Every request goes through the `Fetcher` the caller passes in (address guard, robots.txt,
per-host delay); feedparser only ever sees bytes we fetched. A backend that fails raises a
typed `DiscoveryError` with a one-line message: an error is never reported as "no results".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta

from scraper.discover_base import (
    BACKEND_PRIORITY,
    FEED_ACCEPT,
    FEED_TYPES,
    GDELT_DOC_URL,
    GOOGLE_NEWS_URL,
    MEDIACLOUD_URL,
    Discovery,
    DiscoveryError,
    DiscoveryOptions,
    Fetches,
    GdeltError,
    GdeltRateLimited,
    GdeltUnavailable,
    _domain,
)
from scraper.discover_filter import filter_candidates, non_article_reason, outlet_sites
from scraper.discover_pages import (
    feed_candidates,
    feed_links,
    link_candidates,
    robots_sitemaps,
    sitemap_candidates,
    user_candidates,
)
from scraper.discover_search import (
    GdeltClient,
    gdelt_query,
    google_news_candidates,
    mediacloud_candidates,
    parse_gdelt,
)
from scraper.match import parse_time
from scraper.models import Candidate, Extracted

__all__ = [
    "BACKEND_PRIORITY",
    "FEED_ACCEPT",
    "FEED_TYPES",
    "GDELT_DOC_URL",
    "GOOGLE_NEWS_URL",
    "MEDIACLOUD_URL",
    "Discovery",
    "DiscoveryError",
    "DiscoveryOptions",
    "Fetches",
    "GdeltClient",
    "GdeltError",
    "GdeltRateLimited",
    "GdeltUnavailable",
    "discover",
    "feed_candidates",
    "feed_links",
    "filter_candidates",
    "gdelt_query",
    "google_news_candidates",
    "link_candidates",
    "mediacloud_candidates",
    "non_article_reason",
    "outlet_sites",
    "parse_gdelt",
    "read_feeds",
    "read_sitemaps",
    "robots_sitemaps",
    "sitemap_candidates",
    "user_candidates",
]


# -- one discovery round --------------------------------------------------------------------
def discover(
    seed: Extracted,
    fetcher: Fetches,
    options: DiscoveryOptions,
    gdelt: GdeltClient | None = None,
    keywords: Sequence[str] = (),
    known: Iterable[str] = (),
) -> Discovery:
    """Candidates for the seed from every enabled backend, filtered and capped.

    `keywords` (named entities, key terms) feed the search backends; `known` are URLs
    already handled (so a second round does not repeat the first)."""
    result = Discovery()
    found: list[Candidate] = []
    found += user_candidates(options.related_urls)
    if options.links:
        found += link_candidates(seed)
    query = gdelt_query(seed.title, keywords, seed.text)
    start, end = _window(seed.published, options)
    if options.gdelt and query:
        client = gdelt or GdeltClient(
            fetcher, options.gdelt_url, options.gdelt_min_interval, options.gdelt_cache_dir
        )
        try:
            found += client.search(query, start, end, options.gdelt_max_records)
        except GdeltUnavailable as exc:
            result.notices.append(f"GDELT off for this run: {exc}")
            options.gdelt = False  # one notice, not one per article
        except GdeltError as exc:
            result.errors.append(str(exc))
    if options.google_news and query:
        found += _guard(
            result, lambda: google_news_candidates(fetcher, query, options.google_news_url)
        )
    if options.mediacloud_key and query and start and end:
        found += _guard(
            result,
            lambda: mediacloud_candidates(
                fetcher, options.mediacloud_key or "", query, start, end, options.mediacloud_url
            ),  # fmt: skip
        )
    feeds = list(options.feeds)
    if options.outlet_feeds:
        feeds += [f for f in seed.feeds if _domain(f) != seed.outlet_domain]
    found += read_feeds(fetcher, feeds, result)
    if options.sitemaps:
        outlets = outlet_sites([c.url for c in found if c.backend in ("links", "user", "gdelt")],
                               seed.outlet_domain, options.max_outlets)  # fmt: skip
        found += read_sitemaps(fetcher, outlets, result)
    kept, dropped = filter_candidates(
        found, seed.url, seed.outlet_domain, seed.published, options, known
    )
    result.candidates, result.dropped = kept, dropped
    return result


def read_feeds(fetcher: Fetches, feeds: Iterable[str], result: Discovery) -> list[Candidate]:
    out: list[Candidate] = []
    for feed in dict.fromkeys(feeds):
        out += _guard(result, lambda feed=feed: feed_candidates(fetcher, feed))
    return out


def read_sitemaps(fetcher: Fetches, sites: Iterable[str], result: Discovery) -> list[Candidate]:
    out: list[Candidate] = []
    for site in sites:
        for sm in robots_sitemaps(fetcher, site):
            out += _guard(result, lambda sm=sm: sitemap_candidates(fetcher, sm))
    return out


# -- helpers --------------------------------------------------------------------------------
def _guard(result: Discovery, fn: Callable[[], list[Candidate]]) -> list[Candidate]:
    try:
        return fn()
    except DiscoveryError as exc:
        result.errors.append(str(exc))
        return []


def _window(
    published: str | None, options: DiscoveryOptions
) -> tuple[datetime | None, datetime | None]:
    t = parse_time(published)
    if t is None:
        return None, None
    # Search engines see coverage of one event within days of it: a narrow search window,
    # wider than the 72 h same-story gate on either side.
    return t - timedelta(days=4), t + timedelta(days=4)
