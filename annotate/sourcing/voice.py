"""Claims in the reporter's own voice that an editor queries (issue 9, round 7): a motive or a
prediction ('That is why the two mayors are joining the contest', 'which looks ever more
probable'), unease or evidence stated as fact ('there is mounting unease that ...',
'research has been mixed on whether ...'), and the details of a case told with no source
('A deputy had searched the garage an hour earlier but missed the boy', 'She was later
suspended'). And one that is not a claim to query: the writer's own reading of what is at
stake in a contest ('The stakes are enormous for the mayor').

Each test reads the parse, not only words: a motive word inside a quotation, a concern with a
named holder, or a case verb in a story with no case in it is left alone."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.words import WordSetView

_CONCERN = WordSetView("concern_nouns")
_EVIDENCE = WordSetView("evidence_nouns")
_VERDICTS = WordSetView("evidence_verdicts")
_CASE_VERBS = WordSetView("case_verbs")
_CASE_CONTEXT = WordSetView("case_context")
_CASE_PEOPLE = WordSetView("case_people")
_STAKES = WordSetView("stakes_nouns")
# tier_query_word entries of sourcing_tiers_voice.toml that also make a sentence a claim
VOICE_QUERY_IDS = (
    "sourcing.tier.motive",
    "sourcing.tier.forecast_word",
    "sourcing.tier.private_dealings",
)
_GROW = frozenset(("grow", "mount", "rise", "build", "deepen", "spread", "swirl", "intensify"))
_PEOPLE = frozenset("he she they him her them".split())


def voice_word(s: SpacySpan, mask: list[bool], outside: str, lex: SourcingLexicon) -> str | None:
    """A motive or forecast word of the reporter's voice, outside quotes: 'in a bid to', 'that
    is why', 'probable', 'almost certainly' (rules "sourcing.tier.motive",
    "sourcing.tier.forecast_word"). The writer speaking of themselves or to the reader ('which
    is why I keep one in my bag') is a review, not a claim about others."""
    ws = lex["tier_query_word"]
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("i", "we", "you") for t in s):
        return None
    for t, q in zip(s, mask, strict=True):
        if not q and ws.token(t) in VOICE_QUERY_IDS:
            if t.pos_ == "ADJ" and t.dep_ == "amod":
                continue  # 'an improbable ending' describes; 'looks probable' predicts
            return t.text
    for pat, item, eid in ws.phrases:
        if eid in VOICE_QUERY_IDS and pat.search(outside):
            return item
    return None


def vague_concern(s: SpacySpan, mask: list[bool]) -> str | None:
    """Unease or evidence stated as fact, with no one holding it (rule
    "sourcing.check.vague_concern"): 'There is mounting unease in the party that ...',
    'Concern is growing among parents', 'Research has been mixed on whether the therapy
    helps', 'The evidence is thin'. 'Her concern is the cost' names the holder; 'The
    council's research found ...' is a named document."""
    root = s.root
    if not s.start <= root.i < s.end or mask[root.i - s.start]:
        return None
    kids = list(root.children)
    if root.lemma_ == "be" and any(c.dep_ == "expl" for c in kids):
        for c in kids:
            if c.dep_ == "attr" and c.lemma_.lower() in _CONCERN and _unheld(c):
                return f"there {root.text} {c.text}"
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not _unheld(subj):
        return None
    if subj.lemma_.lower() in _CONCERN and root.lemma_.lower() in _GROW:
        return f"{subj.text} {root.text}"
    if subj.lemma_.lower() in _EVIDENCE:
        verdict = root if root.lower_ in _VERDICTS else None
        verdict = verdict or next(
            (c for c in kids if c.dep_ in ("acomp", "attr") and c.lower_ in _VERDICTS), None
        )
        if verdict is not None:
            return f"{subj.text} ... {verdict.text}"
    return None


def _unheld(noun: Token) -> bool:
    """No possessor, name or number on the noun: 'unease', 'growing concern', 'the evidence';
    not 'her concern', 'the council's research', 'two studies'."""
    return not any(
        c.dep_ in ("poss", "nummod") or c.pos_ == "PROPN" or c.ent_type_ for c in noun.children
    )


def case_event(s: SpacySpan, mask: list[bool], least: int = 2) -> str | None:
    """A detail of a case told in the past with no source, in a story about a case (rule
    "sourcing.check.case_event"): 'A deputy had searched the garage an hour earlier but
    missed the boy', 'She was later suspended'. Who searched, missed, detained or suspended
    whom comes from a report, a witness or a record, and the reader is not told which. The
    story must speak of a case (`least` words of `case_context`: police, deputy, arrest,
    court ...), so a player who 'missed a penalty' or a club that 'released' a striker is left
    alone; the subject must be a person, and not a named one acting ('Ruth Amsel found the
    boat' is her own act, which she can be asked about by name)."""
    root = s.root
    verbs = [root, *(c for c in root.children if c.dep_ == "conj")]
    hit = None
    for v in verbs:
        if not s.start <= v.i < s.end or mask[v.i - s.start]:
            continue  # a conjunct the parser hung outside the sentence
        if v.lemma_.lower() not in _CASE_VERBS or not _past(v):
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and v is not root:
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.dep_ == "nsubj" and subj.ent_type_ == "PERSON":
            continue  # 'Ruth Amsel, a detective, found the boat': a named person's own act
        if subj is not None and _person(subj):
            hit = v
            break
    if hit is None:
        return None
    context = sum(1 for t in s.doc if t.lemma_.lower() in _CASE_CONTEXT)
    return hit.text if context >= least else None


def _past(v: Token) -> bool:
    """'searched', 'had searched', 'was suspended', 'had been detained'."""
    if v.tag_ == "VBD":
        return True
    return v.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in v.children
    )


def _person(tok: Token) -> bool:
    return (
        tok.lower_ in _PEOPLE
        or tok.ent_type_ == "PERSON"
        # 'Harlow was arrested': a name the tagger gave no type, as the one acted upon
        or (tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ == "nsubjpass")
        or tok.lemma_.lower() in _CASE_PEOPLE  # 'a deputy', 'the officer', 'the suspect'
    )


def stakes_evaluation(s: SpacySpan, words: str = "") -> str | None:
    """The writer's reading of what is at stake in a contest (rule
    "sourcing.tier.stakes"): 'The stakes are enormous for the mayor', 'The race is wide
    open', 'It is a huge test for the coach'. A preview's own analysis, which no source could
    stand behind and an editor does not query; routine, one click away. `words`: the
    flag's reason, which quotes the judged word; an adjective on a contest ('the decisive
    doubles match') counts only when it is that word."""
    for t in s:  # 'the decisive doubles match', 'a pivotal test': the contest described
        if t.dep_ != "amod" or t.pos_ != "ADJ" or t.lower_ not in words:
            continue
        head = t.head.head if t.head.dep_ == "compound" else t.head  # 'decisive [doubles] match'
        if head.lemma_.lower() in _STAKES:
            return head.text
    root = s.root
    if root.lemma_ != "be":
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.lemma_.lower() in _STAKES and any(c.dep_ == "acomp" for c in root.children):
        return subj.text
    attr = next((c for c in root.children if c.dep_ == "attr"), None)
    if subj.lower_ in ("it", "this") and attr is not None and attr.lemma_.lower() in _STAKES:
        return attr.text
    return None


_QUOTE_MARKS = frozenset('"\u201c\u201d')


def writers_piece(doc: Doc, least: int = 3) -> bool:
    """A column, essay or review: the writer says 'I' as a subject in at least `least`
    sentences with no quotation marks (rule "sourcing.tier.column_view"). Cached on the Doc."""
    key = "newsprov_writers_piece"
    if key not in doc.user_data:
        n = 0
        for sent in doc.sents:
            if any(ch in sent.text for ch in _QUOTE_MARKS):
                continue
            n += any(t.text == "I" and t.dep_ == "nsubj" for t in sent)
        doc.user_data[key] = n >= least
    return doc.user_data[key]
