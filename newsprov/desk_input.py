"""What an editor hands the desk, checked before any work starts: pasted copy made into an
article (`pasted_article`: no URL, no fetch, extractor 'pasted'), and `CheckError`, the
one-line refusal of bad input (pasted copy here, a URL in `Desk.submit`).

Split from `newsprov.desk`, which re-exports these names.
"""

from __future__ import annotations

import hashlib
import re

from scraper.models import Extracted

# Pasted copy larger than this is refused (a long feature is ~10,000 words, 70,000 chars).
MAX_PASTE_CHARS = 500_000
PASTED = "pasted"  # articles.extractor of pasted copy; its URL is paste:<hash>
_DOMAINISH = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


class CheckError(ValueError):
    """Bad input to a check: a one-line message saying what was wrong and what to do."""


def pasted_url(text: str) -> str:
    """One key per pasted text: pasting it again updates the same article."""
    return "paste:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def outlet_key(outlet: str) -> tuple[str, str | None]:
    """(outlet_id, name) for a typed outlet: a domain is kept as it is, a name gets a key."""
    name = " ".join(outlet.split())
    low = name.lower().removeprefix("www.")
    if _DOMAINISH.match(low):
        return low, None
    return re.sub(r"[^a-z0-9]+", "-", low).strip("-") or "unknown", name or None


def clean_paste(text: str) -> str:
    """Browsers send CRLF from a textarea; offsets are kept against the cleaned text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text.strip()


# the evidence an opinion tier cites when the editor ticks "opinion piece" for pasted copy
MARKED_OPINION = "marked as opinion by the editor"


def pasted_article(
    text: str, title: str | None, outlet: str | None, opinion: bool = False
) -> Extracted:
    """Pasted copy as an article: no URL, no fetch, extractor 'pasted'. Pasted copy has no
    page to say it is opinion, so the editor says so (`opinion`)."""
    text = clean_paste(text)
    if not text:
        raise CheckError("the pasted copy is empty: paste the article's text, or give its URL")
    if len(text) > MAX_PASTE_CHARS:
        raise CheckError(
            f"the pasted copy is {len(text):,} characters, over the {MAX_PASTE_CHARS:,} limit: "
            "paste one article at a time"
        )
    title = " ".join((title or "").split())[:500] or text.split("\n", 1)[0][:120]
    outlet_id, outlet_name = outlet_key(outlet) if outlet and outlet.strip() else ("", None)
    return Extracted(
        url=pasted_url(text),
        canonical_url=None,
        outlet_domain=outlet_id,
        outlet_name=outlet_name,
        title=title,
        authors=[],
        published=None,
        language="en",
        text=text,
        word_count=len(text.split()),
        extractor=PASTED,
        opinion=MARKED_OPINION if opinion else None,
    )
