"""A body that did not end cleanly is a failed fetch, never an article (issue 11, case 1).

A raw socket server sends the broken responses: httpx's own test doubles could not
trickle, reset or mis-chunk the way a real server does.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from scraper.fetch import Fetcher

PAGE = (
    b"<!doctype html><html><head><title>Harbour plan</title></head><body><article>"
    + b"<p>The harbour board approved the plan on Tuesday after a long debate. " * 20
    + b"</p></article></body></html>"
)


def _head(extra: bytes = b"") -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n" + extra + b"\r\n"


def _serve(conn: socket.socket, mode: str) -> None:
    try:
        _answer(conn, mode)
    except OSError:
        pass  # the client hung up (timer fired): that is what was tested
    finally:
        conn.close()


def _answer(conn: socket.socket, mode: str) -> None:
    conn.recv(65536)  # the request; we answer whatever was asked
    if mode == "trickle":  # no Content-Length: the body ends when the socket closes
        conn.sendall(_head())
        for i in range(0, len(PAGE), 8):
            conn.sendall(PAGE[i : i + 8])
            time.sleep(0.05)
    elif mode == "short":  # fewer bytes than Content-Length, then a clean close
        conn.sendall(_head(b"Content-Length: %d\r\n" % len(PAGE)) + PAGE[: len(PAGE) // 2])
    elif mode == "reset":  # half the page, then a TCP reset (SO_LINGER 0)
        conn.sendall(_head() + PAGE[: len(PAGE) // 2])
        time.sleep(0.1)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    elif mode == "badchunk":  # a chunk size that is not hex
        half = PAGE[: len(PAGE) // 2]
        conn.sendall(
            _head(b"Transfer-Encoding: chunked\r\n")
            + b"%x\r\n" % len(half)
            + half
            + b"\r\nzz\r\nnot a chunk\r\n0\r\n\r\n"
        )
    elif mode == "unfinished_chunks":  # chunks, then close without the final 0 chunk
        half = PAGE[: len(PAGE) // 2]
        conn.sendall(
            _head(b"Transfer-Encoding: chunked\r\n") + b"%x\r\n" % len(half) + half + b"\r\n"
        )
    elif mode == "whole":  # the control: a complete close-delimited body
        conn.sendall(_head() + PAGE)


@pytest.fixture(scope="module")
def raw_server() -> Iterator[int]:
    """127.0.0.1:PORT; the path names the failure mode (`/trickle`, `/short` ...)."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    stop = threading.Event()

    def loop() -> None:
        srv.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            peek = conn.recv(1024, socket.MSG_PEEK).split(b" ")
            mode = peek[1].decode().strip("/") if len(peek) > 1 else ""
            if mode == "robots.txt":
                conn.recv(65536)
                conn.sendall(
                    b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                )
                conn.close()
                continue
            threading.Thread(target=_serve, args=(conn, mode), daemon=True).start()

    t = threading.Thread(target=loop, daemon=True)
    t.start()
    yield srv.getsockname()[1]
    stop.set()
    t.join()
    srv.close()


@pytest.fixture
def raw_config(fetch_config, raw_server):
    return replace(fetch_config, allow_hosts=(f"127.0.0.1:{raw_server}",), timeout=0.6)


def test_trickled_body_cut_by_the_timer_is_a_timeout_not_a_page(raw_server, raw_config) -> None:
    with Fetcher(raw_config) as fetcher:
        got = fetcher.fetch(f"http://127.0.0.1:{raw_server}/trickle")
    assert not got.ok and got.error_kind == "timeout", got
    assert got.body == b""


@pytest.mark.parametrize("mode", ["short", "reset", "badchunk", "unfinished_chunks"])
def test_body_that_did_not_end_cleanly_is_a_failed_fetch(raw_server, raw_config, mode) -> None:
    with Fetcher(raw_config) as fetcher:
        got = fetcher.fetch(f"http://127.0.0.1:{raw_server}/{mode}")
    assert not got.ok and got.error_kind == "incomplete", got
    assert got.body == b""
    assert "\n" not in got.error and "try again" in got.error


def test_whole_close_delimited_body_is_kept(raw_server, raw_config) -> None:
    with Fetcher(raw_config) as fetcher:
        got = fetcher.fetch(f"http://127.0.0.1:{raw_server}/whole")
    assert got.ok and got.body == PAGE


def test_scrape_of_a_cut_off_page_stores_a_failed_fetch_and_no_article(
    raw_server, raw_config, tmp_path
) -> None:
    from db.schema import open_db
    from newsprov.pipeline import Pipeline, ScrapeOptions

    db = open_db(str(tmp_path / "n.db"))
    url = f"http://127.0.0.1:{raw_server}/trickle"
    with Fetcher(raw_config) as fetcher:
        (result,) = Pipeline(db, fetcher).scrape([url], ScrapeOptions(related=False))
    assert result.status == "error" and result.article_id is None
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    kinds = [r[0] for r in db.execute("SELECT error_kind FROM fetches WHERE url = ?", (url,))]
    assert kinds == ["timeout"]
