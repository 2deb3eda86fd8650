"""The writer about themselves (round 28): a strong word aimed at the writer is not the
outlet's verdict on anyone.

Read on the judged real pages, the default view starred confessions in the first person
(a columnist ruthless with their own habits, a writer calling their own kit pathetic, a
writer no cheerleader for a drink they went on to review): "I am ruthless with my drafts",
"my attempt at a vegetable patch is pathetic". An editor does
not change a writer's words about the writer; the same words about a minister would be
changed. So a strong author's-voice span whose target is "I" (the subject of the clause it
sits in, or the owner of the thing it describes) drops to mild, with the reason saying why.

"We" is left alone: in opinion copy it is usually everyone ("we are all prone to tribal
delusions"), a judgement on the readers. "My opponents", "my critics" are people, not the
writer: a word aimed at them stays strong.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotate.models import FramingSpan
from annotate.sourcing.nouns import _people_noun

_WRITER = frozenset(("i", "me", "myself"))
# how a word reaches the clause whose subject it describes: 'I am ruthless', 'I was
# happily selfish', 'I am no cheerleader for ...'; a word that modifies a noun
# describes that noun, so the climb never starts from a modifier or an object
_UP = frozenset(("acomp", "attr", "oprd", "conj", "xcomp", "advmod"))
_SUBJECTS = frozenset(("nsubj", "nsubjpass"))


def _is_writer(subj: Token) -> bool:
    if subj.lower_ in _WRITER:
        return True
    mine = any(c.dep_ == "poss" and c.lower_ == "my" for c in subj.children)
    # 'my rivals', 'my critics', 'my colleague': people of the writer's, not the writer
    return (
        mine
        and subj.tag_ != "NNS"
        and not _people_noun(subj)
        and subj.ent_type_ not in ("PERSON", "NORP", "ORG")
    )


def aimed_at_writer(tok: Token) -> bool:
    """Whether the word's target is the writer: the subject of the clause the word describes
    is 'I' (or a thing of 'my'), climbing at most four links through complements and
    conjuncts; or the noun it modifies is the writer's own thing."""
    if tok.dep_ in ("amod", "compound") and _is_writer(tok.head):
        return True
    t = tok
    for _ in range(4):
        subj = next((c for c in t.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            return _is_writer(subj)
        if t.dep_ not in _UP or t.head.i == t.i:
            return False
        t = t.head
    return False


def demote_first_person(doc: Doc, spans: list[FramingSpan]) -> None:
    """Strong author's-voice spans aimed at the writer become mild."""
    for s in spans:
        if s.tier != "strong" or s.in_quote:
            continue
        sp = doc.char_span(s.start, s.end, alignment_mode="expand")
        if sp is None or not aimed_at_writer(sp.root):
            continue
        s.tier = "mild"
        s.reason = f"{s.reason} (About the writer themselves, in the first person; mild.)"
