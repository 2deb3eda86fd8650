"""Praise of a place, a dish, a product or a spectacle is the writer's taste, not the outlet's
verdict on the news (round 29).

Read on the judged real pages after round 28, the strong spans judged not loaded were most
often words of wonder aimed at things: a travel writer's 'staggering' vineyards and
'stunning' pool, a piece on wildfires mourning 'majestic' redwoods, a gardening column's
plant that 'looks stunning', an esports report's 'incredible' opening ceremony, a cyclist's
'ominous' gradient, an actor's 'charismatic' role. Readers of travel, food, product and
lifestyle copy expect the writer's taste; an editor leaves it. The same words aimed at an
event, an amount or a person are judged loaded on the same pages ('a stunning turnaround',
'staggering amounts of power', 'a charismatic leader'), so the rule reads what the word
describes, as round 24 did for works of art (annotate/framing_works.py): an adjective on a
thing noun ('a breathtaking view'), an adverb on it, or the complement of a copula whose
subject is the thing ('the terrace is magnificent').

Only words of wonder and praise (WONDER_ENTRIES) are read this way. Words of harm or blame
on a thing can be the outlet's charge ('a dodgy flue pipe' fitted by a named tradesman was
judged loaded in a court story), so they stay strong. The thing nouns (THING_NOUNS) are
scenery, buildings and rooms, food and drink, products and their parts, and spectacles; not
people, events, amounts or outcomes ('victory', 'turnaround', 'rise', 'amount', 'job').
Tests: tests/test_round29_framing.py.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotate.framing_works import described_noun
from annotate.models import FramingSpan

# Strong entries that are words of wonder or praise, not of harm or blame.
WONDER_ENTRIES = frozenset(
    f"framing.loaded.{w}"
    for w in """stunning staggering majestic breathtaking magnificent incredible fantastic
    terrific astonishing awesome glorious jaw_dropping charismatic bizarre epic ominous eerie
    wonderful world_class revered inspirational""".split()
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
    dessert wine vintage flavour flavor sauce cake pastry bread plate menu cocktail design
    finish screen camera battery handset laptop engine cabin dashboard gadget plant leaf
    flower bloom foliage ceremony fireworks parade spectacle costume role""".split()
)


def _is_thing(n: Token) -> bool:
    return n.pos_ in ("NOUN", "PROPN") and n.lemma_.lower() in THING_NOUNS


def demote_praise_of_things(doc: Doc, spans: list[FramingSpan]) -> None:
    """Strong author's-voice spans of wonder or praise that describe a thing become mild."""
    for s in spans:
        if s.tier != "strong" or s.in_quote or s.entry not in WONDER_ENTRIES:
            continue
        sp = doc.char_span(s.start, s.end, alignment_mode="expand")
        if sp is None:
            continue
        thing = next((n for t in sp if (n := described_noun(t, _is_thing)) is not None), None)
        if thing is None:
            continue
        s.tier = "mild"
        s.reason = f"{s.reason} (Describes a thing, '{thing.text}': the writer's taste; mild.)"
