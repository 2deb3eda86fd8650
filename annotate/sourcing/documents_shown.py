"""A document someone puts before the public in the same sentence is theirs (round 29).

'The ministry published figures that showed a fall in burglaries', 'On Tuesday the mayor
presented data that showed ...', 'Ortega cited a survey that found ...': the document heads a
relative clause with the verb of finding, so it was read as a document nobody names and the
sentence flagged as a vague document, a query. But the sentence says who put it out: the
subject of the verb of which the document is the object. A named person or body vouches for
it on the record, so the document is theirs (rule "sourcing.source.document_presented").

A body named only by a common noun counts when 'the' or an owner marks it as one the story
has in view ('the ministry', 'its board'); 'a group published figures' names nobody, and a
document that is leaked, drafted or seen ('a leaked memo seen by the mayor') is read first by
the vague-document rules and stays vague.

Also here, for documents.py's reading of 'released by ...': agent_known, a body named by
'the' or an owner after 'by' says whose a published document is.
"""

from __future__ import annotations

from spacy.tokens import Token

from annotate.sourcing.lexicon import WordSet
from annotate.sourcing.nouns import _determined
from annotate.sourcing.words import _DEFINITE, _NAMED_ENTS

RULE = "sourcing.source.document_presented"
# verbs of putting a document before the public or citing it; not 'obtain', 'see', 'leak'
PRESENTING = frozenset(
    """present publish release issue produce unveil cite share circulate post table submit
    quote""".split()
)


def presented_by(head: Token, institution_noun: WordSet) -> Token | None:
    """The named subject of the verb whose object the document `head` is, or None."""
    if head.dep_ != "dobj" or head.head.lemma_.lower() not in PRESENTING:
        return None
    verb = head.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.ent_type_ in _NAMED_ENTS or subj.pos_ == "PROPN":
        return subj
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subj.children):
        return subj  # 'the mayor, Ada Crole, presented data ...'
    return subj if _determined(subj) and institution_noun.token(subj) else None


def agent_known(by: Token) -> bool:
    """'released by the council', 'published by its research arm': a body the story has in
    view, named by 'the' or an owner (round 29). The parser can hang the noun outside the
    phrase ('Figures released by the board show ...' read as a 'board show'), so the
    words right after 'by' are read too."""
    obj = next((c for c in by.children if c.dep_ == "pobj"), None)
    if obj is None:
        doc = by.doc
        words = doc[by.i + 1 : min(by.i + 4, len(doc))]
        obj = next((t for t in words if t.pos_ in ("NOUN", "PROPN")), None)
        if obj is None or not all(
            t.dep_ in ("det", "poss", "amod", "compound") or t.i == obj.i
            for t in doc[by.i + 1 : obj.i + 1]
        ):
            return False
        first = doc[by.i + 1]
        return obj.pos_ == "PROPN" or first.lower_ in _DEFINITE or first.tag_ == "PRP$"
    return obj.pos_ == "PROPN" or _determined(obj)
