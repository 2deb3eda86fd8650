"""Address guard: what a user (or a hostile page) can and cannot make the fetcher reach."""

from __future__ import annotations

import pytest

from scraper.fetch import FetchConfig, Fetcher
from scraper.guard import AddressGuard, AddressRefused

# Addresses that must never be reached without an allow-list entry, with a word the
# refusal must use to explain why.
NOT_GLOBAL = [
    ("http://127.0.0.1/", "loopback"),
    ("http://127.1.2.3:8080/", "loopback"),
    ("http://[::1]/", "loopback"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://10.1.2.3/", "private"),
    ("http://172.16.0.1/", "private"),
    ("http://192.168.1.1/", "private"),
    ("http://100.64.0.1/", "shared"),
    ("http://169.254.1.1/", "link-local"),
    ("http://224.0.0.1/", "multicast"),
    ("http://240.0.0.1/", "reserved"),
    ("http://[fe80::1]/", "link-local"),
    ("http://[fc00::1]/", "private"),
    ("http://[ff02::1]/", "multicast"),
    ("http://[::ffff:127.0.0.1]/", "IPv4-mapped"),
    ("http://[::ffff:10.0.0.1]/", "IPv4-mapped"),
    ("http://[::127.0.0.1]/", "IPv4-compatible"),
    ("http://[64:ff9b::7f00:1]/", "NAT64"),
    ("http://[64:ff9b::a00:1]/", "NAT64"),
    ("http://[2002:7f00:1::]/", "6to4"),
    ("http://[2001::1]/", "Teredo"),
    ("http://169.254.169.254/latest/meta-data/", "metadata"),
    ("http://[fd00:ec2::254]/", "metadata"),
    ("http://metadata.google.internal/computeMetadata/v1/", "metadata"),
]


@pytest.mark.parametrize(("url", "why"), NOT_GLOBAL)
def test_guard_refuses_non_global_addresses(url: str, why: str) -> None:
    with pytest.raises(AddressRefused) as exc:
        AddressGuard().check(url)
    message = str(exc.value)
    assert "\n" not in message
    assert why in message
    assert "--allow-host" in message  # says how to open it
    assert exc.value.kind == "blocked"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://example.com/file",
        "data:text/html,<script>alert(1)</script>",
        "gopher://127.0.0.1:25/",
        "example.com/no-scheme",
    ],
)
def test_guard_refuses_other_schemes(url: str) -> None:
    with pytest.raises(AddressRefused) as exc:
        AddressGuard(allow_hosts=("127.0.0.1", "example.com")).check(url)
    assert exc.value.kind == "scheme"
    assert "http" in str(exc.value) and "\n" not in str(exc.value)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://user:pass@127.0.0.1:8000/", "credentials"),
        ("http://user@93.184.215.14/", "credentials"),
        ("http://evil.test\\@127.0.0.1/", "credentials"),
        ("http://93.184.215.14/" + "a" * 2100, "2048"),
        ("http://exa mple.com/", "host name is not valid"),
        ("http://-bad-.com/", "host name is not valid"),
        ("http://93.184.215.14:99999/", "not a valid URL"),
    ],
)
def test_guard_refuses_malformed_urls(url: str, why: str) -> None:
    # Allowed hosts do not excuse a malformed URL.
    with pytest.raises(AddressRefused) as exc:
        AddressGuard(allow_hosts=("127.0.0.1",)).check(url)
    assert why in str(exc.value)
    assert "\n" not in str(exc.value) and len(str(exc.value)) < 300


def test_guard_message_names_address_reason_and_fix() -> None:
    with pytest.raises(AddressRefused) as exc:
        AddressGuard().check("http://127.0.0.1:8000/admin")
    assert str(exc.value) == (
        "refused http://127.0.0.1:8000/admin: 127.0.0.1 is a loopback address; "
        "pass --allow-host 127.0.0.1:8000 to allow it"
    )


@pytest.mark.parametrize(
    "url",
    ["http://93.184.215.14/", "https://[2606:4700::1111]/", "http://[64:ff9b::808:808]/"],
)
def test_guard_allows_global_addresses(url: str) -> None:
    target = AddressGuard().check(url)
    assert target.ip == url.split("//")[1].split("/")[0].strip("[]")


def test_guard_allow_list_opens_exactly_host_and_port() -> None:
    guard = AddressGuard(allow_hosts=("127.0.0.1:8765",))
    target = guard.check("http://127.0.0.1:8765/page")
    assert (target.ip, target.connect_port, target.host_header) == (
        "127.0.0.1",
        8765,
        "127.0.0.1:8765",
    )
    with pytest.raises(AddressRefused):
        guard.check("http://127.0.0.1:8766/page")  # another port stays closed
    with pytest.raises(AddressRefused):
        guard.check("http://127.0.0.2:8765/page")
    # A host entry without a port opens every port of that host.
    assert AddressGuard(allow_hosts=("[::1]",)).check("http://[::1]:9/").ip == "::1"


def test_guard_connect_to_keeps_host_and_checks_connected_address() -> None:
    mapping = {"*.test": "127.0.0.1:8765", "special.test": "127.0.0.1:9999"}
    with pytest.raises(AddressRefused) as exc:
        AddressGuard(connect_to=mapping).check("http://nationpress.test/story")
    assert "127.0.0.1:8765" in str(exc.value)  # the address actually connected to

    guard = AddressGuard(allow_hosts=("127.0.0.1:8765",), connect_to=mapping)
    target = guard.check("http://nationpress.test/story")
    assert (target.host, target.ip, target.connect_port) == ("nationpress.test", "127.0.0.1", 8765)
    assert target.host_header == "nationpress.test"
    # The exact rule beats the wildcard, and its port is not the allowed one.
    with pytest.raises(AddressRefused):
        guard.check("http://special.test/")


def test_guard_refuses_host_when_any_address_is_internal() -> None:
    # DNS rebinding: a name answering with one public and one private address.
    def resolver(host: str, port: int) -> list[str]:
        return {"mixed.example": ["93.184.215.14", "10.0.0.5"]}.get(host, ["93.184.215.14"])

    guard = AddressGuard(resolver=resolver)
    with pytest.raises(AddressRefused) as exc:
        guard.check("https://mixed.example/")
    assert "mixed.example resolves to 10.0.0.5" in str(exc.value)
    assert "--allow-host mixed.example:443" in str(exc.value)
    assert guard.check("https://fine.example/").ip == "93.184.215.14"
    assert AddressGuard(allow_hosts=("mixed.example",), resolver=resolver).check(
        "https://mixed.example/"
    )


def test_guard_encodes_international_names() -> None:
    guard = AddressGuard(resolver=lambda host, port: ["93.184.215.14"])
    target = guard.check("https://bücher.example/straße")
    assert target.host == "xn--bcher-kva.example"
    assert target.host_header == "xn--bcher-kva.example"


# -- through the fetcher: the test server is the only thing that may be opened --------


def test_fetch_refuses_test_server_without_allow_list(site) -> None:
    before = len(site.log())
    with Fetcher(FetchConfig(min_delay=0)) as fetcher:
        got = fetcher.fetch(site.url("/article.html"))
    assert got.error_kind == "blocked" and got.status is None and got.body == b""
    assert f"--allow-host 127.0.0.1:{site.port}" in got.error
    assert len(site.log()) == before  # not even robots.txt was asked for


def test_fetch_allows_test_server_with_allow_list(site, fetch_config) -> None:
    with Fetcher(fetch_config) as fetcher:
        got = fetcher.fetch(site.url("/article.html"))
    assert got.ok and b"Harbour authority" in got.body


@pytest.mark.parametrize(
    "to",
    [
        "http://127.0.0.1:{port}/_never",  # the same server, but only its name is allowed
        "http://127.0.0.1/_never",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]:{port}/_never",
        "file:///etc/passwd",
    ],
)
def test_fetch_refuses_redirect_to_internal_address(site, to: str) -> None:
    # Only the name redirector.test is opened; every hop is checked on its own.
    config = FetchConfig(
        allow_hosts=("redirector.test",),
        connect_to={"redirector.test": f"127.0.0.1:{site.port}"},
        min_delay=0,
    )
    target = to.format(port=site.port)
    with Fetcher(config) as fetcher:
        got = fetcher.fetch(f"http://redirector.test/_redirect?to={target}")
    assert got.error_kind in ("blocked", "scheme"), got.error
    assert got.redirects == (target,) and got.final_url == target
    assert got.status is None and got.body == b""
    assert not site.log(path="/_never")  # the refused hop never reached a server


def test_fetch_redirect_refusal_says_how_to_open(site) -> None:
    config = FetchConfig(
        allow_hosts=("redirector.test",),
        connect_to={"redirector.test": f"127.0.0.1:{site.port}"},
        min_delay=0,
    )
    with Fetcher(config) as fetcher:
        got = fetcher.fetch(
            f"http://redirector.test/_redirect?to=http://127.0.0.1:{site.port}/page.txt"
        )
    assert got.error == (
        f"refused http://127.0.0.1:{site.port}/page.txt: 127.0.0.1 is a loopback address; "
        f"pass --allow-host 127.0.0.1:{site.port} to allow it"
    )
