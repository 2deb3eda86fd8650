"""Metadata a page declares about itself: JSON-LD, og:/article: and plain meta tags.

Scraped markup is hostile: JSON-LD is only ever `json.loads`-ed (capped in size), and
every value is kept as a plain string.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

__all__ = [
    "PageMeta",
    "read_meta",
    "to_utc_iso",
    "clean_authors",
    "feed_links",
    "base_url",
    "page_title",
]

_ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "livebloposting",
        "liveblogposting",
        "blogposting",
        "report",
        "scholarlyarticle",
        "techarticle",
    }
)
_MAX_JSONLD = 1_000_000  # characters per script block; bigger ones are not metadata
_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"}
)


@dataclass
class PageMeta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    language: str | None = None
    description: str | None = None
    canonical: str | None = None
    site_name: str | None = None
    og_type: str | None = None
    has_article_ld: bool = False
    section: str | None = None  # article:section or JSON-LD articleSection
    ld_types: set[str] = field(default_factory=set)  # the article object's @type, lower-cased
    # JSON-LD articleBody: a second witness for paragraphs the extractors drop.
    article_body: str | None = None


def _text(value: object) -> str | None:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def _walk_ld(node: object, depth: int = 0):
    """Every dict in a JSON-LD blob (lists, @graph and nesting), depth-bounded."""
    if depth > 6:
        return
    if isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in node:
                yield from _walk_ld(node[key], depth + 1)
    elif isinstance(node, list):
        for item in node[:200]:
            yield from _walk_ld(item, depth + 1)


def _names(value: object, persons_only: bool) -> list[str]:
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:20]:
        if isinstance(item, str):
            out.append(item)  # a bare string author is a byline: a person's name
        elif isinstance(item, dict):
            is_person = "person" in _types(item) or not _types(item)
            if persons_only and not is_person:
                continue
            name = _text(item.get("name"))
            if name:
                out.append(name)
    return out


def _jsonld_article(soup: BeautifulSoup) -> dict | None:
    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.I)):
        raw = script.string or script.get_text() or ""
        if len(raw) > _MAX_JSONLD:
            continue
        try:
            blob = json.loads(raw.strip().rstrip(";"), strict=False)
        except ValueError:
            continue
        for obj in _walk_ld(blob):
            if _types(obj) & _ARTICLE_TYPES:
                return obj
    return None


def _meta(soup: BeautifulSoup, *keys: str) -> str | None:
    """First non-empty content of <meta property|name|itemprop=key>, keys in order."""
    wanted = [k.lower() for k in keys]
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = tag.get(attr)
            if isinstance(key, str) and key.lower() in wanted and key.lower() not in found:
                content = _text(tag.get("content"))
                if content:
                    found[key.lower()] = content
    for k in wanted:
        if k in found:
            return found[k]
    return None


def to_utc_iso(value: object) -> str | None:
    """A date or datetime (string or object) as "YYYY-MM-DDTHH:MM:SSZ"; naive means UTC."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        s = re.sub(r"\s+", " ", s)
        s = re.sub(r"Z$", "+00:00", s)
        s = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", s)  # +0530 -> +05:30
        try:
            dt = datetime.fromisoformat(s.replace(" ", "T", 1) if "T" not in s else s)
        except ValueError:
            try:
                from email.utils import parsedate_to_datetime

                dt = parsedate_to_datetime(s)
            except (TypeError, ValueError, IndexError):
                return None
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    if not 1900 <= dt.year <= 2200:
        return None
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# "By", and its French and Spanish equivalents, which newspaper leaves on bylines.
_BY = re.compile(r"^\s*(?:(?:written|reported)\s+)?(?:by|par|por)[:\s]+", re.I)
_SPLIT_AUTHORS = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*", re.I)


def clean_authors(names: list[str], outlet_names: tuple[str, ...] = ()) -> list[str]:
    """Names without "By ", split on "and"/commas, deduped, dropping non-names."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        raw = _BY.sub("", " ".join(str(raw).split()))
        for name in _SPLIT_AUTHORS.split(raw):
            name = name.strip(" .-–—:|")
            key = name.lower()
            if (
                not name
                or key in seen
                or len(name) > 80
                or "://" in name
                or "@" in name
                or re.search(r"\d", name)
            ):
                continue
            seen.add(key)
            out.append(name)
    return out


def _language(soup: BeautifulSoup, ld: dict | None) -> str | None:
    candidates = []
    html = soup.find("html")
    if isinstance(html, Tag):
        candidates.append(html.get("lang") or html.get("xml:lang"))
    if ld:
        candidates.append(ld.get("inLanguage"))
    candidates.append(_meta(soup, "og:locale", "content-language", "language", "dc.language"))
    for c in candidates:
        if isinstance(c, str) and re.match(r"^[a-zA-Z]{2,3}(?:[-_].*)?$", c.strip()):
            return re.split(r"[-_]", c.strip())[0].lower()
    return None


def base_url(soup: BeautifulSoup, page_url: str) -> str:
    """The URL relative links resolve against: <base href> when the page sets one."""
    base = soup.find("base", href=True)
    if isinstance(base, Tag):
        href = str(base.get("href") or "").strip()
        resolved = urljoin(page_url, href)
        if urlsplit(resolved).scheme in ("http", "https"):
            return resolved
    return page_url


def _absolute(href: object, base: str) -> str | None:
    if not isinstance(href, str) or not href.strip():
        return None
    try:
        url = urldefrag(urljoin(base, href.strip()))[0]
    except ValueError:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


def _canonical(soup: BeautifulSoup, ld: dict | None, base: str) -> str | None:
    for tag in soup.find_all("link", href=True):
        rel = tag.get("rel") or []
        rels = [r.lower() for r in (rel if isinstance(rel, list) else str(rel).split())]
        if "canonical" in rels:
            url = _absolute(tag.get("href"), base)
            if url:
                return url
    url = _absolute(_meta(soup, "og:url"), base)
    if url:
        return url
    if ld:
        entity = ld.get("mainEntityOfPage")
        if isinstance(entity, dict):
            entity = entity.get("@id") or entity.get("url")
        return _absolute(entity, base)
    return None


def feed_links(soup: BeautifulSoup, base: str) -> list[str]:
    """<link rel=alternate> feeds (RSS, Atom, JSON Feed), absolute, in page order."""
    out: list[str] = []
    for tag in soup.find_all("link", href=True):
        rel = tag.get("rel") or []
        rels = [r.lower() for r in (rel if isinstance(rel, list) else str(rel).split())]
        mime = str(tag.get("type") or "").split(";")[0].strip().lower()
        if "alternate" in rels and mime in _FEED_TYPES:
            url = _absolute(tag.get("href"), base)
            if url and url not in out:
                out.append(url)
    return out


def read_meta(soup: BeautifulSoup, page_url: str) -> PageMeta:
    """What the page says about itself; JSON-LD first, then og:/article:, then meta."""
    ld = _jsonld_article(soup)
    base = base_url(soup, page_url)
    meta = PageMeta(has_article_ld=ld is not None)
    publisher = ld.get("publisher") if ld else None
    publisher_name = _text(publisher.get("name")) if isinstance(publisher, dict) else None
    meta.site_name = (
        _meta(soup, "og:site_name") or publisher_name or _meta(soup, "application-name")
    )
    meta.title = (
        (ld and _text(ld.get("headline")))
        or _meta(soup, "og:title", "twitter:title", "dc.title")
        or None
    )
    authors: list[str] = []
    if ld:
        authors = _names(ld.get("author"), persons_only=True)
        if not authors:
            # A wire copy credits the agency as an Organization: worth keeping when it
            # is not just the outlet itself.
            authors = [
                n
                for n in _names(ld.get("author"), persons_only=False)
                if n.lower() not in {(meta.site_name or "").lower(), (publisher_name or "").lower()}
            ]
    if not authors:
        byline = _meta(soup, "author", "article:author", "parsely-author", "dc.creator", "byl")
        if byline and "://" not in byline:
            authors = [byline]
    meta.authors = clean_authors(authors)
    published = (ld and ld.get("datePublished")) or _meta(
        soup,
        "article:published_time",
        "datePublished",
        "og:published_time",
        "publish-date",
        "pubdate",
        "publishdate",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date.issued",
        "dcterms.created",
        "date",
    )
    if not published:
        time_tag = soup.find("time", datetime=True)
        if isinstance(time_tag, Tag):
            published = str(time_tag.get("datetime"))
    meta.published = to_utc_iso(published)
    meta.language = _language(soup, ld)
    meta.description = (
        _meta(soup, "description", "og:description", "twitter:description")
        or (ld and _text(ld.get("description")))
        or None
    )
    meta.canonical = _canonical(soup, ld, base)
    meta.og_type = _meta(soup, "og:type")
    ld_section = ld.get("articleSection") if ld else None
    if isinstance(ld_section, list):
        ld_section = next((x for x in ld_section if isinstance(x, str)), None)
    meta.section = _meta(soup, "article:section") or _text(ld_section)
    meta.ld_types = _types(ld) if ld else set()
    body = ld.get("articleBody") if ld else None
    if isinstance(body, str) and body.strip():
        meta.article_body = body
    return meta


# Separators between a headline and the site's name in <title>: only with spaces on both
# sides, so a hyphen inside a word ("re-elected") or a colon in a headline never splits.
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—»·•:\-]|::)\s+")


def page_title(soup: BeautifulSoup, site_name: str | None = None) -> str | None:
    """The headline from <title> (and <h1>), without the site's name around it."""
    tag = soup.find("title")
    raw = " ".join(tag.get_text(" ").split()) if isinstance(tag, Tag) else ""
    h1 = soup.find("h1")
    heading = " ".join(h1.get_text(" ").split()) if isinstance(h1, Tag) else ""
    if not raw:
        return heading or None
    pieces = [p for p in _TITLE_SEPARATORS.split(raw) if p.strip()]
    if heading and heading.lower() in (p.lower() for p in pieces):
        return heading
    if len(pieces) <= 1:
        return raw
    site = (site_name or "").strip().lower()
    rest = [p for p in pieces if p.lower() != site] or pieces
    # The headline is the longest piece; the site name and section labels are short.
    return max(rest, key=lambda p: len(p.split()))
