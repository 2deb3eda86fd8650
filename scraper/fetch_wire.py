"""Fetching, on the wire: the configuration, and one HTTP exchange sent to the address the
guard checked (Host header and TLS SNI keep the original name) with its body read within
the time and size limits while streaming; a body cut short is a failure, never a page.
Failures carry the user-facing one-line message and `Fetched.error_kind`.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from urllib.parse import urlsplit

import httpx

from scraper.guard import Target, one_line, redact_url

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


class _Wire:
    """The `Fetcher`'s single-exchange half: send one request and read its answer."""

    config: FetchConfig
    _client: httpx.Client

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
