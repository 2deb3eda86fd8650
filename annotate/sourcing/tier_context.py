"""Routine shapes of round 9, from the blind editor's reading after round 8: figures that are
the record of an event or a document the reader can see, read by the article they sit in or
the shape of the sentence.

- a match report (an article dense with the words of sport results): its play-by-play,
  scores, runs and head-to-head records are the box score's, public like a fixture; a sum
  of money (a fee, a fine, a wage) is not box-score data and stays a query
  ("sourcing.tier.match_report");
- a study's method and publication: who and how many it followed, for how long, with what,
  and the journal and issue it appeared in ('The researchers followed 2,400 adults for
  eight years', 'The paper appears in the March issue of the Lancet') are in the paper
  itself; its findings ('found', 'showed') are what an editor asks about
  ("sourcing.tier.study_method");
- a review's own testing ('In our testing, the laptop hit 107 degrees', 'We measured ...'):
  the writer's first-hand account ("sourcing.tier.first_person");
- a figure or superlative in a sentence that tells what an event will bring ('The merger will
  create the largest brewer in the region'): a prediction, a query ("sourcing.tier.forecast").

Entries, with invented examples: annotate/lexicons/sourcing_tiers_senses.toml."""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_ALPHA, LEMMA, LOWER
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from annotate.models import SentenceFlag
from annotate.sourcing.analysis import consequence
from annotate.sourcing.lexicon import _LEMMA_FIXES, SourcingLexicon
from annotate.sourcing.words import WordSetView

_STUDY_NOUNS = WordSetView("study_nouns")
_METHOD_VERBS = WordSetView("study_method_verbs")
_SPORT = "sourcing.tier.sport"
_SUBJECTS = frozenset(("nsubj", "nsubjpass"))


def match_report(doc: Doc, lex: SourcingLexicon, least: int = 8, share: float = 0.02) -> bool:
    """The article is a match report: at least `least` words of sport results
    (sourcing.tier.sport) making at least `share` of its words. A business or politics story
    with a 'season' or a 'game' in it has a few; a report of a game has dozens. Cached."""
    key = "newsprov_match_report"
    if key not in doc.user_data:
        ws = lex["tier_routine_word"]
        # from the Doc's arrays: only words whose lemma or form could be a sport word are
        # made Tokens and looked up as before (a Token for every word of every article was
        # a twentieth of the annotator's time)
        arr = doc.to_array([IS_ALPHA, LEMMA, LOWER])
        alpha = arr[:, 0] == 1
        strings = doc.vocab.strings
        sport = {w for w, eid in ws.words.items() if eid == _SPORT}
        maybe = [
            h
            for h in {int(x) for x in arr[alpha, 1:].ravel()}
            if _could_be(strings[h].lower(), sport)
        ]
        cand = alpha & (np.isin(arr[:, 1], maybe) | np.isin(arr[:, 2], maybe))
        hits = sum(1 for i in np.flatnonzero(cand) if ws.token(doc[int(i)]) == _SPORT)
        doc.user_data[key] = hits >= least and hits >= share * max(int(alpha.sum()), 1)
    return doc.user_data[key]


def _could_be(word: str, sport: set[str]) -> bool:
    """A lemma or form the sport-word lookup could match: itself, the singular of a plural
    (WordSet.token), or a lemma the tagger gets wrong (lemma_of's fixes)."""
    return word in sport or word[:-1] in sport or word in _LEMMA_FIXES


def box_score(sent: SpacySpan, lex: SourcingLexicon) -> bool:
    """A figure of a match report that is the box score's: no sum of money in it."""
    if not match_report(sent.doc, lex):
        return False
    return not any(e.label_ == "MONEY" for e in sent.ents)


def study_method(sent: SpacySpan) -> str | None:
    """'The researchers followed 2,400 adults for eight years', 'The trial enrolled 310
    patients', 'The study was published in the journal Thorax on Monday', 'It appears in the
    March issue of ...': the method and the publication of a study, which the paper gives.
    The subject must be the study or its people and the verb one of method
    (`sourcing.words.study_method_verbs`); 'found', 'showed', 'suggests' report findings
    and are left to the other rules."""
    root = sent.root
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    for verb in verbs:
        lemma = verb.lemma_.lower()
        subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if lemma in ("publish", "appear") and _in_journal(verb):
            return f"{verb.text} in ..."
        if subj is None or lemma not in _METHOD_VERBS:
            continue
        if subj.lemma_.lower() in _STUDY_NOUNS or (
            subj.lower_ in ("they", "it") and _study_named_before(sent)
        ):
            return f"{subj.text} {verb.text}"
    return None


def _in_journal(verb) -> bool:
    """'published in Nature', 'appears in the March issue of ...', 'published in the journal
    ...': a publication placed in a journal or an issue."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "on"):
            for g in c.subtree:
                if g.lemma_.lower() in ("journal", "issue", "edition", "proceedings"):
                    return True
                if g.ent_type_ in ("ORG", "WORK_OF_ART") and g.dep_ == "pobj":
                    return True
    return False


def _study_named_before(sent: SpacySpan, window: int = 2) -> bool:
    """A study noun in this sentence's paragraph before it ('the team' or 'the study' then
    'They followed ...')."""
    doc = sent.doc
    lo = max(0, sent.start - 80)
    return any(t.lemma_.lower() in _STUDY_NOUNS for t in doc[lo : sent.start])


_TESTING = frozenset(
    "testing test tests use usage review experience benchmarks trial hands-on".split()
)


def own_testing(sent: SpacySpan) -> str | None:
    """'In our testing, the laptop hit 107 degrees', 'We measured 162 frames per second': a
    review's own measurement, the writer's first-hand account (round 9, as
    sourcing.tier.first_person for a main-clause 'I' or 'we')."""
    quoted = any(ch in sent.text for ch in '"\u201c\u201d')
    for t in sent:
        if t.lower_ == "we" and t.dep_ in _SUBJECTS and not quoted:
            return t.text
        if t.lower_ == "our" and t.dep_ == "poss" and t.head.lemma_.lower() in _TESTING:
            return f"our {t.head.text}"
    return None


_LOOKUP_RULES = (
    "sourcing.check.figure",
    "sourcing.check.superlative",
    "sourcing.check.comparative",
)


def context_tier(
    flag: SentenceFlag, sent: SpacySpan, lex: SourcingLexicon
) -> tuple[str, str, str] | None:
    """(tier, why, entry id) by the shapes of this module, for a flag in the writer's voice
    that no cause, accusation, harm or judgement decided: a study's method or journal and a
    match report's box score are routine; a figure or superlative in a sentence that tells
    what an event will bring ('The merger will create the largest bank in the region') is a
    prediction, a query (sourcing.check.prediction_consequence)."""
    if flag.in_quote or flag.sourcing != "unattributed_claim":
        return None
    rule = flag.rule or ""
    if own := own_testing(sent):
        return "routine", f"the writer's own testing ('{own}')", "sourcing.tier.first_person"
    if method := study_method(sent):
        return "routine", f"a study's method or journal ('{method}')", "sourcing.tier.study_method"
    if box_score(sent, lex):
        return "routine", "a match report's box score", "sourcing.tier.match_report"
    if rule.startswith(_LOOKUP_RULES) and (words := consequence(sent, [False] * len(sent))):
        return "query", f"what an event will bring: '{words}'", "sourcing.tier.forecast"
    return None
