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
"""

from __future__ import annotations

from spacy.tokens import Token

from annotate.sourcing.lexicon import WordSet
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
    marked = any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in subj.children
    )
    return subj if marked and institution_noun.token(subj) else None
