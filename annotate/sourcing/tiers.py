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

Before 2-5, round 8's shapes (tier_shapes.py): what the flag took for a source is none
(dialogue on footage, the scene a video shows, people doing an act), history from the books,
a named body's own report; after 3, size and urgency in the writer's voice is routine
(`sourcing.tier.writer_evaluation`; judgements of quality or conduct stay queries), and before 4 a
count in a roster or schedule (`sourcing.tier.present_count`).

Round 9 (tier_senses.py, tier_context.py): a query word counts only in its sense, and before
the prediction rules a study's method, a match report's box score and a review's own testing
are routine. Round 10 (tier_topic.py): what a claim is about decides, not its form: a forecast
in a signed column and a bare figure counting things (not people or money) are routine.
Round 11 (tier_marks.py): a numbered citation or a signature line names the source.
Round 12 (tier_piece.py): an argued piece's own causes, forecasts and hedges, and a group that
says nothing (a wish, a supposition), are routine. Round 13 (tier_acts.py, tier_doc.py): police
or court procedure on the record, unnamed speakers at a public meeting, an order to the reader,
a lone loaded word, and history a lifetime before the article are routine.

The reason of the flag gains the tier and the entry that decided it, so an editor sees why.
Step 1 lives in tier_unnamed.py, and the lookups every step shares (a tier word, a claim word,
a court record nearby) in tier_hits.py; the steps after it are `_decide` here.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag
from annotate.sourcing import tier_acts as acts  # round 13
from annotate.sourcing.generic import generic_statement
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.tier_context import context_tier
from annotate.sourcing.tier_counts import SMALL_COUNT, small_count
from annotate.sourcing.tier_hits import claim_in, court_context, lexicon_hit
from annotate.sourcing.tier_marks import marked_tier
from annotate.sourcing.tier_passing import IN_PASSING, UNTAGGED_QUOTE, in_passing, untagged_quote
from annotate.sourcing.tier_plot import PLOT, story_told
from annotate.sourcing.tier_population import RULE as POPULATION
from annotate.sourcing.tier_population import population
from annotate.sourcing.tier_rules import (
    _cause_of_move,
    _mentions,
    _only_ordinal,
    after_own_news,
    foreign_prose,
)
from annotate.sourcing.tier_shapes import body_report, history, not_a_source, present_count
from annotate.sourcing.tier_topic import column_forecast, thing_count
from annotate.sourcing.tier_unnamed import unnamed_tier
from annotate.sourcing.voice import (
    VOICE_QUERY_IDS,
    stakes_evaluation,
    voice_word,
    writers_piece,
)
from annotate.sourcing.words import WordSetView

_VOICE_RULES = {
    "sourcing.check.vague_concern": "unease or evidence stated as fact",
    "sourcing.check.case_event": "a detail of a case with no source",
    "sourcing.check.inner_state": "a grudge or feeling told as fact",
}

# rules whose claim is a query by its kind (ids of sourcing.toml / sourcing_rules.toml)
_QUERY_RULE_PREFIXES = (
    "sourcing.check.causal",
    "sourcing.check.accusation",
    "sourcing.check.harm",
    "sourcing.check.evaluative",
    "sourcing.quote_speaker",
    "framing.",
)
_COLUMN_FORECAST, _THING_COUNT = "sourcing.tier.column_forecast", "sourcing.tier.thing_count"
_ROUTINE_BY_DEFAULT = (
    "sourcing.check.superlative",
    "sourcing.check.comparative",
    "sourcing.check.past_event",
    "sourcing.check.trend_verb",
)


# the word sets of sourcing_tiers*.toml read here (see annotate/sourcing/words.py)
_SPENDING = WordSetView("spending")
# size, weight and urgency ('enormous', 'dire'): the writer grading the story, not accusing
_SCALE = WordSetView("writer_scale")
_JUDGEMENT_RULES = (
    "sourcing.check.causal",
    "sourcing.check.accusation",
    "sourcing.check.evaluative",
    "sourcing.quote_speaker",
    "framing.",
)
# verbs that reach, hold or move a level ('could reach 40,000', 'should keep rates low')
_REACH_VERBS = frozenset(
    "reach hit top exceed surpass ease stay remain keep push lift lower raise boost drive send"
    " hold".split()
)
_FORECAST_MODALS = frozenset(("will", "would", "could", "might", "may", "should", "'ll"))


def _forecast(sent: SpacySpan, lex: SourcingLexicon) -> Token | None:
    """'rates could ease to 5.5%', 'prices will probably fall': a change said of the future
    (a modal on a trend verb or 'reach', 'top', 'hit'); 'will have 300 horsepower' is a
    specification, not a forecast."""
    root = sent.root
    verbs = [root, *(c for c in root.children if c.dep_ == "conj")]
    for v in verbs:
        if not (lex["trend_verb"].token(v) or v.lemma_.lower() in _REACH_VERBS):
            continue
        for c in v.children:
            if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in _FORECAST_MODALS:
                return c
    return None


@lru_cache(maxsize=1)
def _default_lexicon() -> SourcingLexicon:
    from annotate.sourcing.lexicon import load_lexicon

    return load_lexicon()


def _decide(flag: SentenceFlag, sent: SpacySpan, lex: SourcingLexicon) -> tuple[str, str, str]:
    """(tier, why in words, entry id)."""
    rule = flag.rule or ""
    if (ratio := foreign_prose(sent.doc)) is not None:
        why = f"not English prose ({ratio:.0%} English function words): the rules read English"
        return "routine", why, "sourcing.tier.not_english"
    query = lexicon_hit(sent, lex, "tier_query_word")
    if marked := marked_tier(flag, sent, query, lambda: claim_in(sent, lex)):  # round 11
        return marked
    if query and query[1] in VOICE_QUERY_IDS:
        # 'which is why I keep one in my bag': the writer's own reasons are a review's
        if voice_word(sent, [False] * len(sent), sent.text.lower(), lex) is None:
            query = None
    if flag.sourcing != "unattributed_claim" or flag.rule == "sourcing.quote_speaker":
        if shown := not_a_source(flag, sent, query):
            return shown
    if flag.sourcing in ("unattributed_claim", "agentless") and not flag.in_quote:
        if not rule.startswith("sourcing.check.accusation") and (past := history(sent)):
            return "routine", f"history from the books ('{past}')", "sourcing.tier.history"
    if flag.sourcing == "unattributed_claim" and not flag.in_quote:
        if plot := story_told(sent):
            return "routine", f"a story told in a work ('{plot}')", PLOT  # round 16
        if body := body_report(sent):
            return "routine", f"a named body's own report ('{body}')", "sourcing.tier.body_report"
        if act := acts.official_act(flag, sent, lex, query):
            return (
                "routine",
                f"police or court procedure on the record ('{act}')",
                acts.OFFICIAL_ACT,
            )
        if blotter := acts.named_charge(flag, sent, query):  # round 15
            why = f"a named person's arrest or charge on record ('{blotter}')"
            return "routine", why, acts.NAMED_CHARGE
        if (
            query
            and query[1] == "sourcing.tier.casualty"
            and generic_statement(sent, True) is not None
        ):
            # 'Left untreated, the infection can lead to death': textbook background
            return "routine", "what a condition can do", "sourcing.tier.generic_capacity"
    if flag.sourcing != "unattributed_claim":
        return unnamed_tier(flag, sent, lex, query)
    judged = rule.startswith(_JUDGEMENT_RULES) or (rule and not rule.startswith("sourcing."))
    estimate = query is not None and query[1] == "sourcing.tier.estimate"
    if not judged and not estimate and (record := court_context(sent)):
        return "routine", f"court record in force ('{record}')", "sourcing.tier.court_record"
    if (query is None or query[1] == "sourcing.tier.estimate") and (
        news := after_own_news(sent, lex)
    ):
        return "routine", f"a move after the company's own news: '{news}'", "sourcing.tier.own_news"
    if fc := column_forecast(flag, sent, query, lambda: claim_in(sent, lex)):
        return "routine", f"the writer's forecast in a signed piece ('{fc}')", _COLUMN_FORECAST
    if query:
        return "query", f"'{query[0]}'", query[1]
    if rule in _VOICE_RULES:  # unease stated as fact, a case detail: whose account is it?
        return "query", _VOICE_RULES[rule], rule.replace(".check.", ".tier.")
    if rule.startswith(("sourcing.check.evaluative", "framing.")) and (
        stake := stakes_evaluation(sent, _quoted_word(flag.reason or ""))
    ):
        return "routine", f"the writer's reading of the stakes ('{stake}')", "sourcing.tier.stakes"
    if (
        rule.startswith("sourcing.check.evaluative")
        or (rule and not rule.startswith("sourcing."))  # a borrowed framing entry
    ) and (not flag.in_quote and writers_piece(sent.doc)):
        # a column, essay or review: its judgements are the writer's, signed and expected
        return "routine", "the writer's view in a signed piece", "sourcing.tier.column_view"
    if rule.startswith("sourcing.check.evaluative") and not flag.in_quote:
        if (word := _quoted_word(flag.reason or "")) in _SCALE:
            # 'under enormous pressure', 'these are dire times': the writer's own reading,
            # which the framing annotator marks; nobody to name as its source
            return (
                "routine",
                f"the writer's evaluation ('{word}')",
                "sourcing.tier.writer_evaluation",
            )
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
    if order := acts.instruction(flag, sent):  # round 13
        return "routine", f"an instruction to the reader ('{order}')", acts.INSTRUCTION
    if not rule.startswith(_QUERY_RULE_PREFIXES) and (shape := context_tier(flag, sent, lex)):
        return shape  # round 9: a study's method, a box score, an event's consequence
    if rule.startswith("sourcing.check.prediction"):
        return "query", "a prediction with no source", "sourcing.tier.forecast"
    if rule.startswith(
        ("sourcing.check.hidden_act", "sourcing.check.source_clause", "sourcing.check.breach")
    ):
        return (
            "query",
            "an event or figure the story adds with no source",
            "sourcing.tier.unsourced_event",
        )
    # what a kind is or does ('Plague is caused by a bacterium'): background, unless it
    # accuses, harms, judges or is a quotation (a cause alone may be textbook knowledge)
    if (
        not flag.in_quote
        and rule.startswith("sourcing.")
        and (kind := generic_statement(sent, rule.startswith("sourcing.check.causal"))) is not None
        and _cause_of_move(sent, lex) is None  # 'Shares fall on fears of ...': a headline event
        and (
            not rule.startswith(_JUDGEMENT_RULES[1:] + ("sourcing.check.harm",))
            # the judged word is the kind itself ('Plague is transmitted by ...'): a name
            or (rule.startswith("sourcing.check.evaluative") and f"'{kind}'" in (flag.reason or ""))
        )
    ):
        eid = "sourcing.tier.generic"
        if rule.startswith("sourcing.check.causal") and not any(
            c.dep_ == "nsubjpass" for c in sent.root.children
        ):
            eid = "sourcing.tier.generic_capacity"  # 'Poor sleep can lead to ...'
        return "routine", f"a general statement about '{kind}'", eid
    if (cue := in_passing(flag, sent)) is not None:  # round 15
        return "routine", f"stated in passing, as narrative ('{cue}')", IN_PASSING
    if untagged_quote(flag):  # round 15
        return (
            "routine",
            "an untagged quotation, as interviews and transcripts set them",
            UNTAGGED_QUOTE,
        )
    # an id outside sourcing.* is a borrowed framing entry (shipped or the user's): a judgement
    if rule.startswith(_QUERY_RULE_PREFIXES) or (rule and not rule.startswith("sourcing.")):
        return (
            "query",
            "a cause, accusation, harm, judgement or unattributed quotation",
            "sourcing.tier.claim_kind",
        )
    if (link := _cause_of_move(sent, lex)) is not None:
        return "query", f"a cause given for a move: '{link}'", "sourcing.tier.cause_of_move"
    if (spent := _mentions(sent.text.lower(), _SPENDING)) and any(
        e.label_ == "MONEY" for e in sent.ents
    ):
        return "query", f"spending: '{spent}'", "sourcing.tier.spending"
    if (modal := _forecast(sent, lex)) is not None and rule == "sourcing.check.figure":
        return "query", f"a figure of the future: '{modal.text}'", "sourcing.tier.forecast"
    if rule == "sourcing.check.figure" and (people := population(sent)):
        return "routine", f"a place's population ('{people}')", POPULATION  # round 29
    if rule == "sourcing.check.figure" and (count := present_count(sent)):
        return (
            "routine",
            f"a count in a roster or schedule ('{count}')",
            "sourcing.tier.present_count",
        )
    if routine := lexicon_hit(sent, lex, "tier_routine_word"):
        return "routine", f"'{routine[0]}'", routine[1]
    if rule == "sourcing.check.figure" and _only_ordinal(sent):
        return "routine", "an ordinal: which one in a series of record", "sourcing.tier.ordinal"
    if rule in _ROUTINE_BY_DEFAULT or rule in lex["trend_verb"].words.values():
        return "routine", "a comparison, record or dated event", "sourcing.tier.lookup"
    if things := thing_count(flag, sent, lex, lambda: claim_in(sent, lex)):
        return "routine", f"a count of things, not people or money ('{things}')", _THING_COUNT
    if small := small_count(flag, sent, lex, lambda: claim_in(sent, lex)):  # round 14
        return "routine", f"a small count in the narrative ('{small}')", SMALL_COUNT
    return "query", "a figure or event with no source", "sourcing.tier.figure"


def _quoted_word(reason: str) -> str:
    """The judged word the reason quotes first ("evaluative claim with no source: 'decisive'")."""
    parts = reason.split("'")
    return parts[1].lower() if len(parts) > 2 else ""


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
