"""Scare quotes: quotation marks the outlet puts around a word to distance itself from it
('the "transitional" council'), told apart from quotations of someone's words.

A short quotation is someone's words, not the outlet's doubt, when
- a verb of saying, promising or charging, or a document, sits in its sentence ('promised a
  "firm response"', 'the statement called it "premature"');
- it sits inside a longer quotation (the speaker's own marks);
- it introduces or names a term ('known as "frunk"', '(the "green shoe" option)'), or it
  stands alone on its line (a headline quoting someone);
- it holds a word the lexicon flags ('called the plan a "shameful betrayal"'): an outlet
  distances itself from a neutral-sounding name ('the "transitional" council'), but a loaded
  word in quotation marks is someone's word put on record. Then the lexicon's span is kept
  and reported `in_quote` (the speaker's framing), not swallowed by a scare-quote span. On
  SemEval-2023 train (even half) such quotations overlapped a gold span in quotes 11 times
  in 21, against 29 in 379 for short quotations with no lexicon word.
Every scare quote is `mild` (worth a look, not shown by default): the single lower-case
words that were `strong` were right 0 of 12 times on SemEval-2023 train and 0 of 17 on
BASIL in the author's voice, and they were the largest strong source on AEB and PolNeAR.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from annotate.models import FramingSpan
from annotate.nlp import doc_text

# Verbs and nouns that make a short quotation reported speech: 'he called it a "disgrace"'.
SPEECH_LEMMAS = frozenset(
    """say tell call describe term dub brand label write tweet post quote add state announce
    declare warn chant shout title name headline read accord insist argue claim vow promise
    pledge urge reply respond ask accuse allege charge deny reject dismiss condemn denounce
    criticise criticize praise hail welcome refer mention suggest promise predict complain
    testify admit concede acknowledge boast brag joke quip note explain recall describe
    characterise characterize defend slam blast lambast lambaste decry deride mock ridicule
    insult scoff sneer rail lament tout echo""".split()
)
DOCUMENT_NOUNS = frozenset(
    """statement report letter document memo email website site description manifesto
    pledge promise motto slogan bill law act agreement policy order ruling judgment verdict
    filing complaint lawsuit tweet post message speech interview release notice
    advertisement ad campaign label headline guidance guideline rule rules""".split()
)
# Words just before a quotation that make it the name of a term, not a judgement of it.
NAMING_WORDS = frozenset(
    """as word term phrase slogan called dubbed named nicknamed known label labelled labeled
    or so-called""".split()
)

_SENTENCE_END = set(".?!")

# British copy puts scare quotes in single marks: the 'reforms'. An opening mark follows a
# space or bracket and a closing one is not followed by a letter, so the apostrophes in
# "Pakistan's" and "soldiers' lives" are not taken for quotation marks.
_SINGLE_QUOTED = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[]))(?:'([^'\n]{1,40}?)'|\u2018([^\u2019\n]{1,40}?)\u2019)(?![\w])"
)


_MARKS = "\"'`\u201c\u201d\u2018\u2019 \t"


def _single_quoted(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SINGLE_QUOTED.finditer(text):
        inner = m.group(1) or m.group(2) or ""
        if len(inner) >= 3 and inner[:1].isalpha() and inner[-1:].isalpha():
            out.append((m.start(), m.end()))
    return out


def scare_quotes(
    doc: Doc, quotes: list[tuple[int, int]], found: Sequence[FramingSpan] = ()
) -> list[FramingSpan]:
    """Quotation marks around a word or short phrase nobody is quoted as saying.

    `found` are the lexicon's spans: a short quotation holding one is someone's loaded word,
    so no scare quote is made and the span is marked `in_quote` (British single marks are
    not among `quotes`, so the span may not be marked yet)."""
    out = []
    text = doc_text(doc)
    regions = sorted({*quotes, *_single_quoted(text)})
    for qs, qe in regions:
        held = [s for s in found if s.entry is not None and qs <= s.start and s.end <= qe]
        if held:
            for s in held:
                s.in_quote = True
            continue
        # the marks may be two characters (``like this'', ''like this'')
        inner = text[qs:qe].strip(_MARKS)
        words = inner.split()
        if not 1 <= len(words) <= 3 or any(c in _SENTENCE_END for c in inner[-1:]):
            continue
        if any(ch.isdigit() for ch in inner) or not re.search(r"[A-Za-z]", inner):
            continue  # figures, and words of other scripts the rules cannot read
        # Title-case words in quotes are names of things (films, operations, slogans).
        if all(w[:1].isupper() for w in words):
            continue
        if any(a <= qs and qe <= b and (a, b) != (qs, qe) for a, b in regions):
            continue  # nested: the speaker's own quotation marks
        if _alone_on_line(text, qs, qe) or text[:qs].rstrip()[-1:] == "(":
            continue
        if text[qs] in "'\u2018" and _headline(text, qs):
            continue  # headlines quote in single marks: "Mayor stirs 'anger'"
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None or _is_reported_speech(doc, span):
            continue
        out.append(
            FramingSpan(
                start=qs,
                end=qe,
                text=text[qs:qe],
                category="doubt",
                entry=None,
                reason=(
                    "Scare quotes: the outlet puts this word in quotation marks without "
                    "quoting anyone, which signals that it doubts or mocks the term."
                ),
                in_quote=False,
                tier="mild",
            )
        )
    return out


def _so_called(doc: Doc, t) -> bool:
    return t.lower_ == "called" and t.i >= 2 and doc[t.i - 2].lower_ == "so"


def _headline(text: str, at: int) -> bool:
    """A short line that does not end like a sentence."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    return len(line.split()) <= 20 and line[-1:] not in '."\u201d'


def _alone_on_line(text: str, qs: int, qe: int) -> bool:
    start = text.rfind("\n", 0, qs) + 1
    end = text.find("\n", qe)
    end = len(text) if end < 0 else end
    return not text[start:qs].strip() and not text[qe:end].strip(" .,:;!?")


def _is_reported_speech(doc: Doc, span: Span) -> bool:
    sent = span.sent
    before = doc[sent.start : span.start]
    after = doc[span.end : min(sent.end, span.end + 3)]
    for t in (*before, *after):
        if _so_called(doc, t):
            continue  # 'so-called "plan"' doubles the doubt; it quotes nobody
        lemma = t.lemma_.lower()
        if lemma in SPEECH_LEMMAS or t.lower_ in SPEECH_LEMMAS:
            return True
        if t.pos_ == "NOUN" and lemma in DOCUMENT_NOUNS:
            return True
    # A quoted word used as a name: 'the word "jihad"', 'known as "the wall"'; but
    # 'so-called "plan"' doubles the doubt.
    return bool(before) and before[-1].lower_ in NAMING_WORDS and not _so_called(doc, before[-1])
