"""Discovery by search: GDELT DOC 2.0 (paced, cached, the query built from the story's
telling terms) and the opt-in services, Google News RSS and Media Cloud.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser

from scraper.discover_base import (
    FEED_ACCEPT,
    GDELT_DOC_URL,
    GOOGLE_NEWS_URL,
    MEDIACLOUD_URL,
    DiscoveryError,
    Fetches,
    GdeltError,
    GdeltRateLimited,
    GdeltUnavailable,
    _domain,
    _get,
    _iso,
    _struct_time,
)
from scraper.models import Candidate


# -- GDELT DOC 2.0 --------------------------------------------------------------------------
class GdeltClient:
    """GDELT DOC 2.0 `artlist` search, paced and cached.

    GDELT allows about one request per 5 s; `min_interval` (default 6 s) is enforced with
    an injectable clock and sleep so tests run fast. Answers are cached by request URL in
    memory and, when `cache_dir` is set, on disk, so re-runs do not ask again.
    """

    def __init__(
        self,
        fetcher: Fetches,
        url: str = GDELT_DOC_URL,
        min_interval: float = 6.0,
        cache_dir: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.fetcher = fetcher
        self.url = url
        self.min_interval = min_interval
        self.cache_dir = cache_dir
        self.clock = clock
        self.sleep = sleep
        self._last: float | None = None
        self._cache: dict[str, list[Candidate]] = {}
        self.requests = 0  # how many requests actually went out (tests check pacing/cache)

    def request_url(
        self,
        query: str,
        start: datetime | None = None,
        end: datetime | None = None,
        max_records: int = 75,
    ) -> str:
        params = {
            "query": query,
            "mode": "artlist",
            "format": "json",
            "maxrecords": str(max(1, min(250, max_records))),
            "sort": "HybridRel",
        }
        if start and end:
            params["startdatetime"] = start.strftime("%Y%m%d%H%M%S")
            params["enddatetime"] = end.strftime("%Y%m%d%H%M%S")
        sep = "&" if "?" in self.url else "?"
        return self.url + sep + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)

    def search(
        self,
        query: str,
        start: datetime | None = None,
        end: datetime | None = None,
        max_records: int = 75,
    ) -> list[Candidate]:
        url = self.request_url(query, start, end, max_records)
        if url in self._cache:
            return self._cache[url]
        disk = self._disk_path(url)
        if disk and disk.is_file():
            body = disk.read_bytes()
        else:
            body = self._request(url)
        result = parse_gdelt(body)
        self._cache[url] = result
        if disk and not disk.is_file():
            disk.parent.mkdir(parents=True, exist_ok=True)
            disk.write_bytes(body)
        return result

    def _request(self, url: str) -> bytes:
        if self._last is not None:
            wait = self.min_interval - (self.clock() - self._last)
            if wait > 0:
                self.sleep(wait)
        self.requests += 1
        f = self.fetcher.fetch(url, accept="application/json")
        self._last = self.clock()
        if f.status == 429:
            raise GdeltRateLimited(
                "GDELT says too many requests (429); wait a minute or pass --no-gdelt"
            )
        if (
            f.error_kind in ("blocked", "network", "timeout", "scheme", "robots")
            or f.status is None
        ):
            raise GdeltUnavailable(
                f"GDELT unreachable ({f.error or 'no answer'}); pass --no-gdelt to skip it"
            )
        if not f.ok:
            raise GdeltError(f"GDELT answered HTTP {f.status}; try again later or pass --no-gdelt")
        return f.body

    def _disk_path(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return Path(self.cache_dir) / (hashlib.sha256(url.encode()).hexdigest()[:32] + ".json")


def parse_gdelt(body: bytes) -> list[Candidate]:
    """An `artlist` answer as candidates. `{}` is "no match"; a plain-text sentence is an
    error (GDELT answers errors with HTTP 200)."""
    text = body.decode("utf-8", "replace").strip()
    if not text.startswith("{"):
        line = text.splitlines()[0][:200] if text else "empty answer"
        raise GdeltError(f"GDELT rejected the query: {line}")
    data = _lenient_json(text)
    out = []
    for a in data.get("articles") or []:
        url = a.get("url") or ""
        if url.startswith(("http://", "https://")):
            lang = {"English": "en"}.get(a.get("language") or "", a.get("language"))
            out.append(Candidate(url, "gdelt", a.get("title"), a.get("domain") or _domain(url),
                                 _gdelt_time(a.get("seendate")), lang))  # fmt: skip
    return out


def _lenient_json(text: str) -> dict[str, Any]:
    try:
        return json.loads(text, strict=False)
    except ValueError:
        # GDELT sometimes emits invalid escapes inside titles: drop the stray backslashes.
        fixed = re.sub(r'\\(?!["\\/bfnrtu])', "", text)
        try:
            return json.loads(fixed, strict=False)
        except ValueError as exc:
            raise GdeltError(f"GDELT answered unreadable JSON ({exc}); try again later") from exc


def gdelt_query(
    title: str, keywords: Sequence[str] = (), text: str = "", max_terms: int = 4
) -> str:
    """AND of the story's most telling terms: the keywords given (named entities), then the
    title words the body repeats most. Multi-word names and words with dashes are quoted
    (GDELT rejects a quoted single word); everything else is bare."""
    terms: list[str] = []
    for k in [*keywords, *_title_terms(title, text)]:
        k = re.sub(r"[\"()]", "", k).strip()
        if not k or k.lower() in (t.lower().strip('"') for t in terms):
            continue
        terms.append(f'"{k}"' if (" " in k or "-" in k) else k)
        if len(terms) >= max_terms:
            break
    return " ".join(terms)


_TITLE_STOP = frozenset(
    "with from that this their after over into about says said amid more than what will "
    "continued continues new".split()
)


def _title_terms(title: str, text: str = "") -> list[str]:
    # Title words split at dashes ("Post-Balakot" -> "Balakot"): other outlets write the
    # name, not the headline's compound. Words the body repeats say what the story is.
    words = [
        w.removesuffix("'s").removesuffix("’s")
        for w in re.findall(r"[A-Za-z][A-Za-z'’]{3,}", title)
    ]
    words = [w for w in dict.fromkeys(words) if w.lower() not in _TITLE_STOP and len(w) > 3]
    body = Counter(re.findall(r"[a-z]+", text.lower()))

    def weight(w: str) -> tuple[int, int, int]:
        stem = w.lower()[:-1] if w.lower().endswith("s") else w.lower()
        return (-(body[w.lower()] + body[stem] + body[stem + "s"]), -w[0].isupper(), -len(w))

    return sorted(words, key=weight)


def _gdelt_time(seen: str | None) -> str | None:
    if not seen:
        return None
    try:
        return datetime.strptime(seen, "%Y%m%dT%H%M%SZ").strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return None


# -- opt-in search services -----------------------------------------------------------------
def google_news_candidates(
    fetcher: Fetches, query: str, url: str = GOOGLE_NEWS_URL
) -> list[Candidate]:
    """Google News RSS search (opt-in: its terms allow personal feed-reader use only).
    Item links are opaque news.google.com redirects; the title's " - Publisher" suffix is
    removed and the publisher's site becomes the outlet."""
    sep = "&" if "?" in url else "?"
    q = urllib.parse.urlencode(
        {"q": f"{query} when:7d", "hl": "en-US", "gl": "US", "ceid": "US:en"}
    )
    body = _get(fetcher, url + sep + q, FEED_ACCEPT, "Google News")
    parsed = feedparser.parse(body)
    out = []
    for e in parsed.entries:
        link = e.get("link") or ""
        if not link.startswith(("http://", "https://")):
            continue
        title = e.get("title") or ""
        source = e.get("source") or {}
        publisher = source.get("title") if hasattr(source, "get") else None
        if publisher and title.endswith(" - " + publisher):
            title = title[: -len(publisher) - 3]
        outlet = _domain(source.get("href", "")) if hasattr(source, "get") else None
        out.append(Candidate(link, "google_news", title or None, outlet or None,
                             _struct_time(e.get("published_parsed")), "en"))  # fmt: skip
    return out


def mediacloud_candidates(
    fetcher: Any, key: str, query: str, start: datetime, end: datetime, url: str = MEDIACLOUD_URL
) -> list[Candidate]:
    """Media Cloud story-list search (needs the user's API key, sent as a header)."""
    params = {"q": query, "start": start.strftime("%Y-%m-%d"), "end": end.strftime("%Y-%m-%d"),
              "platform": "onlinenews-mediacloud"}  # fmt: skip
    full = url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
    try:
        f = fetcher.fetch(
            full, accept="application/json", headers={"Authorization": f"Token {key}"}
        )
    except TypeError as exc:
        raise DiscoveryError(
            "Media Cloud needs a fetcher that can send an Authorization header"
        ) from exc
    if f.status in (401, 403):
        raise DiscoveryError("Media Cloud refused the API key; check --mediacloud-key")
    if not f.ok:
        raise DiscoveryError(f"Media Cloud: {f.error or f'HTTP {f.status}'}; try again later")
    try:
        data = json.loads(f.body)
    except ValueError as exc:
        raise DiscoveryError(f"Media Cloud answered unreadable JSON ({exc})") from exc
    out = []
    for s in data.get("stories") or []:
        link = s.get("url") or ""
        if link.startswith(("http://", "https://")):
            out.append(Candidate(link, "mediacloud", s.get("title"), _domain(s.get("media_url") or link),
                                 _iso(s.get("publish_date")), s.get("language")))  # fmt: skip
    return out
