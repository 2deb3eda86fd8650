"""Step 1 of the tiers (tiers.py): a sentence whose source is unnamed (anonymous_source,
vague_document, agentless, weasel) is a query, since the reader cannot check who stands behind
the words, unless the source is a named body's spokesperson or official on a routine matter, a
recording, a court record in force, a group that says nothing, or a public meeting. Every
sentence that reaches this stage leaves it with a tier, so it is one function the decision
hands over to."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag
from annotate.sourcing import tier_acts as acts  # round 13
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.tier_hits import claim_word_hit, court_context
from annotate.sourcing.tier_own_account import OWN_ACCOUNT, own_account
from annotate.sourcing.tier_piece import nothing_said
from annotate.sourcing.tier_rules import _body_named, _mentions, _on_recording
from annotate.sourcing.tier_schedule import SCHEDULED, scheduled
from annotate.sourcing.tier_shapes import _tokens
from annotate.sourcing.words import _ASKING_VERBS, WordSetView

# the word sets of sourcing_tiers*.toml read here (see annotate/sourcing/words.py)
_OFFICIAL_HEADS = WordSetView("official_heads")
_OFF_RECORD = WordSetView("off_record_markers")
# off-record markers that count people: they mark the source only inside it ('two officials'),
# not anywhere in the sentence ('the victim was one of two patients')
_COUNTING = frozenset("several some many few two three four both other former".split())
_BODY_NOUNS = WordSetView("body_nouns")
# how many sentences back a bare 'the officials' looks for the body they were tied to
_CARRY_BACK = 6


def _affiliated_official(flag: SentenceFlag, sent: SpacySpan) -> bool:
    """'Officials with the county health department said', 'state health officials said',
    'an airport official said': an unnamed official speaking for a named or plainly
    identified body, counted by no number and marked by no anonymity ('two officials', 'a
    senior official', 'officials familiar with')."""
    src = flag.source
    if src is None or flag.cue is None:
        return False
    words = _tokens(sent, src.start, src.end)
    if not words or not any(t.lemma_.lower() in _OFFICIAL_HEADS for t in words):
        return False
    if any(t.like_num or t.lower_ in _OFF_RECORD for t in words):
        return False
    if _mentions(sent.text.lower(), _OFF_RECORD, skip=_COUNTING):
        return False  # 'officials familiar with the talks', 'speaking on condition of ...'
    cue = _tokens(sent, flag.cue.start, flag.cue.end)
    if not cue or cue[0].lemma_.lower() not in ("say", "tell", "announce", "confirm", "state"):
        return False
    return any(_names_body(t) for t in words) or _body_before(words, sent)


def _names_body(t: Token) -> bool:
    """A word of an official's phrase that says whose official: a named body or place
    ('Harrow council officials'), a kind of body ('school officials', 'zoo officials'), or a
    phrase after the noun ('officials at the hospital', 'officials with the ferry line')."""
    if t.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or t.pos_ == "PROPN":
        return True
    if t.lemma_.lower() in _BODY_NOUNS:
        return True
    return t.lower_ in _OFFICIAL_HEADS and any(
        c.dep_ == "prep" and c.lower_ in ("at", "of", "with", "from", "for") for c in t.children
    )


def _body_before(words: list[Token], sent: SpacySpan) -> bool:
    """'Hospital officials said two laptops were taken from a records office. The office is
    kept locked at night, the officials said.': a bare 'the officials' or 'an official' carries on the
    officials a recent sentence tied to a body, who are the same people (round 16; until then
    the later sentences were a query while the first was routine)."""
    if len(words) > 2 or not any(t.lower_ in _OFFICIAL_HEADS for t in words):
        return False
    doc = sent.doc
    earlier = [s for s in doc.sents if s.end <= sent.start][-_CARRY_BACK:]
    return any(
        t.lower_ in _OFFICIAL_HEADS and any(_names_body(w) for w in t.subtree if w is not t)
        for s in earlier
        for t in s
    )


def asked_only(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """'When a reporter asked why she dropped two starters, ...', 'a caller asked whether the
    line would reopen': the unnamed person asks, and a question states nothing to check. The
    cue's text, when its verb is one of asking and the sentence marks no one off the record
    ('a senior aide who asked not to be named' keeps its tier: there the cue is the saying)."""
    if flag.cue is None:
        return None
    cue = _tokens(sent, flag.cue.start, flag.cue.end)
    if not cue or cue[0].lemma_.lower() not in _ASKING_VERBS:
        return None
    doc, v = sent.doc, cue[0]
    after = doc[v.i + 1].lower_ if v.i + 1 < len(doc) else ""
    if after in ("for", "to") or any(
        c.dep_ == "xcomp" or c.lower_ in ("for", "to") for c in v.children
    ):
        return None  # 'asked residents to leave', 'asked for calm': a request, left to the rest
    if _mentions(sent.text.lower(), _OFF_RECORD, skip=_COUNTING):
        return None
    return flag.cue.text


def _the_reader(flag: SentenceFlag) -> bool:
    """'Some of you will be thinking ...', 'many of you will say ...': the writer puts
    words in the reader's mouth, a device of the column, not a source."""
    src = flag.source
    return src is not None and "you" in src.text.lower().replace(",", " ").split()


def unnamed_tier(
    flag: SentenceFlag, sent: SpacySpan, lex: SourcingLexicon, query: tuple[str, str] | None
) -> tuple[str, str, str]:
    """(tier, why in words, entry id) of a flag whose source is unnamed (any `sourcing` but
    'unattributed_claim'); `query` is the sentence's tier query word, if any."""
    rule = flag.rule or ""
    reps = lex["representative_noun"].words
    # a spokesperson's words carried on ('He said: ...', a quotation run) keep the tier of
    # the sentence that introduced the spokesperson: the source is the same
    carried = flag.source is not None and any(
        w.strip(".,'\"").lower() in reps for w in flag.source.text.split()
    )
    if reps and (rule in reps.values() or carried):
        if query:
            return "query", f"a spokesperson on '{query[0]}'", query[1]
        return "routine", "a named body's spokesperson", "sourcing.tier.spokesperson"
    if flag.sourcing == "anonymous_source" and _affiliated_official(flag, sent):
        if query and query[1] == "sourcing.tier.casualty" and _body_named(flag, sent):
            claim = claim_word_hit(sent, lex)
            if claim is None or claim[1] == "sourcing.check.harm":
                return (
                    "routine",
                    "a named body's record of a death or injury",
                    ("sourcing.tier.named_body_record"),
                )
        if query or (query := claim_word_hit(sent, lex)):
            return "query", f"an official on '{query[0]}'", query[1]
        return "routine", "an official of a named body", "sourcing.tier.official"
    if flag.sourcing in ("weasel", "anonymous_source") and _the_reader(flag):  # round 16
        return "routine", "the reader, given words by the writer", "sourcing.tier.reader_voice"
    # round 16; a question that carries a query word ('asked why two guards were killed')
    # presupposes it, as sourcing.tier.question holds for direct questions: left to the rest
    if flag.sourcing == "anonymous_source" and query is None and (ask := asked_only(flag, sent)):
        return "routine", f"a question asked ('{ask}'), not a claim", "sourcing.tier.asked"
    if flag.sourcing in ("anonymous_source", "weasel") and (rec := _on_recording(flag, sent)):
        return "routine", f"words heard on a recording ('{rec}')", "sourcing.tier.recording"
    estimate = query is not None and query[1] == "sourcing.tier.estimate"
    if flag.sourcing == "vague_document" and not estimate and (record := court_context(sent)):
        return (
            "routine",
            f"an exhibit, court record in force ('{record}')",
            ("sourcing.tier.court_record"),
        )
    if flag.sourcing == "vague_document" and (graphic := own_graphic(flag, sent)):  # round 17
        return "routine", f"the page's own chart or map ('{graphic}')", OWN_GRAPHIC
    if query is None and (said := nothing_said(flag, sent)):  # round 12
        return said
    if query is None and (word := condition_report(flag, sent)):  # round 23
        return "routine", f"a patient's condition ('{word}') from those treating them", CONDITION
    if meeting := acts.public_meeting(flag, sent, query):
        return "routine", f"spoken at a public meeting ('{meeting}')", acts.PUBLIC_MEETING
    if step := scheduled(flag, sent, query):  # round 14
        return "routine", f"a step on a timetable ('{step}')", SCHEDULED
    # round 26; a source marked off the record ('speaking on condition of anonymity') is not
    # people met at the scene telling their own story
    if not _mentions(sent.text.lower(), _OFF_RECORD, skip=_COUNTING) and (
        told := own_account(flag, sent, lex, query)
    ):
        return "routine", f"people telling what happened to them ('{told}')", OWN_ACCOUNT
    return "query", "no one the reader can check", "sourcing.tier.unnamed"


OWN_GRAPHIC = "sourcing.tier.own_graphic"
_GRAPHICS = WordSetView("page_graphics")
# 'the first chart', 'this map', 'the next graphic', 'the chart below': the page pointing at
# its own illustration, not a document someone passed on
_POINTERS = frozenset(
    "first second third fourth fifth next last final following this these below above".split()
)


def own_graphic(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """The words of a vague document that is the page's own chart, map or table, pointed at
    with an ordinal, 'this' or 'below' ('The first chart shows trips to Iowa'), or None.
    A chart someone circulated or leaked ('a chart seen by the paper') has no pointer and
    stays a document no one can check."""
    src = flag.source
    if src is None:
        return None
    doc = sent.doc
    words = doc.char_span(src.start, src.end, alignment_mode="expand")
    if not words or not any(t.lemma_.lower() in _GRAPHICS for t in words):
        return None
    after = doc[words.end].lower_ if words.end < len(doc) else ""
    if any(t.lower_ in _POINTERS for t in words) or after in ("below", "above"):
        return src.text
    return None


CONDITION = "sourcing.tier.condition_report"
# round 23: who treats a patient, and the words of a condition report
_CARERS = WordSetView("carer_nouns")
_CONDITION_WORDS = WordSetView("condition_words")


def condition_report(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """'Doctors rated the girl's condition as serious', 'doctors said the boy was stable':
    the people treating a patient giving the patient's condition, the hospital's routine
    bulletin, not a claim an editor queries (sourcing.tier.condition_report). The condition
    word, when the unnamed source is doctors, surgeons, medics or nurses and the sentence
    has no query word (the caller checks: 'doctors said the fall was caused by a loose
    bolt' is a cause, and a count of the injured a casualty figure)."""
    if flag.sourcing not in ("weasel", "anonymous_source") or flag.source is None:
        return None
    src = _tokens(sent, flag.source.start, flag.source.end)
    if not any(t.lemma_.lower() in _CARERS for t in src):
        return None
    ids = {t.i for t in src}
    return next((t.lower_ for t in sent if t.i not in ids and t.lower_ in _CONDITION_WORDS), None)
