"""Context rules read on a lexicon hit's verb: a factive or reporting verb presents what
follows as fact only when it introduces a clause or a claim-like object ("revealed that ...",
"exposed the extent of the abuse") and is not negated, hedged or only attempted ("cannot
prove", "may reveal", "failed to show"). Also the dispatch from an entry's `context` key to
its rule (annotate.lexicon_entries CONTEXTS)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotate.framing_context import extend_to_head, judges, legal_context, names_topic

# Objects that make "reveal/expose/unveil X" present X as an established fact even
# without a that-clause: "unveil Pakistan's deception", "exposed the extent of the abuse".
CLAIM_OBJECTS = frozenset(
    """truth extent scale deception lie lies failure failures hypocrisy cover-up coverup reality
    nature pattern scandal corruption plot agenda complicity role involvement motive
    intention intent deceit duplicity fraud sham myth falsehood weakness weaknesses flaw flaws
    incompetence negligence bias lie propaganda double standard standards face true fact
    fallacy folly hollowness emptiness rot crisis mismanagement abuse abuses wrongdoing
    cruelty brutality desperation fear fragility chaos disarray mess contempt disregard disdain
    indifference greed arrogance cowardice betrayal lack""".split()
)

# Document-like subjects: "documents reveal", "the audit exposed".
EVIDENCE_SUBJECTS = frozenset(
    """report document record file data investigation inquiry probe audit leak memo email
    evidence study analysis review assessment footage image paper intelligence dossier""".split()
)

# Verbs that treat their object as something hidden brought to light; with a document as
# subject they turn whatever is "revealed" into fact. "The study demonstrated a link" is not.
UNCOVERING_VERBS = frozenset("reveal expose unveil uncover unmask lay".split())


# A factive verb stops presenting its object as fact when it is negated ("it cannot prove
# that"), hedged by a modal ("may reveal") or only attempted ("failed to show that").
_MODALS = frozenset("can ca could may might must should would".split())
# Verbs of knowing keep their presupposition under negation: "ministers failed to realise
# that the plan would fail" still takes the failure as fact.
_PERSISTENT_FACTIVES = frozenset(
    """realise realize know regret forget ignore recognise recognize understand appreciate
    notice grasp""".split()
)
_NON_FACTIVE_HEADS = frozenset(
    """fail unable attempt try seek hope want aim struggle need able refuse decline""".split()
)


def _head_verb(span: Span) -> Token:
    for t in span:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return span.root


def _has_clause(verb: Token) -> bool:
    """The verb introduces a clause: "reveal that ...", "showed how ...", "claimed X was Y"."""
    doc = verb.doc
    if verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ in (
        "that",
        "how",
        "why",
        "whether",
        "what",
    ):
        return True
    for child in verb.children:
        if child.dep_ == "ccomp":
            return True
        # "proved difficult" is an adjective complement, not a claim; "proved to be" is.
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            return True
    # Reporting verb placed after the claim: "X was wrong, he claimed."
    return verb.dep_ == "parataxis" or any(c.dep_ == "parataxis" for c in verb.children)


def apply_context(span: Span, context: str | None) -> Span | None:
    """The span to report, or None when the context says this is not framing."""
    if context is None:
        return span
    if context == "topic":
        return None if names_topic(span) else span
    if context == "legal":
        return None if legal_context(span) else span
    if context == "judgement":
        return span if judges(span) else None
    if context == "modifier":
        return extend_to_head(span)
    if context == "stance":
        head = span[-1].head
        manner = head.i < span.start and head.pos_ != "AUX"  # "spoke clearly", "yours truly"
        return None if manner or head.i == span[-1].i else extend_to_head(span)
    verb = _head_verb(span)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if _negated_or_hedged(verb) and verb.lemma_.lower() not in _PERSISTENT_FACTIVES:
        return None
    if context == "reporting":
        return span if _has_clause(verb) else None
    if context == "claim":
        if verb.dep_ == "amod" or verb.tag_ == "VBN" and verb.dep_ == "acl":
            return None  # "the revealed kit": not introducing anything
        if _has_clause(verb):
            return span
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass", "attr", "pobj") and _is_claim_object(child):
                return span
            # "Reports reveal heavy casualties": a document as the subject of a factive verb
            # turns whatever it "reveals" into established fact.
            if (
                child.dep_ == "nsubj"
                and child.lemma_.lower() in EVIDENCE_SUBJECTS
                and verb.lemma_.lower() in UNCOVERING_VERBS
            ):
                return span
        return None
    return span


def _negated_or_hedged(verb: Token) -> bool:
    """ "cannot prove", "did not reveal", "never showed", "may expose", "failed to prove":
    the claim is not presented as established, so the verb is not a presupposition."""
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "not", "n't"):
            return True
        if child.dep_ == "aux" and child.lower_ in _MODALS:
            return True
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and head.i != verb.i:
        if head.lemma_.lower() in _NON_FACTIVE_HEADS:
            return True
        if head.dep_ == "acomp" and head.lemma_.lower() in _NON_FACTIVE_HEADS:
            return True
    # "unable to prove": the verb hangs off an adjective
    return verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lower_ in _NON_FACTIVE_HEADS


def _is_claim_object(token: Token) -> bool:
    if token.lemma_.lower() in CLAIM_OBJECTS or token.lower_ in CLAIM_OBJECTS:
        return True
    # "the extent of X", "the true scale": look at the noun and its own modifiers.
    return any(c.lemma_.lower() in CLAIM_OBJECTS for c in token.children if c.dep_ != "prep")
