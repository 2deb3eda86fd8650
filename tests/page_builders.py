"""A small news page for tests that scrape over the local test server: a title, a site name,
a byline and one paragraph per sentence, with whatever head markup the test is about."""

from __future__ import annotations


def article_page(
    title: str, sentences: list[str], site: str, byline: str, head: str = "", nav: str = ""
) -> str:
    """The HTML of an article page; `head` goes into <head> (a section, a date), `nav` into
    the page's <nav>."""
    body = "".join(f"<p>{s}</p>\n" for s in sentences)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title>{head}"
        f'<meta property="og:site_name" content="{site}"></head><body>'
        f"<nav>{nav}</nav><article><h1>{title}</h1><p>By {byline}</p>\n{body}"
        "</article></body></html>"
    )
