"""The article body: the extractors' texts cleaned into paragraphs, the better one
chosen, and paragraphs or lead blocks an extractor dropped put back from the page.

Page furniture (audio players, share prompts, copyright lines) and menus leaking into
the text are removed paragraph by paragraph; datelines markup put on their own line are
joined to the paragraph they open. Promotion boxes are removed later (`scraper.promo`).

The stages: `body_text.py` (an extractor's text cleaned into paragraphs, word counts) and
`body_page.py` (dropped paragraphs, datelines and leads put back from the page); their
names used elsewhere (`count_words`, `own_text`, `squash`) are importable from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup

from scraper.body_page import _restore_dropped, own_text
from scraper.body_text import (
    MIN_WORDS,
    TRUNCATED_SHARE,
    _chrome_anchors,
    _paragraphs,
    count_words,
    squash,
)

__all__ = [
    "MIN_WORDS",
    "TRUNCATED_SHARE",
    "choose_body",
    "count_words",
    "mostly_links",
    "own_text",
    "squash",
]


@dataclass
class _Body:
    text: str
    extractor: str


def choose_body(
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


def mostly_links(text: str, soup: BeautifulSoup) -> bool:
    """True when nearly every paragraph of the body is the text of some link: an index."""
    anchors = {" ".join(a.get_text().split()).lower() for a in soup.find_all("a")}
    paras = [p for p in text.split("\n\n") if p]
    linked = sum(count_words(p) for p in paras if p.lower().strip(" -•") in anchors)
    return linked >= 0.7 * max(1, count_words(text))
