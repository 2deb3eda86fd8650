"""Lines that assert nothing, whatever words they hold: an instruction or an offer to the
reader, the title of a list, and (round 9) a short fragment with no verb (a promotion, a list
item, a table row). Split from checkworthy.py."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan


def _fragment(sent: SpacySpan, most: int = 10) -> bool:
    """A short line with a number and no verb at all ('12 issues for 11.99 pounds.', 'Olive oil, 2 tbsp.',
    'DL Ivo Marsh 63 85% 1 tackle.'): a promotion, a list item or a table row, not a
    sentence that asserts (rule "sourcing.check.fragment")."""
    words = [t for t in sent if t.is_alpha]
    if _table_row(sent):
        return True
    if len(words) > most or any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    if not any(t.like_num for t in sent):
        return False  # a line of words alone may be a sentence the tagger misread
    return not any(t.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG") for t in sent)


def _table_row(sent: SpacySpan) -> bool:
    """Round 14: a line with at least three numbers, a quarter of its words, and no clause
    with a subject ('SILVER PLATE (1,400m), rated 20 to 46, 3-00: 1. Corran Lad (4) Vale
    58.5, 2. ...'): a row of a race card, a results list or a table that the extractor ran
    together, not a sentence. Unlike `_fragment`'s short lines it may be of any length."""
    if sent.text.lstrip().startswith("["):
        return False  # '[2] Author, Title, 2019': a numbered reference (tier_marks.py)
    toks = [t for t in sent if not (t.is_punct or t.is_space)]
    nums = sum(1 for t in toks if t.like_num or any(c.isdigit() for c in t.text))
    if nums < 3 or nums < 0.25 * len(toks):
        return False
    # a clause with a subject is a sentence ('The scheme has cost 48 million pounds since
    # 2019'); a race card's 'rated 20 to 46' has none, even when tagged as a past tense
    return not any(
        t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and t.head.pos_ in ("VERB", "AUX")
        for t in sent
    )


def _imperative(sent: SpacySpan) -> bool:
    """'Add the honey and boil for five minutes', 'Save $31 on the console': an instruction
    or an offer to the reader asserts nothing."""
    root = sent.root
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    return (
        root.tag_ == "VB"
        and first is not None
        and first.i == root.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in root.children)
    )


def _list_intro(sent: SpacySpan) -> bool:
    """'Here are 12 ways to sleep better', 'Here's how to ...': the title of the list that
    follows (rule "sourcing.check.list_intro"), the outlet's own promise, not a claim."""
    words = [t.lower_ for t in sent if not (t.is_punct or t.is_space)][:3]
    return len(words) >= 2 and words[0] == "here" and words[1] in ("are", "is", "'s", "\u2019s")


CREDIT_LINE = "sourcing.layout.credit_line"


def credit_line(s: SpacySpan) -> bool:
    """The wire's credit for its reporters (rule sourcing.layout.credit_line): 'Marsh
    reported from Leeds and Okafor from Cardiff.' A past 'reported' with a name for subject,
    a place after 'from' and nothing reported: who was where, not a claim or a source. A
    reporter whose name is a plural noun ('Banks') was read as unnamed people who speak
    (round 27, a judged real page)."""
    root = s.root
    if root.lemma_.lower() != "report" or root.tag_ != "VBD" or len(s) > 20:
        return False
    kids = list(root.children)
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "advcl") for c in kids):
        return False
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON" or subj.is_title):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "from" and any(g.pos_ == "PROPN" for g in c.subtree)
        for c in kids
    )
