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
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, Doctype, ProcessingInstruction, Tag

from scraper.html_decode import UndecodableError, decode_html, sniff_kind
from scraper.html_meta import base_url, clean_authors, feed_links, read_meta, to_utc_iso
from scraper.models import Extracted, Link
from scraper.outlets import link_kind, registered_domain

__all__ = [
    "ExtractError",
    "extract_article",
    "extract_links",
    "split_sentences",
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
# Below this many words there is no article to annotate (a teaser, a paywall stub).
MIN_WORDS = 25
# newspaper's body is "clearly truncated" when shorter than this share of trafilatura's.
TRUNCATED_SHARE = 0.6

_TEXT_ADVICE = "save the article text to a file and run `newsprov annotate-text FILE`"


class ExtractError(ValueError):
    """The page has no article we can extract; the message is one line for the user."""


# Whole paragraphs that are page furniture, not reporting (audio players, teasers,
# share prompts). Matched against one paragraph at a time, case-insensitively.
_BOILERPLATE = re.compile(
    r"""^(?:
        [▶►\W]*(?:click|tap|press)\s+(?:here\s+)?to\s+(?:start\s+)?listen\w*.*
      | listen\s+to\s+(?:this|the)\s+(?:article|story).*
      | (?:also\s+read|read\s+also|read\s+more|see\s+also|must\s+read|recommended)\s*[:\-–—|].{0,200}
      | (?:also\s+read|read\s+more|advertisement|advertisment|sponsored|story\s+continues\s+below)
      | share\s+(?:this|on)\b.{0,60}
      | (?:follow|like)\s+us\s+on\b.{0,100}
      | (?:sign\s+up|subscribe)\b.{0,40}\bnewsletter.{0,80}
      | (?:copy\s+link|print|email|whatsapp|facebook|twitter|linkedin)
      | (?:©|\(c\)|copyright\b).{0,200}
      | .{0,120}\ball\s+rights\s+reserved\.?
      | (?:(?:updated|published|posted)\s*:?\s*)?(?:\w+,?\s+)?
        (?:\d{1,2}\s+[a-z]{3,9}\.?|[a-z]{3,9}\.?\s+\d{1,2},?)\s+\d{4}
        (?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?
    )$""",
    re.I | re.X,
)
# The same player prompt glued to the front of a real paragraph.
_LEADING_BOILERPLATE = re.compile(
    r"^[▶►\W]*(?:click|tap|press)\s+(?:here\s+)?to\s+(?:start\s+)?listen\w*\s*", re.I
)


# Chinese, Japanese and Korean scripts: no spaces between words, so each character
# counts as one word (the convention for word counts in those languages).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_WORD = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")


def count_words(text: str) -> int:
    """Words in `text`; CJK characters count one each."""
    return len(_WORD.findall(text))


@dataclass
class _Body:
    text: str
    extractor: str


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
            f"could not decode the page's bytes as text ({url}): {_TEXT_ADVICE}"
        ) from None
    if len(html) > MAX_HTML_CHARS:
        log.warning(
            "%s: HTML is %d characters; extracting from the first %d only",
            url,
            len(html),
            MAX_HTML_CHARS,
        )
        html = html[:MAX_HTML_CHARS]

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
    chosen = _choose_body(np_result, tf_result, _title_candidates(soup, meta.title), soup)
    if chosen is None:
        raise ExtractError(
            f"no article text found on the page ({url}): it may be a homepage, a paywall "
            f"or built by JavaScript; open it in a browser and {_TEXT_ADVICE}"
        )
    if _mostly_links(chosen.text, soup) and not meta.has_article_ld:
        raise ExtractError(
            f"the page is a list of links, not an article ({url}): pass the URL of one "
            f"story, or {_TEXT_ADVICE}"
        )

    canonical = meta.canonical
    page_domain = registered_domain(url)
    article_url = canonical if _usable_canonical(canonical, url) else url
    title = (
        meta.title
        or (np_result and np_result.get("title"))
        or (tf_result and tf_result.get("title"))
        or _title_tag(soup)
        or ""
    )
    authors = meta.authors or clean_authors(
        (np_result or {}).get("authors") or _tf_authors(tf_result)
    )
    published = (
        meta.published
        or to_utc_iso((np_result or {}).get("publish_date"))
        or to_utc_iso((tf_result or {}).get("date"))
    )
    base = base_url(soup, url)
    return Extracted(
        url=article_url,
        canonical_url=canonical,
        outlet_domain=registered_domain(article_url),
        outlet_name=meta.site_name,
        title=title,
        authors=authors,
        published=published,
        language=meta.language or (np_result or {}).get("language") or None,
        text=chosen.text,
        word_count=count_words(chosen.text),
        extractor=chosen.extractor,
        links=extract_links(soup, base, page_domain, chosen.text),
        feeds=feed_links(soup, base),
        description=meta.description,
    )


# Scripts (except JSON-LD, which newspaper reads for dates), styles, inline SVG and
# comments carry no article text; dropping them first makes the extractors much faster.
_INERT = re.compile(
    r"<script(?![^>]*ld\+json)[^>]*>.*?</script\s*>|<style[^>]*>.*?</style\s*>"
    r"|<svg[^>]*>.*?</svg\s*>|<!--.*?-->",
    re.I | re.S,
)


def _strip_inert(html: str) -> str:
    return _INERT.sub(" ", html)


def _usable_canonical(canonical: str | None, url: str) -> bool:
    """Use the declared canonical URL as the article's identity only when it is on the
    same outlet and is not the homepage (a common CMS mistake that would merge every
    story of the site into one row)."""
    if not canonical or registered_domain(canonical) != registered_domain(url):
        return False
    return urlsplit(canonical).path.strip("/") != "" or urlsplit(url).path.strip("/") == ""


def _refuse_non_html(body: bytes, url: str, content_type: str | None) -> None:
    kind = sniff_kind(body, content_type)
    if kind == "html":
        return
    if kind == "empty":
        raise ExtractError(
            f"empty response body from {url}: the server sent no page; check the URL in "
            f"a browser, or save the page and run `newsprov import FILE.html --url URL`"
        )
    if kind == "pdf":
        raise ExtractError(f"not an HTML page (application/pdf) at {url}: {_TEXT_ADVICE}")
    if kind == "feed":
        raise ExtractError(
            f"this is a news feed (RSS/Atom), not an article ({url}): pass it with --feed "
            f"URL, or scrape one of the stories it lists"
        )
    raise ExtractError(f"not an HTML page ({kind}) at {url}: {_TEXT_ADVICE}")


# ---- the two extractors -----------------------------------------------------------


def _run_newspaper(html: str, url: str) -> dict | None:
    """newspaper4k on our HTML, never on the network. None when it fails."""
    with warnings.catch_warnings():
        # Its import warns that NLTK is missing; we never call nlp().
        warnings.simplefilter("ignore")
        from newspaper import Article, Config

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


def _tf_authors(tf: dict | None) -> list[str]:
    author = (tf or {}).get("author")
    return [author] if isinstance(author, str) and author else []


def _chrome_anchors(soup: BeautifulSoup) -> list[str]:
    """Texts of menu and footer links, longest first, to spot menus leaking into text."""
    texts = {" ".join(a.get_text(" ").split()) for a in soup.find_all("a") if _in_chrome(a)}
    return sorted((t for t in texts if t), key=len, reverse=True)


def _only_links(para: str, anchors: list[str] | tuple[str, ...]) -> bool:
    if len(para) > 300:
        return False  # menus that leak into the text are short lines; skip the scan
    rest = para
    for text in anchors:
        if text in rest:
            rest = rest.replace(text, " ")
    return not re.sub(r"[\W_]+", "", rest)


def _title_candidates(soup: BeautifulSoup, declared: str | None) -> set[str]:
    """Lower-cased forms of the headline, to drop it when an extractor repeats it."""
    found = {declared or "", _title_tag(soup) or ""}
    h1 = soup.find("h1")
    if isinstance(h1, Tag):
        found.add(h1.get_text(" "))
    return {" ".join(t.split()).lower() for t in found if t.strip()}


def _paragraphs(raw: str, titles: set[str], chrome: list[str] | tuple[str, ...] = ()) -> str:
    """Clean an extractor's text: one paragraph per block, furniture removed."""
    out: list[str] = []
    for block in re.split(r"\n+", raw or ""):
        para = " ".join(block.split())
        para = _LEADING_BOILERPLATE.sub("", para)
        if not para or _BOILERPLATE.match(para) or _only_links(para, chrome):
            continue
        if not out and para.lower() in titles:
            continue  # the headline repeated as the first line
        if out and out[-1] == para:
            continue
        out.append(para)
    return "\n\n".join(out)


def _choose_body(
    np: dict | None, tf: dict | None, titles: set[str], soup: BeautifulSoup
) -> _Body | None:
    chrome = _chrome_anchors(soup)
    np_text = _paragraphs((np or {}).get("text", ""), titles, chrome)
    tf_text = _paragraphs((tf or {}).get("text", ""), titles, chrome)
    np_words, tf_words = count_words(np_text), count_words(tf_text)
    if np_words >= MIN_WORDS and np_words >= TRUNCATED_SHARE * tf_words:
        return _Body(_restore_dropped(np_text, tf_text, soup), "newspaper")
    if tf_words >= MIN_WORDS:
        return _Body(tf_text, "trafilatura")
    if np_words >= MIN_WORDS:
        return _Body(np_text, "newspaper")
    return None


def _squash(text: str) -> str:
    return "".join(text.split())


def _is_prose(para: str) -> bool:
    return count_words(para) >= 8 and not para.startswith("- ") and para[-1:] in '.!?"”’)»」。'


def _container_of(paragraph: str, soup: BeautifulSoup) -> Tag | None:
    """The element that holds the block showing `paragraph`, found through one text node
    (a linear scan: comparing every element's full text would be quadratic on deeply
    nested pages)."""
    words = paragraph.split()
    mid = len(words) // 2
    for snippet in (" ".join(words[mid : mid + 4]), " ".join(words[:4])):
        if not snippet:
            continue
        node = soup.find(string=lambda s, snip=snippet: snip in " ".join(s.split()))
        if node is None or isinstance(node, Comment):
            continue
        block = node.find_parent(["p", "li", "div", "blockquote", "span", "td"])
        if isinstance(block, Tag) and isinstance(block.parent, Tag):
            return block.parent
    return None


def _own_text(block: Tag) -> str:
    """A block's text without any menu, header or footer that broken markup nested in it."""
    parts = []
    for piece in block.find_all(string=True):
        if isinstance(piece, Comment | Doctype | ProcessingInstruction):
            continue
        chrome = False
        for parent in piece.parents:
            if parent is block:
                break
            if parent.name in ("footer", "nav", "header", "aside", "script", "style"):
                chrome = True
                break
        if not chrome:
            parts.append(str(piece))
    return _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(" ".join(parts).split()))


def _restore_dropped(np_text: str, tf_text: str, soup: BeautifulSoup) -> str:
    """Put back prose paragraphs newspaper dropped from inside the article body.

    newspaper discards paragraphs with a high share of link text, which are often the
    very sentences that cite a source ("...according to <a>its decision</a>"), and
    short closing paragraphs. Candidates come from trafilatura's text and from the <p>s
    of the container holding newspaper's paragraphs (and <p>s that broken markup left
    just after it); a synopsis box or an "about us" panel elsewhere stays out.
    """
    np_paras = np_text.split("\n\n")
    container = _container_of(max(np_paras, key=len), soup)
    if container is None:
        return np_text
    inside = _squash(container.get_text())
    dom_paras = [p for p in container.find_all("p") if not _in_chrome(p)]
    for sibling in container.find_next_siblings():
        if sibling.name != "p":
            break  # broken markup spills paragraphs out of their div, not past a block
        dom_paras.append(sibling)
        inside += _squash(sibling.get_text())
    sequences = (
        tf_text.split("\n\n"),
        [_own_text(p) for p in dom_paras],
    )
    out = list(np_paras)
    known = [_squash(p) for p in out]
    for sequence in sequences:
        last_known: str | None = None
        for para in sequence:
            key = _squash(para)
            if key in known:
                last_known = key
            elif para and key in inside and _is_prose(para) and not _BOILERPLATE.match(para):
                at = known.index(last_known) + 1 if last_known in known else 0
                out.insert(at, para)
                known.insert(at, key)
                last_known = key
    return "\n\n".join(out)


def _title_tag(soup: BeautifulSoup) -> str | None:
    tag = soup.find("title")
    return " ".join(tag.get_text().split()) or None if isinstance(tag, Tag) else None


def _mostly_links(text: str, soup: BeautifulSoup) -> bool:
    """True when nearly every paragraph of the body is the text of some link: an index."""
    anchors = {" ".join(a.get_text().split()).lower() for a in soup.find_all("a")}
    paras = [p for p in text.split("\n\n") if p]
    linked = sum(count_words(p) for p in paras if p.lower().strip(" -•") in anchors)
    return linked >= 0.7 * max(1, count_words(text))


# ---- links --------------------------------------------------------------------

_BLOCKS = ("p", "li", "blockquote", "td", "dd", "figcaption", "h2", "h3", "h4", "h5", "h6")
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar"})
# class/id words of page furniture that real sites put in plain <div>s: cookie banners,
# tickers, share bars, "most read" lists, newsletter boxes, ads.
_CHROME_CLASS = re.compile(
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


def _in_chrome(a: Tag) -> bool:
    """Is the anchor part of the site's navigation, header, footer or sidebar?

    A <header>/<footer> inside the <article> (its byline, its tag list) is kept; the
    page-level ones hold menus and legal links, which say nothing about sourcing.
    """
    in_article = a.find_parent("article") is not None
    for parent in a.parents:
        if not isinstance(parent, Tag):
            continue
        role = str(parent.get("role") or "").lower()
        if parent.name == "nav" or role in _CHROME_ROLES:
            return True
        classes = parent.get("class") or []
        marks = " ".join(classes if isinstance(classes, list) else [str(classes)])
        if _CHROME_CLASS.search(f"{marks} {parent.get('id') or ''}"):
            return True
        if parent.name in ("header", "footer", "aside") and not in_article:
            return True
    return False


_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)\]’”](?:\s|$))")


def _block_text(a: Tag) -> str:
    block = a.find_parent(_BLOCKS) or a.parent
    if not isinstance(block, Tag):
        return ""
    # A space between tags keeps block children apart; then undo the ones it puts
    # before punctuation after an inline tag ("<a>x</a>." must read "x.").
    text = " ".join(block.get_text(" ").split())
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text)


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|Rev|Hon|"
    r"No|Nos|vs|etc|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"approx|est|Fig|U\.S|U\.K|a\.m|p\.m|i\.e|e\.g)|\b[A-Z])\.$"
)
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """A light sentence splitter for link contexts (spaCy is not used in scraper/)."""
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if _ABBREV.search(text[start : m.start() + 1]):
            continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _context(anchor: str, paragraph: str, text_sentences: list[str]) -> str:
    """The sentence of the article text that holds the link; for a link outside the
    article text (a related-stories box), the sentence of its own paragraph, or the
    paragraph trimmed to 400 characters."""
    if anchor:
        for sent in text_sentences:
            if anchor in sent and sent in paragraph:
                return sent
        for sent in split_sentences(paragraph):
            if anchor in sent:
                return sent[:400]
    return paragraph[:400]


def extract_links(
    soup: BeautifulSoup, base: str, page_domain: str, article_text: str = ""
) -> list[Link]:
    """Outbound links of the article and its related-story boxes (not the site menus)."""
    body = soup.body or soup
    text_sentences = [s for p in article_text.split("\n\n") for s in split_sentences(p)]
    links: dict[str, Link] = {}
    for a in body.find_all("a", href=True):
        href = a.get("href")
        if not isinstance(href, str) or _in_chrome(a) or _SHARE_URL.search(href):
            continue
        try:
            absolute = urldefrag(urljoin(base, href.strip()))[0]
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
            context=_context(anchor, paragraph, text_sentences),
            kind=link_kind(absolute, page_domain),
            domain=registered_domain(absolute),
        )
    return list(links.values())
