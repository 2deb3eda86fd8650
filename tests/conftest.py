"""The local web the tests fetch from: no test touches the internet.

One `ThreadingHTTPServer` on 127.0.0.1 (port 0) for the whole session. It serves
virtual hosts by the request's Host header:

- `name.test[:PORT]` -> `tests/fixtures/site/name.test/`, then `newsprov/sample/name.test/`
- `127.0.0.1` / `localhost` -> `tests/fixtures/site/_default/`

`{{PORT}}` in served .html/.htm/.xml/.json/.txt/.rss/.atom files becomes the server's port.
Content types come from the file extension (a .pdf is `application/pdf`); text types
carry no charset unless the query string asks for one with `?charset=NAME`, so pages in
odd encodings are decoded from their own `<meta charset>` as on the real web.
A sidecar file `<file>.headers` ("Name: value" lines) adds response headers.

Special routes, on every host:

- `/_redirect?to=URL[&code=302]`   redirect to URL
- `/_chain/N`                      N relative redirects, then a 200 page
- `/_status/NNN`                   that status with a small HTML body
- `/_429[?ra=1&times=1&code=429]`  `code` with `Retry-After: ra` the first `times`
                                   requests per host+path+query, then 200
                                   (`ra=date` sends an HTTP date 1 s ahead,
                                   `ra=none` no Retry-After at all)
- `/_slow?s=SECONDS`               waits, then a 200 page
- `/_drip?s=SECONDS`               sends the body a byte at a time over SECONDS
- `/_huge?mb=N[&nolength=1]`       N MB of HTML, with Content-Length unless `nolength`
- `/_echo`                         the request's method, path and headers as JSON
- `/robots.txt`                    the host's own file, else allow-all; tests can
                                   override per host with `site.set_robots(...)`
- pages set by a test with `site.set_page(path, html, host=..., etag=..., last_modified=...)`
  win over files; they answer 304 to a matching If-None-Match / If-Modified-Since, and a
  test may change them between fetches (an article edited after publication)

Every request is logged (`site.requests`) with time, host and path so tests can assert
politeness (delays between requests to one host, robots.txt fetched once...).
"""

from __future__ import annotations

import email.utils
import json
import mimetypes
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

REPO = Path(__file__).resolve().parent.parent
SITE_ROOTS = (REPO / "tests" / "fixtures" / "site", REPO / "newsprov" / "sample")
DEFAULT_HOSTS = ("127.0.0.1", "localhost", "[::1]", "")
SUBSTITUTED = {".html", ".htm", ".xml", ".json", ".txt", ".rss", ".atom"}
EXTRA_TYPES = {
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
    ".json": "application/json",
    ".html": "text/html",
    ".htm": "text/html",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
}
ALLOW_ALL_ROBOTS = b"User-agent: *\nDisallow:\n"


@dataclass(frozen=True)
class Request:
    """One request as the server saw it."""

    time: float  # time.monotonic() on arrival
    method: str
    host: str  # Host header without the port, lower-cased
    path: str  # path with query string
    headers: dict[str, str]  # lower-cased names


@dataclass
class Site:
    """Handle on the running test server (the `site` fixture)."""

    port: int
    requests: list[Request] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _robots: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _pages: dict[tuple[str, str], tuple[bytes, str | None, str | None]] = field(
        default_factory=dict
    )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def allow(self) -> str:
        """The one allow-list entry that opens the guard for this server."""
        return f"127.0.0.1:{self.port}"

    def url(self, path: str = "/", host: str | None = None) -> str:
        """URL on the default host, or on a virtual host (`host="x.test"`, no port:
        the fetch config's connect_to sends `*.test` here)."""
        if not path.startswith("/"):
            path = "/" + path
        return f"http://{host}{path}" if host else self.base + path

    def set_robots(self, host: str, text: str = "", status: int = 200) -> None:
        """Serve `text` (with `status`) as robots.txt for `host`, overriding files."""
        with self._lock:
            self._robots[host.lower()] = (status, text.encode())

    def set_page(
        self,
        path: str,
        html: str,
        host: str = "127.0.0.1",
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """Serve `html` at `path` on `host` (replacing any earlier version), with these
        validators; a conditional request that matches them gets 304 Not Modified."""
        with self._lock:
            self._pages[(host.lower(), path)] = (html.encode(), etag, last_modified)

    def log(self, host: str | None = None, path: str | None = None) -> list[Request]:
        """Logged requests, optionally only those for a host and/or a path prefix."""
        with self._lock:
            got = list(self.requests)
        return [
            r
            for r in got
            if (host is None or r.host == host.lower())
            and (path is None or r.path.startswith(path))
        ]

    def _record(self, req: Request) -> None:
        with self._lock:
            self.requests.append(req)

    def _bump(self, key: str) -> int:
        with self._lock:
            self._counts[key] += 1
            return self._counts[key]


def _find_file(host: str, path: str) -> Path | None:
    """Map a URL path to a file under the host's roots, never escaping them."""
    dirs = [SITE_ROOTS[0] / "_default"] if host in DEFAULT_HOSTS else [r / host for r in SITE_ROOTS]
    rel = path.lstrip("/")
    for d in dirs:
        if not d.is_dir():
            continue
        root = d.resolve()
        for cand in (rel, rel + "index.html", rel + "/index.html", rel + ".html"):
            p = (root / cand).resolve() if cand else root / "index.html"
            if not p.is_relative_to(root):
                return None
            if p.is_file() and not p.name.endswith(".headers"):
                return p
    return None


def _make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "newsprov-test/1"
        protocol_version = "HTTP/1.0"  # one request per connection: simple and honest

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # quiet: the request log is in `site.requests`

        def do_HEAD(self) -> None:  # noqa: N802
            self.do_GET()

        def do_GET(self) -> None:  # noqa: N802
            host = (self.headers.get("Host") or "").lower()
            if host.startswith("["):
                host = host.split("]")[0] + "]"
            else:
                host = host.rsplit(":", 1)[0] if ":" in host else host
            site._record(
                Request(
                    time=time.monotonic(),
                    method=self.command,
                    host=host,
                    path=self.path,
                    headers={k.lower(): v for k, v in self.headers.items()},
                )
            )
            parts = urlsplit(self.path)
            q = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            try:
                self.route(host, parts.path, q)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client hung up (size cap, timeout): that is what was tested

        def send(self, status: int, body: bytes, ctype: str = "text/html", **hdrs: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in hdrs.items():
                self.send_header(k.replace("_", "-"), v)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def page(self, title: str, status: int = 200, **hdrs: str) -> None:
            body = f"<!doctype html><html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>"
            self.send(status, body.encode(), "text/html; charset=utf-8", **hdrs)

        def route(self, host: str, path: str, q: dict[str, str]) -> None:
            if path == "/_redirect":
                code = int(q.get("code", "302"))
                return self.send(code, b"", Location=q.get("to", "/"))
            if path.startswith("/_chain/"):
                n = int(path.rsplit("/", 1)[1] or 0)
                if n <= 0:
                    return self.page("End of chain")
                return self.send(302, b"", Location=f"/_chain/{n - 1}")
            if path.startswith("/_status/"):
                code = int(path.rsplit("/", 1)[1])
                return self.page(f"Status {code}", status=code)
            if path == "/_429":
                seen = site._bump(f"{host}{self.path}")
                if seen <= int(q.get("times", "1")):
                    ra = q.get("ra", "1")
                    if ra == "date":
                        ra = email.utils.formatdate(time.time() + 1, usegmt=True)
                    code = int(q.get("code", "429"))
                    if ra == "none":
                        return self.page("Too many requests", status=code)
                    return self.page("Too many requests", status=code, Retry_After=ra)
                return self.page("Finally served")
            if path == "/_slow":
                time.sleep(float(q.get("s", "1")))
                return self.page("Slow page")
            if path == "/_drip":
                return self.drip(float(q.get("s", "2")))
            if path == "/_huge":
                return self.huge(float(q.get("mb", "11")), bool(q.get("nolength")))
            if path == "/_echo":
                info = {"method": self.command, "path": self.path, "headers": dict(self.headers)}
                return self.send(200, json.dumps(info).encode(), "application/json")
            if path == "/robots.txt":
                return self.robots(host)
            with site._lock:
                page = site._pages.get((host, path))
            if page is not None:
                return self.set_page(*page)
            return self.static(host, unquote(path), q)

        def set_page(self, body: bytes, etag: str | None, modified: str | None) -> None:
            hdrs = {k: v for k, v in (("ETag", etag), ("Last_Modified", modified)) if v}
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            if (etag and inm == etag) or (not inm and modified and ims == modified):
                self.send_response(304)
                for k, v in hdrs.items():
                    self.send_header(k.replace("_", "-"), v)
                self.end_headers()
                return
            return self.send(200, body, "text/html; charset=utf-8", **hdrs)

        def robots(self, host: str) -> None:
            with site._lock:
                override = site._robots.get(host)
            if override:
                return self.send(override[0], override[1], "text/plain")
            f = _find_file(host, "/robots.txt")
            body = f.read_bytes() if f else ALLOW_ALL_ROBOTS
            return self.send(200, body.replace(b"{{PORT}}", str(site.port).encode()), "text/plain")

        def static(self, host: str, path: str, q: dict[str, str]) -> None:
            f = _find_file(host, path)
            if f is None:
                return self.page("Not found", status=404)
            body = f.read_bytes()
            ext = f.suffix.lower()
            if ext in SUBSTITUTED:
                body = body.replace(b"{{PORT}}", str(site.port).encode())
            ctype = EXTRA_TYPES.get(ext) or mimetypes.guess_type(f.name)[0]
            ctype = ctype or "application/octet-stream"
            if q.get("charset"):
                ctype += f"; charset={q['charset']}"
            extra: dict[str, str] = {}
            sidecar = f.with_name(f.name + ".headers")
            if sidecar.is_file():
                for line in sidecar.read_text().splitlines():
                    if ":" in line:
                        k, v = line.split(":", 1)
                        extra[k.strip().replace("-", "_")] = v.strip()
            return self.send(200, body, ctype, **extra)

        def drip(self, seconds: float) -> None:
            # Each byte arrives well within a read timeout; only a total deadline stops it.
            n = max(1, int(seconds / 0.05))
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(n))
            self.end_headers()
            for _ in range(n):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.05)

        def huge(self, mb: float, nolength: bool) -> None:
            total = int(mb * 1_000_000)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if not nolength:
                self.send_header("Content-Length", str(total))
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_529 + b"</p>\n"
            sent = 0
            while sent < total:
                piece = chunk[: total - sent]
                self.wfile.write(piece)
                sent += len(piece)

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    """The local test web, started once per session on 127.0.0.1 and a free port."""
    server = _Server(("127.0.0.1", 0), BaseHTTPRequestHandler)
    s = Site(port=server.server_address[1])
    server.RequestHandlerClass = _make_handler(s)  # needs the port, known only after bind
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="test-site", daemon=True
    )
    thread.start()
    yield s
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetch_config(site: Site):
    """A FetchConfig opened for exactly the test server, `*.test` routed to it, fast delays."""
    from scraper.fetch import FetchConfig

    return FetchConfig(
        allow_hosts=(site.allow,),
        connect_to={"*.test": f"127.0.0.1:{site.port}"},
        min_delay=0.05,
    )


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for every test module that parses text."""
    from annotate.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def matcher(nlp):
    """The framing matcher with the shipped lexicons (modules needing options define their
    own `matcher`, which overrides this one)."""
    from annotate.framing import FramingMatcher

    return FramingMatcher(nlp)


@pytest.fixture(scope="session")
def annotator():
    """The Annotator with the shipped lexicons, built once (modules needing options define
    their own `annotator`, which overrides this one)."""
    from annotate.annotator import Annotator

    return Annotator()
