"""Routine words read in their own sense (round 19, rule sourcing.tier.routine_sense).

The routine-word tiers (`tier_routine_word` entries) match a form: 'shares' and 'stock' for
market data (sourcing.tier.market), 'point' for a score (sourcing.tier.sport). Read on the
round-22 blind pages, the reasons shown were wrong where the word is another word of the same
spelling (examples ours): 'Corran, which shares a 300-mile border with Ardley' (a verb),
'sharing centuries of history', 'a stock of tinned food' (a supply), 'the governor pointed to
the new grants', 'a focal point of the dispute'. The flag's tier may end up the same through another
rule, but its reason said 'market' or 'sport', and an editor reading why a flag was raised
stops trusting a tool that cannot tell a border from a share price. So such a token does not
count as the routine word, and the next rule decides.
"""

from __future__ import annotations

from spacy.tokens import Token

from annotate.sourcing.words import _POSSESSIVE_PRONOUNS

_MARKET = "sourcing.tier.market"
_SPORT = "sourcing.tier.sport"
_PLACE_OR_BODY = frozenset(("GPE", "LOC", "FAC", "ORG", "NORP"))
# words read as nouns of market data only: as a verb they share, stock or trade something else
_MARKET_NOUNS = frozenset(("share", "shares", "stock", "stocks"))
# 'a focal point', 'a turning point': a point that is no score
_POINT_PHRASES = frozenset(
    """focal turning starting boiling vantage talking sticking breaking selling flash
    high low pressure price data entry access meeting rallying reference tipping
    basis""".split()
)


def routine_sense(t: Token, eid: str) -> bool:
    """Whether the routine word `t` (entry `eid` of `tier_routine_word`) is used in the sense
    of its entry."""
    word = t.lower_
    if eid == _MARKET and (word in _MARKET_NOUNS or t.lemma_.lower() in _MARKET_NOUNS):
        if t.pos_ not in ("NOUN", "PROPN"):
            return False  # 'shares a border', 'sharing a history', 'stock the shelves'
        # 'a stock of tinned food', 'a stock of spare parts': a supply held, not a quoted share
        after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        before = t.doc[t.i - 1] if t.i > 0 else None
        if (
            word == "stock"
            and after is not None
            and after.lower_ == "of"
            and before is not None
            and (before.lower_ in ("a", "an", "the") or before.lower_ in _POSSESSIVE_PRONOUNS)
        ):
            return False
        return True
    if eid == _SPORT and t.pos_ == "PROPN" and t.ent_type_ in _PLACE_OR_BODY:
        # round 28: 'Gullrock Point' (a headland), 'the Green League' (a party): a word of a
        # name, not a score or a fixture; a match report's figures keep their own rule
        return False
    if eid == _SPORT and t.lemma_.lower() == "point":
        if t.pos_ not in ("NOUN", "PROPN", "NUM"):
            return False  # 'pointed to', 'points out'
        before = t.doc[t.i - 1] if t.i > 0 else None
        if before is not None and before.lower_ in _POINT_PHRASES:
            return False
        # round 20: 'a 0.3-point drop', 'a 2.5 point lead': no score has a decimal point; a
        # rate or a poll moves by it (listed in the round-23 reading, development pages)
        num = t.doc[t.i - 2] if before is not None and before.text == "-" and t.i > 1 else before
        if num is not None and num.like_num and "." in num.text:
            return False
        after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if after is not None and after.lower_ in ("of", "out") and word == "point":
            return False  # 'a point of view', 'the point of the levy'
        return True
    return True
