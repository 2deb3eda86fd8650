"""Tiers by what a claim is about (round 10, issue 9): two places where the earlier rules
made a claim a query for its form alone (a number; a forecast word) although its topic is
low-risk. Entries, with invented examples: annotate/lexicons/sourcing_tiers_topic.toml.

- A bare figure (`sourcing.check.figure`, reaching the last fallback of tiers.py with no query
  word, cause, forecast or spending) that counts things, not people or money: 'two problems
  with this plan', 'its first six albums', 'thirteen paint finishes'
  (`sourcing.tier.thing_count`). A count of people ('28 people', 'nearly 150 Indians',
  'hundreds of demonstrators'), money, a share, or a number whose noun the parse does not
  give ('All but four were released') stays a query.
- A forecast in the writer's voice in a signed piece (`sourcing.tier.column_forecast`): the
  column's own prediction ('they will almost certainly buy some of these upstarts'), like its
  judgements (`sourcing.tier.column_view`). A forecast with a cause, an accusation or harm in
  it, or inside a quotation, stays a query."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag
from annotate.nlp import span_ents
from annotate.sourcing.analysis import consequence
from annotate.sourcing.checkworthy import _hedged_clause, _reason_why
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.voice import case_event, vague_concern, voice_word, writers_piece
from annotate.sourcing.words import WordSetView

_PEOPLE = WordSetView("counted_people")
# a share or sum is somebody's data (a nationality counts people: checked on the counted noun)
_RISKY_ENTS = ("MONEY", "PERCENT")
_FORECAST_IDS = ("sourcing.tier.forecast_word", "sourcing.tier.estimate")


def _counted(t: Token) -> Token | None:
    """The noun a number counts: its head through a modifier chain ('six albums', 'a 20-inch
    wheel', 'two of the problems'), or None when the number stands alone or a verb comes
    first ('All but four have been released')."""
    cur = t
    for _ in range(4):
        if cur.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "ROOT", "appos"):
            if cur is not t and cur.pos_ in ("NOUN", "PROPN"):
                return cur
            if cur.pos_ == "NUM" and cur.dep_ != "pobj":
                # 'two of the problems': the noun of its 'of'
                of = next((c for c in cur.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
                return obj if obj is not None and obj.pos_ == "NOUN" else None
            return None
        if cur.head.i == cur.i or cur.head.pos_ in ("VERB", "AUX"):
            return None
        cur = cur.head
        if cur.pos_ == "NOUN" and cur.dep_ not in ("compound", "nummod"):
            return cur
    return None


# endings of person nouns ('contractors', 'politicians', 'Delhiites', 'attendees'): the list of
# sourcing.words.counted_people cannot name every kind of person; some things match too
# ('letters', 'sensors') and stay queries, the safe side
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "ite")


def _person_ending(noun: Token) -> bool:
    word = noun.lower_.removesuffix("s") if noun.tag_ in ("NNS", "NNPS") else noun.lower_
    return word.endswith(_PERSON_ENDINGS)


def _other_claim(sent: SpacySpan, lex: SourcingLexicon, claim: str | None) -> bool:
    """The sentence makes a claim besides its figure, which the figure check (it runs first)
    hid: a clause with a conjunction, a cause, accusation or harm word (`claim`), a motive or forecast word, a reason
    ('That's why ...'), unease stated as fact, a detail of a case, a hedged forecast, or what
    an event will bring. Then the number's topic does not decide the tier."""
    mask = [False] * len(sent)
    # a clause with a conjunction ('Although the code requires two inspections, ...',
    # 'because ...', 'after ...') sets the figure in an argument: a breach, a cause, a sequence
    marked = any(t.dep_ == "advcl" and any(c.dep_ == "mark" for c in t.children) for t in sent)
    return (
        marked
        or claim is not None
        or voice_word(sent, mask, sent.text.lower(), lex) is not None
        or _reason_why(sent) is not None
        or vague_concern(sent, mask) is not None
        or case_event(sent, mask) is not None
        or _hedged_clause(sent, mask) is not None
        or consequence(sent, mask) is not None
    )


def thing_count(
    flag: SentenceFlag, sent: SpacySpan, lex: SourcingLexicon, claim: Callable[[], str | None]
) -> str | None:
    """The counted noun when every number of a bare-figure flag counts a thing and the
    sentence makes no other claim (rule "sourcing.tier.thing_count"), else None. `claim()`
    finds a cause, accusation or harm word in the sentence."""
    if flag.rule != "sourcing.check.figure" or flag.in_quote:
        return None
    if any(e.label_ in _RISKY_ENTS for e in span_ents(sent)):
        return None
    if any(t.lemma_.lower() in _PEOPLE or t.lower_ in _PEOPLE for t in sent):
        return None
    nouns = []
    for t in sent:
        if not (t.like_num or t.ent_type_ in ("CARDINAL", "QUANTITY")) or t.ent_type_ == "DATE":
            continue
        if t.ent_type_ in ("ORDINAL", "TIME"):
            continue
        noun = _counted(t)
        if noun is None or noun.ent_type_ in ("PERSON", "NORP") or _person_ending(noun):
            return None
        nouns.append(noun)
    if not nouns or _other_claim(sent, lex, claim()):
        return None
    return nouns[0].text


def column_forecast(
    flag: SentenceFlag,
    sent: SpacySpan,
    query: tuple[str, str] | None,
    claim: Callable[[], str | None],
) -> str | None:
    """The forecast word when a forecast in the writer's voice sits in a signed piece (rule
    "sourcing.tier.column_forecast"): `query` is the tier cue that made it a query; `claim()`
    finds a cause, accusation or harm word in the sentence (then it stays a query). Cheap
    tests first: this runs on every query-word flag."""
    if query is None or query[1] not in _FORECAST_IDS:
        return None
    if flag.in_quote or flag.sourcing != "unattributed_claim":
        return None
    if not (flag.rule or "").startswith(("sourcing.check.motive", "sourcing.check.prediction")):
        return None
    if not writers_piece(sent.doc) or claim() is not None:
        return None
    return query[0]
