"""Who may talk to `newsprov serve`, and how (an ASGI wrapper around Datasette).

- Host: a web page the user visits can point its own name at 127.0.0.1 (DNS rebinding)
  and read the database through the user's browser. The browser still sends the page's
  name as Host, so only the bound address, localhost and names given with
  `--host-name` are answered.
- Debug pages (`/-/allow-debug`, `/-/permissions`...) answer only with `--debug`.
- A canned query is read-only: any method but GET/HEAD/OPTIONS is a 405, not a 500.

Options come from the plugin config `newsprov-serve` that `make_datasette` writes.
"""

from __future__ import annotations

import re
from typing import Any

from scraper.guard import one_line

CONFIG_KEY = "newsprov-serve"
LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
DEBUG_PAGES = re.compile(r"^/-/(allow-debug|permissions|messages|patterns|threads)(\.json)?/?$")
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def host_name(header: str) -> str:
    """The name part of a Host header: no port, no brackets, lower case."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    return header.rpartition(":")[0] if header.count(":") == 1 else header


def allowed_hosts(bind: str | None, extra: list[str] | tuple[str, ...] = ()) -> list[str]:
    names = set(LOCAL_NAMES) | {host_name(h) for h in extra if h.strip()}
    if bind and bind not in ("0.0.0.0", "::", ""):  # noqa: S104 - compared, not bound
        names.add(host_name(bind) if ":" not in bind or bind.startswith("[") else bind.lower())
    return sorted(names)


def _canned_path(path: str, canned: set[str]) -> bool:
    parts = path.strip("/").split("/")
    return len(parts) == 2 and parts[1].split(".", 1)[0] in canned


async def _refuse(send: Any, status: int, message: str, extra: list | None = None) -> None:
    body = (message + "\n").encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), *(extra or [])]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def request_guard(datasette: Any, canned: set[str]) -> Any:
    def wrap(app: Any) -> Any:
        async def wrapped(scope: dict, receive: Any, send: Any) -> None:
            if scope.get("type") != "http":
                await app(scope, receive, send)
                return
            opts = datasette.plugin_config(CONFIG_KEY) or {}
            hosts = set(opts.get("hosts") or LOCAL_NAMES)
            raw = dict(scope.get("headers") or []).get(b"host")
            if raw is not None:
                name = host_name(raw.decode("latin-1"))
                if name not in hosts:
                    await _refuse(
                        send,
                        403,
                        f"refused: this newsprov server answers to {', '.join(sorted(hosts))}, "
                        f"not {one_line(name, 80)!r}; if that name is really yours, restart "
                        "with `newsprov serve --host-name NAME`",
                    )
                    return
            path = scope.get("path", "")
            if DEBUG_PAGES.match(path) and not opts.get("debug"):
                await _refuse(send, 404, "debug pages are off; start `newsprov serve --debug`")
                return
            if scope.get("method", "GET") not in READ_METHODS and _canned_path(path, canned):
                await _refuse(
                    send,
                    405,
                    "the canned queries are read-only: use GET",
                    [(b"allow", b"GET, HEAD, OPTIONS")],
                )
                return
            await app(scope, receive, send)

        return wrapped

    return wrap
