"""Dataclasses that leave the scraper stage. Plain data, no behaviour that does I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of outbound link, as stored in links.kind.
LINK_KINDS = ("same_site", "news", "document", "social", "other")


@dataclass(frozen=True)
class Fetched:
    """One HTTP exchange (or a refusal before any exchange), kept as evidence.

    `error` is a one-line, user-facing message when the fetch did not yield a usable
    body (refused address, robots.txt, HTTP error status, timeout, too large...);
    `error_kind` is a short machine tag for it ("blocked", "robots", "http", "network",
    "timeout", "incomplete" (the body did not end cleanly), "too_large", "scheme";
    "imported" is never an error).
    """

    url: str
    final_url: str
    status: int | None
    content_type: str | None
    headers: dict[str, str]
    fetched_at: str  # ISO 8601, UTC, e.g. "2026-11-28T01:02:03Z"
    body: bytes
    sha256: str  # of body
    error: str | None = None
    error_kind: str | None = None
    redirects: tuple[str, ...] = ()  # every hop after `url`, in order, ending at final_url

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class Link:
    href: str  # absolute, fragment removed
    anchor: str  # anchor text, whitespace collapsed
    context: str  # the sentence around the link in the page's text
    kind: str  # one of LINK_KINDS
    domain: str  # registered domain of href ("" when none)


@dataclass(frozen=True)
class Embed:
    """A social-media post embedded in the page, kept as its own record: the article
    text is left as the page has it, and the post's author is known from here."""

    platform: str  # "X", "Instagram", "Facebook", "Bluesky" ... or "social media"
    author: str  # "Name (@handle)", or whichever of the two the embed gives; "" if none
    posted: str | None  # the date as the embed prints it
    text: str  # the post's words, the embed's furniture ("View on X") removed
    url: str | None  # the post's permalink when the embed names one


@dataclass
class Extracted:
    url: str  # the final URL fetched (normalised); never the declared canonical
    canonical_url: str | None  # as the page declares it (may point to another site: syndication)
    outlet_domain: str  # registered domain, e.g. "nationpress.test", "bbc.co.uk"
    outlet_name: str | None  # og:site_name / publisher name when present
    title: str
    authors: list[str]
    published: str | None  # ISO 8601 UTC "YYYY-MM-DDTHH:MM:SSZ", or None
    language: str | None  # "en"
    text: str  # body text, paragraphs joined by "\n\n"
    word_count: int
    extractor: str  # "newspaper" or "trafilatura"
    links: list[Link] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)  # <link rel=alternate> feed URLs, absolute
    description: str | None = None
    embeds: list[Embed] = field(default_factory=list)  # in page order
    # why the page says it is opinion ('section 'Opinion''), or None (scraper/page_kind.py)
    opinion: str | None = None


@dataclass(frozen=True)
class Candidate:
    """A URL that may be coverage of the same story, before it is fetched."""

    url: str
    backend: str  # "links", "feed", "sitemap", "gdelt", "google_news", "mediacloud", "user"
    title: str | None = None
    outlet_domain: str | None = None
    published: str | None = None  # ISO 8601 UTC when the backend gives one
    language: str | None = None
