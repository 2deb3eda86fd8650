"""Where quotations are in a text: the speaker's words, not the outlet's.

Handles straight and curly double quotes (a straight one may close with a curly one, and
two apostrophes '' stand for a double quote, and two backticks `` open one, as in older
wire copy set ``like this''), curly single quotes used as quotation marks
(British style: ‘like this’, told apart from apostrophes), curly quotations nested in a
straight one (round 9: '"It isn’t about “fair play” any more."' is one quotation, not one
that ends after the title), quotations of several sentences,
and the news convention for a quotation that runs over paragraphs: each paragraph opens
with a quote mark and only the last one closes it, so an unclosed quotation ends with its
paragraph. A quotation never spans a paragraph break.
"""

from __future__ import annotations

import re

_LINE_RE = re.compile(r"[^\n]+")
_OPEN_DOUBLE = "\u201c"
_CLOSE_DOUBLE = "\u201d"
_OPEN_SINGLE = "\u2018"
_CLOSE_SINGLE = "\u2019"


def _line_regions(line: str, offset: int) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    inner = 0  # curly quotations nested in a straight one ('"... about “X” anymore."')
    # Two apostrophes stand for a double quote in some wire copy (''like this''), and two
    # backticks open one in older wire style (``like this''): read each pair as one straight
    # double quote, so the speech tag after them is outside the quotation (round 14: one
    # fresh page set every quotation so, and its plain sentences read as quoted).
    orig, line = line, line.replace("''", '" ').replace("``", '" ')
    for i, ch in enumerate(line):
        if open_at is None:
            if ch == '"' or ch == _OPEN_DOUBLE:
                open_at, closer = i, ('"' if ch == '"' else _CLOSE_DOUBLE)
            elif ch == _OPEN_SINGLE and (i == 0 or not line[i - 1].isalnum()):
                open_at, closer = i, _CLOSE_SINGLE
        elif closer == '"' and ch == _OPEN_DOUBLE and line[i + 1 : i + 2].isalnum():
            # a title or phrase quoted inside the quotation, not its end (an opening mark
            # before a space or a comma is a closing one typed the wrong way round)
            inner += 1
        elif closer == '"' and ch == _CLOSE_DOUBLE and inner:
            inner -= 1
        elif (
            ch == closer
            or (closer == _CLOSE_DOUBLE and ch == '"')
            # a straight opening quote closed by a curly one (copy edited in two tools)
            or (closer == '"' and ch == _CLOSE_DOUBLE)
            # ... or by an opening curly one typed the wrong way round ('"Odd,“ said X')
            or (closer == '"' and ch == _OPEN_DOUBLE)
            # ... as a curly quotation can be too ('“Odd,“ said X'): a mark after the words
            # and before a space or the line's end closes, where a true opening mark would
            # stand before a word
            or (
                closer == _CLOSE_DOUBLE
                and ch == _OPEN_DOUBLE
                and i > 0
                and not line[i - 1].isspace()
                and (i + 1 == len(line) or line[i + 1].isspace())
            )
        ):
            # a right single quote followed by a letter is an apostrophe (don’t, O’Neill)
            if ch == _CLOSE_SINGLE and i + 1 < len(line) and line[i + 1].isalpha():
                continue
            shut = i + 2 if orig[i : i + 2] == "''" else i + 1
            regions.append((offset + open_at, offset + shut))
            open_at, inner = None, 0
    if open_at is not None:
        end = len(orig.rstrip())
        if end - open_at > 1:
            regions.append((offset + open_at, offset + end))
    return regions


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges [start, end) of quotations, quote marks included, in order."""
    out: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(text):
        out.extend(_line_regions(m.group(0), m.start()))
    return out


def inside(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    """True when [start, end) lies wholly inside one of `regions`."""
    return any(rs <= start and end <= re_ for rs, re_ in regions)


def overlaps(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    """True when [start, end) shares at least one character with one of `regions`."""
    return any(rs < end and start < re_ for rs, re_ in regions)
