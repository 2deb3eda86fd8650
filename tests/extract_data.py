"""Shared data for the extraction tests (test_extract*.py): where the bundled sample web
and the unit fixtures are, the page furniture no article text may contain, and each
sample page extracted once from its bytes exactly as served.
"""

from __future__ import annotations

import json
from pathlib import Path

from scraper.extract import extract_article
from scraper.models import Extracted

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "newsprov" / "sample"
BAD = REPO / "tests" / "fixtures" / "site" / "_default" / "bad"
UNIT = REPO / "tests" / "fixtures" / "extract"
MANIFEST = json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))
URL = {page["role"]: page["url"] for page in MANIFEST}

SEED_URL = URL["seed"]

# Page furniture present on every sample page that no article text may contain.
CHROME = (
    "Click to start listening",
    "We use cookies",
    "Accept all",
    "Sign in",
    "E-Paper",
    "Trending",
    "Share this article",
    "Share on X",
    "Copy link",
    "Advertisement",
    "Most read",
    "Get the morning briefing",
    "Sign up",
    "All rights reserved",
    "Privacy policy",
    "Comments are closed",
    "Tags:",
    "Also Read",
)


def sample_body(url: str) -> bytes:
    return (SAMPLE / url.split("://", 1)[1]).read_bytes()


_cache: dict[str, Extracted] = {}


def extracted(role: str) -> Extracted:
    if role not in _cache:
        _cache[role] = extract_article(sample_body(URL[role]), URL[role], "text/html")
    return _cache[role]


def links_by_href(art: Extracted) -> dict:
    return {link.href: link for link in art.links}
