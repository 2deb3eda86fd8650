"""Accusation words read in their own sense (round 19, rule sourcing.check.accusation_sense).

An accusation (sourcing.check.accusation) charges someone with a wrong: 'the ministry failed
to disclose', 'officials masked the losses', 'the vote was rigged'. The same words name no
wrong when nobody is accused: a pump that 'failed', storms that 'failed to
materialise', masts 'rigged with cameras', 'kidney failure', 'face masks'. Read on the
round-23 blind pages, where such sentences were flagged as accusations in the writer's voice.
So a verb of the set with a thing, not a person or a body, as its subject, a verb of rigging
or masking 'with' an instrument, 'fail to' + a verb of happening, a failure of an organ or a
machine, and 'mask' as a noun are no accusation; the next rule decides the flag.
"""

from __future__ import annotations

from spacy.tokens import Token

from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.nouns import _people_noun

# verbs whose subject must be someone for the verb to accuse
_AGENT_VERBS = frozenset(
    "fail rig mask hide conceal obscure suppress inflate manipulate neglect".split()
)
# 'failed to materialise': nothing that should have happened was withheld by anyone
_HAPPEN = frozenset(
    """materialise materialize appear arrive happen occur start load open close form develop
    reach ignite fire launch connect""".split()
)
# a failure of the body or of a machine
_MECHANICAL = frozenset(
    """kidney heart liver lung organ renal respiratory power engine brake equipment battery
    system mechanical technical crop harvest grid pump valve""".split()
)
_AGENT_ENTS = frozenset(("PERSON", "ORG", "NORP", "GPE"))
# manners of lying still or low: where or how someone lies, not a falsehood
_LIE_STILL = frozenset("still low down flat motionless awake dormant idle empty".split())
_AGENT_PRONOUNS = frozenset("i we you he she they who it someone somebody anyone".split())


def _agent(subj: Token, lex: SourcingLexicon) -> bool:
    """A subject that can be accused: a person, a body, a pronoun, a people noun."""
    if subj.ent_type_ in _AGENT_ENTS or subj.lower_ in _AGENT_PRONOUNS:
        return True
    if subj.pos_ == "PROPN" or _people_noun(subj):
        return True
    return any(
        lex[k].token(subj) is not None
        for k in ("institution_noun", "group_noun", "informant_noun", "representative_noun")
    )


def _lies_somewhere(t: Token) -> bool:
    """'lying on the shingle', 'lay unconscious', 'lies in ruins' (round 24): 'lie' with
    a place, a state or a manner is where or how someone or something is, not a falsehood;
    'lied to the inquiry' and 'lying about the accounts' stay accusations."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ not in ("to", "about", "under"):
            return True  # 'lied under oath' is perjury, so 'under' is left out
        if c.dep_ in ("acomp", "oprd") or (c.dep_ == "advmod" and c.lower_ in _LIE_STILL):
            return True
    return False


def accusation_sense(t: Token, lex: SourcingLexicon) -> bool:
    """Whether the accusation word `t` accuses someone here."""
    lemma = t.lemma_.lower()
    if lemma == "mask" and t.pos_ == "NOUN":
        return False  # 'face masks'
    if lemma == "failure":
        return not any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in _MECHANICAL for c in t.children
        )
    if lemma == "lie" and t.pos_ == "VERB" and _lies_somewhere(t):
        return False  # 'a kayaker lying on the shingle'
    if lemma not in _AGENT_VERBS or t.pos_ not in ("VERB", "AUX"):
        return True
    if lemma in ("rig", "mask") and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in t.children
    ):
        return False  # 'rigged with cameras'
    xcomp = next((c for c in t.children if c.dep_ == "xcomp"), None)
    if lemma == "fail" and xcomp is not None and xcomp.lemma_.lower() in _HAPPEN:
        return False  # 'failed to materialise'
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None and t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN"):
        subj = t.head  # 'a pump that failed'
    return subj is None or _agent(subj, lex)
