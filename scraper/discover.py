"""Discovery of other coverage of a story: candidate URLs from several backends.

Every request goes through the `Fetcher` the caller passes in (address guard, robots.txt,
per-host delay); feedparser only ever sees bytes we fetched. A backend that fails raises a
typed `DiscoveryError` with a one-line message: an error is never reported as "no results".
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol
from xml.etree import ElementTree

import feedparser
from bs4 import BeautifulSoup

from scraper.match import parse_time
from scraper.models import Candidate, Extracted, Fetched
from scraper.outlets import normalize_url

GDELT_DOC_URL = "https://api.gdeltproject.org/api/v2/doc/doc"
GOOGLE_NEWS_URL = "https://news.google.com/rss/search"
MEDIACLOUD_URL = "https://search.mediacloud.org/api/search/story-list"
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
# Order of trust when the cap bites: what a person chose or the article itself cites first.
BACKEND_PRIORITY = ("user", "links", "gdelt", "mediacloud", "feed", "sitemap", "google_news")

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


# -- the article's own links ----------------------------------------------------------------
def link_candidates(page: Extracted) -> list[Candidate]:
    """Outbound links to other outlets and to documents, in page order."""
    out = []
    for link in page.links:
        if link.kind in ("news", "document", "other") and link.href.startswith(
            ("http://", "https://")
        ):
            out.append(Candidate(link.href, "links", link.anchor or None, link.domain or None))
    return out


def user_candidates(urls: Iterable[str]) -> list[Candidate]:
    out = []
    for u in urls:
        u = u.strip()
        if u and not u.startswith("#"):
            out.append(Candidate(u, "user"))
    return out


# -- feeds ----------------------------------------------------------------------------------
def feed_links(html: bytes | str, base_url: str) -> list[str]:
    """`<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">` URLs, absolute."""
    soup = BeautifulSoup(html, "lxml")
    out: list[str] = []
    for tag in soup.find_all("link"):
        rel = tag.get("rel") or []
        rels = [r.lower() for r in (rel if isinstance(rel, list) else rel.split())]
        ctype = (tag.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rels and ctype in FEED_TYPES and tag.get("href"):
            url = urllib.parse.urljoin(base_url, tag["href"].strip())
            if url.startswith(("http://", "https://")) and url not in out:
                out.append(url)
    return out


def feed_candidates(fetcher: Fetches, feed_url: str) -> list[Candidate]:
    """Entries of one RSS/Atom/JSON feed. Raises DiscoveryError when it cannot be read."""
    body = _get(fetcher, feed_url, FEED_ACCEPT, "feed")
    if body.lstrip()[:1] == b"{":
        return _json_feed(body, feed_url)
    parsed = feedparser.parse(body)  # bytes: feedparser never fetches anything itself
    if parsed.bozo and not parsed.entries:
        raise DiscoveryError(
            f"feed {feed_url}: not a readable RSS/Atom feed ({parsed.bozo_exception}); check the URL"
        )
    out = []
    for e in parsed.entries:
        link = e.get("link") or ""
        if not link.startswith(("http://", "https://")):
            continue
        published = _struct_time(e.get("published_parsed") or e.get("updated_parsed"))
        lang = (parsed.feed.get("language") or "")[:2] or None
        out.append(Candidate(link, "feed", e.get("title"), _domain(link), published, lang))
    return out


def _json_feed(body: bytes, feed_url: str) -> list[Candidate]:
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise DiscoveryError(f"feed {feed_url}: bad JSON Feed ({exc}); check the URL") from exc
    out = []
    for item in data.get("items") or []:
        link = item.get("url") or item.get("external_url") or ""
        if link.startswith(("http://", "https://")):
            published = _iso(item.get("date_published"))
            out.append(Candidate(link, "feed", item.get("title"), _domain(link), published))
    return out


# -- news sitemaps --------------------------------------------------------------------------
def robots_sitemaps(fetcher: Fetches, site_url: str) -> list[str]:
    """`Sitemap:` lines of the site's robots.txt (empty when it has none or no robots.txt)."""
    parts = urllib.parse.urlsplit(site_url)
    robots = f"{parts.scheme}://{parts.netloc}/robots.txt"
    f = fetcher.fetch(robots, accept="text/plain")
    if not f.ok:
        return []
    out = []
    for line in f.body.decode("utf-8", "replace").splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            url = urllib.parse.urljoin(robots, value.strip())
            if url.startswith(("http://", "https://")) and url not in out:
                out.append(url)
    return out


_SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def sitemap_candidates(fetcher: Fetches, sitemap_url: str, depth: int = 1) -> list[Candidate]:
    """Entries of a (news) sitemap; a sitemap index is followed `depth` levels down."""
    body = _get(fetcher, sitemap_url, "application/xml, text/xml;q=0.9, */*;q=0.5", "sitemap")
    try:
        root = ElementTree.fromstring(body)  # noqa: S314 - fetched bytes, no entity expansion in ET
    except ElementTree.ParseError as exc:
        raise DiscoveryError(
            f"sitemap {sitemap_url}: not valid XML ({exc}); check the URL"
        ) from exc
    if root.tag == f"{_SM}sitemapindex":
        out: list[Candidate] = []
        if depth <= 0:
            return out
        for loc in root.iter(f"{_SM}loc"):
            try:
                out += sitemap_candidates(fetcher, (loc.text or "").strip(), depth - 1)
            except DiscoveryError:
                continue  # one broken child sitemap should not hide the others
        return out
    out = []
    for url in root.iter(f"{_SM}url"):
        loc = (url.findtext(f"{_SM}loc") or "").strip()
        if not loc.startswith(("http://", "https://")):
            continue
        news = url.find(f"{_NEWS}news")
        title = published = lang = None
        if news is not None:
            title = news.findtext(f"{_NEWS}title")
            published = _iso(news.findtext(f"{_NEWS}publication_date"))
            lang = news.findtext(f"{_NEWS}publication/{_NEWS}language")
        else:
            published = _iso(url.findtext(f"{_SM}lastmod"))
        out.append(Candidate(loc, "sitemap", title, _domain(loc), published, lang))
    return out


# -- GDELT DOC 2.0 --------------------------------------------------------------------------
class GdeltClient:
    """GDELT DOC 2.0 `artlist` search, paced and cached.

    GDELT allows about one request per 5 s; `min_interval` (default 6 s) is enforced with
    an injectable clock and sleep so tests run fast. Answers are cached by request URL in
    memory and, when `cache_dir` is set, on disk, so re-runs do not ask again.
    """

    def __init__(
        self,
        fetcher: Fetches,
        url: str = GDELT_DOC_URL,
        min_interval: float = 6.0,
        cache_dir: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.fetcher = fetcher
        self.url = url
        self.min_interval = min_interval
        self.cache_dir = cache_dir
        self.clock = clock
        self.sleep = sleep
        self._last: float | None = None
        self._cache: dict[str, list[Candidate]] = {}
        self.requests = 0  # how many requests actually went out (tests check pacing/cache)

    def request_url(
        self,
        query: str,
        start: datetime | None = None,
        end: datetime | None = None,
        max_records: int = 75,
    ) -> str:
        params = {
            "query": query,
            "mode": "artlist",
            "format": "json",
            "maxrecords": str(max(1, min(250, max_records))),
            "sort": "HybridRel",
        }
        if start and end:
            params["startdatetime"] = start.strftime("%Y%m%d%H%M%S")
            params["enddatetime"] = end.strftime("%Y%m%d%H%M%S")
        sep = "&" if "?" in self.url else "?"
        return self.url + sep + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)

    def search(
        self,
        query: str,
        start: datetime | None = None,
        end: datetime | None = None,
        max_records: int = 75,
    ) -> list[Candidate]:
        url = self.request_url(query, start, end, max_records)
        if url in self._cache:
            return self._cache[url]
        disk = self._disk_path(url)
        if disk and disk.is_file():
            body = disk.read_bytes()
        else:
            body = self._request(url)
        result = parse_gdelt(body)
        self._cache[url] = result
        if disk and not disk.is_file():
            disk.parent.mkdir(parents=True, exist_ok=True)
            disk.write_bytes(body)
        return result

    def _request(self, url: str) -> bytes:
        if self._last is not None:
            wait = self.min_interval - (self.clock() - self._last)
            if wait > 0:
                self.sleep(wait)
        self.requests += 1
        f = self.fetcher.fetch(url, accept="application/json")
        self._last = self.clock()
        if f.status == 429:
            raise GdeltRateLimited(
                "GDELT says too many requests (429); wait a minute or pass --no-gdelt"
            )
        if (
            f.error_kind in ("blocked", "network", "timeout", "scheme", "robots")
            or f.status is None
        ):
            raise GdeltUnavailable(
                f"GDELT unreachable ({f.error or 'no answer'}); pass --no-gdelt to skip it"
            )
        if not f.ok:
            raise GdeltError(f"GDELT answered HTTP {f.status}; try again later or pass --no-gdelt")
        return f.body

    def _disk_path(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return Path(self.cache_dir) / (hashlib.sha256(url.encode()).hexdigest()[:32] + ".json")


def parse_gdelt(body: bytes) -> list[Candidate]:
    """An `artlist` answer as candidates. `{}` is "no match"; a plain-text sentence is an
    error (GDELT answers errors with HTTP 200)."""
    text = body.decode("utf-8", "replace").strip()
    if not text.startswith("{"):
        line = text.splitlines()[0][:200] if text else "empty answer"
        raise GdeltError(f"GDELT rejected the query: {line}")
    data = _lenient_json(text)
    out = []
    for a in data.get("articles") or []:
        url = a.get("url") or ""
        if url.startswith(("http://", "https://")):
            lang = {"English": "en"}.get(a.get("language") or "", a.get("language"))
            out.append(Candidate(url, "gdelt", a.get("title"), a.get("domain") or _domain(url),
                                 _gdelt_time(a.get("seendate")), lang))  # fmt: skip
    return out


def _lenient_json(text: str) -> dict[str, Any]:
    try:
        return json.loads(text, strict=False)
    except ValueError:
        # GDELT sometimes emits invalid escapes inside titles: drop the stray backslashes.
        fixed = re.sub(r'\\(?!["\\/bfnrtu])', "", text)
        try:
            return json.loads(fixed, strict=False)
        except ValueError as exc:
            raise GdeltError(f"GDELT answered unreadable JSON ({exc}); try again later") from exc


def gdelt_query(
    title: str, keywords: Sequence[str] = (), text: str = "", max_terms: int = 4
) -> str:
    """AND of the story's most telling terms: the keywords given (named entities), then the
    title words the body repeats most. Multi-word names and words with dashes are quoted
    (GDELT rejects a quoted single word); everything else is bare."""
    terms: list[str] = []
    for k in [*keywords, *_title_terms(title, text)]:
        k = re.sub(r"[\"()]", "", k).strip()
        if not k or k.lower() in (t.lower().strip('"') for t in terms):
            continue
        terms.append(f'"{k}"' if (" " in k or "-" in k) else k)
        if len(terms) >= max_terms:
            break
    return " ".join(terms)


_TITLE_STOP = frozenset(
    "with from that this their after over into about says said amid more than what will "
    "continued continues new".split()
)


def _title_terms(title: str, text: str = "") -> list[str]:
    # Title words split at dashes ("Post-Balakot" -> "Balakot"): other outlets write the
    # name, not the headline's compound. Words the body repeats say what the story is.
    words = [
        w.removesuffix("'s").removesuffix("’s")
        for w in re.findall(r"[A-Za-z][A-Za-z'’]{3,}", title)
    ]
    words = [w for w in dict.fromkeys(words) if w.lower() not in _TITLE_STOP and len(w) > 3]
    body = Counter(re.findall(r"[a-z]+", text.lower()))

    def weight(w: str) -> tuple[int, int, int]:
        stem = w.lower()[:-1] if w.lower().endswith("s") else w.lower()
        return (-(body[w.lower()] + body[stem] + body[stem + "s"]), -w[0].isupper(), -len(w))

    return sorted(words, key=weight)


def _gdelt_time(seen: str | None) -> str | None:
    if not seen:
        return None
    try:
        return datetime.strptime(seen, "%Y%m%dT%H%M%SZ").strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return None


# -- opt-in search services -----------------------------------------------------------------
def google_news_candidates(
    fetcher: Fetches, query: str, url: str = GOOGLE_NEWS_URL
) -> list[Candidate]:
    """Google News RSS search (opt-in: its terms allow personal feed-reader use only).
    Item links are opaque news.google.com redirects; the title's " - Publisher" suffix is
    removed and the publisher's site becomes the outlet."""
    sep = "&" if "?" in url else "?"
    q = urllib.parse.urlencode(
        {"q": f"{query} when:7d", "hl": "en-US", "gl": "US", "ceid": "US:en"}
    )
    body = _get(fetcher, url + sep + q, FEED_ACCEPT, "Google News")
    parsed = feedparser.parse(body)
    out = []
    for e in parsed.entries:
        link = e.get("link") or ""
        if not link.startswith(("http://", "https://")):
            continue
        title = e.get("title") or ""
        source = e.get("source") or {}
        publisher = source.get("title") if hasattr(source, "get") else None
        if publisher and title.endswith(" - " + publisher):
            title = title[: -len(publisher) - 3]
        outlet = _domain(source.get("href", "")) if hasattr(source, "get") else None
        out.append(Candidate(link, "google_news", title or None, outlet or None,
                             _struct_time(e.get("published_parsed")), "en"))  # fmt: skip
    return out


def mediacloud_candidates(
    fetcher: Any, key: str, query: str, start: datetime, end: datetime, url: str = MEDIACLOUD_URL
) -> list[Candidate]:
    """Media Cloud story-list search (needs the user's API key, sent as a header)."""
    params = {"q": query, "start": start.strftime("%Y-%m-%d"), "end": end.strftime("%Y-%m-%d"),
              "platform": "onlinenews-mediacloud"}  # fmt: skip
    full = url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
    try:
        f = fetcher.fetch(
            full, accept="application/json", headers={"Authorization": f"Token {key}"}
        )
    except TypeError as exc:
        raise DiscoveryError(
            "Media Cloud needs a fetcher that can send an Authorization header"
        ) from exc
    if f.status in (401, 403):
        raise DiscoveryError("Media Cloud refused the API key; check --mediacloud-key")
    if not f.ok:
        raise DiscoveryError(f"Media Cloud: {f.error or f'HTTP {f.status}'}; try again later")
    try:
        data = json.loads(f.body)
    except ValueError as exc:
        raise DiscoveryError(f"Media Cloud answered unreadable JSON ({exc})") from exc
    out = []
    for s in data.get("stories") or []:
        link = s.get("url") or ""
        if link.startswith(("http://", "https://")):
            out.append(Candidate(link, "mediacloud", s.get("title"), _domain(s.get("media_url") or link),
                                 _iso(s.get("publish_date")), s.get("language")))  # fmt: skip
    return out


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


# -- helpers --------------------------------------------------------------------------------
def _guard(result: Discovery, fn: Callable[[], list[Candidate]]) -> list[Candidate]:
    try:
        return fn()
    except DiscoveryError as exc:
        result.errors.append(str(exc))
        return []


def _get(fetcher: Fetches, url: str, accept: str, what: str) -> bytes:
    f = fetcher.fetch(url, accept=accept)
    if not f.ok:
        raise DiscoveryError(f"{what} {url}: {f.error or f'HTTP {f.status}'}")
    return f.body


def _window(
    published: str | None, options: DiscoveryOptions
) -> tuple[datetime | None, datetime | None]:
    t = parse_time(published)
    if t is None:
        return None, None
    # Search engines see coverage of one event within days of it: a narrow search window,
    # wider than the 72 h same-story gate on either side.
    return t - timedelta(days=4), t + timedelta(days=4)


def _priority(backend: str) -> int:
    return BACKEND_PRIORITY.index(backend) if backend in BACKEND_PRIORITY else len(BACKEND_PRIORITY)


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
