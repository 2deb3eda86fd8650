"""Round 27: a grudge or feeling of a real person told as fact (rule sourcing.check.inner_state).

'To this day the coach has not forgiven the chairman', 'The mayor privately resents the
governor', 'The sheriff does not disguise his loathing of the county board': the writer says
what is in someone's mind, and no one is given for it. Only the person, or someone who spoke to
them, could know it, and it colours everything the person does in the story, so an editor asks
who says so (a query, like a motive: sourcing.tier.inner_state). The tool flagged none of
these: the sentences hold no figure, no harm word and no cue. The c26 and c27 blind writers
both marked such sentences unattributed queries.

Read as a grudge: a verb of lasting ill feeling (sourcing.words.inner_state_verbs: 'resent',
'loathe', 'despise', 'detest', 'begrudge', 'distrust'; 'forgive' only when negated, since 'the
bank forgave the loan' is a financial act), or one of its nouns ('contempt', 'grudge',
'resentment'; sourcing.words.inner_state_nouns) held, borne or not hidden ('bears a grudge',
'does not disguise his loathing'). The one who feels is the verb's subject: a pronoun of the third
person, a name or a noun. Left alone: the first and second person (a speaker's or the writer's
own feelings, a column's 'I'), any word inside a quotation (the mask), a clause under a verb
of saying ('The coach said he had not forgiven ...') and a modal or
conditional ('would never forgive'), which is a forecast or a quoted threat, not a state."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.syntax import _subject
from annotate.sourcing.words import WordSetView

INNER_STATE = "sourcing.check.inner_state"
_VERBS = WordSetView("inner_state_verbs")
_NOUNS = WordSetView("inner_state_nouns")
# verbs that hold a feeling ('bears a grudge', 'nurses a resentment'); hiding and masking
# count only when negated ('does not disguise his loathing')
_HOLDING = frozenset(("bear", "harbour", "harbor", "nurse", "hold", "feel"))
_HIDING = frozenset(("hide", "conceal", "disguise", "mask"))
_NEGATED_ONLY = frozenset(("forgive",))
_THIRD_PERSON = frozenset(("he", "she", "they"))
# the small English model leaves some past forms as their own lemma ('forgave')
_IRREGULAR = {"forgave": "forgive"}


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)


def _feeler(subj: Token | None) -> bool:
    """Someone who can hold a grudge: a third-person pronoun, a name ('Hallam', which the
    tagger may take for a place) or a noun ('the coach', 'the two ministers', 'the union');
    the verbs themselves ask for a mind. Not 'I', 'we', 'you', nor 'it' ('the market does not
    forgive mistakes')."""
    if subj is None:
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ in _THIRD_PERSON
    return subj.pos_ in ("PROPN", "NOUN")


def _state_verb(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    lemma = _IRREGULAR.get(lemma, lemma)
    if lemma in _NEGATED_ONLY:
        return _negated(verb)
    if lemma in _VERBS:
        return True
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in _NOUNS:
            if lemma in _HOLDING or (lemma in _HIDING and _negated(verb)):
                return True
    return False


def inner_state(s: SpacySpan, mask: list[bool], lex: SourcingLexicon) -> str | None:
    """The verb of a grudge or feeling told as fact of a named person, or None."""
    if any(t.lower_ in ("i", "we", "you") and t.dep_.startswith("nsubj") for t in s):
        return None
    for t in s:
        if t.pos_ != "VERB" or mask[t.i - s.start] or not _state_verb(t):
            continue
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in t.children):
            continue  # 'would never forgive': a forecast or a threat, not a state
        if t.dep_ == "advcl" and any(c.dep_ == "mark" for c in t.children):
            continue  # 'if she resents it', 'because they distrust him': subordinate
        if any(lex["cue_verb"].token(a) for a in t.ancestors):
            continue  # 'The coach said he had not forgiven ...': told by someone, read elsewhere
        if _feeler(_subject(t)):
            return t.text
    return None
