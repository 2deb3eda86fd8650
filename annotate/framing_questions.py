"""Rhetorical questions: a long question the outlet asks in its own voice, which casts doubt
or argues ("Why did the council wait three years to read a report that sat on the mayor's
desk since the spring?") instead of reporting.

A question is flagged (category `doubt`, tier `mild`, id `framing.doubt.rhetorical_question`)
when
- it ends the sentence with "?" in the author's voice (not inside a quotation, no quotation
  mark left open in it, not a transcript line such as "SMITH: ..." or "Q: ...");
- it runs to at least MIN_WORDS words on its line: short questions are mostly headings,
  readers' polls, quiz and advice copy ("What happens next?", "Should the law change?"),
  and on SemEval-2023 train questions under 20 words touched a gold span 1 time in 6;
- it is not addressed to "you" nor asked by "I" (interviews, readers' letters, blog calls to
  the reader), not posed as the story's open question ("the dilemma for members: ...?"),
  and the line before it is not a readers' poll;
- no strong lexicon span already sits inside it: the loaded word is shown on its own then
  (a mild one goes under the question).

Counter-example (not flagged): "What happens to the tenants now?" (short), and a question
someone asked, '"Why did the council wait three years?" a tenant asked.' (a quotation).

Measured on SemEval-2023 train (author's voice, any-overlap): on the half the rule was read
on, 32 of 56 touch a gold span; on the other, 21 of 51 (most of the rest read as rhetorical
questions the annotators left unmarked). On straight news they are rare: none on the AEB
hard-news pages, 0.06 per 1,000 words on all AEB pages (opinion and blog copy). Disabling
the id switches the rule off.

Round 19: mild, not strong. On the real pages editors read blind in rounds 14-23, the rule
starred seven questions and an editor would have changed none of them (an essay's question
to itself, a columnist's set-up, a newsletter's teaser): a question in the writer's voice is
how features and columns move on, and on real pages it is not what an editor cuts. It stays
listed, one click away, and a loaded word inside it is still shown on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from annotate.models import FramingSpan
from annotate.nlp import doc_text
from annotate.quotes import inside

QUESTION_ID = "framing.doubt.rhetorical_question"
MIN_WORDS = 20

# "SMITH: ...", "Q: ...", "Influential Roman: ..." open a transcript or interview line.
_SPEAKER = re.compile(r"^\s*[A-Z][A-Za-z.' ]{0,30}:\s")
# A readers' poll on the line before: the question is the poll's, not the article's.
_POLL = re.compile(r"\b(poll|vote|survey)\b", re.IGNORECASE)
# A question addressed to "you" is an interviewer's, an advice letter's or a blog's call to
# the reader, not a verdict passed on someone (on SemEval-2023 train 14 of 132 touch gold);
# one asked by "I" is a reader's letter ("Am I wrong to ...?") or the writer musing.
_YOU = re.compile(r"\b(you|your|yours|yourself|I|me|my)\b", re.IGNORECASE)
# A question the copy announces as an open one ("the dilemma for members is simple: do
# they ...?", "raises questions. Why ...?", "the debate at the board: sell or wait?") is
# analysis laying out what is undecided, the way straight news poses one.
_POSED = re.compile(r"\b(questions?|wonders?|asks?|asked|choice|dilemma|debate|discussion)\b", re.I)

# Page furniture run into the body: a list of related headlines ("Related articles More from
# author ... a national security threat?") ends on a headline's question mark (round 13,
# fresh pages).
_FURNITURE = re.compile(
    r"\b(related (articles|videos|stories|posts|content)|more from (the )?author|read more|"
    r"recommended for you|also read)\b",
    re.IGNORECASE,
)

_REASON = (
    "Rhetorical question: a long question in the outlet's own voice argues or casts doubt "
    "instead of reporting; an editor would ask who is asking it, or state the point plainly."
)


def rhetorical_questions(
    doc: Doc, quotes: list[tuple[int, int]], found: Sequence[FramingSpan] = ()
) -> list[FramingSpan]:
    """Long questions in the author's voice that hold no lexicon span (see module doc)."""
    text = doc_text(doc)
    out = []
    for sent in doc.sents:
        body = sent.text.rstrip()
        if not body.endswith("?"):
            continue
        qm = sent.start_char + len(body) - 1
        # A sentence the parser ran across a line break: read only the question's own line.
        start = max(sent.start_char, text.rfind("\n", 0, qm) + 1)
        seg = text[start : qm + 1]
        if inside(qm, qm + 1, quotes) or inside(start, qm + 1, quotes):
            continue
        if len(seg.split()) < MIN_WORDS or _SPEAKER.match(seg) or _open_quote(seg):
            continue
        prev_line = text[text.rfind("\n", 0, max(0, start - 1)) + 1 : start]
        if _POLL.search(prev_line) or _POLL.search(seg[:40]) or _YOU.search(seg):
            continue
        if _posed(seg, text[max(0, start - 160) : start]) or _garbled_or_tagged(seg):
            continue
        if _introduced(text[max(0, start - 160) : start]) or _FURNITURE.search(seg):
            continue
        # A strong lexicon span inside is shown on its own; a mild one (a "clearly", a
        # "so-called") goes under the question, which is the stronger signal.
        if any(_strong_lexicon(s) and s.start < qm + 1 and start < s.end for s in found):
            continue
        out.append(
            FramingSpan(
                start=start,
                end=qm + 1,
                text=seg,
                category="doubt",
                entry=QUESTION_ID,
                reason=_REASON,
                in_quote=False,
                tier="mild",  # round 19: 0 of 7 starred questions loaded on real pages
            )
        )
    return out


def _strong_lexicon(span: FramingSpan) -> bool:
    return span.entry is not None and span.tier == "strong"


def _posed(seg: str, before: str) -> bool:
    """The question is announced as an open one: a 'question'/'choice' word before a colon or
    semicolon in its own sentence, or in the sentence just before it."""
    head = re.split(r"[:;]", seg, maxsplit=1)[0] if re.search(r"[:;]", seg) else ""
    last = re.split(r"(?<=[.!?])\s+", before.strip())[-1] if before.strip() else ""
    return bool(_POSED.search(head) or _POSED.search(last))


def _introduced(before: str) -> bool:
    """The line before ends in a colon ("As the author writes:", "She put it this way:"): the
    question opens a block quotation or a list, someone else's words set off without
    quotation marks (round 13, fresh pages: a book review quoting its book)."""
    return before.rstrip().endswith(":")


def _garbled_or_tagged(seg: str) -> bool:
    """A '?' inside the line stands for a character the page lost ('run by Ana ? Ortega and'),
    so the line is no question; and a few words after a colon ("the union's answer: no
    deal?") are a tag on a statement, not a question that argues."""
    if "?" in seg[:-1].replace("?”", "").replace('?"', ""):
        return True
    return ":" in seg and len(seg.rsplit(":", 1)[1].split()) < 6


def _open_quote(seg: str) -> bool:
    """A quotation mark opened and not closed in the question: someone's words run on
    ('posted: "Why did they ...?'), so the question is theirs."""
    return seg.count("\u201c") != seg.count("\u201d") or seg.count('"') % 2 == 1
