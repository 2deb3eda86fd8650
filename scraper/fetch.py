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

The stages: `fetch_polite.py` (the guard, robots.txt, per-host pacing, retries) and
`fetch_wire.py` (the configuration and one exchange within the limits); `Fetcher` here
follows redirects, runs batches across hosts and builds the `Fetched` record.
"""

from __future__ import annotations

import hashlib
import ssl
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from types import TracebackType
from urllib.parse import urljoin

import httpx

from scraper.fetch_polite import _HostGate, _Polite, _Robots
from scraper.fetch_wire import (
    DEFAULT_ACCEPT,
    DEFAULT_USER_AGENT,
    REDIRECT_CODES,
    RETRY_CODES,
    ROBOTS_AGENT,
    ROBOTS_MAX_BYTES,
    FetchConfig,
    _Exchange,
    _Failure,
    _now_iso,
    _same_origin,
    _shown,
)
from scraper.guard import AddressGuard, one_line, redact_url
from scraper.models import Fetched

__all__ = [
    "DEFAULT_ACCEPT",
    "DEFAULT_USER_AGENT",
    "REDIRECT_CODES",
    "RETRY_CODES",
    "ROBOTS_AGENT",
    "ROBOTS_MAX_BYTES",
    "FetchConfig",
    "Fetcher",
]


class Fetcher(_Polite):
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

    # -- results -------------------------------------------------------------------------

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
