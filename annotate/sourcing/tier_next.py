"""A claim the next sentence puts a name to (round 16, rule sourcing.tier.sourced_next).

sourcing.tier.lede_sourced_next makes a lede routine when the very next sentence gives a named
source on the same topic. Until round 16 the rule stopped at the lede, on the view that
further down a claim beside a named sentence may well be the writer's own. The judged real
pages say otherwise: on the development pages read in rounds 4-15 (AEB, trafilatura, fresh14
and the two fresh15 check sets), this rule takes 29 judged flags out of the default view and
none of them is a query an editor would ask (one borderline; 14 routine facts, 12 not claims or
attributed after all, 2 the writer's evaluation). They are the source's account given first
and attributed next ('The plant will shut in May, with 300 jobs lost. Its owner, Dana Brink,
said the order book had collapsed.'), background, or record. The blind readings of rounds 15b
and 16 made 'attributed a sentence away' the largest class of wrong default flags. On the
round-16 blind check pages it moved eight flags, one of them a query (a casualty count beside
a speaker who shared a noun with it): the rule's known cost.

So a query flag in the writer's voice (an unattributed claim, not in a quotation) whose very
next sentence is attributed explicitly (a cue, not a carried source) to a named source, and
shares a noun with it that is not a generic one ('year', 'people'), is routine, with the
source in the reason. It stays a flag: one click away, not gone."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from annotate.models import SentenceFlag

SOURCED_NEXT = "sourcing.tier.sourced_next"


# nouns that any two sentences of a story may share without sharing a topic ('the rest of the
# year' and 'a popular time of year'): no link between a claim and the next speaker
_GENERIC = frozenset(
    "year month week day time today people percent number way thing lot part end".split()
)


def _content_nouns(sent: SpacySpan) -> frozenset[str]:
    return frozenset(
        t.lemma_.lower()
        for t in sent
        if t.pos_ in ("NOUN", "PROPN")
        and t.is_alpha
        and not t.is_stop
        and t.lemma_.lower() not in _GENERIC
    )


def named_next(f: SentenceFlag, nxt: SentenceFlag) -> bool:
    """The shape both next-sentence rules read (this one and tier_rules.lede_sourced_next): a
    query claim in the writer's voice, then a sentence with a cue and a named source."""
    return (
        f.tier == "query"
        and f.sourcing == "unattributed_claim"
        and not f.in_quote
        and nxt.sourcing == "named_source"
        and nxt.source is not None
        and nxt.cue is not None
    )


def sourced_next(flags: list[SentenceFlag], sents: list[SpacySpan]) -> None:
    """Make routine each query flag of the writer's voice whose next sentence names its
    source on the same topic (a shared noun). The lede is left to lede_sourced_next."""
    for i in range(len(flags) - 1):
        f, nxt = flags[i], flags[i + 1]
        if not named_next(f, nxt) or f.rule in ("sourcing.headline", "sourcing.quote_speaker"):
            continue
        if not (_content_nouns(sents[i]) & _content_nouns(sents[i + 1])):
            continue
        f.tier = "routine"
        f.reason = (
            f"{(f.reason or '').rsplit('; query:', 1)[0]}; routine: named in the next sentence,"
            f" '{nxt.source.text}' ({SOURCED_NEXT})"
        )
