"""Round 13: tiers from what the whole article gives (bench/aeb_reading_r13.md).

Read flag by flag on 64 fresh real pages, two classes of default flags were never a claim an
editor would query, and the article itself tells them apart from the ones that are:

- A sentence flagged only for a loaded word in the writer's voice (a borrowed framing entry:
  'a terrifying performance', 'the grim scenes', 'rats that had infested the island') is a
  query for its kind (`sourcing.tier.claim_kind`). The word is what an editor would look at,
  and the framing annotator already shows it as a framing span; the sentence asks for no
  source of its own. So it is routine (rule "sourcing.tier.framing_word") unless the word is
  a verb, an act told in a loaded word ('Ministers have dithered for years': an accusation,
  as in the tabloid articles of our own gold set), or the piece is
  a wall of unsourced causes, accusations and judgements (more than one sentence in
  `ARGUED_DENSEST`), the slanted copy an editor checks first: there each stays a query, as in
  `sourcing.tier.argued_piece`.
- A sentence dated a lifetime before the latest year the article names, up to the article's
  own date (the annotator's `reference`; today when it has none) ('In 1904, ...',
  'In 1914, about 25,000 settlers lived in the colonies'), or the sentence right after one
  that carries no date of its own, is history from the books (rule
  "sourcing.tier.history_years"), as `sourcing.tier.history` is for the centuries before the
  twentieth. Forty years back ('In 1979, the wage gap was 22 percent') is within a lifetime
  and stays a query; so does any accusation.

Entries, with invented examples: annotate/lexicons/sourcing_tiers_doc.toml.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span as SpacySpan

from annotate.models import SentenceFlag
from annotate.nlp import span_ents
from annotate.sourcing.tier_piece import _CLAIM_KIND, ARGUED_DENSEST
from annotate.sourcing.tier_shapes import history

FRAMING_WORD = "sourcing.tier.framing_word"
HISTORY_YEARS = "sourcing.tier.history_years"
# a lifetime: a year this far before the article's latest is history, not news; the development
# pages' history ran 105 years back, their contested statistics 40
LIFETIME = 75
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


def _borrowed_word(f: SentenceFlag) -> bool:
    """A query of `claim_kind` whose only ground is a framing entry (shipped 'framing.*' or a
    user's own entry, any id outside 'sourcing.*'), outside quotation marks."""
    rule = f.rule or ""
    return (
        f.tier == "query"
        and not f.in_quote
        and f.sourcing == "unattributed_claim"
        and bool(rule)
        and not rule.startswith("sourcing.")
        and (f.reason or "").endswith(_CLAIM_KIND)
    )


def _loaded_verb(f: SentenceFlag, sent: SpacySpan) -> bool:
    """The flagged word ("...: 'dithered'; ...") is a verb of the sentence: what someone did,
    told in a loaded word ('Ministers have dithered for years'), which accuses; an adjective
    or a noun ('the grim scenes', 'a terrifying performance') grades."""
    parts = (f.reason or "").split("'")
    word = parts[1].lower().split() if len(parts) > 2 else []
    return bool(word) and any(t.lower_ == word[0] and t.pos_ == "VERB" for t in sent)


def framing_word(flags: list[SentenceFlag], sents: list[SpacySpan]) -> int:
    """Make routine, in place, each sentence flagged only for a framing word in the writer's
    voice, unless the word is a verb (an act told in a loaded word, an accusation) or such
    claims are packed closer than one sentence in `ARGUED_DENSEST` (`flags` holds one flag
    per sentence of the piece, `sents` its sentences). Returns how many moved."""
    kinds = [
        f
        for f in flags
        if f.tier == "query" and not f.in_quote and (f.reason or "").endswith(_CLAIM_KIND)
    ]
    if not kinds or len(kinds) * ARGUED_DENSEST > len(flags):
        return 0
    moved = 0
    for f, sent in zip(flags, sents, strict=True):
        if not _borrowed_word(f) or _loaded_verb(f, sent):
            continue
        f.tier = "routine"
        f.reason = (
            f"{(f.reason or '').rsplit('; query:', 1)[0]}; routine: the writer's word, shown as"
            f" framing ({f.rule}); the sentence claims nothing else ({FRAMING_WORD})"
        )
        moved += 1
    return moved


def _years(sent: SpacySpan) -> list[int]:
    """The years the sentence's dates name; 'since 1900' runs to today and dates nothing."""
    doc = sent.doc
    return [
        int(y)
        for e in span_ents(sent)
        if e.label_ == "DATE" and not (e.start > 0 and doc[e.start - 1].lower_ == "since")
        for y in _YEAR.findall(e.text)
    ]


def history_years(
    flags: list[SentenceFlag], sents: list[SpacySpan], reference: date | None = None
) -> int:
    """Make routine, in place, the query flags dated a lifetime (`LIFETIME` years) before the
    latest year the article names (years after the `reference` date's, the article's own
    date, are plans, not the article's date; without it, years after this one), and the flag
    right after such a sentence when it names no year of its own. Returns how many moved."""
    years = [_years(s) for s in sents]
    now = (reference or date.today()).year
    latest = max((y for ys in years for y in ys if y <= now), default=None)
    if latest is None:
        return 0
    # a sentence dated by its own years, or by a century before the twentieth (tier_shapes)
    old = [
        (bool(ys) and max(ys) <= latest - LIFETIME) or (not ys and history(s) is not None)
        for ys, s in zip(years, sents, strict=True)
    ]
    moved = 0
    for i, f in enumerate(flags):
        dated = old[i] or (i > 0 and old[i - 1] and not years[i])
        if not dated or f.tier != "query" or f.in_quote:
            continue
        if f.sourcing not in ("unattributed_claim", "agentless"):
            continue
        if (f.rule or "").startswith("sourcing.check.accusation"):
            continue  # an accusation needs its source however old the events
        dates = years[i] if old[i] else years[i - 1]
        when = str(max(dates)) if dates else "an earlier century"
        f.tier = "routine"
        f.reason = (
            f"{(f.reason or '').rsplit('; query:', 1)[0]}; routine: history from the books"
            f" ({when}, a lifetime before {latest}, the latest year the article names)"
            f" ({HISTORY_YEARS})"
        )
        moved += 1
    return moved
