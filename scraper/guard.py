"""Address guard: decides whether a URL may be fetched and which address to connect to.

The fetcher takes URLs from users and from scraped pages, so a page can try to make us
request an internal service (a router, a cloud metadata endpoint, a local admin page).
The guard refuses anything that is not a plain http(s) URL on a globally routable
unicast address, unless the user opened that host with an allow-list entry. It resolves
the name once and returns the address it checked, so the fetcher connects exactly there
(a second DNS answer could differ: DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import idna

MAX_URL_LENGTH = 2048
DEFAULT_PORTS = {"http": 80, "https": 443}

# Cloud metadata endpoints: refused even if they were ever to look routable.
METADATA_NAMES = frozenset({"metadata.google.internal", "metadata.goog"})
METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_SHARED_V4 = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215, for local use only
_TEREDO = ipaddress.ip_network("2001::/32")
_V4_COMPAT = ipaddress.ip_network("::/96")
_LABEL = r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?"
_ASCII_HOST = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")


class AddressRefused(ValueError):
    """The guard will not fetch this URL. `str(exc)` is one line: what, why, what to do.

    `kind` is "scheme" for URLs that are not http(s), else "blocked".
    """

    def __init__(self, message: str, kind: str = "blocked") -> None:
        super().__init__(message)
        self.kind = kind


class HostNotFound(OSError):
    """The host name did not resolve (a network problem, not a refusal)."""


@dataclass(frozen=True)
class Target:
    """Where to send a checked request."""

    url: str
    scheme: str  # "http" or "https"
    host: str  # IDNA (ASCII) host name or IP literal, no brackets; also the TLS SNI name
    port: int  # the URL's port (explicit or the scheme's default)
    ip: str  # the checked address to connect to
    connect_port: int  # port to connect to (differs from `port` under connect_to)
    host_header: str  # value for the Host header: the URL's host[:port]


# What a terminal or log viewer would act on rather than show: C0 controls (ESC starts
# ANSI/OSC sequences: colours, window titles, hyperlinks, cursor moves), DEL, C1 controls
# (U+009B is a one-character CSI), and the bidirectional overrides that reorder a line.
_TERMINAL_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_LINE_BREAKS = re.compile("[\t\n\r\u2028\u2029\x85]")


def for_terminal(text: object) -> str:
    """Scraped text or request data made safe to print on one line: line breaks become
    spaces and every other control character is shown as \\xNN, never sent raw."""
    text = _LINE_BREAKS.sub(" ", str(text))
    return _TERMINAL_CONTROLS.sub(_escape, text)


def json_for_terminal(dumped: str) -> str:
    """JSON text (json.dumps with ensure_ascii=False) with the controls JSON leaves raw
    (C1, DEL, bidi overrides) written as \\uXXXX escapes: the same JSON value, safe to print."""
    return _TERMINAL_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def one_line(text: str, limit: int = 160) -> str:
    """Make untrusted text (URLs, exception messages) safe for a one-line message."""
    text = re.sub(r"\s+", " ", text).strip()
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# user:password@ in the authority part, found without parsing: a URL that does not parse
# is exactly the one whose password would otherwise be printed raw.
_USERINFO = re.compile(r"^(\s*[^:/?#\s]*:?//)[^/?#]*@")
_ANY_USERINFO = re.compile(r"[^/@\s]*@")


def redact_url(url: str) -> str:
    """The URL with any user:password@ replaced by ***@, for storing and printing.

    Redacts before parsing, because parsing can fail. A URL that does not parse is never
    returned as typed: every "...@" in it is masked too."""
    if "@" not in url:
        return url
    safe = _USERINFO.sub(r"\1***@", url, count=1)
    try:
        urlsplit(safe.strip()).port  # noqa: B018 - .port validates the authority
    except ValueError:
        return _ANY_USERINFO.sub("***@", safe)
    return safe


def _split_hostport(entry: str) -> tuple[str, int | None]:
    """Parse "host", "host:port", "[v6]:port" or a bare IPv6 literal."""
    entry = entry.strip()
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    elif entry.count(":") > 1:
        host, port = entry, ""
    else:
        host, _, port = entry.partition(":")
    if port and (not port.isascii() or not port.isdigit() or not 0 < int(port) < 65536):
        raise ValueError(
            f"bad port in {one_line(entry, 80)!r}: write HOST or HOST:PORT, PORT from 1 to 65535"
        )
    return _normal_host(host), int(port) if port else None


def _normal_host(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return host


def _why_not_global(ip: IPAddress) -> str | None:
    """The reason an address is not global unicast, or None when it is fine."""
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata endpoint"
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 hidden inside IPv6 forms: Python calls some of these global even when
        # they carry 127.0.0.1, so unwrap them first.
        if ip.ipv4_mapped is not None:
            return f"an IPv4-mapped IPv6 address (of {ip.ipv4_mapped})"
        if ip in _V4_COMPAT and not (ip.is_loopback or ip.is_unspecified):
            return "an IPv4-compatible IPv6 address"
        if ip in _TEREDO:
            return "a Teredo tunnel address"
        if ip in _NAT64_LOCAL:
            return "a local-use NAT64 address"
        if ip in _NAT64:
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
            why = _why_not_global(inner)
            return f"a NAT64 address embedding {inner}, {why}" if why else None
        if ip.sixtofour is not None:
            why = _why_not_global(ip.sixtofour)
            return f"a 6to4 address embedding {ip.sixtofour}, {why}" if why else None
        if ip.is_site_local:
            return "a site-local address"
    checks = (
        (ip.is_loopback, "a loopback address"),
        (ip.is_unspecified, "the unspecified address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED_V4, "a shared (CGNAT) address"),
        (ip.is_reserved, "a reserved address"),
        (ip.is_private, "a private address"),
        (not ip.is_global, "not a globally routable address"),
    )
    for bad, why in checks:
        if bad:
            return why
    return None


class AddressGuard:
    """Checks URLs before any connection is made.

    `allow_hosts`: entries "host" or "host:port" (IPv6 as "[::1]:8000"); an entry opens a
    URL whose host name matches it, or whose connected address matches it.
    `connect_to`: like curl --connect-to, maps "host", "host:port" or "*.suffix" to
    "ip:port" (or "ip"); the request goes there with the original Host header, and the
    address actually connected to is the one checked.
    """

    def __init__(
        self,
        allow_hosts: tuple[str, ...] | list[str] = (),
        connect_to: dict[str, str] | None = None,
        resolver: Callable[[str, int], list[str]] | None = None,
    ) -> None:
        # `resolver(host, port) -> addresses` stands in for DNS (tests of rebinding use it).
        self._resolver = resolver
        self._allow = [_split_hostport(e) for e in allow_hosts if e.strip()]
        self._connect_to: list[tuple[str, int | None, str, int | None]] = []
        for pattern, dest in (connect_to or {}).items():
            phost, pport = _split_hostport(pattern)
            dhost, dport = _split_hostport(dest)
            self._connect_to.append((phost, pport, dhost, dport))

    def _allowed(self, host: str, port: int) -> bool:
        return any(h == host and (p is None or p == port) for h, p in self._allow)

    def _route(self, host: str, port: int) -> tuple[str, int]:
        """Where to connect for host:port, after connect_to (most specific rule wins)."""
        best: tuple[int, str, int] | None = None
        for phost, pport, dhost, dport in self._connect_to:
            if pport is not None and pport != port:
                continue
            if phost.startswith("*."):
                hit = host.endswith(phost[1:])
                rank = 1
            else:
                hit = host == phost
                rank = 3
            if hit:
                rank += 1 if pport is not None else 0
                if best is None or rank > best[0]:
                    best = (rank, dhost, dport if dport is not None else port)
        return (best[1], best[2]) if best else (host, port)

    def check(self, url: str) -> Target:
        """Return where to connect for `url`, or raise AddressRefused / HostNotFound."""
        shown = one_line(redact_url(url), 100)
        if len(url) > MAX_URL_LENGTH:
            raise AddressRefused(
                f"refused {shown}: the URL is {len(url)} characters, over the "
                f"{MAX_URL_LENGTH} limit; shorten it"
            )
        try:
            parts = urlsplit(url.strip())
            port_given = parts.port
        except ValueError as exc:
            raise AddressRefused(
                f"refused {shown}: not a valid URL ({one_line(str(exc))})"
            ) from None
        scheme = parts.scheme.lower()
        if scheme not in DEFAULT_PORTS:
            what = f"{scheme}: URLs" if scheme else "URLs without a scheme"
            raise AddressRefused(
                f"refused {shown}: {what} are not fetched; give an http:// or https:// URL",
                kind="scheme",
            )
        if parts.username is not None or parts.password is not None or "@" in parts.netloc:
            raise AddressRefused(
                f"refused {shown}: the URL carries credentials (user:pass@); remove them"
            )
        raw_host = parts.hostname or ""
        if not raw_host:
            raise AddressRefused(f"refused {shown}: the URL has no host; give a full URL")
        host = self._ascii_host(raw_host, shown)
        port = port_given or DEFAULT_PORTS[scheme]
        default = port_given is None or port_given == DEFAULT_PORTS[scheme]
        host_in_header = f"[{host}]" if ":" in host else host
        host_header = host_in_header if default else f"{host_in_header}:{port}"
        host_open = self._allowed(host, port)

        if host in METADATA_NAMES and not host_open:
            raise AddressRefused(
                f"refused {shown}: {host} is a cloud metadata endpoint; "
                f"pass --allow-host {host} to allow it"
            )
        conn_host, conn_port = self._route(host, port)
        addresses = self._resolve(conn_host, conn_port, shown)
        for ip in addresses:
            if host_open or self._allowed(str(ip), conn_port):
                continue
            why = _why_not_global(ip)
            if why:
                raise AddressRefused(
                    f"refused {shown}: {self._where(host, port, conn_host, conn_port, ip)} "
                    f"is {why}; pass --allow-host {self._opener(host, port, conn_host, conn_port, ip)} "
                    "to allow it"
                )
        return Target(
            url=url,
            scheme=scheme,
            host=host,
            port=port,
            ip=str(addresses[0]),
            connect_port=conn_port,
            host_header=host_header,
        )

    @staticmethod
    def _where(host: str, port: int, conn_host: str, conn_port: int, ip: IPAddress) -> str:
        if str(ip) == host:
            return host
        if (conn_host, conn_port) != (host, port):
            return f"{host} connects to {ip}, which"
        return f"{host} resolves to {ip}, which"

    @staticmethod
    def _opener(host: str, port: int, conn_host: str, conn_port: int, ip: IPAddress) -> str:
        """The allow-list entry that would open this: the name, unless we connect elsewhere."""
        if str(ip) == host or (conn_host, conn_port) != (host, port):
            return f"[{ip}]:{conn_port}" if ip.version == 6 else f"{ip}:{conn_port}"
        return f"{host}:{port}"

    @staticmethod
    def _ascii_host(raw: str, shown: str) -> str:
        host = raw.lower().rstrip(".")
        try:
            return str(ipaddress.ip_address(host))
        except ValueError:
            pass
        if len(host) <= 253 and _ASCII_HOST.match(host):
            return host  # plain ASCII names (underscores included) need no IDNA
        try:
            return idna.encode(host, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError) as exc:
            raise AddressRefused(
                f"refused {shown}: the host name is not valid ({one_line(str(exc), 80)}); "
                "check the URL"
            ) from None

    def _resolve(self, host: str, port: int, shown: str) -> list[IPAddress]:
        try:
            return [ipaddress.ip_address(host)]
        except ValueError:
            pass
        try:
            if self._resolver is not None:
                answers = self._resolver(host, port)
            else:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
                answers = [str(info[4][0]) for info in infos]
        except (socket.gaierror, UnicodeError, OSError) as exc:
            raise HostNotFound(
                f"could not resolve {host} for {shown} ({one_line(str(exc), 80)}); "
                "check the host name and your network"
            ) from None
        seen: list[IPAddress] = []
        for answer in answers:
            ip = ipaddress.ip_address(answer.split("%", 1)[0])
            if ip not in seen:
                seen.append(ip)
        if not seen:
            raise HostNotFound(f"could not resolve {host} for {shown}; check the host name")
        return seen
