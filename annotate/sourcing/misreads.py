"""Two misreadings of the parse that the cue readers (attribution_cues.py) correct: an
evidential participle read as a main verb or left without its noun ('A contract said to be
worth ...'), and a noun after 'according to' read as a verb ('according to show
insiders'; round 29).
Tests: tests/test_round29.py.
"""

from __future__ import annotations

from spacy.tokens import Token


def reduced_evidential(tok: Token, passive_id: str | None) -> bool:
    """'A deal said to be worth 2 million pounds', however the parser attached it: an
    evidential verb followed by 'to' is a reduced passive

    - right after its noun, when the parser gave it no subject (the shape read before);
    - or, in the past tense or as a participle, before 'to be' or 'to have', right after its
      noun, a name that is no person's, or a comma, even when the parser made it the main
      verb with the noun for its subject ('The striker, thought to be the club's top
      earner, left'; round 29). An active verb of saying is not followed by 'to be' ('She
      said to wait' tells someone what to do), and 'Baird said to have a plan is not
      enough' is a speaker with a clause, however rare."""
    doc = tok.doc
    if passive_id is None or tok.i == 0 or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return False
    before = doc[tok.i - 1]
    if before.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
    ):
        return True
    if tok.tag_ not in ("VBD", "VBN") or tok.i + 2 >= len(doc):
        return False
    if doc[tok.i + 2].lower_ not in ("be", "have"):
        return False
    named = before.pos_ == "PROPN" and before.ent_type_ != "PERSON"
    return before.pos_ == "NOUN" or named or before.text == ","


def noun_read_as_verb(prep: Token) -> Token | None:
    """'according to show insiders' (the festival's, say): the parser can read the
    first noun after the preposition as a verb with the real head as its object. The
    object of such a verb right after the preposition is the source (round 29, PolNeAR
    dev)."""
    verb = next((c for c in prep.children if c.dep_ == "pcomp" and c.i == prep.i + 1), None)
    if verb is None or verb.tag_ not in ("VB", "VBP", "NN"):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i == verb.i + 1), None)
