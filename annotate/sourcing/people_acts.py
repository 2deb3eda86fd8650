"""Round 26: unnamed people who act. 'Police closed the coast road', 'Officers carried boxes
of ledgers out of the depot', 'Parents walked in silence to the county hall', 'Engineers have
since shored up the embankment': the sentence says what a group no one named did, and nobody
is given for it. The reporter may have seen it, or had it from the police, but the page does
not say which, so it is an unsourced claim (rule sourcing.check.people_act); its tier is the
pipeline's (police procedure on the record, a march or a walk-out: routine).

Every blind writer from round 23 on marks this shape so (of 25 such sentences in the held-out
gold, 16 are unattributed), and the tool flagged none of them: a group that acts was only ever
looked at as a source that speaks. Left alone: verbs of saying, thinking or being (they are
sources or states), modal and negated verbs, the writer's 'we', a named body ('Harwell Police
closed ...' names who did it), a group owned by a name or pronoun ('his lawyers filed'), and
any clause inside a quotation (the mask), a sentence in the first person (a speaker's or the
writer's words), and a study's participants (its method)."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.nouns import _people_noun
from annotate.sourcing.people import _OPENING_PLURALS
from annotate.sourcing.syntax import _subject
from annotate.sourcing.words import WordSetView

PEOPLE_ACT = "sourcing.check.people_act"
# collective nouns for people who act in the news that no agent-noun ending finds
_ACTING_GROUPS = WordSetView("acting_groups")
_FIRST_PERSON = frozenset(("we", "us", "our", "ours", "i", "me", "my"))
_STUDY_SUBJECTS = frozenset(("participant", "respondent", "subject"))


def _unnamed_people(subj: Token) -> bool:
    """A plural of people with nothing that names them: 'Police', 'Detectives', 'Residents
    of Mill Lane', 'Workers on the night shift'; not 'Harwell Police', 'his lawyers'."""
    lemma = subj.lemma_.lower()
    if lemma in _STUDY_SUBJECTS:
        return False  # 'Participants wore trackers': a study's method, the study's account
    if subj.pos_ != "NOUN" and lemma not in _ACTING_GROUPS:
        return False
    if not (
        lemma in _ACTING_GROUPS
        or (subj.tag_ == "NNS" and (_people_noun(subj) or lemma in _OPENING_PLURALS))
    ):
        return False
    for c in subj.children:
        if c.dep_ == "poss" or (c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_)):
            return False
        if c.dep_ in ("nummod", "det") and c.lower_ not in ("the",):
            return False  # 'two officers', 'some residents': a count or a share, read elsewhere
    return not subj.ent_type_ or subj.ent_type_ == "ORG" and subj.i == subj.sent.start


def people_act(s: SpacySpan, mask: list[bool], lex: SourcingLexicon) -> str | None:
    """The verb of an act done by unnamed people with no source ('closed'), or None."""
    root = s.root
    if not s.start <= root.i < s.end or mask[root.i - s.start]:
        return None
    if root.pos_ != "VERB" or lex["cue_verb"].token(root) or lex["stative_verb"].token(root):
        return None
    kids = list(root.children)
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in kids):
        return None
    perfect = root.tag_ == "VBN" and any(c.lemma_ == "have" for c in kids if c.dep_ == "aux")
    if root.tag_ != "VBD" and not perfect:
        return None
    if any(t.lower_ in _FIRST_PERSON for t in s):
        return None  # 'The voters gave us the most seats': a speaker's words, not narration
    subj = _subject(root)
    if subj is None or subj.dep_ != "nsubj" or subj.head.i != root.i:
        return None
    if not _unnamed_people(subj) or mask[subj.i - s.start]:
        return None
    return root.text
