"""A place's population is background from the census (round 29).

'The village has some 900 residents', 'Corran is home to 12,000 people', 'About 300 people
live on the island': a count of the people who live in a place, in the present tense, is the
figure any gazetteer or census table gives, like 'a population of 12,000', which the
background words already read as routine. The count alone was read as a count of people,
a query ('30 residents were evacuated' is one, and stays one: an event, in the past).
Rule "sourcing.tier.population"; entry in annotate/lexicons/sourcing_round29.toml.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

RULE = "sourcing.tier.population"
_DWELLERS = frozenset(
    "resident inhabitant people household soul citizen islander villager townsfolk".split()
)
_PLACES = frozenset(
    """town city village island county district parish region country borough state
    province hamlet suburb valley""".split()
)


def _place(t: Token) -> bool:
    return t.ent_type_ in ("GPE", "LOC") or t.lemma_.lower() in _PLACES


def _present(verb: Token) -> bool:
    return verb.tag_ in ("VBZ", "VBP")


def population(sent: SpacySpan) -> str | None:
    """The count of a place's residents the sentence gives in the present, or None."""
    for t in sent:
        if not t.like_num or t.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
            continue
        noun = t.head if t.dep_ == "nummod" else None
        if noun is None or noun.lemma_.lower() not in _DWELLERS:
            continue
        if any(c.dep_ in ("relcl", "acl") for c in noun.children):
            continue  # '2,300 residents who oppose the quarry': a claim about them
        if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "home":
            # 'Corran is home to 12,000 people' ('home' an attribute or, as the parser may
            # have it, an adverb of 'is')
            verb = noun.head.head.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            # a place's name the tagger may take for a body ('Corran' as ORG)
            if _present(verb) and subj is not None and (_place(subj) or subj.pos_ == "PROPN"):
                return f"{t.text} {noun.text}"
            continue
        verb = noun.head
        if not _present(verb):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        lemma = verb.lemma_.lower()
        if noun.dep_ == "dobj" and lemma == "have" and subj is not None and _place(subj):
            return f"{t.text} {noun.text}"  # 'The village has some 900 residents'
        if (
            noun.dep_ == "nsubj"
            and lemma == "live"
            and any(
                c.dep_ == "prep" and any(_place(o) for o in c.children if o.dep_ == "pobj")
                for c in verb.children
            )
        ):
            return f"{t.text} {noun.text}"  # 'About 300 people live on the island'
    return None
