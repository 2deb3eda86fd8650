"""`newsprov serve` answers only the local user by default: foreign Host names (DNS
rebinding) are refused, debug pages are off without --debug (issue 11, case 8)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from plugin_data import build_db

from db.plugin.app import make_datasette

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "newsprov.db"
    build_db(path)
    return path


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8001", "127.0.0.1.nip.io"])
async def test_foreign_host_header_is_refused(db_path, host):
    ds = make_datasette(db_path, bind="127.0.0.1")
    response = await ds.client.get(f"/{db_path.stem}/articles.json", headers={"host": host})
    assert response.status_code == 403
    assert "--host-name" in response.text and "title" not in response.text


@pytest.mark.parametrize("host", ["localhost:8001", "127.0.0.1:8001", "[::1]:8001", "LOCALHOST"])
async def test_local_host_names_are_answered(db_path, host):
    ds = make_datasette(db_path, bind="127.0.0.1")
    response = await ds.client.get(f"/{db_path.stem}/articles.json", headers={"host": host})
    assert response.status_code == 200


async def test_host_name_option_and_bound_address_are_answered(db_path):
    ds = make_datasette(db_path, bind="192.0.2.7", host_names=("desk.newsroom.example",))
    for host in ("desk.newsroom.example:8001", "192.0.2.7:8001"):
        response = await ds.client.get(f"/{db_path.stem}/articles.json", headers={"host": host})
        assert response.status_code == 200, host
    refused = await ds.client.get("/", headers={"host": "other.newsroom.example"})
    assert refused.status_code == 403


@pytest.mark.parametrize("page", ["/-/allow-debug", "/-/permissions", "/-/messages", "/-/threads"])
async def test_debug_pages_only_with_debug(db_path, page):
    off = await make_datasette(db_path).client.get(page)
    assert off.status_code == 404
    on = await make_datasette(db_path, debug=True).client.get(page)
    assert on.status_code in (200, 403)  # then Datasette decides (permissions needs root)
    assert "debug pages are off" not in on.text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_real_serve_refuses_a_rebound_name(db_path):
    """The real server over real HTTP: what a DNS-rebinding page would send."""
    port = _free_port()
    cmd = [sys.executable, "-c", "from newsprov.cli import main; main()", "serve"]
    proc = subprocess.Popen(
        [*cmd, "--db", str(db_path), "--port", str(port), "--host-name", "desk.test"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                httpx.get(base + "/", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        url = f"{base}/{db_path.stem}/articles.json"
        assert httpx.get(url).status_code == 200
        assert httpx.get(url, headers={"host": "desk.test:" + str(port)}).status_code == 200
        assert httpx.get(url, headers={"host": f"evil.test:{port}"}).status_code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=10)
