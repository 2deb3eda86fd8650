"""The one guarded, polite HTTP client: every network request in the project goes through it."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_USER_AGENT = (
    "newsprov/0.1 (+https://github.com/news-provenance/newsprov; news provenance research)"
)


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0  # total seconds per request, connect to last byte
    max_bytes: int = 10_000_000
    min_delay: float = 1.0  # seconds between requests to one host
    max_redirects: int = 5
    max_retries: int = 2
    backoff_base: float = 1.0
    max_wait: float = 60.0  # longest Retry-After we are willing to sleep
    allow_hosts: tuple[str, ...] = ()
    connect_to: dict[str, str] = field(default_factory=dict)
    obey_robots: bool = True
