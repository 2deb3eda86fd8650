"""Senses of cue verbs (round 10): 'make' that says ('made clear that'), cue verbs in a
sense that says nothing ('adding to her lead', 'continues to trail'), and a verb of saying
beside a refusal to comment; 'expected to' and 'supposed to' as a duty or plan, not
hearsay. Split from attribution.py to keep it under 400 lines."""

from __future__ import annotations

from spacy.tokens import Token

from annotate.models import Span
from annotate.sourcing.words import WordSetView

# 'made clear that', 'made it plain that': 'make' with these is a verb of saying
_MADE_CLEAR = WordSetView("made_clear")
# 'adding to his lead', 'continues to trail': senses of a cue verb that say nothing
_ADD_TO = WordSetView("add_to_not_speech")
_ASPECT = WordSetView("aspect_not_speech")
# 'slammed into', 'blasted through': loaded verbs of saying in their physical sense
_PHYSICAL = WordSetView("physical_not_speech")
_PHYSICAL_PREPS = frozenset(("into", "against", "onto", "through", "across", "off"))
# 'showed up', 'wrote off', 'called off': a cue verb with a particle that makes another verb
_PHRASAL = WordSetView("phrasal_not_speech")
# round 26: 'wrote two books', 'composed an opera': a verb of writing with a work as object
_WORKS = WordSetView("authored_works")
_WRITING = frozenset(("write", "compose", "pen", "publish", "author", "co-write"))
# entries of verbs of saying (a parenthetical one reports the whole sentence)
_SPEECH_ENTRIES = frozenset(
    ("sourcing.cue.speech", "sourcing.cue.speech_other_senses", "sourcing.cue.loaded_speech")
)


def _says_besides(tok: Token, label: str, speech_id: str | None, refusal: Span | None) -> bool:
    """'declined to comment, saying that nobody involved remains', 'the bank declined to
    comment and aides later said the remark ...': beside a refusal to comment, a verb of
    saying with a clause of its own still reports words (sourcing.no_comment, round 10)."""
    if label == "none" or speech_id not in _SPEECH_ENTRIES or refusal is None:
        return False
    inside = range(refusal.start, refusal.end)
    up = tok
    while True:  # embedded in the refusal: 'did not respond to whether she said ...'
        if up.idx in inside:
            return False
        if up.dep_ in ("conj", "advcl") or up.head.i == up.i:
            break  # a clause beside the refusal ('..., saying', '... and aides said')
        up = up.head
    return any(c.dep_ == "ccomp" for c in tok.children)


def other_sense(tok: Token, lemma: str) -> bool:
    """A cue verb in a sense that reports nothing: 'adding to his delegate lead' (add with
    'to' and no clause: an increase; sourcing.words.add_to_not_speech), 'continues to
    trail' (with an infinitive: how long something goes on; sourcing.words.aspect_not_speech),
    'slammed into a building' (a loaded verb of saying with a preposition of motion and no
    clause: a collision; sourcing.words.physical_not_speech), 'showed up at the gates' (a
    particle that makes another verb; sourcing.words.phrasal_not_speech), 'wrote two books'
    (a verb of writing whose object is a work, with no clause; sourcing.words.authored_works)."""
    deps = {c.dep_ for c in tok.children}
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if prt is not None and f"{lemma} {prt}" in _PHRASAL:
        return True  # round 23: 'fans showed up early' (sourcing.words.phrasal_not_speech)
    if lemma in _PHYSICAL and "ccomp" not in deps:
        # 'a freight train slammed into a bus', 'waves battered against the wall' (round 15)
        return any(c.dep_ == "prep" and c.lower_ in _PHYSICAL_PREPS for c in tok.children)
    if lemma in _ADD_TO:
        return "ccomp" not in deps and any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in tok.children
        )
    if lemma in _WRITING and "ccomp" not in deps:
        # round 26: 'wrote two books on surgery': a work made, not words reported
        return any(
            c.dep_ == "dobj" and c.lemma_.lower() in _WORKS and c.pos_ == "NOUN"
            for c in tok.children
        )
    return lemma in _ASPECT and "xcomp" in deps


def _made_clear(tok: Token) -> Token | None:
    """'made clear that ...', 'made it plain they ...': the adjective that turns 'make' into
    a verb of saying, when a clause follows (sourcing.words.made_clear)."""
    adj = next(
        (
            c
            for c in tok.children
            if c.dep_ in ("ccomp", "acomp", "oprd") and c.lower_ in _MADE_CLEAR
        ),
        None,
    )
    if adj is None:
        return None
    clause = any(c.dep_ in ("ccomp", "advcl") for c in (*tok.children, *adj.children))
    return adj if clause else None


def _duty_not_hearsay(tok: Token, lemma: str, children: dict[str, Token]) -> bool:
    """'was supposed to be finished by 2021' (a plan), 'would be expected to renew' (a duty):
    what was meant or required, not what someone is said to think. 'is supposed to have
    fled' (a perfect infinitive) is still hearsay, and so is 'is expected to win'."""
    xcomp = children.get("xcomp")
    if xcomp is None:
        return False
    if lemma == "suppose":
        return not any(c.dep_ == "aux" and c.lower_ == "have" for c in xcomp.children)
    if lemma == "expect":
        return any(
            c.dep_ == "aux" and c.lower_ in ("would", "will", "should") for c in tok.children
        )
    return False
