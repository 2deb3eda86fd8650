"""What the tier decision (tiers.py) looks up in a flagged sentence: the first word of a tier
lexicon kind ('tier_query_word', 'tier_routine_word') outside its excluded phrases, a cause,
accusation or harm word, and a court record named as the source nearby. Both the unnamed-source
stage (tier_unnamed.py) and the stages after it ask these questions, so they live apart from
either."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from annotate.nlp import doc_sents
from annotate.sourcing.lexicon import SourcingLexicon, WordSet
from annotate.sourcing.tier_routine_senses import routine_sense
from annotate.sourcing.tier_rules import _mentions
from annotate.sourcing.tier_senses import query_sense
from annotate.sourcing.words import WordSetView

# the word set of sourcing_tiers*.toml read here (see annotate/sourcing/words.py)
_COURT_RECORD = WordSetView("court_record")


def court_context(sent: SpacySpan, window: int = 6) -> str | None:
    """A court record named as the source in this sentence or one of the `window` before it
    ('According to evidence presented at trial', 'the jury heard', 'court documents show'):
    the narrative that follows is the record's, carried like a named document."""
    doc = sent.doc
    sents = [x for x in doc_sents(doc) if x.start <= sent.start][-(window + 1) :]
    for x in reversed(sents):
        if hit := _mentions(x.text.lower(), _COURT_RECORD):
            return hit
    return None


def claim_in(sent: SpacySpan, lex: SourcingLexicon) -> str | None:
    """A cause, accusation or harm word in the sentence (what makes a spokesperson's or an
    official's words a query whatever the body)."""
    lower = sent.text.lower()
    for kind in ("causal", "accusation", "harm"):
        if (hit := lex[kind].phrase(lower)) is not None:
            return hit[3]
        for t in sent:
            if eid := lex[kind].token(t):
                return eid
    return None


def claim_word_hit(sent: SpacySpan, lex: SourcingLexicon) -> tuple[str, str] | None:
    """(the last part of its id, entry id) of the word `claim_in` finds, or None."""
    eid = claim_in(sent, lex)
    return (eid.rsplit(".", 1)[-1], eid) if eid else None


def lexicon_hit(sent: SpacySpan, lex: SourcingLexicon, kind: str) -> tuple[str, str] | None:
    """(word, entry id) of the first token or phrase of `kind` in the sentence. A query word
    inside a `tier_query_exclude` phrase ('in charge', 'free of charge') does not count."""
    ws = lex[kind]
    exclude = lex["tier_query_exclude"] if kind == "tier_query_word" else None
    lower = ""  # the sentence's text is built only when needed (Span.text joins tokens)
    for t in sent:
        if (eid := ws.token(t)) is not None:
            if exclude is not None and not query_sense(t, eid):
                continue  # 'charges 5 dollars', 'Death Stranding', 'the expected line-up'
            if kind == "tier_routine_word" and not routine_sense(t, eid):
                continue  # 'shares a border', 'pointed to' (round 19)
            if exclude is not None:
                lower = lower or sent.text.lower()
                a = t.idx - sent.start_char
                if exclude.covers(lower, a, a + len(t.text)):
                    continue
            return t.text, eid
        # "16-inch", "12-cup": a measure joined to its number
        if "-" in t.text and (eid := ws.words.get(t.lower_.rsplit("-", 1)[-1])) is not None:
            return t.text, eid
    lower = lower or sent.text.lower()
    if exclude is not None:
        lower = _blank(lower, exclude)
    if hit := ws.phrase(lower):
        return hit[2], hit[3]
    return None


def _blank(text: str, words: WordSet) -> str:
    """`text` with every phrase of `words` blanked (offsets kept): 'set to expire' is a date
    the record gives, so its 'set to' is no forecast."""
    for pat, _item, _eid in words.phrases:
        text = pat.sub(lambda m: " " * len(m.group(0)), text)
    return text
