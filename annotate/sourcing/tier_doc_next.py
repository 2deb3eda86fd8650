"""A document the article names a few sentences later (round 24, rule
sourcing.tier.document_named_next).

News copy often cites a study or a report in the lede by kind alone ('..., according to a new
study') and says whose it is and where it appeared a paragraph or two later ('The study, by
hydrologists at Brenmoor University, ...', 'a recent study by the Hollin Institute'). On the
judged real pages such ledes were shown as vague documents an editor would query, and the
editors judged them not a claim to query: the article identifies the document. So a query
flag resting on one unnamed document ('a' or 'an' and a singular noun, with no word that keeps
it unreadable such as 'leaked' or 'internal') is routine when one of the next sentences
identifies a document of the same kind (a study, its findings or a paper; a report; a survey
or a poll): the named document it is attributed to ('a study by the Tarrow Institute'), its
named authors ('Researchers at X, whose findings appear in ...'), or the document set off with
its authors or journal ('The paper from the X group appeared in Y'), unless
that one is marked as another ('a separate study'). A named expert who only mentions the
study ('Dr Y, who was not involved in the study, said') identifies nothing. It stays a
flag, one click away, with the naming sentence's source in the reason.

Entries, with invented examples: annotate/lexicons/sourcing_tiers_doc.toml.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag
from annotate.sourcing.attribution import Attribution
from annotate.sourcing.lexicon import SourcingLexicon

DOC_NAMED_NEXT = "sourcing.tier.document_named_next"
_WINDOW = 8  # sentences: a lede's document is usually identified within a few paragraphs
# kinds of document that name the same thing ('a new study' ... 'Gumert's findings')
_KINDS = {
    "study": "study",
    "research": "study",
    "finding": "study",
    "paper": "study",
    "analysis": "study",
    "report": "report",
    "survey": "survey",
    "poll": "survey",
}
# words that mark a later document as a different one
_ANOTHER = frozenset("another separate earlier previous other second similar different".split())


def _kind(head: Token) -> str | None:
    """The family of a study, report or survey noun; None for any other document ('an
    article', 'a memo'), which ledes do not cite by kind and name later."""
    return _KINDS.get(head.lemma_.lower())


def _one_unnamed(head: Token, lex: SourcingLexicon) -> bool:
    """'a new study', 'a preliminary report': one document introduced by kind, with no word
    that keeps it unreadable ('a leaked memo')."""
    return (
        head.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
        and not any(lex["vague_document_modifier"].token(c) for c in head.children)
    )


def _by_someone(t: Token) -> bool:
    """'The study, by researchers at the University of X, was published ...': a document
    noun set off with a named author or a named journal (the parse may hang the phrase on
    the verb)."""
    near = [*t.rights]
    if t.dep_ in ("nsubj", "nsubjpass"):
        near += [c for c in t.head.children if t.i < c.i < t.head.i or c.dep_ == "prep"]
    for c in near:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from", "in"):
            if any(g.ent_type_ in ("ORG", "PERSON") or g.pos_ == "PROPN" for g in c.subtree):
                return True
    return False


def _identified(sent: SpacySpan, b: Attribution | None, kind: str) -> Token | None:
    """The document of `kind` that `sent` identifies, if any: the named document the sentence
    is attributed to, a noun of that kind inside its named source ('Researchers at X, whose
    findings appear in ...'), or the definite document set off with its authors or journal
    ('The paper from the X group appeared in Y on Tuesday'). A named person who
    merely mentions the study ('Dr Y, who was not involved in the study') does not count."""
    if b is not None and b.label == "named_source":
        if b.kind == "document" and b.head is not None and _kind(b.head) == kind:
            return b.head
        if b.source is not None:
            for t in sent:
                inside = b.source.start <= t.idx < b.source.end
                if inside and t.pos_ == "NOUN" and _kind(t) == kind:
                    return t
    for t in sent:
        if t.pos_ != "NOUN" or _kind(t) != kind:
            continue
        if any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children):
            if _by_someone(t):
                return t
    return None


def document_named_next(
    flags: list[SentenceFlag],
    mains: Sequence[Attribution | None],
    sents: list[SpacySpan],
    lex: SourcingLexicon,
) -> None:
    """Make routine each query flag resting on one unnamed study, report or survey that a
    later sentence (within `_WINDOW`) identifies (`_identified`)."""
    for i, f in enumerate(flags):
        a = mains[i]
        if f.sourcing != "vague_document" or f.tier != "query" or a is None or a.head is None:
            continue
        if not _one_unnamed(a.head, lex):
            continue
        kind = _kind(a.head)
        if kind is None:
            continue
        for j in range(i + 1, min(len(flags), i + 1 + _WINDOW)):
            same = _identified(sents[j], mains[j], kind)
            if same is None or any(c.lower_ in _ANOTHER for c in same.children):
                continue
            words = " ".join(sents[j].text.split())
            named = words if len(words) <= 70 else words[:67].rstrip() + "..."
            f.tier = "routine"
            f.reason = (
                f"{(f.reason or '').rsplit('; query:', 1)[0]}; routine: the {a.head.text} is"
                f" identified {j - i} sentence{'s' if j - i > 1 else ''} later, '{named}'"
                f" ({DOC_NAMED_NEXT})"
            )
            break
