"""Praise of a place, a dish, a product or a spectacle is the writer's taste, not the outlet's
verdict on the news (round 29).

Read on the judged real pages after round 28, many strong spans judged not loaded were words
of wonder aimed at things: a travel writer's vineyards and hotel pool, old trees in a piece on
wildfires, a house plant in a gardening column, the opening show of an esports final, the
gradient of a walker's path, an actor's part. Readers of travel, food, product and lifestyle
copy expect the writer's taste, and an editor leaves it. The same words aimed at an event, an
amount or a person were judged loaded on the same pages (a sudden recovery, the sheer amount
of power a technology needs), so the rule reads what the word describes, as round 24 did for
works of art (annotate/framing_works.py): an adjective on a thing noun ('a breathtaking
view'), an adverb on it, or the complement of a copula whose subject is the thing ('the
terrace is magnificent'). Such a span is taken out, not made mild (see
drop_praise_of_things).

Only words of wonder and praise (WONDER_ENTRIES) are read this way. Words of harm or blame on
a thing can be the outlet's charge (shoddy wiring blamed on a named electrician), so they stay.
The thing nouns (THING_NOUNS) are scenery, buildings and rooms, food and drink, products and
their parts, and spectacles; not people, events, amounts or outcomes ('victory',
'turnaround', 'rise', 'amount', 'job'). Tests: tests/test_round29_framing.py.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotate.framing_works import described_noun
from annotate.models import FramingSpan

# Entries that are words of wonder or praise, not of harm or blame (all strong but 'superb').
WONDER_ENTRIES = frozenset(
    f"framing.loaded.{w}"
    for w in """stunning staggering majestic breathtaking magnificent incredible fantastic
    terrific astonishing awesome glorious jaw_dropping charismatic bizarre epic ominous eerie
    wonderful world_class revered inspirational superb""".split()
)

# Lemmas of nouns that name a thing to look at, eat, use or watch. Left out on purpose:
# 'world', 'scene' and 'display' alone name news too ('a stunning scene of destruction' is the
# writer's reaction to an event); 'conditions' is a charge ('squalid conditions').
THING_NOUNS = frozenset(
    """view vista panorama scenery landscape seascape skyline sunset sunrise coastline
    beach cove bay cliff mountain peak hill valley gorge canyon vine vineyard redwood tree
    pine oak cedar palm cypress olive willow elm beech birch yew
    forest woodland meadow garden lake waterfall island dune glacier lagoon harbour harbor
    gradient climb ascent descent slope pool terrace balcony interior architecture facade
    façade cathedral chapel church temple castle palace mansion villa cottage kitchen
    bathroom courtyard staircase ceiling decor suite hotel resort spa dish meal food cuisine
    dessert wine vintage flavour flavor sauce cake pastry bread plate menu cocktail tart
    pudding pie soup stew roast steak salad cheese chocolate coffee beer design
    finish screen camera battery handset laptop engine cabin dashboard gadget plant leaf
    flower bloom foliage ceremony firework fireworks parade spectacle costume role organ piano""".split()
)


def _is_thing(n: Token) -> bool:
    """A thing noun, or a noun made one by its compound ('a fireworks show', 'a hotel room')."""
    if n.pos_ not in ("NOUN", "PROPN"):
        return False
    return n.lemma_.lower() in THING_NOUNS or any(
        c.dep_ == "compound" and c.lemma_.lower() in THING_NOUNS for c in n.children
    )


def drop_praise_of_things(doc: Doc, spans: list[FramingSpan]) -> None:
    """Author's-voice spans of wonder or praise that describe a thing are not framing: they
    are taken out of `spans`. Round 29 first made them mild; on the judged real pages all of
    them were judged not loaded, and the round-29 blind writer left the genre's praise of
    things unmarked, so a mild span here would be noise one click away, as round 27 found
    for culture copy."""
    drop = set()
    for s in spans:
        if s.in_quote or s.entry not in WONDER_ENTRIES:
            continue
        sp = doc.char_span(s.start, s.end, alignment_mode="expand")
        if sp is not None and any(described_noun(t, _is_thing) is not None for t in sp):
            drop.add(id(s))
    if drop:
        spans[:] = [s for s in spans if id(s) not in drop]
