"""Sentence boundaries: spaCy's parser boundaries, corrected for news copy.

The parser alone gets three things wrong often enough to matter for sourcing:
- it runs headlines, list items and paragraphs together when there is no full stop
  ("Synopsis\\n\\nAs India ..."), so every line break ends a sentence here;
- it splits after abbreviations ("Lt. Gen. Mark Reyes", "the U.S. Army"), before a
  closing quote mark, and after a quotation that ends in "?" or "!" ('"Is this fair?" she
  asked.'), each of which would cut a speaker away from the words attributed to them;
- it splits datelines ("New Delhi, Feb 26 (NationPress)") off the first sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Titles and abbreviations that are followed by a name, never by a new sentence.
TITLE_ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof lt gen col maj capt cmdr adm sgt cpl gov sen rep rev st mt ft no vs "
    "jr sr hon pres supt insp det brig fr messrs".split()
)
_TERMINAL = frozenset('.!?"\u201d\u2019\u2026;:')
_BULLETS = frozenset("\u2022\u25aa\u25cf\u2023\u2043\u00b7*-\u2013\u2014>")
_CLOSERS = frozenset("\"\u201d\u2019')]")
_QUOTE_CLOSERS = frozenset('"\u201d\u2019')
_QUOTE_END_PUNCT = frozenset("?!.,\u2026")


def _is_newline(tok: Token) -> bool:
    return tok.is_space and "\n" in tok.text


def _segments(doc: Doc) -> list[tuple[int, int]]:
    """Parser sentences, further cut at every line break, as (start, end) token ranges."""
    bounds: list[tuple[int, int]] = []
    sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        start = sent.start
        for tok in sent:
            if _is_newline(tok):
                bounds.append((start, tok.i))
                start = tok.i + 1
        bounds.append((start, sent.end))
    return bounds


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace and a leading list bullet."""
    while start < end and (doc[start].is_space or doc[start].text in _BULLETS):
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


def _same_line(doc: Doc, end: int, next_start: int) -> bool:
    return not any(_is_newline(doc[i]) for i in range(end, next_start))


def _should_merge(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether segment `b` continues segment `a` (both trimmed, `b` right after `a`)."""
    if not _same_line(doc, a[1], b[0]):
        return False
    last, first = doc[a[1] - 1], doc[b[0]]
    if all(doc[i].text in _CLOSERS or doc[i].is_punct for i in range(*b)):
        return True  # a stray closing quote mark belongs to the sentence it closes
    if (
        last.text in _QUOTE_CLOSERS
        and a[1] - a[0] > 1
        and doc[a[1] - 2].text in _QUOTE_END_PUNCT
        and first.is_lower
        and first.is_alpha
    ):
        # '"Is this fair?" she asked.': the speaker after the quotation is part of it
        return True
    word = last.text.rstrip(".").lower()
    if last.text.endswith(".") or (a[1] - a[0] > 1 and doc[a[1] - 1].text == "."):
        prev = word if last.text != "." else doc[a[1] - 2].text.lower()
        if prev in TITLE_ABBREVIATIONS:
            return True
        # "the U.S. Army": an initialism followed by a proper name, not a new sentence
        if "." in prev and len(prev) <= 6 and first.tag_ in ("NNP", "NNPS") and first.is_title:
            return True
    # a dateline or a fragment with no closing punctuation runs on into its sentence
    return last.text[-1] not in _TERMINAL and not last.is_space


def split_sentences(doc: Doc) -> list[Span]:
    """Sentences that contain at least one non-space token, in order."""
    segs = [_trim(doc, s, e) for s, e in _segments(doc)]
    segs = [s for s in segs if s[1] > s[0]]
    merged: list[tuple[int, int]] = []
    for seg in segs:
        if merged and _should_merge(doc, merged[-1], seg):
            merged[-1] = (merged[-1][0], seg[1])
        else:
            merged.append(seg)
    return [doc[s:e] for s, e in merged]
