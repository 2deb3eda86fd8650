"""HTML bytes -> one `Extracted` article: body text, metadata, outbound links, feeds.

Two extractors run on the HTML we fetched (neither ever fetches anything): the
`newspaper` API (newspaper4k) first, as the design card asks, and trafilatura where
newspaper's body is empty or clearly truncated. The page's own declarations
(JSON-LD, og:, meta tags) beat both for metadata. See docs/interfaces.md.
"""

from __future__ import annotations

import logging
import re
import warnings

from bs4 import BeautifulSoup

from scraper.body import choose_body, count_words, mostly_links
from scraper.embeds import find_embeds, place_embeds
from scraper.html_decode import UndecodableError, decode_html, sniff_kind
from scraper.html_meta import base_url, feed_links, read_meta
from scraper.links import extract_links
from scraper.metadata import article_meta, title_candidates
from scraper.models import Extracted
from scraper.newspaper_order import make_deterministic
from scraper.outlets import normalize_url, registered_domain
from scraper.page_kind import opinion_evidence
from scraper.promo import drop_promo, link_texts

__all__ = [
    "ExtractError",
    "extract_article",
    "extract_links",
    "count_words",
    "MAX_HTML_CHARS",
]

log = logging.getLogger(__name__)

# Real article pages are well under 2 MB of HTML, most of it scripts. Past 5 M
# characters parsing costs seconds and the rest is comment threads or junk, so we parse
# the first 5 M only (and log that we did). The extractors are slower still (newspaper
# takes ~2 s per MB of text-heavy HTML), so after removing scripts and styles they get
# at most 2 M characters, and newspaper is skipped above 1 M.
MAX_HTML_CHARS = 5_000_000
MAX_EXTRACTOR_CHARS = 2_000_000
MAX_NEWSPAPER_CHARS = 1_000_000

_TEXT_ADVICE = "save the article text to a file and run `newsprov annotate-text FILE`"


class ExtractError(ValueError):
    """The page has no article we can extract; the message is one line for the user."""


def extract_article(body: bytes, url: str, content_type: str | None = None) -> Extracted:
    """Extract the article in `body` (the page fetched from `url`, the final URL).

    Raises ExtractError with a one-line message for anything that is not an HTML
    article: PDFs, images and other binaries, feeds, empty bodies, undecodable bytes,
    pages without article text (homepages, paywall stubs, script-only pages).
    """
    _refuse_non_html(body, url, content_type)
    try:
        html, _codec = decode_html(body, content_type)
    except UndecodableError:
        raise ExtractError(
            f"could not decode the page's bytes as text in any known encoding ({url}): "
            f"{_TEXT_ADVICE}"
        ) from None
    if len(html) > MAX_HTML_CHARS:
        log.warning(
            "%s: HTML is %d characters; extracting from the first %d only",
            url,
            len(html),
            MAX_HTML_CHARS,
        )
        html = html[:MAX_HTML_CHARS]

    # Empty comments are React's markers between adjacent text nodes ("tripl<!-- -->e",
    # "Mr<!-- -->."): they join, never separate, what is around them.
    html = _EMPTY_COMMENT.sub("", html)
    soup = BeautifulSoup(html, "lxml")
    meta = read_meta(soup, url)
    lean = _strip_inert(html)
    if len(lean) > MAX_EXTRACTOR_CHARS:
        log.warning(
            "%s: %d characters without scripts; extracting the body from the first %d",
            url,
            len(lean),
            MAX_EXTRACTOR_CHARS,
        )
        lean = lean[:MAX_EXTRACTOR_CHARS]
    np_result = _run_newspaper(lean, url) if len(lean) <= MAX_NEWSPAPER_CHARS else None
    tf_result = _run_trafilatura(lean, url)
    chosen = choose_body(
        np_result, tf_result, title_candidates(soup, meta.title), soup, meta.article_body
    )
    if chosen is None:
        raise ExtractError(
            f"no article text found on the page ({url}): it may be a homepage, a paywall "
            f"or built by JavaScript; open it in a browser and {_TEXT_ADVICE}"
        )
    if mostly_links(chosen.text, soup) and not meta.has_article_ld:
        raise ExtractError(
            f"the page is a list of links, not an article ({url}): pass the URL of one "
            f"story, or {_TEXT_ADVICE}"
        )

    # Promotion boxes and teasers inside the article container are not the story.
    chosen.text = drop_promo(chosen.text, link_texts(a.get_text(" ") for a in soup.find_all("a")))
    # Embedded posts stay in the text as the page shows them (never rewritten) and are
    # recorded apart, with who posted them, where and when.
    embeds = find_embeds(soup)
    chosen.text = place_embeds(chosen.text, embeds)

    canonical = normalize_url(meta.canonical) if meta.canonical else None
    page_domain = registered_domain(url)
    # The article is the page at the URL we fetched (after the redirects the fetcher
    # followed). A declared canonical is a claim by the page, recorded and used for
    # matching, never an identity: a page could otherwise overwrite another article.
    article_url = normalize_url(url)
    info = article_meta(meta, soup, np_result, tf_result)
    base = base_url(soup, url)
    return Extracted(
        url=article_url,
        canonical_url=canonical,
        outlet_domain=registered_domain(article_url),
        outlet_name=meta.site_name,
        title=info.title,
        authors=info.authors,
        published=info.published,
        language=info.language,
        text=chosen.text,
        word_count=count_words(chosen.text),
        extractor=chosen.extractor,
        links=extract_links(soup, base, page_domain, chosen.text),
        feeds=[normalize_url(f) for f in feed_links(soup, base)],
        description=meta.description,
        embeds=[e.record for e in embeds],
        opinion=opinion_evidence(article_url, meta.section, meta.ld_types),
    )


# Scripts (except JSON-LD, which newspaper reads for dates), styles, inline SVG and
# comments carry no article text; dropping them first makes the extractors much faster.
_INERT = re.compile(
    r"<script(?![^>]*ld\+json)[^>]*>.*?</script\s*>|<style[^>]*>.*?</style\s*>"
    r"|<svg[^>]*>.*?</svg\s*>|<!--.*?-->",
    re.I | re.S,
)


_EMPTY_COMMENT = re.compile(r"<!--\s*-->")


def _strip_inert(html: str) -> str:
    # A comment joins the text around it (it was never a space on the page); scripts
    # and styles may stand between blocks, so they leave a space.
    return _INERT.sub(lambda m: "" if m.group().startswith("<!--") else " ", html)


def _refuse_non_html(body: bytes, url: str, content_type: str | None) -> None:
    # The bytes may come from the network (scrape) or from a file (`newsprov import`), so
    # no message may assume a server: it names the page by its URL and says what the
    # bytes are.
    kind = sniff_kind(body, content_type)
    if kind == "html":
        return
    if kind == "empty":
        size = f"{len(body)} bytes, only whitespace" if body else "0 bytes"
        raise ExtractError(
            f"empty page ({size}): nothing to extract for {url}; open the URL in a browser, "
            f"save the full page and run `newsprov import FILE.html --url URL`"
        )
    if kind == "pdf":
        raise ExtractError(f"not an HTML page (application/pdf) for {url}: {_TEXT_ADVICE}")
    if kind == "feed":
        raise ExtractError(
            f"this is a news feed (RSS/Atom), not an article ({url}): pass the URL of one of "
            f"the stories it lists, or search it for related coverage with "
            f"`newsprov scrape ARTICLE_URL --feed URL`"
        )
    raise ExtractError(f"not an HTML page ({kind}) for {url}: {_TEXT_ADVICE}")


# ---- the two extractors -----------------------------------------------------------


def _run_newspaper(html: str, url: str) -> dict | None:
    """newspaper4k on our HTML, never on the network. None when it fails."""
    with warnings.catch_warnings():
        # Its import warns that NLTK is missing; we never call nlp().
        warnings.simplefilter("ignore")
        from newspaper import Article, Config

    make_deterministic()  # the same bytes give the same text on every run (round 20)
    config = Config()
    config.fetch_images = False  # otherwise parse() downloads every image on the page
    config.memorize_articles = False
    try:
        article = Article(url, config=config)
        article.download(input_html=html)
        article.parse()
    except Exception as exc:  # noqa: BLE001 - any parser failure means "no result here"
        log.info("%s: newspaper failed: %s", url, exc)
        return None
    return {
        "text": article.text or "",
        "title": article.title or None,
        "authors": list(article.authors or []),
        "publish_date": article.publish_date,
        "language": getattr(article, "meta_lang", None) or None,
    }


def _run_trafilatura(html: str, url: str) -> dict | None:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
    except Exception as exc:  # noqa: BLE001
        log.info("%s: trafilatura failed: %s", url, exc)
        return None
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {
        "text": data.get("text") or "",
        "title": data.get("title"),
        "author": data.get("author"),
        "date": data.get("date"),
    }
