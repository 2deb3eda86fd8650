"""Where quotations are in a text: the speaker's words, not the outlet's."""

from __future__ import annotations

import re

# Straight and curly double quotes; a quotation never spans a paragraph break in news copy.
_QUOTE_RE = re.compile(r'"[^"\n]{1,2000}"|\u201c[^\u201d\n]{1,2000}\u201d')


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges [start, end) of quotations, quote marks included, in order."""
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]


def inside(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    """True when [start, end) lies wholly inside one of `regions`."""
    return any(rs <= start and end <= re_ for rs, re_ in regions)
