"""The one guarded, polite HTTP client: every network request in the project goes through it.

Safety: each hop of a redirect chain is checked by the `AddressGuard` and the request is
sent to the very address that was checked (the Host header and TLS SNI keep the original
name). Politeness: robots.txt (Protego, cached per origin), one request at a time per host
name at least max(min_delay, Crawl-delay) apart (start to start), Retry-After or
exponential backoff with jitter on 429/503, an honest User-Agent. Limits: a total time
per HTTP exchange and a body-size cap, both enforced while streaming.

`Fetcher.fetch` never raises for refusals, robots.txt, network, HTTP or size problems: it
returns a `Fetched` whose `error` is a one-line message saying what went wrong and what to
do, and whose `error_kind` is a short tag.
"""

from __future__ import annotations

import email.utils
import hashlib
import random
import socket
import ssl
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from scraper.guard import AddressGuard, AddressRefused, HostNotFound, Target, one_line, redact_url
from scraper.models import Fetched

DEFAULT_USER_AGENT = (
    "newsprov/0.1 (+https://github.com/news-provenance/newsprov; news provenance research)"
)
ROBOTS_AGENT = "newsprov"  # the product token robots.txt groups are matched against
DEFAULT_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
RETRY_CODES = frozenset({429, 503})
ROBOTS_MAX_BYTES = 512_000  # RFC 9309: parse at least 500 KiB


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0  # total seconds per HTTP exchange, connect to last body byte
    max_bytes: int = 10_000_000  # decoded body size cap
    min_delay: float = 1.0  # seconds between request starts to one host name
    max_redirects: int = 5
    max_retries: int = 2  # only 429 and 503 are retried
    backoff_base: float = 1.0  # seconds; doubled per retry, with jitter
    max_wait: float = 60.0  # longest Retry-After (or Crawl-delay) we are willing to wait
    allow_hosts: tuple[str, ...] = ()
    connect_to: dict[str, str] = field(default_factory=dict)
    obey_robots: bool = True
    ca_file: str | None = None  # extra trusted CA bundle (intranet, tests); None: certifi


class _Failure(Exception):
    """A fetch problem with its user-facing message and Fetched.error_kind."""

    def __init__(self, kind: str, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status


@dataclass
class _Exchange:
    """One HTTP request and response, body read (or not, on failure)."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str


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


def _shown(url: str) -> str:
    """A URL as it may appear in a message: credentials masked, one line, short."""
    return one_line(redact_url(url), 100)


def _same_origin(a: str, b: str) -> bool:
    return urlsplit(a)[:2] == urlsplit(b)[:2]


def _now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


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


class Fetcher:
    """The project's HTTP client. Thread-safe; use as a context manager or call close()."""

    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()
        self.guard = AddressGuard(self.config.allow_hosts, self.config.connect_to)
        # No connection reuse: requests go to checked IPs with per-request SNI, and a
        # pooled connection keyed by IP could carry another host's TLS session. Our
        # per-host delays make reuse worth little anyway. trust_env=False: no proxy or
        # .netrc from the environment, so we connect where the guard said.
        verify: ssl.SSLContext | bool = True
        if self.config.ca_file:
            verify = ssl.create_default_context(cafile=self.config.ca_file)
        self._client = httpx.Client(
            verify=verify,
            follow_redirects=False,
            trust_env=False,
            limits=httpx.Limits(max_keepalive_connections=0, max_connections=100),
        )
        self._gate = _HostGate()
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- public API ----------------------------------------------------------------------

    def fetch(
        self, url: str, accept: str = DEFAULT_ACCEPT, headers: Mapping[str, str] | None = None
    ) -> Fetched:
        """Fetch `url`, following redirects hop by hop. Never raises for fetch problems.

        `headers` (an API key, say) go only to `url`'s own origin: a redirect elsewhere
        must not carry a credential with it.
        """
        hops: list[str] = []
        last: _Exchange | None = None
        try:
            current = url
            while True:
                extra = headers if headers and _same_origin(current, url) else None
                last = self._request(
                    current, accept, check_robots=self.config.obey_robots, headers=extra
                )
                location = last.headers.get("location")
                if last.status not in REDIRECT_CODES or not location:
                    break
                if len(hops) >= self.config.max_redirects:
                    raise _Failure(
                        "redirects",
                        f"more than {self.config.max_redirects} redirects from "
                        f"{_shown(url)} (last to {_shown(location)}); "
                        "the site loops or chains too long, use the final URL instead",
                        last.status,
                    )
                current = urljoin(current, location.strip())
                hops.append(current)
                last = None  # until the next hop answers, nothing is known about it
            if last.status >= 400 or last.status in REDIRECT_CODES:
                raise _Failure("http", self._http_message(last), last.status)
            return self._result(url, hops, last)
        except _Failure as fail:
            return self._result(url, hops, last, fail)
        except Exception as exc:  # a bug or an odd URL must not sink a batch
            fail = _Failure(
                "error",
                f"could not fetch {_shown(url)}: unexpected {type(exc).__name__}: "
                f"{one_line(str(exc), 100)}; please report this",
            )
            return self._result(url, hops, None, fail)

    def fetch_many(self, urls: Iterable[str], max_workers: int = 8) -> Iterator[Fetched]:
        """Fetch many URLs: concurrently across hosts, one at a time within a host.

        Results are yielded as they complete (match them to inputs by `Fetched.url`).
        A host's next URL starts only when its delay has passed, so a waiting host never
        holds a worker that another host could use.
        """
        queues: dict[str, deque[str]] = {}
        for u in urls:
            queues.setdefault(self._host_key(u), deque()).append(u)
        workers = max(1, max_workers)
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
            inflight: dict[Future[Fetched], tuple[str, str]] = {}
            while queues or inflight:
                now = time.monotonic()
                wake: float | None = None
                for host in list(queues):
                    if len(inflight) >= workers:
                        break
                    if any(h == host for h, _ in inflight.values()):
                        continue
                    ready = self._gate.ready_at(host)
                    if ready > now:
                        wake = ready if wake is None else min(wake, ready)
                        continue
                    u = queues[host].popleft()
                    if not queues[host]:
                        del queues[host]
                    inflight[pool.submit(self.fetch, u)] = (host, u)
                timeout = None if wake is None else max(0.0, wake - time.monotonic())
                if not inflight:
                    time.sleep(timeout or 0.0)
                    continue
                done, _ = wait(inflight, timeout=timeout, return_when=FIRST_COMPLETED)
                for fut in done:
                    _, u = inflight.pop(fut)
                    yield self._settle(fut, u)

    # -- one hop -------------------------------------------------------------------------

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

    def _send(
        self,
        target: Target,
        url: str,
        accept: str,
        cap: int,
        headers: Mapping[str, str] | None = None,
    ) -> _Exchange:
        """Send one request to the checked address and read the body within limits."""
        timeout = self.config.timeout
        deadline = time.monotonic() + timeout
        try:
            wire_url = httpx.URL(url).copy_with(host=target.ip, port=target.connect_port)
        except (httpx.InvalidURL, ValueError) as exc:
            raise _Failure(
                "blocked",
                f"refused {_shown(url)}: not a valid URL ({one_line(str(exc), 80)})",
            ) from None
        ext: dict[str, object] = {}
        if target.scheme == "https":
            ext["sni_hostname"] = target.host  # certificate checked against the real name
        request = self._client.build_request(
            "GET",
            wire_url,
            headers={
                **(headers or {}),
                "Host": target.host_header,
                "User-Agent": self.config.user_agent,
                "Accept": accept,
            },
            timeout=httpx.Timeout(timeout),
            extensions=ext,
        )
        shown = _shown(url)
        timed_out = threading.Event()
        try:
            response = self._client.send(request, stream=True)
        except httpx.TimeoutException:
            raise self._timeout(shown) from None
        except (httpx.HTTPError, OSError) as exc:
            raise _Failure(
                "network",
                f"could not fetch {shown}: {type(exc).__name__}: {one_line(str(exc), 100)}; "
                "check the URL and your network, or try again later",
            ) from None
        # A body can trickle in; a watchdog cuts the socket at the deadline so one slow
        # read cannot stretch the total time.
        watchdog = threading.Timer(
            max(0.0, deadline - time.monotonic()), self._cut, (response, timed_out)
        )
        watchdog.daemon = True
        watchdog.start()
        try:
            fetched_at = _now_iso()
            headers = {k.lower(): v for k, v in response.headers.items()}
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > cap:
                raise self._too_large(shown, cap, int(length), response.status_code)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise self._too_large(shown, cap, None, response.status_code)
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise self._timeout(shown)
            # A body without Content-Length ends when the socket closes, and the watchdog
            # closing it looks the same to the reader: only the flag tells a page that
            # ended from one that was cut off mid-word.
            if timed_out.is_set():
                raise self._timeout(shown)
            if length.isdigit() and response.num_bytes_downloaded < int(length):
                got = f"{response.num_bytes_downloaded:,} of {int(length):,} bytes"
                raise self._incomplete(shown, got)
            return _Exchange(url, response.status_code, headers, b"".join(chunks), fetched_at)
        except (httpx.HTTPError, OSError) as exc:
            if timed_out.is_set() or isinstance(exc, httpx.TimeoutException):
                raise self._timeout(shown) from None
            # Reset mid-body, fewer bytes than Content-Length, a bad or unfinished chunk, a
            # broken gzip stream: what arrived is not the page.
            raise self._incomplete(shown, one_line(str(exc), 100)) from None
        finally:
            watchdog.cancel()
            response.close()

    @staticmethod
    def _cut(response: httpx.Response, flag: threading.Event) -> None:
        flag.set()
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed: nothing left to cut

    def _timeout(self, shown: str) -> _Failure:
        return _Failure(
            "timeout",
            f"timed out after {self.config.timeout:g} s fetching {shown}; the server is slow "
            "or unreachable, try again later",
        )

    @staticmethod
    def _incomplete(shown: str, why: str) -> _Failure:
        return _Failure(
            "incomplete",
            f"the body of {shown} did not arrive whole ({why}); nothing was kept, try again later",
        )

    @staticmethod
    def _too_large(shown: str, cap: int, length: int | None, status: int) -> _Failure:
        size = f" ({length:,} bytes)" if length else ""
        return _Failure(
            "too_large",
            f"{shown} is larger than the {cap:,}-byte cap{size}; it was not kept "
            "(raise the cap if the page is really wanted)",
            status,
        )

    def _http_message(self, ex: _Exchange) -> str:
        shown = one_line(ex.url, 100)
        status = ex.status
        if status in RETRY_CODES:
            hint = f"still refused after {self.config.max_retries} retries; try again later"
        elif status in (401, 403):
            hint = "the site refuses access; save the page from a browser and use `newsprov import`"
        elif status in (404, 410):
            hint = "the page does not exist (any more); check the URL"
        elif status in REDIRECT_CODES:
            hint = "a redirect without a usable Location; use the final URL"
        elif status >= 500:
            hint = "the server failed; try again later"
        else:
            hint = "check the URL"
        return f"HTTP {_status_text(status)} from {shown}: {hint}"

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

    # -- results -------------------------------------------------------------------------

    @staticmethod
    def _host_key(url: str) -> str:
        try:
            return (urlsplit(url.strip()).hostname or "").rstrip(".")
        except ValueError:
            return ""

    @staticmethod
    def _result(
        url: str, hops: list[str], ex: _Exchange | None, fail: _Failure | None = None
    ) -> Fetched:
        """Build the record. `ex` is the exchange at the final URL, None if none happened."""
        body = ex.body if ex is not None else b""
        headers = ex.headers if ex is not None else {}
        status = ex.status if ex is not None else (fail.status if fail is not None else None)
        # Credentials never reach the record, even for a URL that did not parse.
        return Fetched(
            url=redact_url(url),
            final_url=redact_url(hops[-1] if hops else url),
            status=status,
            content_type=headers.get("content-type"),
            headers=headers,
            fetched_at=ex.fetched_at if ex is not None else _now_iso(),
            body=body,
            sha256=hashlib.sha256(body).hexdigest(),
            error=str(fail) if fail is not None else None,
            error_kind=fail.kind if fail is not None else None,
            redirects=tuple(redact_url(h) for h in hops),
        )

    def _settle(self, fut: Future[Fetched], url: str) -> Fetched:
        try:
            return fut.result()
        except Exception as exc:  # a bug must not sink the rest of a batch
            fail = _Failure("error", f"internal error fetching {_shown(url)}: {exc!r}")
            return self._result(url, [], None, fail)
