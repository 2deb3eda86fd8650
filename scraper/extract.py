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
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, Doctype, ProcessingInstruction, Tag

from scraper.html_decode import UndecodableError, decode_html, sniff_kind
from scraper.html_meta import (
    base_url,
    clean_authors,
    feed_links,
    page_title,
    read_meta,
    to_utc_iso,
)
from scraper.models import Embed, Extracted, Link
from scraper.outlets import link_kind, normalize_url, registered_domain
from scraper.promo import drop_promo, link_texts

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
    chosen = _choose_body(
        np_result, tf_result, _title_candidates(soup, meta.title), soup, meta.article_body
    )
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

    # Promotion boxes and teasers inside the article container are not the story.
    chosen.text = drop_promo(chosen.text, link_texts(a.get_text(" ") for a in soup.find_all("a")))
    # Embedded posts stay in the text as the page shows them (never rewritten) and are
    # recorded apart, with who posted them, where and when.
    embeds = _find_embeds(soup)
    chosen.text = _place_embeds(chosen.text, embeds)

    canonical = normalize_url(meta.canonical) if meta.canonical else None
    page_domain = registered_domain(url)
    # The article is the page at the URL we fetched (after the redirects the fetcher
    # followed). A declared canonical is a claim by the page, recorded and used for
    # matching, never an identity: a page could otherwise overwrite another article.
    article_url = normalize_url(url)
    title = (
        meta.title
        # ours before newspaper's: it cuts "Mayor re-elected ..." at the hyphen
        or page_title(soup, meta.site_name)
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
        feeds=[normalize_url(f) for f in feed_links(soup, base)],
        description=meta.description,
        embeds=[e.record for e in embeds],
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


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A dateline on a line of its own: "New Delhi, Feb 26 (NationPress)", "ISLAMABAD:",
# "LONDON, 26 February (Reuters) -". Its place is one to four capitalised words; a
# weekday or "Updated"/"Published" opens a timestamp, not a dateline.
_DATELINE = re.compile(
    rf"""^(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Updated|Published|Posted|Last|By)\b)
    (?P<place>[A-Z][\w'’.\-]*(?:[ ,/]+[A-Z][\w'’.\-]*){{0,3}})
    (?P<date>,?\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?)?
    (?P<agency>\s*\([^()]{{2,40}}\))?
    \s*(?P<sep>[:—–\-]{{1,2}})?\s*$""",
    re.X,
)


# The same dateline opening a paragraph (with an agency or a separator, so that an
# ordinary sentence's first words are never taken for one).
_DATELINE_PREFIX = re.compile(
    rf"""^(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Updated|Published|Posted|Last|By)\b)
    [A-Z][\w'’.\-]*(?:[ ,/]+[A-Z][\w'’.\-]*){{0,3}}
    (?:,?\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?)?
    (?:\s*\([^()]{{2,40}}\)\s*[:—–\-]{{0,2}}|\s*[:—–\-]{{1,2}})\s+(?=[“"‘'A-Z0-9])""",
    re.X,
)


def _standalone_dateline(para: str) -> bool:
    m = _DATELINE.match(para)
    if not m:
        return False
    return bool(m["agency"] or m["date"] or (m["sep"] and m["place"].isupper()))


def _paragraphs(raw: str, titles: set[str], chrome: list[str] | tuple[str, ...] = ()) -> str:
    """Clean an extractor's text: one paragraph per block, furniture removed.

    A dateline that markup put on its own line ("New Delhi, Feb 26 (NationPress)" in a
    <p class="dateline"> or before a <br>) is joined to the paragraph it opens, as it
    is printed: it names where the story was filed and the agency it came from.
    """
    out: list[str] = []
    dateline = ""
    for block in re.split(r"\n+", raw or ""):
        para = " ".join(block.split())
        para = _LEADING_BOILERPLATE.sub("", para)
        if not para:
            continue
        if dateline:
            para, dateline = f"{dateline} {para}", ""
        elif len(out) < 3 and _standalone_dateline(para):
            dateline = para
            continue
        if _BOILERPLATE.match(para) or _only_links(para, chrome):
            continue
        if not out and para.lower() in titles:
            continue  # the headline repeated as the first line
        if out and out[-1] == para:
            continue
        out.append(para)
    return "\n\n".join(out)


def _choose_body(
    np: dict | None,
    tf: dict | None,
    titles: set[str],
    soup: BeautifulSoup,
    ld_body: str | None = None,
) -> _Body | None:
    chrome = _chrome_anchors(soup)
    np_text = _paragraphs((np or {}).get("text", ""), titles, chrome)
    tf_text = _paragraphs((tf or {}).get("text", ""), titles, chrome)
    ld_text = _paragraphs(ld_body or "", titles, chrome)
    np_words, tf_words = count_words(np_text), count_words(tf_text)
    if np_words >= MIN_WORDS and np_words >= TRUNCATED_SHARE * tf_words:
        return _Body(_restore_dropped(np_text, (tf_text, ld_text), soup), "newspaper")
    if tf_words >= MIN_WORDS:
        return _Body(_restore_dropped(tf_text, (ld_text,), soup, leads_only=True), "trafilatura")
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


def _restore_dropped(
    text: str, witnesses: tuple[str, ...], soup: BeautifulSoup, leads_only: bool = False
) -> str:
    """Put back prose paragraphs the chosen extractor dropped from the article body.

    newspaper discards paragraphs with a high share of link text, which are often the
    very sentences that cite a source ("...according to <a>its decision</a>"), and
    short closing paragraphs. Candidates come from the other extractor's text, the
    JSON-LD articleBody, and the <p>s of the container holding the chosen paragraphs
    (and <p>s that broken markup left just after it); a synopsis box or an "about us"
    panel elsewhere stays out. The story's lead, which both extractors miss when it sits
    in its own block ahead of the body (a standfirst, a bold first paragraph), is put
    back from `_lead_blocks`. With `leads_only`, only the lead is put back.
    """
    paras = text.split("\n\n")
    container = _container_of(max(paras, key=len), soup)
    if container is None:
        return text
    inside = _squash(container.get_text())
    dom_paras = [p for p in container.find_all("p") if not _in_chrome(p)]
    for sibling in container.find_next_siblings():
        if sibling.name != "p":
            break  # broken markup spills paragraphs out of their div, not past a block
        dom_paras.append(sibling)
        inside += _squash(sibling.get_text())
    witness_paras = [w.split("\n\n") for w in witnesses if w]
    witnessed = {_squash(p) for seq in witness_paras for p in seq}
    witnessed_text = "".join(_squash(w) for w in witnesses if w)
    leads = _lead_blocks(container, witnessed, witnessed_text)
    sequences: list[list[str]] = [leads]
    if not leads_only:
        sequences += [*witness_paras, [_own_text(p) for p in dom_paras]]
    lead_keys = {_squash(p) for p in leads}
    out = list(paras)
    known = [_squash(p) for p in out]
    _restore_datelines(out, known, witness_paras)

    def covered(key: str) -> bool:
        # Already there, maybe split or merged differently (a <br> inside a <p>).
        return key in joined[0] or any(len(k) >= 20 and k in key for k in known)

    joined = ["".join(known)]

    for sequence in sequences:
        last_known: str | None = None
        for para in sequence:
            key = _squash(para)
            if key in known:
                last_known = key
            elif covered(key):
                continue
            elif key in lead_keys:
                at = known.index(last_known) + 1 if last_known in known else 0
                out.insert(at, para)
                known.insert(at, key)
                joined[0] = "".join(known)
                last_known = key
            elif (
                not leads_only
                and para
                and key in inside
                and _is_prose(para)
                and not _BOILERPLATE.match(para)
            ):
                at = known.index(last_known) + 1 if last_known in known else 0
                out.insert(at, para)
                known.insert(at, key)
                joined[0] = "".join(known)
                last_known = key
    return "\n\n".join(out)


def _restore_datelines(out: list[str], known: list[str], witnesses: list[list[str]]) -> None:
    """Put back a dateline the chosen extractor dropped with its own block, from a
    witness whose copy of the same first paragraph still opens with it."""
    for seq in witnesses:
        for para in seq[:3]:
            m = _DATELINE_PREFIX.match(para)
            if not m:
                continue
            rest = _squash(para[m.end() :])
            if rest in known:
                at = known.index(rest)
                out[at], known[at] = para, _squash(para)
                return


# Class/id words of blocks that open a story apart from its body: a standfirst or dek,
# a bold lead paragraph, a summary.
_LEAD_CLASS = re.compile(
    r"(?:^|[-_\s])(?:lead|lede|leadin|lead-?in|standfirst|stand-?first|intro|introduction|"
    r"summary|dek|deck|excerpt|sapo|chapo|chapeau|subtitle|sub-?headline|strapline|"
    r"abstract|article-?lead|story-?lead)(?:$|[-_\s])",
    re.I,
)
# ...and of blocks near the top of a story that are not its text.
_NOT_LEAD_CLASS = re.compile(
    r"(?:^|[-_\s])(?:caption|credit|byline|author|bio|related|tags?|meta|breadcrumbs?|"
    r"photo|image|gallery|video|embed|timestamp|date|updated|disclaimer|note|correction|"
    r"more|read-?more|promo|teaser|newsletter|synopsis|takeaways?|key-?takeaways|highlights|"
    r"key-?points|tl-?dr|at-a-glance)(?:$|[-_\s])",
    re.I,
)
_NOT_LEAD_TAGS = frozenset(
    {
        "figure",
        "figcaption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "nav",
        "aside",
        "footer",
        "time",
        "address",
        "blockquote",
        "form",
        "button",
        "label",
        "table",
        "ul",
        "ol",
    }
)
_MAX_LEADS = 3
_MAX_LEAD_SCAN = 400  # blocks looked at before the body: the top of a story, not a page
_SUBHEAD = re.compile(r"^h[2-6]$")


def _marks(tag: Tag) -> str:
    classes = tag.get("class") or []
    words = classes if isinstance(classes, list) else [str(classes)]
    return f"{' '.join(words)} {tag.get('id') or ''}"


def _lead_blocks(container: Tag, witnessed: set[str], witnessed_text: str) -> list[str]:
    """Prose blocks of the story that precede the body container, in page order.

    The search stays inside the story (the nearest <article>, else <main>, else the
    container's parent) and before the container. A block counts when it is a single
    prose paragraph outside captions, headings, bylines and page furniture, and
    something vouches for it: a lead-like class (standfirst, lead, intro, dek, ...), or
    the other extractor or the JSON-LD articleBody having the same text.
    """
    scope = container.find_parent("article") or container.find_parent("main")
    if scope is None:
        scope = container.parent
    if not isinstance(scope, Tag):
        return []
    ancestors = {id(a) for a in container.parents}
    found: list[str] = []
    for block in scope.find_all(["p", "div"], limit=_MAX_LEAD_SCAN):
        if block is container:
            break  # only what comes before the body
        if id(block) in ancestors or (block.name == "div" and block.find(["p", "div"])):
            continue
        vouched = False
        excluded = False
        for el in [block, *block.parents]:
            if el is scope or not isinstance(el, Tag):
                break
            marks = _marks(el)
            if (
                el.name in _NOT_LEAD_TAGS
                or _NOT_LEAD_CLASS.search(marks)
                or _CHROME_CLASS.search(marks)
                or str(el.get("role") or "").lower() in _CHROME_ROLES
            ):
                excluded = True
                break
            if _LEAD_CLASS.search(marks) and id(el) not in ancestors:
                vouched = True
            if el is not block and id(el) not in ancestors and el.find(_SUBHEAD):
                excluded = True  # a titled box ("Synopsis", "Key takeaways"), not the story
                break
        if excluded:
            continue
        para = _own_text(block)
        if not para or _BOILERPLATE.match(para) or para.endswith(":"):
            continue
        # A standfirst often has no full stop; the annotator ends a sentence at every
        # paragraph break anyway. Anything else must read as prose.
        if not (_is_prose(para) or (vouched and count_words(para) >= 8)):
            continue
        key = _squash(para)
        if vouched or key in witnessed or (len(key) >= 40 and key in witnessed_text):
            found.append(para)
            if len(found) >= _MAX_LEADS:
                break
    return found


def _title_tag(soup: BeautifulSoup) -> str | None:
    tag = soup.find("title")
    return " ".join(tag.get_text().split()) or None if isinstance(tag, Tag) else None


def _mostly_links(text: str, soup: BeautifulSoup) -> bool:
    """True when nearly every paragraph of the body is the text of some link: an index."""
    anchors = {" ".join(a.get_text().split()).lower() for a in soup.find_all("a")}
    paras = [p for p in text.split("\n\n") if p]
    linked = sum(count_words(p) for p in paras if p.lower().strip(" -•") in anchors)
    return linked >= 0.7 * max(1, count_words(text))


# ---- embedded social posts ---------------------------------------------------------
#
# An embedded post (a tweet, an Instagram or Facebook post, a Bluesky, Threads,
# Mastodon or TikTok post) is a quotation from a named account, not the outlet's own
# words. The extractors keep its text as a bare paragraph and lose its credit line, so
# "702 security personnel killed" would read as the outlet's unattributed claim. We
# keep it, rewritten as a sentence the sourcing annotator reads as a quotation from a
# named speaker: `Name (@handle) wrote on X on <date>: “<post>”`.

_EMBED_CLASSES = {
    "twitter-tweet": "X",
    "twitter-video": "X",
    "instagram-media": "Instagram",
    "fb-xfbml-parse-ignore": "Facebook",
    "bluesky-embed": "Bluesky",
    "text-post-media": "Threads",
    "mastodon-embed": "Mastodon",
    "tiktok-embed": "TikTok",
    "reddit-embed-bq": "Reddit",
    "reddit-card": "Reddit",
}
_EMBED_ATTRS = {
    "data-instgrm-permalink": "Instagram",
    "data-bluesky-uri": "Bluesky",
    "data-text-post-permalink": "Threads",
}
_PLATFORMS = {
    "twitter.com": "X",
    "x.com": "X",
    "t.co": "X",
    "instagram.com": "Instagram",
    "facebook.com": "Facebook",
    "fb.com": "Facebook",
    "bsky.app": "Bluesky",
    "threads.net": "Threads",
    "threads.com": "Threads",
    "mastodon.social": "Mastodon",
    "tiktok.com": "TikTok",
    "reddit.com": "Reddit",
    "youtube.com": "YouTube",
    "linkedin.com": "LinkedIn",
    "t.me": "Telegram",
}
_HANDLE = r"@[\w.\-]{1,60}(?:@[\w.\-]{1,60})?"
# Credit lines, at the end of the embed's text.
_CREDITS = (
    # X, Bluesky, Mastodon and hand-made embeds: "— Name (@handle) February 25, 2025"
    re.compile(
        rf"(?:^|\s)[—–~-]{{1,2}}\s*(?P<name>[^()\n—–]{{0,80}}?)\s*\(\s*(?P<handle>{_HANDLE})\s*\)"
        rf"\s*(?P<date>[^()]{{0,60}}?)\s*$"
    ),
    # Instagram: "A post shared by Name (@handle) on Feb 25, 2025 at 3:00am PST"
    re.compile(
        rf"A post shared by\s*(?P<name>[^()\n]{{0,80}}?)\s*(?:\(\s*(?P<handle>{_HANDLE})\s*\))?"
        rf"(?:\s+on\s+(?P<date>.{{0,60}}?))?\s*$",
        re.I,
    ),
    # Facebook: "Posted by Name on Tuesday, February 25, 2025"
    re.compile(r"Posted by\s+(?P<name>.{1,80}?)\s+on\s+(?P<date>.{1,60}?)\s*$", re.I),
    # Threads, Mastodon: "Post by @handle View on Threads"
    re.compile(
        rf"Post by\s+(?P<handle>{_HANDLE})(?P<name>)(?P<date>)\s*(?:View on \w+)?\s*$", re.I
    ),
)
_EMBED_FURNITURE = re.compile(
    r"View this (?:post|profile) on \w+|View on \w+|pic\.twitter\.com/\S+|"
    r"https?://t\.co/\S+|View more on \w+|Watch on \w+|♬.*$",
    re.I,
)
_DATE_LIKE = re.compile(
    r"\d{4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.I
)


@dataclass
class _Embed:
    element: Tag
    record: Embed


def _platform_of(element: Tag) -> str | None:
    for el in [element, *element.parents][:3]:
        if not isinstance(el, Tag):
            break
        classes = el.get("class") or []
        for cls in classes if isinstance(classes, list) else [str(classes)]:
            if cls.lower() in _EMBED_CLASSES:
                return _EMBED_CLASSES[cls.lower()]
            if cls.lower() in ("fb-post", "fb-video"):
                return "Facebook"
        for attr, platform in _EMBED_ATTRS.items():
            if el.get(attr):
                return platform
    return None


def _linked_platform(element: Tag) -> str | None:
    for value in [element.get("cite"), *(a.get("href") for a in element.find_all("a", href=True))]:
        if isinstance(value, str):
            platform = _PLATFORMS.get(registered_domain(value))
            if platform:
                return platform
    return None


def _embed_of(element: Tag, platform: str | None) -> _Embed | None:
    whole = " ".join(element.get_text(" ").split())
    whole = _SPACE_BEFORE_PUNCT.sub(r"\1", whole)
    if not whole:
        return None
    credit = None
    for pattern in _CREDITS:
        credit = pattern.search(whole)
        if credit:
            break
    if credit is None:
        if platform is None:
            return None  # a plain blockquote with no account credit: the outlet's quote
        post, name, handle, date = whole, "", "", ""
    else:
        post = whole[: credit.start()]
        found = credit.groupdict()
        name = (found.get("name") or "").strip(" ,:;-–—")
        handle = (found.get("handle") or "").strip()
        date = (found.get("date") or "").strip(" ,")
    platform = platform or _linked_platform(element) or "social media"
    if platform == "TikTok" and not handle:
        first = element.find("a", title=re.compile(r"^@"))
        if isinstance(first, Tag):
            handle = str(first.get("title"))
            post = post.replace(handle, "", 1)
    if not handle and not name:
        permalink = next(
            (str(v) for k, v in element.attrs.items() if "permalink" in k or k == "cite"), ""
        )
        m = re.search(r"/(@[\w.\-]+)", permalink)
        handle = m.group(1) if m else ""
    post = " ".join(_EMBED_FURNITURE.sub(" ", post).split()).strip(" —–-")
    who = f"{name} ({handle})" if name and handle else (name or handle)
    if not post and not who:
        return None  # nothing to record (an embed that is only a "view on" card)
    when = date if date and _DATE_LIKE.search(date) and len(date) <= 60 else None
    return _Embed(element, Embed(platform, who, when, post, _permalink(element)))


_POST_PATH = re.compile(r"/(?:status|statuses|p|reel|posts?|video)/[\w-]+", re.I)
# Widget lines of an embed, not words of the post or its credit.
_EMBED_WIDGET = re.compile(
    r"^(?:(?:View this (?:post|profile) on|View (?:more )?on|Watch on) \w+"
    r"|(?:Post|A post shared) by\s+@?[\w.\-]+(?:\s+View on \w+)?)$",
    re.I,
)


def _place_embeds(text: str, embeds: list[_Embed]) -> str:
    """The text with the embeds' widget lines ("View on Threads", "Post by @x") removed,
    the posts' words and credit lines left as the page shows them, and the words of a
    post the extractor dropped put back where the page shows them, when that is between
    two paragraphs of the text (a post in a sidebar stays out)."""
    if not embeds:
        return text
    inside = [_squash(e.element.get_text(" ")) for e in embeds]
    out = [
        p
        for p in text.split("\n\n")
        if not (_EMBED_WIDGET.match(p.strip()) and any(_squash(p) in k for k in inside))
    ]
    for embed, whole in zip(embeds, inside, strict=True):
        post = embed.record.text
        if not post or any(len(_squash(p)) >= 8 and _squash(p) in whole for p in out):
            continue  # nothing to show, or the text already shows it
        at = _between(embed.element, [_squash(p) for p in out])
        if at is not None:
            out.insert(at, post)
    return "\n\n".join(out)


def _between(element: Tag, known: list[str]) -> int | None:
    """Where an element goes in the text: after the paragraph just before it on the page,
    when the paragraph just after it on the page is the next one in the text."""

    def index_of(blocks: list[Tag]) -> int | None:
        for block in blocks:
            if element in block.parents:
                continue
            key = _squash(_own_text(block))
            if key in known:
                return known.index(key)
        return None

    before = index_of(element.find_all_previous("p", limit=6))
    after = index_of(element.find_all_next("p", limit=12))
    if before is not None and after == before + 1:
        return after
    return None


def _permalink(element: Tag) -> str | None:
    """The post's own URL: a permalink attribute, `cite`, or a link to the platform."""
    candidates = [str(v) for k, v in element.attrs.items() if "permalink" in k or k == "cite"]
    links = [str(a["href"]) for a in element.find_all("a", href=True)]
    # a link to the post itself beats mentions and hashtags in its text; the date link
    # that closes most embeds is the permalink when none names a post id
    candidates += [h for h in links if _POST_PATH.search(h)] + links[::-1]
    for value in candidates:
        try:
            url = normalize_url(value.strip())
        except ValueError:
            continue
        if url.startswith(("http://", "https://")) and _PLATFORMS.get(registered_domain(url)):
            return url
    return None


def _find_embeds(soup: BeautifulSoup) -> list[_Embed]:
    """Embedded social posts on the page, outermost first, each once."""
    out: list[_Embed] = []
    seen: set[int] = set()
    for element in soup.find_all("blockquote"):
        if any(id(p) in seen for p in element.parents):
            continue
        embed = _embed_of(element, _platform_of(element))
        if embed is not None:
            out.append(embed)
            seen.add(id(element))
    return out


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
    soup: BeautifulSoup,
    base: str,
    page_domain: str,
    article_text: str = "",
) -> list[Link]:
    """Outbound links of the article and its related-story boxes (not the site menus).

    Hrefs are absolute and normalised (`normalize_url`), so one target is one link.
    """
    body = soup.body or soup
    paragraphs = article_text.split("\n\n")
    text_sentences = [s for p in paragraphs for s in split_sentences(p)]
    links: dict[str, Link] = {}
    for a in body.find_all("a", href=True):
        href = a.get("href")
        if not isinstance(href, str) or _in_chrome(a) or _SHARE_URL.search(href):
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
            context=_context(anchor, paragraph, text_sentences),
            kind=link_kind(absolute, page_domain),
            domain=registered_domain(absolute),
        )
    return list(links.values())
