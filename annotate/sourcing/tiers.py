"""Tiers of unsourced sentences: `query` (an editor would ask the reporter where it came
from) or `routine` (checkable and low-risk). See DESIGN.md "Labels".

The order of the tests is the order of an editor's worry:
1. Unnamed people, documents and groups (anonymous_source, vague_document, agentless,
   weasel) are queries: the reader cannot check who stands behind the words. A spokesperson
   of a named body is routine unless what they say is itself a query.
2. Words that make a claim a query whatever else it is: deaths and injuries, crimes and
   arrests, estimates and forecasts, what happened behind closed doors
   (`tier_query_word` entries). Then the writer speaking of themselves ("I", "we") or
   to the reader ("you", "your": a review, deal list, recipe or how-to) is routine.
3. Causes, accusations, harm, motives, judgements and unattributed quotations are queries by
   their rule (`sourcing.tier.claim_kind`).
4. Words of a routine domain: market data, sport results, public record, biography,
   specifications and background figures (`tier_routine_word` entries).
5. Comparisons, superlatives, dated past events and trends with nothing of the above are
   routine (what the reporter can look up); any other figure is a query.

The reason of the flag gains the tier and the entry that decided it, so an editor sees why.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span as SpacySpan

from annotate.models import SentenceFlag
from annotate.sourcing.lexicon import SourcingLexicon

# rules whose claim is a query by its kind (ids of sourcing.toml / sourcing_rules.toml)
_QUERY_RULE_PREFIXES = (
    "sourcing.check.causal",
    "sourcing.check.accusation",
    "sourcing.check.harm",
    "sourcing.check.evaluative",
    "sourcing.quote_speaker",
    "framing.",
)
_ROUTINE_BY_DEFAULT = (
    "sourcing.check.superlative",
    "sourcing.check.comparative",
    "sourcing.check.past_event",
    "sourcing.check.trend_verb",
)


@lru_cache(maxsize=1)
def _default_lexicon() -> SourcingLexicon:
    from annotate.sourcing.lexicon import load_lexicon

    return load_lexicon()


def _hit(sent: SpacySpan, lex: SourcingLexicon, kind: str) -> tuple[str, str] | None:
    """(word, entry id) of the first token or phrase of `kind` in the sentence. A query word
    inside a `tier_query_exclude` phrase ('in charge', 'free of charge') does not count."""
    ws = lex[kind]
    exclude = lex["tier_query_exclude"] if kind == "tier_query_word" else None
    lower = ""  # the sentence's text is built only when needed (Span.text joins tokens)
    for t in sent:
        if (eid := ws.token(t)) is not None:
            if exclude is not None:
                lower = lower or sent.text.lower()
                a = t.idx - sent.start_char
                if exclude.covers(lower, a, a + len(t.text)):
                    continue
            return t.text, eid
        # "16-inch", "12-cup": a measure joined to its number
        if "-" in t.text and (eid := ws.words.get(t.lower_.rsplit("-", 1)[-1])) is not None:
            return t.text, eid
    if hit := ws.phrase(lower or sent.text.lower()):
        return hit[2], hit[3]
    return None


def _decide(flag: SentenceFlag, sent: SpacySpan, lex: SourcingLexicon) -> tuple[str, str, str]:
    """(tier, why in words, entry id)."""
    rule = flag.rule or ""
    query = _hit(sent, lex, "tier_query_word")
    if flag.sourcing != "unattributed_claim":
        if lex["representative_noun"].words and rule in lex["representative_noun"].words.values():
            if query:
                return "query", f"a spokesperson on '{query[0]}'", query[1]
            return "routine", "a named body's spokesperson", "sourcing.tier.spokesperson"
        return "query", "no one the reader can check", "sourcing.tier.unnamed"
    if query:
        return "query", f"'{query[0]}'", query[1]
    root = sent.root
    if any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in root.children) and not (
        flag.in_quote
    ):
        return "routine", "the writer's own experience or view", "sourcing.tier.first_person"
    if not flag.in_quote and any(
        t.lower_ in ("you", "your") and t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj")
        for t in sent
    ):
        # a review, a deal list, a recipe or a how-to speaking to its reader
        return "routine", "advice or an offer to the reader", "sourcing.tier.reader"
    if rule.startswith(("sourcing.check.hidden_act", "sourcing.check.source_clause")):
        return (
            "query",
            "an event or figure the story adds with no source",
            "sourcing.tier.unsourced_event",
        )
    # an id outside sourcing.* is a borrowed framing entry (shipped or the user's): a judgement
    if rule.startswith(_QUERY_RULE_PREFIXES) or (rule and not rule.startswith("sourcing.")):
        return (
            "query",
            "a cause, accusation, harm, judgement or unattributed quotation",
            "sourcing.tier.claim_kind",
        )
    if routine := _hit(sent, lex, "tier_routine_word"):
        return "routine", f"'{routine[0]}'", routine[1]
    if rule in _ROUTINE_BY_DEFAULT or rule in lex["trend_verb"].words.values():
        return "routine", "a comparison, record or dated event", "sourcing.tier.lookup"
    return "query", "a figure or event with no source", "sourcing.tier.figure"


def assign_tier(
    flag: SentenceFlag, sent: SpacySpan, lex: SourcingLexicon | None = None
) -> str | None:
    """The tier of `flag` (the sentence `sent`, whose `.doc` is the article): 'query' or
    'routine' for an unsourced sentence, None for any other. Adds the tier and the entry
    that decided it to the flag's reason."""
    if not flag.unsourced:
        return None
    tier, why, eid = _decide(flag, sent, lex or _default_lexicon())
    flag.reason = f"{flag.reason}; {tier}: {why} ({eid})" if flag.reason else f"{tier}: {why}"
    return tier
