"""Numbers that are not figures: ages, names and codes with digits ('FTSE 100', 'A320'),
phone numbers, clock times, match scores, counts of things already introduced, and dates
that place an event in the past."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.words import (
    _CLOCK,
    _DAY_OF_NEWS,
    _MONTHS,
    _PHONE_OR_CODE,
    _SCORE,
    WordSetView,
)

# verbs and nouns whose number is dialled or quoted, not counted ('call 101', 'reference 55')
_DIAL_HEADS = WordSetView("dial_heads")


def _past_date(tok: Token) -> bool:
    """A date that places an event in the past beyond the day's news: a year ('in 1962',
    '2022'), a month or season, 'last spring', 'three years ago', 'the 1990s'."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or tok.i != ent.start:
        return False
    words = [t.lower_ for t in ent]
    if any(w in _DAY_OF_NEWS for w in words) or any(w in ("next", "coming") for w in words):
        return False
    prep = ent.root.head
    if ent.root.dep_ == "pobj" and prep.lower_ in ("until", "till", "to", "by", "for", "before"):
        return False  # "adjourned until March 3", "delayed to 2027": a date ahead, not an event
    if any(re.fullmatch(r"(1[89]|20)\d\ds?", w.replace("'", "")) for w in words):
        return True
    return any(w in _MONTHS or w in ("last", "ago", "previous") for w in words)


def _dialled(tok: Token) -> bool:
    """The number a verb dials ('call 101', 'call the depot on 555') or that follows a code
    noun ('reference 412',
    'extension 4402'); '412 calls' counts calls."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "on" and head.head.pos_ == "VERB":
        tok, head = head, head.head  # 'call the depot on 555'
        if head.lemma_.lower() in _DIAL_HEADS:
            return True
    if head.lemma_.lower() not in _DIAL_HEADS:
        return False
    if head.pos_ == "VERB":
        return tok.dep_ in ("dobj", "npadvmod")
    return tok.i > head.i and tok.dep_ in ("nummod", "appos", "npadvmod", "compound")


def _not_a_quantity(ent: SpacySpan) -> bool:
    """Numbers that count nothing: 'one of the people', 'one gang' (an article, not a
    figure), word numbers that are part of a source ('two officials said' is handled by
    the attribution), phone numbers and reference codes ('020 7946 0321'), and match
    scores ('a 4-0 defeat'): a result is the public outcome of an event, reported like a
    fixture, so it is not a figure that needs a source."""
    doc = ent.doc
    if _in_a_name(ent) or _citation_mark(ent):
        return True
    # a phone number the tokenizer cut into groups: "0800 555 0199"
    start, end = ent.start, ent.end
    while start > 0 and doc[start - 1].is_digit and doc[start - 1].whitespace_:
        start -= 1
    while end < len(doc) and doc[end].is_digit and doc[end - 1].whitespace_:
        end += 1
    text = doc[start:end].text.strip()
    if end - start > 1 and _PHONE_OR_CODE.match(text):
        return True
    if len(ent) == 1 and _dialled(ent[0]):
        return True  # 'call 101', 'ring 999', 'quoting reference 55': a number to dial or quote
    text = ent.text.strip()
    if text.lower() == "one":
        nxt = doc[ent.end].lower_ if ent.end < len(doc) else ""
        return nxt not in ("in", "out", "per", "percent", "%")
    if _PHONE_OR_CODE.match(text) or _SCORE.match(text) or _CLOCK.match(text):
        return True
    # a scoreline split into tokens: "4 - 0", "2-1"
    start, end = ent.start, ent.end
    if end + 1 < len(doc) and doc[end].text in "-\u2013" and doc[end].text:
        if _SCORE.match(f"{text}-{doc[end + 1].text}") and not doc[end].whitespace_:
            return True
    if start >= 2 and doc[start - 1].text in "-\u2013" and doc[start - 1].text:
        if _SCORE.match(f"{doc[start - 2].text}-{text}") and not doc[start - 2].whitespace_:
            return True
    # "case HC-2024-000417", "flight BA123": digits inside a code
    return any(
        t.text != ent.text and "-" in t.text and any(ch.isalpha() for ch in t.text) for t in ent
    )


_BRACKET_FILL = frozenset(", - \u2013 ; and".split())


def _citation_mark(ent: SpacySpan, reach: int = 8) -> bool:
    """'... a higher risk of overeating (12).', '(38, 39)', '[2]', '7-6 (5)': small whole
    numbers alone in brackets are reference marks or a tiebreak, not counts (rule
    "sourcing.check.citation_mark"). '(300 staff)', '(1.5%)' and '($20)' count something."""
    doc = ent.doc
    lo = ent.start
    while lo > 0 and ent.start - lo < reach:
        prev = doc[lo - 1]
        if prev.text in ("(", "["):
            break
        if not (prev.text.isdigit() or prev.lower_ in _BRACKET_FILL):
            return False
        lo -= 1
    else:
        return False
    if lo == 0 or doc[lo - 1].text not in ("(", "["):
        return False
    hi = ent.end
    while hi < len(doc) and hi - ent.end < reach:
        nxt = doc[hi]
        if nxt.text in (")", "]"):
            break
        if not (nxt.text.isdigit() or nxt.lower_ in _BRACKET_FILL):
            return False
        hi += 1
    else:
        return False
    if hi >= len(doc):
        return False
    inside = [t for t in doc[lo:hi] if t.lower_ not in _BRACKET_FILL]
    return all(t.text.isdigit() and len(t.text) <= 3 for t in inside)


# suffixes that make a number the name of a format ('4K', '1440p' when cut in two)
_FORMATS = frozenset(("K", "p"))
# a brand written in camel case ('iPhone', 'eBay', 'iPad', 'eVito'): one or two lower-case
# letters, then a capital; spaCy often tags these NOUN, and their first letter is lower-case
_CAMEL_BRAND = re.compile(r"[a-z]{1,2}[A-Z][A-Za-z]+")


def numbered_name(tok: Token) -> bool:
    """'No 10', 'No. 11': a capitalised 'No' before a number of one or two digits names an
    address or a rank (Downing Street, 'the world No 1'), not a count (round 20)."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.text in ("No", "No.") and tok.text.isdigit() and len(tok) <= 2


def _in_a_name(ent: SpacySpan) -> bool:
    """Names and codes with digits count nothing: 'FTSE 100', 'Formula 1', 'Apollo 10', '4K',
    'Boeing 737' (a number straight after a capitalised name), 'iPhone 11' (after a brand in
    camel case), 'A320', 'G20', 'Block 1B' (capitals and digits in one token, with no
    currency sign before it), '3M' (digits the tokenizer split from one capital, not
    followed by a noun: '3M users' counts users), 'No 10' and 'No. 1' (an address or a rank,
    round 20)."""
    doc = ent.doc
    if len(ent) != 1:
        return False
    tok = ent[0]
    text = tok.text
    prev = doc[tok.i - 1] if tok.i > 0 else None
    money = prev is not None and prev.text in "$£€¥"  # '$5B', '£3M': an amount
    if any(c.isdigit() for c in text) and any(c.isupper() for c in text):
        return not money
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if text.isdigit() and nxt is not None and not tok.whitespace_ and nxt.text in _FORMATS:
        return not money  # '4K', '8K': a picture format
    if (
        text.isdigit()
        and nxt is not None
        and not tok.whitespace_
        and len(nxt.text) == 1
        and nxt.text.isupper()
        and not money
    ):
        # '3M makes the tape', 'a 3M policy': a name; '3M users', '$5B': a quantity
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        return after is None or not (after.tag_ in ("NNS", "NNPS") or after.pos_ in ("ADJ", "NUM"))
    if not text.isdigit() or prev is None:
        return False
    if numbered_name(tok):
        return True  # 'No 10' (Downing Street), 'the world No 1': an address or a rank
    if _CAMEL_BRAND.fullmatch(prev.text) and prev.whitespace_ == " ":
        return True  # 'the iPhone 11', 'an iPad 10': a model name, even opening the sentence
    if prev.sent.start == prev.i:
        return False
    return (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.lower_ not in _MONTHS
        and prev.ent_type_ not in ("DATE", "TIME")
        and prev.whitespace_ == " "
    )


def _is_age(ent: SpacySpan) -> bool:
    """'Hargreaves, 58,': a number set off by commas right after a name is an age."""
    doc = ent.doc
    root = ent.root
    if (
        root.dep_ == "attr"
        and root.head.lemma_ == "be"
        and root.head.dep_ == "relcl"
        and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in root.head.children)
        and root.head.head.ent_type_ == "PERSON"
    ):
        return True  # "Edith Rowe, who was nine at the time,"
    return (
        len(ent) == 1
        and ent.start >= 2
        and doc[ent.start - 1].text == ","
        and doc[ent.start - 2].pos_ == "PROPN"
        and ent.end < len(doc)
        and doc[ent.end].text == ","
    )


def _known_set(ent: SpacySpan) -> bool:
    """'the two towns', 'the three men': a count of things already introduced."""
    head = ent.root.head
    return any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both") for c in head.children
    ) and all(not t.is_digit for t in ent)
