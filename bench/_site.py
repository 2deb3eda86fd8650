"""A local HTTP site for the fetch benchmarks: every host name answers on one loopback port,
each request is logged with its arrival time and host, and the server waits `latency`
seconds before answering (the network and the server's think time)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

UNCHANGED = b"<html><body><p>unchanged</p></body></html>"


def start_site(
    latency: float, conditional: bool = False
) -> tuple[ThreadingHTTPServer, list[tuple[float, str]]]:
    """Serve pages until the process ends. With `conditional`, every page is the same
    UNCHANGED body with an ETag, and a matching If-None-Match gets 304 (as a recheck of an
    unedited article would); otherwise each page names its host and path."""
    log: list[tuple[float, str]] = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            host = (self.headers.get("Host") or "").split(":")[0]
            with lock:
                log.append((time.monotonic(), host))
            time.sleep(latency)
            etag = f'"{host}{self.path}"' if conditional else None
            if self.path == "/robots.txt":
                body = b"User-agent: *\nDisallow:\n"
            elif etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            elif conditional:
                body = UNCHANGED
            else:
                body = f"<html><body><h1>{host}{self.path}</h1></body></html>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    return server, log
