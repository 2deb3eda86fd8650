"""One person called by a group word: 'the expert', 'the analyst', 'the fan' (round 19, rule
sourcing.source.epithet).

'Critics say' and 'experts warn' are vague groups (sourcing.source.group): nobody to check.
The same words in the singular with 'the' point at one person. Feature and service copy
introduces someone by name and then calls them by an epithet: "Travel agent Ines Varga ...
The expert said booking on a Tuesday saves 400 crowns." On the round-23 blind pages fifteen
default flags were such epithets read as vague groups ('the expert', 'the experts' of a named
firm, 'the fan' of a named club), each flagged as a query with the reason 'a vague group'.

So a definite singular group word as a speaker ('the expert', 'this analyst', not 'an expert',
'experts', 'some analysts') is one person:
- the person who last spoke, when that was within the six sentences before, else the person
  named most recently in this sentence or the six before: named_source, and the reason says
  who;
- nobody named that near: one unnamed person, anonymous_source, a query as before but with a
  reason that says what it is.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.nlp import doc_ents, doc_sents
from annotate.sourcing.words import WordSetView

EPITHET = "sourcing.source.epithet"
# the determiners that point back to someone met before, as role references read them
_BACK = WordSetView("role_reference_dets")
EPITHET_WINDOW = 6  # sentences before the epithet's own in which its person must be named


def singular_epithet(head: Token) -> bool:
    """`head` is a singular common noun with a definite determiner and no owner ('the
    expert'; not 'an expert', 'experts', 'the firm's expert')."""
    if head.tag_ != "NN" or head.pos_ != "NOUN":
        return False
    kids = [c for c in head.children if c.dep_ in ("det", "poss")]
    return any(c.dep_ == "det" and c.lower_ in _BACK for c in kids) and not any(
        c.dep_ == "poss" for c in kids
    )


def person_named_before(head: Token, window: int = EPITHET_WINDOW) -> SpacySpan | None:
    """The person named most recently before `head`, in its sentence or the `window`
    sentences before it; None when there is none."""
    doc = head.doc
    # the Doc's sentences and entities as the rules share them (built once per Doc)
    sents = [s for s in doc_sents(doc) if s.start <= head.i][-(window + 1) :]
    if not sents:
        return None
    lo = sents[0].start
    found = [e for e in doc_ents(doc) if e.label_ == "PERSON" and lo <= e.start and e.end <= head.i]
    if not found:
        return None
    e = found[-1]
    return e[:-1] if len(e) > 1 and e[-1].tag_ == "POS" else e
