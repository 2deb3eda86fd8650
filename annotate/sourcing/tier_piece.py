"""Round 12: tiers by the piece, calibrated by rule class (bench/aeb_reading_r12.md).

Read by class on 126 real pages, the flags that are queries only for their kind
(`sourcing.tier.claim_kind`: a cause, accusation, harm or judgement in the writer's voice) were
the class least often a claim an editor would query. Most came in bunches: an opinion column,
an explainer or a review argues in its own voice from sentence to sentence, and each of its
causes and verdicts is the writer's reasoning, not a fact that needs a source. A news story's
one or two unsourced causes or accusations are the ones worth asking about. So the count
decides: in a piece with at least `ARGUED_LEAST` such flags outside quotation marks, they are
routine (rule "sourcing.tier.argued_piece"); a lone one stays a query. Unless they are dense:
where more than one sentence in `ARGUED_DENSEST` is such a claim, the piece is a wall of
unsourced causes and accusations, the slanted copy an editor checks first (the partisan and
tabloid articles of tests/gold, the seed article), and every one of them stays a query. In
an argued piece, a forecast with no figure in it is the writer's too
("sourcing.tier.argued_forecast"), and so is its 'apparently' or 'supposedly'
("sourcing.tier.argued_hedge"). A vague group that says nothing, only wishes or might say
something, is routine anywhere ("sourcing.tier.stance_no_claim",
"sourcing.tier.hypothetical_group"). Entries, with invented examples:
annotate/lexicons/sourcing_tiers_piece.toml.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from annotate.models import SentenceFlag

_CLAIM_KIND = "(sourcing.tier.claim_kind)"
_IN_PASSING = "(sourcing.tier.in_passing)"
_FORECASTS = (
    "(sourcing.tier.estimate)",
    "(sourcing.tier.forecast_word)",
    "(sourcing.tier.forecast)",
)
_HEDGES = frozenset(("apparently", "seemingly", "supposedly", "ostensibly"))
_HYPOTHETICAL = "sourcing.tier.hypothetical_group"
# modals that make the group's words a supposition; 'would' is left out ('officials would say
# only that ...' reports what they did say), and so are 'will' ('many riders will tell you the
# service has declined': what they do say, a judged query) and 'should' (advice)
_SUPPOSING = frozenset(("might", "may", "could"))
_STANCE_NO_CLAIM = "sourcing.tier.stance_no_claim"
# three: on the development pages every piece with three or more was a column, an explainer,
# a review or a fan's notes; the one judged query of the class sat in a news story with two
ARGUED_LEAST = 3
# one sentence in seven: those pieces ran from 1 in 67 to 1 in 8 sentences; the slanted
# articles of our own gold set run from 1 in 6 (the seed) to 1 in 2.5
ARGUED_DENSEST = 7


def argued_piece(flags: list[SentenceFlag], least: int = ARGUED_LEAST) -> None:
    """Make routine every query flag of `sourcing.tier.claim_kind` outside quotation marks
    when the piece has at least `least` of them and they are no more than one sentence in
    `ARGUED_DENSEST` (`flags` holds one flag per sentence of the piece). Quoted claims keep
    their tier (an unsigned quotation is a query whoever wrote the piece)."""
    kinds = [
        f
        for f in flags
        if f.tier == "query" and not f.in_quote and (f.reason or "").endswith(_CLAIM_KIND)
    ]
    # round 15: causes and judgements already routine as stated in passing still show a
    # piece that argues in its own voice, so they count towards it
    passing = sum(not f.in_quote and (f.reason or "").endswith(_IN_PASSING) for f in flags)
    n = len(kinds) + passing
    if n < least or n * ARGUED_DENSEST > len(flags):
        return
    for f in kinds:
        f.tier = "routine"
        f.reason = (
            f"{(f.reason or '').rsplit('; query:', 1)[0]}; routine: one of {n} causes,"
            " accusations or judgements in the piece's own voice, an argued piece"
            " (sourcing.tier.argued_piece)"
        )
    for f in flags:
        if _own_hedge(f):
            f.tier = "routine"
            f.reason = (
                f"{(f.reason or '').rsplit('; query:', 1)[0]}; routine: the hedge of a piece"
                f" that argues in its own voice ({n} causes or judgements)"
                " (sourcing.tier.argued_hedge)"
            )
        elif _own_forecast(f):
            f.tier = "routine"
            f.reason = (
                f"{(f.reason or '').rsplit('; query:', 1)[0]}; routine: the forecast of a piece"
                f" that argues in its own voice ({n} causes or judgements)"
                " (sourcing.tier.argued_forecast)"
            )


def _own_hedge(f: SentenceFlag) -> bool:
    """'apparently', 'seemingly', 'supposedly', 'ostensibly' outside quotation marks: in an
    argued piece the writer's own hedge or doubt, not a claim passed on from someone
    ('reportedly' and 'allegedly' pass one on, and stay queries)."""
    quoted = (f.reason or "").split("'")  # "passed on with no source: 'apparently'; ..."
    return (
        f.tier == "query"
        and not f.in_quote
        and f.rule == "sourcing.agentless.adverb"
        and len(quoted) > 2
        and quoted[1].lower() in _HEDGES
    )


def _own_forecast(f: SentenceFlag) -> bool:
    """A query for its forecast or likelihood word alone ('is likely to', 'will probably'),
    outside quotation marks, with no figure in it: in an argued piece, the writer's own
    prediction, as in a signed column (sourcing.tier.column_forecast). A figure of the future
    ('a third of the staff will likely lose their jobs') stays a query."""
    reason = f.reason or ""
    return (
        f.tier == "query"
        and not f.in_quote
        and f.sourcing == "unattributed_claim"
        and reason.endswith(_FORECASTS)
        and not (f.rule or "").startswith("sourcing.check.figure")
    )


def stance_without_claim(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """The lemma of a verb of opinion (rule "sourcing.cue.stance") that holds no clause:
    'contractors who hope for enough tips', 'couples who want to try something new', 'when
    they no longer feel hungry'. What a group wishes or feels is no claim passed on from
    anyone (rule "sourcing.tier.stance_no_claim", routine). 'Many residents fear the plant
    will close', 'some fans want the coach sacked' hold a clause and stay queries."""
    if flag.rule != "sourcing.cue.stance" or flag.cue is None:
        return None
    verbs = [
        t for t in sent if flag.cue.start <= t.idx < flag.cue.end and t.pos_ in ("VERB", "AUX")
    ]
    if not verbs:
        return None
    verb = verbs[0]
    if any(c.dep_ in ("ccomp", "dobj", "attr") for c in verb.children):
        return None  # 'fear (that) the plant will close', 'expect a cut', 'suspect foul play'
    return verb.lemma_.lower()


def hypothetical_group(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """The modal on the cue of an unnamed or vague group that has said nothing yet: 'others
    might argue that ...', 'some may find it strange', 'critics could say ...'. The
    writer supposes what a group could say or think; no one passed a claim on (rule
    "sourcing.tier.hypothetical_group", routine). 'Others fear that ...', 'officials would
    say only that ...', 'many riders will tell you ...' and a negated modal stay queries."""
    if flag.sourcing not in ("weasel", "anonymous_source") or flag.cue is None:
        return None
    if flag.in_quote:
        return None
    cue = [t for t in sent if flag.cue.start <= t.idx < flag.cue.end and t.pos_ in ("VERB", "AUX")]
    if not cue:
        return None
    verb = cue[0]
    # 'might begin to think': the modal may sit on the verb that governs the cue
    for v in (verb, verb.head) if verb.dep_ == "xcomp" else (verb,):
        kids = list(v.children)
        if any(c.dep_ == "neg" for c in kids):
            return None
        for c in kids:
            if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in _SUPPOSING:
                return c.lower_
    return None


def nothing_said(flag: SentenceFlag, sent: SpacySpan) -> tuple[str, str, str] | None:
    """(tier, why, entry id) for an unnamed or vague source that passes no claim on: a wish
    or feeling with no clause, or what a group might say. Called by the tiers only when the
    sentence has no query word (a death, a crime, an estimate keeps the flag a query)."""
    if wish := stance_without_claim(flag, sent):
        return "routine", f"what a group {wish}s, no claim passed on", _STANCE_NO_CLAIM
    if modal := hypothetical_group(flag, sent):
        return "routine", f"what a group '{modal}' say or think: a supposition", _HYPOTHETICAL
    return None
