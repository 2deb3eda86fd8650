"""Security headers on every response (an ASGI wrapper around Datasette)."""

from __future__ import annotations

from typing import Any

# Datasette's own pages use inline scripts, so the general policy allows them; the reader
# page shows scraped text and needs no script of its own, so it gets a policy that allows
# none inline: a second line of defence behind escaping, never a replacement for it.
_BASE = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
CSP_DEFAULT = _BASE + "; script-src 'self' 'unsafe-inline'"
# Vega compiles chart expressions with the Function constructor.
CSP_DASHBOARDS = _BASE + "; script-src 'self' 'unsafe-inline' 'unsafe-eval'"
CSP_READER = _BASE + "; script-src 'self'"

STATIC_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def policy_for(path: str) -> str:
    if path.startswith("/-/article/"):
        return CSP_READER
    if path.startswith("/-/dashboards"):
        return CSP_DASHBOARDS
    return CSP_DEFAULT


def security_headers(app: Any) -> Any:
    async def wrapped(scope: dict, receive: Any, send: Any) -> None:
        if scope.get("type") != "http":
            await app(scope, receive, send)
            return
        csp = policy_for(scope.get("path", "")).encode()

        async def send_with_headers(message: dict) -> None:
            if message.get("type") == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in {h for h, _ in STATIC_HEADERS}
                    and k.lower() != b"content-security-policy"
                ]
                headers += STATIC_HEADERS
                headers.append((b"content-security-policy", csp))
                message = {**message, "headers": headers}
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped
