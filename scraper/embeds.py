"""Social-media posts embedded in a page (X, Instagram, Facebook, Bluesky, Threads,
Mastodon, TikTok, Reddit): found by the embed markup, credited from the embed's own credit
line, and recorded apart from the article text, which keeps them as the page shows them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from scraper.body import own_text, squash
from scraper.links import SPACE_BEFORE_PUNCT
from scraper.models import Embed
from scraper.outlets import normalize_url, registered_domain

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
    whole = SPACE_BEFORE_PUNCT.sub(r"\1", whole)
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


def place_embeds(text: str, embeds: list[_Embed]) -> str:
    """The text with the embeds' widget lines ("View on Threads", "Post by @x") removed,
    the posts' words and credit lines left as the page shows them, and the words of a
    post the extractor dropped put back where the page shows them, when that is between
    two paragraphs of the text (a post in a sidebar stays out)."""
    if not embeds:
        return text
    inside = [squash(e.element.get_text(" ")) for e in embeds]
    out = [
        p
        for p in text.split("\n\n")
        if not (_EMBED_WIDGET.match(p.strip()) and any(squash(p) in k for k in inside))
    ]
    for embed, whole in zip(embeds, inside, strict=True):
        post = embed.record.text
        if not post or any(len(squash(p)) >= 8 and squash(p) in whole for p in out):
            continue  # nothing to show, or the text already shows it
        at = _between(embed.element, [squash(p) for p in out])
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
            key = squash(own_text(block))
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


def find_embeds(soup: BeautifulSoup) -> list[_Embed]:
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
