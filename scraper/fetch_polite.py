"""Fetching, politely: robots.txt (Protego, cached per origin; RFC 9309 for missing or
unreachable files), one request at a time per host name at least max(min_delay,
Crawl-delay) apart (start to start), and Retry-After or exponential backoff with jitter
on 429/503. The address guard checks every hop before anything is sent.
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from protego import Protego

from scraper.fetch_wire import (
    REDIRECT_CODES,
    RETRY_CODES,
    ROBOTS_AGENT,
    ROBOTS_MAX_BYTES,
    _Exchange,
    _Failure,
    _shown,
    _status_text,
    _Wire,
)
from scraper.guard import AddressGuard, AddressRefused, HostNotFound, Target


class _HostGate:
    """One request at a time per host name, request starts at least `delay` apart."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._next: dict[str, float] = {}

    def ready_at(self, host: str) -> float:
        with self._lock:
            return self._next.get(host, 0.0)

    def defer(self, host: str, until: float) -> None:
        """Keep everyone off `host` until `until` (a Retry-After applies to the host)."""
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), until)

    @contextmanager
    def slot(self, host: str, delay: float) -> Iterator[None]:
        with self._lock:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            wait_s = self.ready_at(host) - time.monotonic()
            if wait_s > 0:
                time.sleep(wait_s)
            self.defer(host, time.monotonic() + delay)
            yield


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class _Robots:
    """A parsed robots.txt, or a blanket answer when there is none to parse."""

    def __init__(
        self, parser: Protego | None, allow_all: bool, why: str = "", kind: str = "robots"
    ) -> None:
        self.parser = parser
        self.allow_all = allow_all
        self.why = why  # why everything is disallowed, when it is
        self.kind = kind  # error_kind to report: "robots", or "network"/"timeout" if unreachable

    def allowed(self, url: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, ROBOTS_AGENT))

    def crawl_delay(self) -> float:
        if self.parser is None:
            return 0.0
        return float(self.parser.crawl_delay(ROBOTS_AGENT) or 0.0)


class _Polite(_Wire):
    """The `Fetcher`'s manners: the guard, robots.txt, per-host pacing and retries."""

    guard: AddressGuard
    _gate: _HostGate
    _robots: dict[str, _Robots]
    _robots_locks: dict[str, threading.Lock]
    _lock: threading.Lock

    def _request(
        self,
        url: str,
        accept: str,
        check_robots: bool,
        cap: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> _Exchange:
        """One guarded, polite HTTP exchange, with retries on 429/503."""
        try:
            target = self.guard.check(url)
        except AddressRefused as exc:
            raise _Failure(exc.kind, str(exc)) from None
        except HostNotFound as exc:
            raise _Failure("network", str(exc)) from None
        host = self._host_key(url)
        delay = self.config.min_delay
        if check_robots:
            robots = self._robots_for(target)
            if not robots.allowed(url):
                origin = f"{target.scheme}://{target.host_header}"
                if robots.why:
                    raise _Failure(robots.kind, f"not fetched {_shown(url)}: {robots.why}")
                raise _Failure(
                    "robots",
                    f"not fetched {_shown(url)}: {origin}/robots.txt disallows it for "
                    f"{ROBOTS_AGENT}; respect that, or save the page from a browser and use "
                    "`newsprov import`",
                )
            delay = max(delay, min(robots.crawl_delay(), self.config.max_wait))
        attempt = 0
        while True:
            with self._gate.slot(host, delay):
                ex = self._send(target, url, accept, cap or self.config.max_bytes, headers)
            if ex.status not in RETRY_CODES:
                return ex
            pause = _retry_after(ex.headers.get("retry-after"))
            if pause is not None and pause > self.config.max_wait:
                raise _Failure(
                    "http",
                    f"HTTP {_status_text(ex.status)} from {_shown(url)} asks us to "
                    f"wait {pause:.0f} s (Retry-After), over the {self.config.max_wait:g} s "
                    "limit; try again later",
                    ex.status,
                )
            if attempt >= self.config.max_retries:
                return ex  # reported as an HTTP error with the retry count
            if pause is None:
                # Exponential backoff, with jitter so parallel clients do not sync up.
                pause = self.config.backoff_base * (2**attempt) * (1 + random.random())
                pause = min(pause, self.config.max_wait)
            self._gate.defer(host, time.monotonic() + pause)
            attempt += 1

    # -- robots.txt ----------------------------------------------------------------------

    def _robots_for(self, target: Target) -> _Robots:
        origin = f"{target.scheme}://{target.host_header}"
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # fetch each origin's robots.txt once, even from many threads
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
            return self._robots[origin]

    def _load_robots(self, origin: str) -> _Robots:
        """RFC 9309: 2xx is parsed, 4xx means allow all, 5xx or no answer means disallow."""
        url = origin + "/robots.txt"
        try:
            current = url
            for _ in range(self.config.max_redirects + 1):
                ex = self._request(current, "text/plain,*/*;q=0.5", False, ROBOTS_MAX_BYTES)
                location = ex.headers.get("location")
                if ex.status not in REDIRECT_CODES or not location:
                    break
                current = urljoin(current, location.strip())
            else:
                why = f"{url} redirects too often, so the site is off-limits (RFC 9309)"
                return _Robots(None, False, why)
        except _Failure as fail:
            if fail.kind == "too_large":
                return _Robots(None, True)  # RFC 9309 parses what fits; we allow instead
            # Unreachable robots.txt means stay away (RFC 9309); to the user it is the
            # network problem it is, with the reason.
            kind = fail.kind if fail.kind in ("network", "timeout") else "robots"
            why = f"its robots.txt could not be read ({fail}), so the site is off-limits for now"
            return _Robots(None, False, why, kind)
        if 200 <= ex.status < 300:
            return _Robots(Protego.parse(ex.body.decode("utf-8", "replace")), True)
        if 400 <= ex.status < 500 and ex.status != 429:
            return _Robots(None, True)
        why = (
            f"{url} answered HTTP {ex.status}, so the site is off-limits for now (RFC 9309); "
            "try again later"
        )
        return _Robots(None, False, why)

    @staticmethod
    def _host_key(url: str) -> str:
        try:
            return (urlsplit(url.strip()).hostname or "").rstrip(".")
        except ValueError:
            return ""
