"""Two misreadings of the parse that the cue readers (attribution_cues.py) correct, found in
round 29: an evidential participle the parser made a main verb ('A contract said to be worth
...'), and a noun after 'according to' the parser made a verb ('according to show insiders').
Tests: tests/test_round29.py.
"""

from __future__ import annotations

from spacy.tokens import Token


def reduced_evidential(tok: Token, passive_id: str | None) -> bool:
    """'A deal said to be worth 2 million pounds was signed', 'The striker, thought to be the
    club's top earner, left': an evidential participle before 'to be' or 'to have', right
    after its noun or after a comma, is a reduced passive even when the parser made it the
    main verb with the noun for its subject (round 29). An active verb of saying is not
    followed by 'to be' ('She said to wait' tells someone what to do, and 'wait' is no
    'be')."""
    doc = tok.doc
    if passive_id is None or tok.tag_ not in ("VBD", "VBN") or tok.i == 0:
        return False
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return False
    if doc[tok.i + 2].lower_ not in ("be", "have"):
        return False
    before = doc[tok.i - 1]
    # not a person's name right before: 'Baird said to have a plan is not enough' is a
    # speaker with a clause, however rare
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
