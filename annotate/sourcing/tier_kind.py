"""A claim marked only by its kind waits one click away (round 17, rule sourcing.tier.kind_only).

An unsourced sentence reaches the default view by one of two roads. Either it leans on
someone the reader cannot check ('sources said', 'officials', 'a report', 'it is understood':
labels anonymous_source, weasel, agentless, vague_document), or it names no source at all and
the tool judged its content query-worthy by kind: a figure, a harm or crime word, a cause, an
accusation, an estimate, a forecast, a motive, a closed-door detail.

Five blind readings of real pages (rounds 14, 15, 15b, 16 and 16b: 105 pages from five
public page sets, each read by an editor before any rule was written from it) measured the
two roads apart. At the commit each reading judged, the default view held 114 flags of the
first kind, 17 of them queries and 18 borderline, and 248 of the second, 3 of them queries and
10 borderline. Of the 248, the figures were market prices, box scores, deal sizes, history and
specifications; the harm and crime words were plots, idioms, records and metaphors; the
causes and forecasts were the writer's own argument. Rounds 9-16 wrote rule after rule to
trim them and each new blind sample brought new shapes.

So the kinds alone no longer put a claim in the default view. The flag stays, its label and
rule unchanged, with the tier `routine` and this rule in the reason; `--tier all` and the
reader's one click show it. Four shapes keep their query tier because the readings found
queries there and an editor asks about them whatever the page: a count of dead or injured
(the casualty tier on a figure), unease stated as fact ('there are concerns'), a grudge or
feeling of a person told as fact (round 27, from the blind sets; no real page has one), and a statistic
about a population ('78 percent of households', 'more than 13,000 migrants': a share of people,
income or wealth, or a count of at least a thousand people; sourcing.words.population_nouns).
On the judged development pages (AEB, trafilatura) the rule costs queries those pages' rules
were written to catch, which the closing note of round 17 gives in full.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag
from annotate.sourcing.inner_states import INNER_STATE
from annotate.sourcing.lexicon import WordSet
from annotate.sourcing.words import WordSetView

KIND_ONLY = "sourcing.tier.kind_only"
# what kind_only adds to a reason; before_kind_only takes it off again
_WAITS = f"; routine: no source word, a query only by its kind ({KIND_ONLY})"
_POPULATION = WordSetView("population_nouns")
_INCIDENTS = WordSetView("counted_incidents")
_TIER_ID = re.compile(r"\((sourcing\.tier\.\w+)\)")
# tiers that keep the default view on their own (see the docstring)
_KEEP = frozenset(("sourcing.tier.vague_concern",))
_SHARE = frozenset(("percent", "%", "cent", "percentage", "third", "quarter", "half", "fifth"))
_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# 'a city of 300,000 people': the count describes the place, background, not a statistic
_PLACES = frozenset(("city", "town", "nation", "country", "state", "island", "village", "region"))
_WORD_NUMS = {"hundred": 100, **_SCALE}


def _value(tok: Token) -> float | None:
    """The number a numeral token and its scale word stand for ('13,000', '2 million')."""
    text = tok.text.replace(",", "")
    try:
        val = float(text)
    except ValueError:
        val = _WORD_NUMS.get(tok.lower_)
        if val is None:
            return None
    for other in (*tok.children, tok.head):
        if other.lower_ in _SCALE and other is not tok:
            val *= _SCALE[other.lower_]
    return val


def _people(tok: Token) -> bool:
    return tok.lemma_.lower() in _POPULATION or tok.lower_ in _POPULATION or tok.ent_type_ == "NORP"


def _share_of_people(tok: Token) -> bool:
    """'78 percent of households', 'a third of voters', '8.5 percent of national income'."""
    if tok.lower_ not in _SHARE:
        return False
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return any(_people(c) for c in prep.children if c.dep_ == "pobj")
    return False


def _counted(tok: Token) -> Token | None:
    """The noun a numeral counts, past its scale words ('2 million residents': 2 -> million
    -> residents), or None when `tok` is no numeral or counts nothing."""
    if not tok.like_num:
        return None
    head = tok.head
    # spaCy makes a new Token object on each access, so identity ('is') never finds the root:
    # compare indices (a numeral at the root of a one-line sentence looped for ever, round 28)
    while head.like_num and head.head.i != head.i:
        head = head.head
    return None if head.i == tok.i or head.like_num else head


def _count_of_people(tok: Token) -> bool:
    """'more than 13,000 migrants', 'some 2 million residents', not 'a city of 300,000 people'."""
    head = _counted(tok)
    if head is None or not _people(head):
        return False
    value = _value(tok)
    if value is None or value < 1_000:
        return False
    of = head.head
    return not (of.lower_ == "of" and of.head.lemma_.lower() in _PLACES)


def _people_within(tok: Token, start: int) -> bool:
    """People among the three words from `start` tokens after `tok` ('in five Ardley voters')."""
    doc = tok.doc
    return any(_people(t) for t in doc[tok.i + start : min(tok.i + start + 3, len(doc))])


def _one_in(tok: Token) -> bool:
    """'one in five children', 'two in three Ardley voters'."""
    doc = tok.doc
    i = tok.i
    if not (tok.like_num and i + 2 < len(doc) and doc[i + 1].lower_ == "in"):
        return False
    return doc[i + 2].like_num and _people_within(tok, 3)


def _rate_of_change(tok: Token, trend: WordSet) -> bool:
    """'Fraud against charities rose 23 percent', 'thefts rose by a third', 'rents fell by
    6 percent': a trend verb with a share, a rate of change in the writer's voice. Market
    moves never reach here: their tier is routine before this rule (sourcing.tier.market)."""
    if tok.pos_ not in ("VERB", "AUX") or trend.token(tok) is None:
        return False
    # the share may hang anywhere under the verb: the parser reads 'by a third last year' as
    # a year, so the subtree is searched rather than the 'by' phrase alone
    subject = {t.i for c in tok.children if c.dep_.startswith("nsubj") for t in c.subtree}
    return any(t.lower_ in _SHARE and t.i not in subject for t in tok.subtree)


def _count_of_incidents(tok: Token) -> bool:
    """'22 homicides were recorded in March', '10 human cases': a count of crimes or cases of
    illness, of any size, is a statistic an editor asks about (sourcing.words.counted_incidents)."""
    head = _counted(tok)
    return head is not None and tok.lower_ not in ("one", "1") and head.lemma_.lower() in _INCIDENTS


def _as_many(tok: Token) -> bool:
    """'twice as many people', 'three times as many migrants': a multiplier of a population."""
    doc, i = tok.doc, tok.i
    if tok.lower_ not in ("twice", "times") or i + 2 >= len(doc):
        return False
    if doc[i + 1].lower_ != "as" or doc[i + 2].lower_ not in ("many", "much"):
        return False
    return _people_within(tok, 3)


def population_statistic(sent: SpacySpan, trend: WordSet | None = None) -> bool:
    """True when the sentence states a statistic about a population, or a rate of change
    (with the trend verbs of `trend`; see the docstring)."""
    return any(
        _share_of_people(t)
        or _count_of_people(t)
        or _count_of_incidents(t)
        or _as_many(t)
        or _one_in(t)
        or (trend is not None and _rate_of_change(t, trend))
        for t in sent
    )


def _tier_id(reason: str) -> str:
    ids = _TIER_ID.findall(reason)
    return ids[-1] if ids else ""


def kind_only(
    flags: list[SentenceFlag], sents: list[SpacySpan], trend: WordSet | None = None
) -> int:
    """Make routine, in place, the query flags that name no source and were queries by their
    kind alone; returns how many moved."""
    moved = 0
    for f, s in zip(flags, sents, strict=True):
        if f.tier != "query" or f.sourcing != "unattributed_claim":
            continue
        reason = f.reason or ""
        tier = _tier_id(reason)
        if tier in _KEEP or f.rule == INNER_STATE:
            continue  # round 27: a grudge told as fact keeps its query, whatever word tiered it
        if tier == "sourcing.tier.casualty" and f.rule == "sourcing.check.figure":
            continue  # a count of dead or injured
        if population_statistic(s, trend):
            continue
        f.tier = "routine"
        # the kind's reason stays, so the editor sees what the claim is and why it waits
        f.reason = f"{reason}{_WAITS}"
        moved += 1
    return moved


def before_kind_only(flag: SentenceFlag) -> SentenceFlag:
    """The flag as the rules before kind_only left it (a copy), or the flag itself when
    kind_only did not move it."""
    reason = flag.reason or ""
    if not reason.endswith(_WAITS):
        return flag
    return replace(flag, tier="query", reason=reason[: -len(_WAITS)])


def decided_tier(flag: SentenceFlag) -> str | None:
    """The tier the rules before kind_only decided: what a tier entry's examples state."""
    return before_kind_only(flag).tier
