"""The article's title, authors, date and language: what the page declares about itself
first (`scraper.html_meta`), then what the extractors found."""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from scraper.html_meta import PageMeta, clean_authors, page_title, to_utc_iso


@dataclass(frozen=True)
class ArticleMeta:
    title: str
    authors: list[str]
    published: str | None
    language: str | None


def article_meta(
    meta: PageMeta, soup: BeautifulSoup, np_result: dict | None, tf_result: dict | None
) -> ArticleMeta:
    """The page's declarations win; then our <title> reading (newspaper's cuts
    "Mayor re-elected ..." at the hyphen), then newspaper, then trafilatura."""
    title = (
        meta.title
        or page_title(soup, meta.site_name)
        or (np_result and np_result.get("title"))
        or (tf_result and tf_result.get("title"))
        or title_tag(soup)
        or ""
    )
    authors = meta.authors or clean_authors(
        (np_result or {}).get("authors") or tf_authors(tf_result)
    )
    published = (
        meta.published
        or to_utc_iso((np_result or {}).get("publish_date"))
        or to_utc_iso((tf_result or {}).get("date"))
    )
    language = meta.language or (np_result or {}).get("language") or None
    return ArticleMeta(title, authors, published, language)


def tf_authors(tf: dict | None) -> list[str]:
    author = (tf or {}).get("author")
    return [author] if isinstance(author, str) and author else []


def title_candidates(soup: BeautifulSoup, declared: str | None) -> set[str]:
    """Lower-cased forms of the headline, to drop it when an extractor repeats it."""
    found = {declared or "", title_tag(soup) or ""}
    h1 = soup.find("h1")
    if isinstance(h1, Tag):
        found.add(h1.get_text(" "))
    return {" ".join(t.split()).lower() for t in found if t.strip()}


def title_tag(soup: BeautifulSoup) -> str | None:
    tag = soup.find("title")
    return " ".join(tag.get_text().split()) or None if isinstance(tag, Tag) else None
