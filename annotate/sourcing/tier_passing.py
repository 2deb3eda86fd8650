"""Causes given in passing (round 15, rule sourcing.tier.in_passing).

`sourcing.tier.claim_kind` makes a cause, a harm or a judgement in the writer's voice a query.
On real pages that rule was the least precise the tool had: of the 64 flags it put in the
default view on the pages editors judged in rounds 4 to 14, 2 were claims an editor would
query (and 3 borderline). Most of its causes were background given in passing: an adverbial
on another claim ("left the tour because of a clash with her exams", "keeps its old
timetable due to harbour rules") or a clause on a noun ("the brawl that led to two bans").
The queries were a cause offered as a possibility ("the fall may have been caused by the new
fares") and a reason why ("That is why two councillors are standing").

So a cause is routine when the sentence asserts something else and gives the cause on the
way: the causal cue neither heads the sentence ('Vaccines cause autism', 'Autism is caused
by vaccines') nor is its copula's predicate ('The backlog is largely due to the strike'),
and the sentence has no modal or hedge of possibility ('may', 'could', 'probably'), no
'why', and no incident whose cause an editor checks (a crash, a fire, a leak:
`sourcing.words.incidents`). A cause asserted for its own sake, a harm, an accusation and a
judgement keep their query tier: the gold sets and the earlier rounds' tests hold them as
queries, and the reading gave no reason to move them.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag
from annotate.sourcing.words import WordSetView

IN_PASSING = "sourcing.tier.in_passing"
_HEDGE_MODALS = frozenset(("may", "might", "could", "would", "must"))
_HEDGE_WORDS = frozenset(
    """possibly probably perhaps apparently allegedly reportedly likely seemingly
    presumably supposedly why""".split()
)
_INCIDENTS = WordSetView("incidents")
# the predicate of a copula: 'is due to', 'was the result of' assert the cause itself
_PREDICATE_DEPS = frozenset(("acomp", "attr", "oprd", "xcomp", "ccomp"))


def _cue_text(reason: str) -> str | None:
    """The causal cue the flag's reason quotes ("causal claim with no source: 'led to'")."""
    start = reason.find(": '")
    return reason[start + 3 : reason.find("'", start + 3)] if start >= 0 else None


def _cue_token(cue_text: str, sent: SpacySpan) -> Token | None:
    """The first word of the cue in the sentence, past an article ('the result of':
    'result')."""
    cue = [w for w in cue_text.lower().split() if w not in ("a", "an", "the")]
    if not cue:
        return None
    return next((t for t in sent if t.lower_ == cue[0]), None)


def _asserted(cue: Token, sent: SpacySpan) -> bool:
    """The cause is what the sentence asserts: the cue heads it ('Vaccines cause autism',
    'Autism is caused by vaccines'), is the copula's predicate ('The backlog is largely due
    to ...'), or hangs on such a word ('is the result of')."""
    node = cue
    for _ in range(3):
        if node.dep_ == "ROOT":
            return True
        if node.head.dep_ == "ROOT" and node.dep_ in _PREDICATE_DEPS:
            return True
        if node.dep_ in ("prep", "pobj", "pcomp", "amod", "advmod") and node.head.dep_ in (
            "acomp",
            "attr",
        ):
            node = node.head
            continue
        if node.dep_ in ("prep", "pcomp", "aux", "auxpass", "prt") and node.head.dep_ == "ROOT":
            # 'because of' on the main verb: an adverbial, unless the verb is the cause itself
            return node.head.lemma_.lower() in ("cause", "lead", "result", "trigger", "spark")
        return False
    return False


def in_passing(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """The causal cue ('because of', 'led to') when the cause is given in passing: an
    adverbial ('left the tour because of her exams') or a clause on a noun ('a brawl that led
    to two bans'), with no hedge, no 'why' and no incident; None otherwise."""
    rule = flag.rule or ""
    if flag.in_quote or not rule.startswith("sourcing.check.causal"):
        return None
    for t in sent:
        low = t.lower_
        if (t.tag_ == "MD" and low in _HEDGE_MODALS) or low in _HEDGE_WORDS:
            return None
        if t.lemma_.lower() in _INCIDENTS:
            return None
    text = _cue_text(flag.reason or "")
    cue = _cue_token(text, sent) if text is not None else None
    if cue is None or _asserted(cue, sent):
        return None
    return text


UNTAGGED_QUOTE = "sourcing.tier.untagged_quote"


def untagged_quote(flag: SentenceFlag) -> bool:
    """A quotation the rules could give no speaker ('quotation with no speaker named'), not
    one carried on from a speaker they found (round 15, rule sourcing.tier.untagged_quote).
    On the real pages editors judged in rounds 4 to 15b, 33 such flags were shown by default
    and none was a query: the speaker was evident from the layout (an interview's question
    and answer lines, a press conference told as a transcript, a statement quoted line by
    line, a feature built on one interview) in 31 of them. A quotation with a query word of
    its own (a death, a crime, an estimate) is decided before this rule and stays a query."""
    return (
        flag.rule == "sourcing.quote_speaker"
        and flag.sourcing == "unattributed_claim"
        and "continues" not in (flag.reason or "")
    )
