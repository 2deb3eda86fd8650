"""The answers of a Q&A interview are the interviewee's words (round 18, issue 9):
`sourcing.carry.qa_answer`.

A Q&A prints the reporter's questions and the interviewee's answers as paragraphs that open
with 'Q:' and 'A:' (or 'Question:' and 'Answer:'), after a standfirst that names the person
('Marta Solberg has run the ferry company since 2019. She spoke to the Ledger.'). The layout
is the attribution: every answer is that person's. Without this rule each figure, cause or
forecast in an answer was flagged as a claim with no source; the round-16 and round-17
readings of real pages and the blind articles' first scores listed such answers among the
named sources wrongly flagged.

So when a text has at least two question and two answer paragraphs, and a person is named
before the first question, a claim flagged with no source in an answer paragraph (up to the
next question) is that person's: named_source, with the person as its source. An answer that
passes on someone else's unnamed source ('a study found', 'officials tell me') keeps its
label: the interviewee is not that source.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from annotate.models import SentenceFlag, Span

RULE = "sourcing.carry.qa_answer"
_QUESTION = re.compile(r"(?:Q|Question)\s*[:.]\s", re.IGNORECASE)
_ANSWER = re.compile(r"(?:A|Answer)\s*[:.]\s", re.IGNORECASE)
_MIN_TURNS = 2


def _para_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def qa_answers(flags: list[SentenceFlag], sents: list[SpacySpan], text: str) -> int:
    """Give the claims of a Q&A's answers to the interviewee (see the module docstring);
    returns how many flags changed."""
    opens: list[tuple[int, str]] = []  # (sentence index, 'q' or 'a') of each turn's start
    for i, s in enumerate(sents):
        if _para_start(text, s.start_char) != s.start_char:
            continue
        head = text[s.start_char : s.start_char + 12]
        if _QUESTION.match(head):
            opens.append((i, "q"))
        elif _ANSWER.match(head):
            opens.append((i, "a"))
    kinds = [k for _, k in opens]
    if kinds.count("q") < _MIN_TURNS or kinds.count("a") < _MIN_TURNS:
        return 0
    first_q = next(i for i, k in opens if k == "q")
    doc = sents[0].doc
    limit = sents[first_q].start
    person = next((e for e in doc.ents if e.label_ == "PERSON" and e.end <= limit), None)
    if person is None:
        return 0
    source = Span(person.start_char, person.end_char, person.text)
    in_answer = [False] * len(sents)
    state = False
    turn = dict(opens)
    for i in range(len(sents)):
        if i in turn:
            state = turn[i] == "a"
        in_answer[i] = state
    moved = 0
    for i, f in enumerate(flags):
        if not in_answer[i] or f.sourcing != "unattributed_claim":
            continue
        f.sourcing, f.source, f.cue, f.tier, f.rule = "named_source", source, None, None, RULE
        f.reason = f"an answer in a Q&A with '{person.text}': their words"
        moved += 1
    return moved
