"""Claims: the figures, entities, key predicate and a normalised statement of each sentence.

A claim is what the trace step compares across outlets, so figures are normalised to a
value and the thing counted ("685 security personnel" -> 685.0, unit "security personnel"),
and the statement drops the attribution ("investigations indicate") so that two outlets
giving the same fact with different sources still look alike.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from annotate.models import Claim, Figure, SentenceFlag
from annotate.nlp import doc_text, span_ents

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "lakh": 1e5, "crore": 1e7}  # fmt: skip
_FRACTIONS = {"half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
              "quarters": 1 / 4, "fourth": 1 / 4, "fourths": 1 / 4, "fifth": 1 / 5,
              "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10}  # fmt: skip
_WORDNUM = "|".join(sorted(_SMALL, key=len, reverse=True))
_APPROX = r"(?:nearly|almost|about|around|roughly|some|over|more than|less than|just over|just under|at least|up to)"

# Order matters: ratios and fractions are tried before bare numbers so that "four to one"
# is one figure (4.0, ratio), not the numbers 4 and 1.
_RATIO = re.compile(
    rf"\b(?:{_APPROX}\s+)?(?P<a>\d+(?:\.\d+)?|{_WORDNUM})\s*(?:to|-to-|:)\s*(?P<b>1|one)\b(?![.,]?\d)",
    re.I,
)
_ONE_IN = re.compile(
    rf"\b(?:{_APPROX}\s+)?(?P<a>one|1)\s+(?:in|out of)\s+(?P<b>\d+|{_WORDNUM})\b", re.I
)
_FRACTION = re.compile(
    rf"\b(?:{_APPROX}\s+)?(?P<n>a|an|one|two|three|four|nine)[\s-]+(?P<f>{'|'.join(_FRACTIONS)})\b",
    re.I,
)
_PERCENT = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b|percent\b)", re.I)
_NUMBER = re.compile(
    r"(?P<cur>[$£€₹]|\bRs\.?\s?|\bUSD\s?)?"
    r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w%]|[.,]\d)"
    rf"(?:\s*(?P<scale>{'|'.join(_SCALE)})\b)?",
    re.I,
)
_WORD_NUMBER = re.compile(
    rf"\b(?P<w>(?:{_WORDNUM})(?:[\s-]+(?:{_WORDNUM}))?)(?:\s+(?P<scale>{'|'.join(_SCALE)}))?\b",
    re.I,
)

# "$3 billion" and "3 billion dollars" must compare equal: symbols become currency words.
_CURRENCY = {
    "$": "dollars",
    "usd": "dollars",
    "£": "pounds",
    "€": "euros",
    "₹": "rupees",
    "rs": "rupees",
}

# Entity types that are names of things (kept as the claim's entities); numbers and dates
# are figures or context, not entities.
_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART",
                "PRODUCT"}  # fmt: skip
# When the root verb only reports ("investigations indicate that ..."), the claim's key
# predicate is the reported clause's verb.
_REPORTING = {"say", "indicate", "show", "reveal", "disclose", "report", "state", "claim",
              "tell", "find", "suggest", "add", "note", "conclude", "estimate", "confirm",
              "believe", "allege", "announce", "record", "document"}  # fmt: skip
_TIME_NOUNS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour",
               "hours", "decade", "decades", "minute", "minutes", "time", "times"}  # fmt: skip


def extract_claims(doc: Doc, sents: list[Span], flags: list[SentenceFlag]) -> list[Claim]:
    """One Claim per sentence that carries a figure or a sourcing label (something to trace)."""
    claims = []
    for i, sent in enumerate(sents):
        flag = flags[i] if i < len(flags) else None
        figures = extract_figures(doc, sent)
        if not figures and (flag is None or flag.sourcing is None):
            continue
        skip = _attribution_chars(flag)
        claims.append(
            Claim(
                sentence_index=i,
                start=sent.start_char,
                end=sent.end_char,
                statement=_statement(sent, skip),
                figures=figures,
                entities=_entities(sent),
                predicate=_predicate(sent),
            )
        )
    return claims


def extract_figures(doc: Doc, sent: Span) -> list[Figure]:
    """Figures in the sentence, left to right, with offsets into the document text."""
    text, base = sent.text, sent.start_char
    taken: list[tuple[int, int]] = []
    found: list[Figure] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(a: int, b: int, value: float | None, unit: str | None) -> None:
        taken.append((a, b))
        found.append(Figure(text[a:b], base + a, base + b, value, unit))

    for m in _RATIO.finditer(text):
        if free(*m.span()):
            add(*m.span(), _word_value(m.group("a")), "ratio")
    for m in _ONE_IN.finditer(text):
        if free(*m.span()) and (n := _word_value(m.group("b"))):
            add(*m.span(), round(1 / n, 4), "fraction")
    for m in _FRACTION.finditer(text):
        if free(*m.span()):
            n = 1 if m.group("n").lower() in ("a", "an") else _word_value(m.group("n")) or 1
            add(*m.span(), round(n * _FRACTIONS[m.group("f").lower()], 4), "fraction")
    for m in _PERCENT.finditer(text):
        if free(*m.span()):
            add(*m.span(), float(m.group("n")), "%")
    for m in _NUMBER.finditer(text):
        a, b = m.span()
        if not free(a, b):
            continue
        value = float(m.group("n").replace(",", ""))
        if m.group("scale"):
            value *= _SCALE[m.group("scale").lower()]
        if m.group("cur"):
            add(a, b, value, _CURRENCY.get(m.group("cur").strip().lower().rstrip("."), "money"))
            continue
        tok = _token_at(doc, base + m.start("n"), base + m.end("n"))
        if tok is not None and _is_date(tok, m.group("n"), value):
            continue
        add(a, b, value, _counted_noun(tok) or _noun_after(doc, base + m.end()) or _total_of(tok))
    for m in _WORD_NUMBER.finditer(text):
        a, b = m.span()
        tok = _token_at(doc, base + a, base + b)
        # Word numbers count only when they count something ("two hundred soldiers"), so
        # "one of the" or "the last ten years" are not figures.
        unit = _counted_noun(tok)
        if not free(a, b) or unit is None or tok is None or tok.ent_type_ in ("DATE", "TIME"):
            continue
        value = _word_value(m.group("w"))
        if value is None:
            continue
        if m.group("scale"):
            value *= _SCALE[m.group("scale").lower()]
        add(a, b, value, unit)
    found.sort(key=lambda f: f.start)
    return found


def _word_value(word: str) -> float | None:
    """'685' -> 685.0, 'four' -> 4.0, 'twenty-five' -> 25.0."""
    w = word.strip().lower().replace(",", "")
    try:
        return float(w)
    except ValueError:
        pass
    parts = re.split(r"[\s-]+", w)
    if parts and all(p in _SMALL for p in parts):
        return float(sum(_SMALL[p] for p in parts))
    return None


def _token_at(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    # The last token of a number phrase ("1.2 million") is the one attached to the noun.
    return span[-1]


def _is_date(tok: Token, raw: str, value: float) -> bool:
    if tok.ent_type_ in ("DATE", "TIME", "ORDINAL") and "," not in raw:
        return True
    # Years that the model misses: four digits, no comma, not counting anything.
    return "," not in raw and "." not in raw and 1900 <= value <= 2100 and tok.dep_ != "nummod"


def _counted_noun(tok: Token | None) -> str | None:
    """The noun a number counts, with its compounds: '685 Pakistani security personnel' ->
    'security personnel'. Adjectives are left out: they vary between outlets."""
    if tok is None:
        return None
    # "two hundred soldiers": walk up number-to-number links to the number phrase's head.
    while tok.dep_ in ("compound", "quantmod") and tok.head.like_num and tok.head.i != tok.i:
        tok = tok.head
    # Proper nouns are not counted things ("two Manchester families" counts families).
    if tok.dep_ != "nummod" or tok.head.pos_ != "NOUN":
        return None
    noun = tok.head
    if noun.lower_ in _TIME_NOUNS:
        return None
    return _noun_phrase(noun)


def _noun_after(doc: Doc, end: int) -> str | None:
    """Fallback when the parser glued the number to a neighbour ("one—909 terror attacks"):
    the run of nouns written right after it."""
    span = doc.char_span(end, min(end + 60, len(doc_text(doc))), alignment_mode="contract")
    if span is None or not len(span) or span[0].idx - end > 1:
        return None
    run = []
    for t in span[:3]:
        if t.pos_ != "NOUN":
            break
        run.append(t)
        if t.dep_ != "compound":
            break
    if not run or run[-1].lower_ in _TIME_NOUNS:
        return None
    return " ".join(t.lower_ for t in run)


def _total_of(tok: Token | None) -> str | None:
    """'The overall casualties ... reached a total of 4,813': the subject is what is counted."""
    if tok is None or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    holder = tok.head.head
    if holder.lower_ not in ("total", "number", "toll", "count", "tally", "figure"):
        return None
    verb = holder.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN":
            return _noun_phrase(child)
    return None


def _noun_phrase(noun: Token) -> str:
    parts = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and not c.like_num]
    return " ".join(t.lower_ for t in [*parts, noun])


def _entities(sent: Span) -> list[str]:
    seen: dict[str, None] = {}
    for ent in span_ents(sent):
        if ent.label_ in _NAME_LABELS:
            name = re.sub(r"^(the|a|an)\s+", "", ent.text.strip(), flags=re.I)
            if name.count("(") > name.count(")"):  # "Centre for Conflict Studies (ICCS"
                name = name[: name.rindex("(")].strip()
            seen.setdefault(name, None)
    return list(seen)


def _predicate(sent: Span) -> str | None:
    root = sent.root
    if root.lemma_.lower() in _REPORTING:
        for child in root.children:
            if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
                return child.lemma_.lower()
    return root.lemma_.lower() if root.pos_ in ("VERB", "AUX", "NOUN") else None


def _attribution_chars(flag: SentenceFlag | None) -> list[tuple[int, int]]:
    if flag is None:
        return []
    return [(s.start, s.end) for s in (flag.source, flag.cue) if s is not None]


def _statement(sent: Span, skip: list[tuple[int, int]]) -> str:
    """Lemmas without stop words, punctuation or the attribution: what is claimed."""
    words = []
    for t in sent:
        if t.is_stop or t.is_punct or t.is_space:
            continue
        if any(a <= t.idx < b for a, b in skip):
            continue
        words.append(t.text.replace(",", "") if t.like_num else t.lemma_.lower())
    return " ".join(words)
