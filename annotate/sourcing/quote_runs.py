"""A quotation that runs over paragraphs and is tagged where it closes (round 19, rule
sourcing.quote.tagged_at_close).

News copy sets a long quotation over several paragraphs: each paragraph opens with a quote
mark, only the last one closes it, and the speaker's tag often comes there ('... by Friday,"
Varga said.'). The earlier paragraphs of such a run are the same speaker's words. Before
this rule they took the speaker of the paragraph before the quotation, whoever that was: on
a blind page of round 22 a government lawyer's three opening sentences were credited to the
unnamed officials of the sentence before the quotation opened. So a sentence inside a quotation that is
still open when its paragraph ends looks forward first, through the following paragraphs that
open with a quote mark, to the one where the quotation closes, and takes a speaker tagged
there."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

_CLOSERS = frozenset('"\u201d\u2019')
_OPENERS = frozenset('"\u201c\u2018')
# how many quoted paragraphs a run may hold before its closing tag (a long statement)
_MAX_RUN = 15


def quote_region(s: SpacySpan, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation that holds the whole sentence `s`, or None."""
    return next(((qs, qe) for qs, qe in quotes if qs <= s.start_char and s.end_char <= qe), None)


def _left_open(region: tuple[int, int], text: str) -> bool:
    """The quotation ends with its paragraph without a closing mark."""
    qs, qe = region
    return qe - qs > 1 and text[qe - 1] not in _CLOSERS and text[qe : qe + 1] in ("", "\n")


def closing_run(
    i: int, sents: list[SpacySpan], paras: list[int], quotes: list[tuple[int, int]]
) -> list[int]:
    """Indices of the sentences of the following paragraphs of sentence i's quotation, up to
    and including the paragraph where it closes; [] when i's quotation does not run on."""
    region = quote_region(sents[i], quotes)
    text = sents[i].doc.text
    if region is None or not _left_open(region, text):
        return []
    out: list[int] = []
    for _ in range(_MAX_RUN):
        # the sentences after i's paragraph, up to the end of the next one (paragraph
        # numbers never fall along the text)
        start = next((j for j in range(i + 1, len(sents)) if paras[j] > paras[i]), None)
        if start is None:
            return []
        nxt = [j for j in range(start, len(sents)) if paras[j] == paras[start]]
        first = sents[nxt[0]]
        opened = next((r for r in quotes if r[0] == first.start_char), None)
        if opened is None or text[first.start_char] not in _OPENERS:
            return []  # the next paragraph is not the quotation going on
        out += nxt
        if not _left_open(opened, text):
            return out  # the quotation closes here: its tag, if any, is in these sentences
        i = nxt[-1]
    return []
