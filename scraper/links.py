"""Outbound links of an article: absolute, normalised, with anchor text, the paragraph
they sit in, and what kind of page they point to. Site menus, share buttons and page
chrome are left out."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from scraper.models import Link
from scraper.outlets import link_kind, normalize_url, registered_domain

_BLOCKS = ("p", "li", "blockquote", "td", "dd", "figcaption", "h2", "h3", "h4", "h5", "h6")
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar"})
# class/id words of page furniture that real sites put in plain <div>s: cookie banners,
# tickers, share bars, "most read" lists, newsletter boxes, ads.
CHROME_CLASS = re.compile(
    r"(?:^|[-_\s])(?:cookie|consent|gdpr|top-?bar|ticker|breaking-news|navbar|menu|"
    r"breadcrumbs?|sidebar|most-read|most-popular|trending|newsletter|paywall|share|"
    r"sharing|social-share|ad-slot|advert|promo)(?:$|[-_\s])",
    re.I,
)
# Share buttons are links to the outlet's own story dressed as social media URLs.
_SHARE_URL = re.compile(
    r"/(?:intent/(?:tweet|post)|share(?:r|Article)?(?:\.php)?|send)\b|[?&](?:u|url|text)=http",
    re.I,
)


def in_chrome(a: Tag) -> bool:
    """Is the anchor part of the site's navigation, header, footer or sidebar?

    A <header>/<footer> inside the <article> (its byline, its tag list) is kept; the
    page-level ones hold menus and legal links, which say nothing about sourcing.
    """
    in_article = a.find_parent("article") is not None
    for parent in a.parents:
        if not isinstance(parent, Tag):
            continue
        role = str(parent.get("role") or "").lower()
        if parent.name == "nav" or role in CHROME_ROLES:
            return True
        classes = parent.get("class") or []
        marks = " ".join(classes if isinstance(classes, list) else [str(classes)])
        if CHROME_CLASS.search(f"{marks} {parent.get('id') or ''}"):
            return True
        if parent.name in ("header", "footer", "aside") and not in_article:
            return True
    return False


SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)\]’”](?:\s|$))")


def _block_text(a: Tag) -> str:
    block = a.find_parent(_BLOCKS) or a.parent
    if not isinstance(block, Tag):
        return ""
    # A space between tags keeps block children apart; then undo the ones it puts
    # before punctuation after an inline tag ("<a>x</a>." must read "x.").
    text = " ".join(block.get_text(" ").split())
    return SPACE_BEFORE_PUNCT.sub(r"\1", text)


CONTEXT_CHARS = 400


def _context(anchor: str, paragraph: str) -> str:
    """The paragraph that holds the link, as the page shows it; a long one is cut to
    about 400 characters around the anchor, at word boundaries. (Sentences are the
    annotator's business: the scraper does not split them.)"""
    if len(paragraph) <= CONTEXT_CHARS:
        return paragraph
    at = paragraph.find(anchor) if anchor else -1
    start = 0 if at < 0 else max(0, min(at - CONTEXT_CHARS // 3, len(paragraph) - CONTEXT_CHARS))
    end = start + CONTEXT_CHARS
    piece = paragraph[start:end]
    if start > 0:
        piece = "…" + piece.split(" ", 1)[-1]
    if end < len(paragraph):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return piece


def extract_links(
    soup: BeautifulSoup,
    base: str,
    page_domain: str,
    article_text: str = "",
) -> list[Link]:
    """Outbound links of the article and its related-story boxes (not the site menus).

    Hrefs are absolute and normalised (`normalize_url`), so one target is one link.
    """
    body = soup.body or soup
    links: dict[str, Link] = {}
    for a in body.find_all("a", href=True):
        href = a.get("href")
        if not isinstance(href, str) or in_chrome(a) or _SHARE_URL.search(href):
            continue
        try:
            absolute = normalize_url(urljoin(base, href.strip()))
            scheme = urlsplit(absolute).scheme.lower()
        except ValueError:
            continue  # a malformed href (bad IPv6 brackets, ...) is not a link
        if scheme not in ("http", "https"):
            continue
        anchor = " ".join(a.get_text(" ").split())
        if not anchor:
            img = a.find("img")
            anchor = " ".join(str((img or a).get("alt") or a.get("title") or "").split())
        previous = links.get(absolute)
        if previous is not None and (previous.anchor or not anchor):
            continue
        paragraph = _block_text(a)
        links[absolute] = Link(
            href=absolute,
            anchor=anchor,
            context=_context(anchor, paragraph),
            kind=link_kind(absolute, page_domain),
            domain=registered_domain(absolute),
        )
    return list(links.values())
