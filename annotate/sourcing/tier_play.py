"""Words of play and of everyday idiom that hold a crime or casualty cue (round 15, rule
sourcing.tier.sense_play).

Round 15's development pages (fresh L3S-GN1 sports, business and technology copy) put more
than a dozen crime- and casualty-tier queries on words that name no crime and no harm: a
box score's 'six steals' and '5-of-11 shooting', a side's 'passing offense', a
time-killing drive, 'missing their first eight shots', 'wound up third', 'took charge of the
side', and a laptop's 'RAID array' (an acronym in capitals). Round 16 adds baseball's
stolen bases and 'caught stealing' and a coach's offenses ranked in a league table, from
the fresh16 development pages. Each test below reads the word's own phrase, so the same
word in its crime or casualty sense ('stole five cars', 'the shooting outside the bar', 'the
missing hiker', 'a knife wound', 'charged with theft') keeps its cue.
"""

from __future__ import annotations

from spacy.tokens import Token

# sides of play: 'passing offense', 'scoring defense', 'total offense'
_PLAY_UNITS = frozenset(("offense", "offence", "defense", "defence"))
_UNIT_MODS = frozenset(
    "rushing passing scoring total running pass run red-zone zone team league".split()
)
_PLAY_UNITS_PLURAL = frozenset(("offenses", "offences", "defenses", "defences"))
# words of a league table that rank a side ('finished third in scoring', 'yards per play')
_RANKING = frozenset("scoring yards rushing ranked finished averaged league conference".split())


def _ranked(t: Token) -> bool:
    """The side is ranked in its sentence: a word of a league table and a number or an
    ordinal ('finished third in the conference in scoring')."""
    words = {w.lower_ for w in t.sent}
    return bool(words & _RANKING) and any(w.like_num or w.ent_type_ == "ORDINAL" for w in t.sent)


# a shot, pass or game missed, not a person gone missing
_MISSED_THINGS = frozenset(
    """shot shots kick kicks putt putts penalty penalties game games match matches start
    starts cut playoffs playoff chance chances field-goal goal goals free throw throws
    attempt attempts season week weeks""".split()
)


def _shooting_stat(t: Token) -> bool:
    """'on 5-of-11 shooting', 'shooting 40 percent from the floor': a shooting line."""
    sent = t.sent
    window = t.doc[max(sent.start, t.i - 4) : min(sent.end, t.i + 5)]
    text = window.text.lower()
    if "-of-" in text or "from the floor" in text:
        return True
    return any(w.like_num for w in window) and ("percent" in text or "%" in text)


def _acronym(t: Token) -> bool:
    """A cue word written in capitals in a sentence that is not ('a RAID array', 'the KILL
    switch'): an acronym or a product's term. A headline in capitals keeps its words."""
    if not (t.is_upper and len(t.text) > 2):
        return False
    words = [w for w in t.sent if w.is_alpha and len(w.text) > 2]
    return sum(w.is_upper for w in words) * 2 < len(words)


def play_sense(t: Token) -> bool:
    """The crime or casualty cue `t` is a word of play or idiom, not a crime or a harm."""
    low, lemma = t.lower_, t.lemma_.lower()
    doc = t.doc
    nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
    prev = doc[t.i - 1].lower_ if t.i > 0 else ""
    if _acronym(t):
        return True  # 'a RAID array': a storage term, not a police raid
    if low == "wound" and nxt in ("up", "down"):
        return True  # 'wound up third in scoring defense': the verb wind
    if lemma == "steal" and t.pos_ == "NOUN":
        return any(c.dep_ == "nummod" or c.like_num for c in t.children)  # 'six steals'
    if low in ("kill", "kills") and t.pos_ == "NOUN":
        return True  # round 17: an esports score ('a triple kill', '19 kills to five'), no death
    if lemma == "steal" and (nxt in ("base", "bases", "bag", "bags") or prev == "caught"):
        return True  # round 16: baseball's '41 stolen bases', 'caught stealing 6 times'
    if lemma in ("shoot", "shooting") and t.pos_ == "NOUN" and _shooting_stat(t):
        return True
    if low in _PLAY_UNITS or low in _PLAY_UNITS_PLURAL:
        # the modifier just before it, however the parser hung it ('in passing offense'
        # is often read as a gerund taking an object); or a side ranked in a league's
        # table ('his offenses ranked second in rushing', round 16)
        return prev in _UNIT_MODS or _ranked(t)
    if prev == "-" and t.i > 1 and doc[t.i - 2].lower_ in ("clock", "time", "momentum"):
        return True  # 'a time-killing drive'
    if low in ("missing", "missed") and t.pos_ in ("VERB", "AUX"):
        if nxt == "out":
            return True  # 'after missing out on the playoffs'
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        return obj is not None and obj.lemma_.lower() in _MISSED_THINGS
    if lemma == "charge" and t.pos_ == "NOUN" and t.tag_ == "NN":
        # 'took charge of Ardley', 'in charge of the inquiry': a post, not an accusation
        return t.head.lemma_.lower() in ("take", "in", "put", "assume")
    return False
