"""Outlet identity (registered domain) and what kind of thing a link points at.

Everything here is offline: tldextract is built with no suffix-list URLs and no cache
directory, so it uses the public suffix list snapshot bundled with the package and
never touches the network (its default fetches the list on first use: a 20 s stall
offline).
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

import tldextract

__all__ = ["registered_domain", "link_kind", "hostname_of", "normalize_url"]

# Registered domains whose links are social media posts, profiles or share buttons.
SOCIAL_DOMAINS = frozenset(
    {
        "twitter.com",
        "x.com",
        "t.co",
        "facebook.com",
        "fb.com",
        "fb.me",
        "instagram.com",
        "youtube.com",
        "youtu.be",
        "tiktok.com",
        "t.me",
        "telegram.me",
        "telegram.org",
        "linkedin.com",
        "lnkd.in",
        "bsky.app",
        "threads.net",
        "threads.com",
        "reddit.com",
        "redd.it",
        "whatsapp.com",
        "wa.me",
        "pinterest.com",
        "mastodon.social",
    }
)

DOCUMENT_EXTENSIONS = (
    ".pdf",
    ".doc",
    ".docx",
    ".csv",
    ".xls",
    ".xlsx",
    ".ods",
    ".odt",
    ".ppt",
    ".pptx",
    ".rtf",
)

# Hosts of official bodies, whose pages are primary documents: a government or military
# TLD (.gov, .mil, .int) or second-level label (gov.uk, gob.mx, gouv.fr, gc.ca), and
# parliaments and courts, which often sit on their own domains (parliament.uk,
# supremecourt.gov.pk). The word test is anchored on the domain label so a news site
# such as courthousenews.com is not taken for a court.
_OFFICIAL_TLDS = frozenset({"gov", "mil", "int"})
_OFFICIAL_SLDS = frozenset({"gov", "gob", "gouv", "govt", "gv", "gc", "mil"})
_OFFICIAL_NAME = re.compile(
    r"^(?:\w*parliament\w*|\w*senate|\w*court|judiciary\w*|\w*assembly|congress|legislature\w*)$",
    re.I,
)

# First path segments of pages that list articles rather than being one.
_INDEX_SEGMENTS = frozenset(
    {
        "tag",
        "tags",
        "topic",
        "topics",
        "author",
        "authors",
        "profile",
        "people",
        "search",
        "category",
        "categories",
        "section",
        "sections",
        "page",
        "archive",
        "archives",
        "about",
        "about-us",
        "contact",
        "contact-us",
        "login",
        "signin",
        "subscribe",
        "newsletter",
        "newsletters",
        "privacy",
        "privacy-policy",
        "terms",
        "feed",
        "rss",
        "live-tv",
        "video",
        "videos",
        "epaper",
    }
)
_DATE_IN_PATH = re.compile(r"(?:^|/)(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)|(?:19|20)\d{6}")
_LONG_ID = re.compile(r"\d{6,}")
_ARTICLE_SUFFIX = re.compile(r"\.(?:s?html?|cms|php|aspx?)$", re.I)


# Query parameters that only say how a reader arrived (campaign tags, ad click ids, the
# ref_src that X and Bluesky embeds add to every link),
# never which page it is. Matched case-insensitively on the parameter name.
_TRACKING_PARAM = re.compile(
    r"^(?:utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|igsh|"
    r"_hsenc|_hsmi|ref_src)$",
    re.I,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")


def normalize_url(url: str) -> str:
    """One spelling per page, so the same story is one article and one link target.

    Scheme and host lower-cased (a trailing dot on the host dropped), default ports,
    userinfo and the fragment dropped, an empty path written "/", percent-escapes in
    upper case, and tracking parameters (utm_*, fbclid, gclid and other click ids)
    removed. Everything else is kept as given: the path's case and trailing slash, and
    the other query parameters in their order, since servers may tell pages apart by
    them. Non-http(s) and unparsable URLs come back stripped of surrounding spaces only.
    """
    s = (url or "").strip()
    try:
        parts = urlsplit(s)
        port = parts.port
    except ValueError:
        return s
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return s
    host = parts.hostname.rstrip(".").lower()
    if ":" in host:
        host = f"[{host}]"  # IPv6 literal
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    kept = [
        pair
        for pair in parts.query.split("&")
        if pair and not _TRACKING_PARAM.match(pair.split("=", 1)[0])
    ]
    path = _PERCENT.sub(lambda m: m.group(0).upper(), parts.path) or "/"
    query = _PERCENT.sub(lambda m: m.group(0).upper(), "&".join(kept))
    return urlunsplit((scheme, host, path, query, ""))


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    # Built on first use, not at import: importing this module must do nothing.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def hostname_of(url_or_host: str) -> str:
    """The lower-cased hostname of a URL, or of a bare host (with or without port)."""
    s = (url_or_host or "").strip()
    if "//" not in s:
        s = "//" + s
    try:
        host = urlsplit(s).hostname or ""
    except ValueError:  # e.g. an unbalanced "[" in a scraped href
        return ""
    return host.rstrip(".").lower()


@lru_cache(maxsize=4096)
def registered_domain(url_or_host: str) -> str:
    """The registrable domain of a URL or host: "www.bbc.co.uk" -> "bbc.co.uk".

    Hosts under a suffix the public suffix list does not know (our fictional `.test`
    outlets, intranet names) fall back to their last two labels
    ("dgispr.gov.test" -> "gov.test"); IP addresses and single labels come back as
    they are; "" when there is no host.
    """
    host = hostname_of(url_or_host)
    if not host:
        return ""
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    parts = _extractor()(host)
    if parts.suffix and parts.domain:
        return f"{parts.domain}.{parts.suffix}"
    labels = [label for label in host.split(".") if label]
    return ".".join(labels[-2:])


def _is_official_host(host: str) -> bool:
    labels = host.split(".")
    if labels[-1] in _OFFICIAL_TLDS or (len(labels) >= 2 and labels[-2] in _OFFICIAL_SLDS):
        return True
    name = registered_domain(host).split(".")[0]
    return bool(_OFFICIAL_NAME.match(name))


def _looks_like_article(path: str) -> bool:
    segments = [s for s in path.split("/") if s]
    if not segments:
        return False  # a homepage
    if segments[0].lower() in _INDEX_SEGMENTS:
        return False
    if _DATE_IN_PATH.search(path) or _LONG_ID.search(path):
        return True
    last = _ARTICLE_SUFFIX.sub("", segments[-1])
    if last.lower() in ("index", "default", "home"):
        return False
    # A slug: several words joined by hyphens or underscores.
    return len(re.split(r"[-_]", last)) >= 3


def link_kind(href: str, page_domain: str) -> str:
    """Classify an outbound link: "document", "social", "same_site", "news" or "other".

    A document (PDF, spreadsheet, or any page of a government, military, parliament or
    court host) wins over same_site, because a primary source is what a fact-checker
    looks for wherever it is hosted. "news" is another outlet's URL that looks like one
    article (a dated path, a long id or a slug), not its homepage or a tag/author page.
    """
    try:
        parts = urlsplit(href)
    except ValueError:
        return "other"
    if parts.scheme.lower() not in ("http", "https"):
        return "other"
    host = hostname_of(href)
    if not host:
        return "other"
    path = parts.path or "/"
    if path.lower().endswith(DOCUMENT_EXTENSIONS):
        return "document"
    domain = registered_domain(host)
    if domain in SOCIAL_DOMAINS:
        return "social"
    if _is_official_host(host):
        return "document"
    if page_domain and domain == registered_domain(page_domain):
        return "same_site"
    if _looks_like_article(path):
        return "news"
    return "other"
