"""Small counts in the story's own narrative (round 14, issue 9): `sourcing.tier.small_count`.

A bare figure reaches the last fallback of tiers.py (`sourcing.tier.figure`, a query) when no
query word, cause, forecast, spending or routine domain has decided it, and `thing_count`
(tier_topic.py) keeps every count of people a query. On the round-14 development pages most of
those last-fallback queries that an editor called routine were small counts that tell the
story rather than measure anything: 'two councillors visited the plant', 'three members of
the choir sang at the fete', 'four of the candidates back the plan', 'she stood for the seat
three times'. No one asks the reporter where 'two councillors' came from; they ask about
shares, sums, tallies and big counts.

So the figure is routine when every number in the sentence is a plain count of at most nine (in
words or digits: the numbers wire style spells out), and none of them is money, a share, a
multiplier ('five times more likely', 'threefold'), a measure with a unit, or a count of harm,
illness or custody (cases, deaths, victims, patients, prisoners: `sourcing.words.harm_counted`)
or people a violent verb acts on ('a gunman shot two men'), and the police or troops are not the
actors ('police beat three protesters'); and the sentence makes no other claim the figure check
hid (the same test as `thing_count`). Entry and examples:
annotate/lexicons/sourcing_tiers_topic.toml.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag
from annotate.nlp import span_ents
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.tier_topic import _counted, _other_claim
from annotate.sourcing.words import WordSetView

SMALL_COUNT = "sourcing.tier.small_count"
_HARM = WordSetView("harm_counted")
_OFFICERS = WordSetView("law_officers")
_LIMIT = 9
# counts in words, up to the limit (wire style spells out one to nine)
_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}
# entity kinds whose numbers are somebody's data or a measure, never a narrative count
_NOT_COUNTS = ("MONEY", "PERCENT", "QUANTITY")
# what follows a multiplier or a rate: 'five times', 'three percent', 'two per cent'
_AFTER = frozenset(("fold", "percent", "per", "%", "pc", "pct", "x"))


# violence done to the people counted ('a gunman shot two men', 'stabbed three guests'): the
# count is of victims though the noun is not 'victims', so it is a harm claim (tier_acts.py
# reads 'police beat three protesters' the same way)
_VIOLENCE = WordSetView("violent_acts")


def _harmed(noun: Token) -> bool:
    """The counted noun is the object of a violent verb ('shot two men', 'two men were
    stabbed')."""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in _VIOLENCE


_COMPARATIVE = ("JJR", "RBR")
_MULTIPLIED = frozenset(("as", "the", "that", "what", "over"))


def _value(t: Token) -> float | None:
    word = t.lower_.replace(",", "")
    if word in _WORDS:
        return float(_WORDS[word])
    try:
        return float(word)
    except ValueError:
        return None


def _small(t: Token) -> bool:
    value = _value(t)
    if value is None or value > _LIMIT or value != int(value):
        return False
    nxt = t.nbor() if t.i + 1 < len(t.doc) else None
    if nxt is not None and nxt.lower_ == "times":
        # 'ran for mayor three times' counts occasions; 'five times more likely' multiplies
        after = nxt.nbor() if nxt.i + 1 < len(t.doc) else None
        return after is None or not (after.tag_ in _COMPARATIVE or after.lower_ in _MULTIPLIED)
    if nxt is not None and (nxt.lower_ in _AFTER or nxt.text.startswith("-")):
        return False  # a multiplier, a rate, or a compound measure ('a 12-hour shift')
    noun = _counted(t)
    # no counted noun ('All but four have been released'): whose count it is stays unknown
    return noun is not None and noun.lemma_.lower() not in _HARM and not _harmed(noun)


def small_count(
    flag: SentenceFlag, sent: SpacySpan, lex: SourcingLexicon, claim: Callable[[], str | None]
) -> str | None:
    """The first small count ('three men') when every number of a bare-figure flag is a
    narrative count of at most nine and the sentence claims nothing else; else None.
    `claim()` finds a cause, accusation or harm word in the sentence."""
    if flag.rule != "sourcing.check.figure" or flag.in_quote:
        return None
    ents = span_ents(sent)
    if any(e.label_ in _NOT_COUNTS for e in ents):
        return None
    nums = [
        t
        for t in sent
        if (t.like_num or t.ent_type_ == "CARDINAL")
        and t.ent_type_ not in ("DATE", "TIME", "ORDINAL")
        and not t.is_punct
    ]
    if not nums or not all(_small(t) for t in nums):
        return None
    if any(
        t.dep_ in ("nsubj", "nsubjpass", "pobj") and t.lemma_.lower() in _OFFICERS for t in sent
    ):
        return None  # what police or troops did to people is a claim about them (tier_acts.py)
    if _other_claim(sent, lex, claim()):
        return None
    t = nums[0]
    noun = _counted(t)
    return f"{t.text} {noun.text}" if noun is not None else t.text
