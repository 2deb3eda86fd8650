"""Outlet identity and link kinds, as an editor reading the links table would see them."""

from __future__ import annotations

import socket

import pytest

from scraper.outlets import link_kind, normalize_url, registered_domain


@pytest.mark.parametrize(
    ("given", "domain"),
    [
        ("http://nationpress.test/news/2025/02/26/x.html", "nationpress.test"),
        ("https://www.bbc.co.uk/news/world-asia-123", "bbc.co.uk"),
        ("www.bbc.co.uk:443", "bbc.co.uk"),
        ("https://edition.cnn.com/2025/02/26/x", "cnn.com"),
        ("https://tribune.com.pk/story/123", "tribune.com.pk"),
        ("https://foo.gov.pk/", "foo.gov.pk"),
        ("http://dgispr.gov.test/a.pdf", "gov.test"),  # unknown suffix: last two labels
        ("http://intranet.newsroom.corp/x", "newsroom.corp"),
        ("http://127.0.0.1:8000/article.html", "127.0.0.1"),
        ("http://[::1]:80/", "::1"),
        ("localhost", "localhost"),
        ("HTTP://WWW.Example.COM./Path", "example.com"),
        ("", ""),
        ("http://[::1", ""),
    ],
)
def test_registered_domain_outlets(given: str, domain: str) -> None:
    assert registered_domain(given) == domain


def test_registered_domain_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    # tldextract's default fetches the public suffix list on first use; ours must use
    # the bundled snapshot. Any socket opened here is a failure, not a slow test.
    registered_domain.cache_clear()
    from scraper import outlets

    outlets._extractor.cache_clear()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("registered_domain opened a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert registered_domain("https://news.example.co.uk/a") == "example.co.uk"
    assert registered_domain("https://a.b.blogspot.com/") == "blogspot.com"


def test_outlets_import_builds_nothing() -> None:
    # Importing the module must not construct tldextract (no import side effects).
    import importlib

    from scraper import outlets

    importlib.reload(outlets)
    assert outlets._extractor.cache_info().currsize == 0


PAGE = "nationpress.test"


@pytest.mark.parametrize(
    ("href", "kind"),
    [
        # Documents: files and official hosts, even on the page's own site.
        ("http://dgispr.gov.test/media/2025/annual-security-review-2024.pdf", "document"),
        ("http://nationpress.test/docs/budget.PDF", "document"),
        ("https://data.example.org/casualties-2024.csv", "document"),
        ("https://example.org/files/report.xlsx", "document"),
        ("https://www.gov.uk/government/news/statement", "document"),
        ("https://www.whitehouse.gov/briefing-room/", "document"),
        ("https://www.army.mil/article/1", "document"),
        ("https://www.nato.int/cps/en/natohq/news.htm", "document"),
        ("https://www.parliament.uk/business/news/", "document"),
        ("https://www.supremecourt.gov.pk/judgement", "document"),
        # Social media, including share-style URLs and short links.
        ("https://twitter.com/KarakoramPI/status/1894372615502117024", "social"),
        ("https://x.com/someone", "social"),
        ("https://www.facebook.com/page", "social"),
        ("https://www.instagram.com/p/abc/", "social"),
        ("https://www.youtube.com/watch?v=abc", "social"),
        ("https://youtu.be/abc", "social"),
        ("https://www.tiktok.com/@user/video/1", "social"),
        ("https://t.me/channel/12", "social"),
        ("https://www.linkedin.com/in/someone", "social"),
        ("https://bsky.app/profile/a.test/post/3abc", "social"),
        ("https://www.threads.net/@user", "social"),
        ("https://www.reddit.com/r/news/comments/abc/", "social"),
        # Same site.
        ("http://nationpress.test/news/2019/02/26/balakot-airstrike-explained.html", "same_site"),
        ("https://www.nationpress.test/tag/pakistan/", "same_site"),
        # Other outlets' articles: dated paths, long ids, slugs.
        (
            "http://frontierherald.test/pakistan/2025/02/27/security-forces-deadliest-year.html",
            "news",
        ),
        ("https://www.bbc.co.uk/news/world-asia-68512345", "news"),
        ("https://www.courthousenews.com/judge-blocks-rule-on-fares/", "news"),
        ("https://example.com/2025-02-26/story", "news"),
        # Other outlets' homepages, sections, tag, author and search pages.
        ("http://frontierherald.test/", "other"),
        ("http://frontierherald.test/pakistan/", "other"),
        ("http://frontierherald.test/tag/security/", "other"),
        ("http://frontierherald.test/author/zainab-hashmi/", "other"),
        ("https://example.com/search?q=balakot", "other"),
        # Not web links at all.
        ("mailto:news@nationpress.test", "other"),
        ("javascript:alert(1)", "other"),
        ("ftp://files.example.com/report-2024-final.pdf", "other"),
    ],
)
def test_link_kind_classifies(href: str, kind: str) -> None:
    assert link_kind(href, PAGE) == kind


def test_link_kind_same_site_uses_registered_domain() -> None:
    # A page on www. links to its own amp. host: still the same outlet.
    assert link_kind("https://amp.example.co.uk/news/a-b-c", "www.example.co.uk") == "same_site"
    assert link_kind("https://other.co.uk/news/a-b-c-d", "example.co.uk") == "news"


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        ("http://evil.test/x", "http://evil.test/x"),
        ("http://EVIL.test/x#frag", "http://evil.test/x"),
        ("HTTP://Evil.Test:80/x", "http://evil.test/x"),
        ("https://evil.test:443/x", "https://evil.test/x"),
        ("https://evil.test:8443/x", "https://evil.test:8443/x"),
        ("http://user:secret@evil.test/x", "http://evil.test/x"),
        ("http://evil.test", "http://evil.test/"),
        ("http://evil.test./x", "http://evil.test/x"),
        ("  http://evil.test/x  ", "http://evil.test/x"),
        # Path case and trailing slashes are the server's business: kept.
        ("http://evil.test/News/Story/", "http://evil.test/News/Story/"),
        ("http://evil.test/news/story", "http://evil.test/news/story"),
        ("http://evil.test/a%2fb", "http://evil.test/a%2Fb"),
        # Tracking parameters go; the others stay, in their order and spelling.
        (
            "http://evil.test/x?utm_source=rss&id=7&UTM_Medium=a&fbclid=1&b=&gclid=2",
            "http://evil.test/x?id=7&b=",
        ),
        ("http://evil.test/x?utm_campaign=spring", "http://evil.test/x"),
        ("http://evil.test/x?page=2&sort=new", "http://evil.test/x?page=2&sort=new"),
        ("https://twitter.com/a/status/1?ref_src=twsrc%5Etfw", "https://twitter.com/a/status/1"),
        ("http://[::1]:80/x", "http://[::1]/x"),
        # Not http(s), or not parsable: left as given.
        ("mailto:News@Evil.test", "mailto:News@Evil.test"),
        ("http://[::1", "http://[::1"),
        ("", ""),
    ],
)
def test_normalize_url_one_spelling_per_page(given: str, normal: str) -> None:
    assert normalize_url(given) == normal
    assert normalize_url(normal) == normal  # idempotent
