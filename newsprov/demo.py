"""`newsprov demo`: the bundled fictional web served in-process, scraped through the real
fetch -> extract -> annotate -> store path, with no internet."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from importlib.resources.abc import Traversable
from urllib.parse import urlsplit

SAMPLE = "newsprov.sample"
_TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/xml", ".txt": "text/plain"}


def manifest() -> list[dict]:
    return json.loads(resources.files(SAMPLE).joinpath("manifest.json").read_text("utf-8"))


def _lookup(host: str, path: str) -> Traversable | None:
    node = resources.files(SAMPLE).joinpath(host)
    parts = [p for p in path.split("/") if p]
    if any(p in ("..", ".") for p in parts) or not node.is_dir():
        return None
    for p in parts:
        node = node.joinpath(p)
    if node.is_dir():
        node = node.joinpath("index.html")
    return node if node.is_file() else None


class _SampleHandler(BaseHTTPRequestHandler):
    """Virtual hosts: the Host header picks newsprov/sample/<host>/."""

    server_version = "newsprov-sample"

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        path = urlsplit(self.path).path
        node = _lookup(host, path)
        if node is None and path == "/robots.txt":
            body, ctype, code = b"User-agent: *\nAllow: /\n", "text/plain", 200
        elif node is None:
            body, ctype, code = b"not found", "text/plain", 404
        else:
            suffix = "." + node.name.rsplit(".", 1)[-1] if "." in node.name else ""
            body, ctype, code = (
                node.read_bytes(),
                _TYPES.get(suffix, "application/octet-stream"),
                200,
            )
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep the terminal for the user
        pass


@contextmanager
def sample_server():
    """Yield the port of a local server for the sample outlets; stopped on exit."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SampleHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def run_demo(db, make_pipeline: Callable, quiet: bool = False) -> list:
    """Scrape the sample seed story and its coverage into `db`; returns the item results."""
    from newsprov.pipeline import ScrapeOptions
    from scraper.fetch import FetchConfig, Fetcher

    pages = manifest()
    seed = next(p["url"] for p in pages if p["role"] == "seed")
    others = [p["url"] for p in pages if p["role"] != "seed"]
    with sample_server() as port:
        config = FetchConfig(
            allow_hosts=(f"127.0.0.1:{port}",),
            connect_to={"*.test": f"127.0.0.1:{port}"},
            min_delay=0.05,  # our own in-process server: politeness costs only time
        )
        # A desk watches its outlets' feeds: that is how the syndicated copy, which nobody
        # links to, is found. The rest is discovered from links and sitemaps.
        feeds = sorted({f"http://{urlsplit(u).hostname}/feed.xml" for u in others})
        options = ScrapeOptions(related=True, feeds=feeds, gdelt=False)
        with Fetcher(config) as fetcher:
            return make_pipeline(db, fetcher, quiet).scrape([seed], options)
