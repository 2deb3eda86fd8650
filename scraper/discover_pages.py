"""Discovery from the article and outlets' own pages: the article's outbound links, URLs the
user gives, RSS/Atom/JSON feeds (`<link rel=alternate>`) and news sitemaps listed in
robots.txt. feedparser only ever sees bytes we fetched.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterable
from xml.etree import ElementTree

import feedparser
from bs4 import BeautifulSoup

from scraper.discover_base import (
    FEED_ACCEPT,
    FEED_TYPES,
    DiscoveryError,
    Fetches,
    _domain,
    _get,
    _iso,
    _struct_time,
)
from scraper.models import Candidate, Extracted


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
