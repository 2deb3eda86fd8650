"""Parse helpers: spans, noun phrases, subjects, a verb's own clause, evidential phrases."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import Span
from annotate.sourcing.words import _RELATIVE, WordSetView


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _tok_span(toks: SpacySpan | Token) -> Span:
    if isinstance(toks, Token):
        return Span(toks.idx, toks.idx + len(toks.text), toks.text)
    return Span(toks.start_char, toks.end_char, toks.text)


def _np(head: Token, sent: SpacySpan | None = None) -> SpacySpan:
    """The noun phrase of `head`, without relative clauses or trailing punctuation, and
    never beyond its sentence (the parse can run a headline into the first sentence)."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    if sent is not None:
        start, end = max(start, sent.start), min(end, sent.end)
    for child in head.rights:
        if child.dep_ in ("relcl", "advcl", "parataxis") or (
            child.dep_ == "punct" and child.i > head.i and child.text in ",;("
        ):
            end = min(end, child.left_edge.i)
    # 'LONDON (Reuters) - Donald Trump': a dateline the parse ran into the phrase (round 12)
    dash = next((k for k in range(head.i - 1, start - 1, -1) if _spaced_dash(doc[k])), None)
    # not a pair of dashes around an aside: 'Ana Ortega - the mayor's aide - said'
    if dash is not None and not any(_spaced_dash(t) for t in doc[head.i : head.head.i]):
        start = dash + 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1]):
            break  # keep "(DGISPR)" whole
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def _spaced_dash(tok: Token) -> bool:
    """A dash set off by spaces ('WASHINGTON - ', 'Ortega — a lawyer — said'), not the
    hyphen the tokenizer splits out of 'Coca-Cola'."""
    if tok.text in ("\u2014", "\u2013", "--"):
        return True
    prev = tok.doc[tok.i - 1] if tok.i else None
    return tok.text == "-" and prev is not None and bool(prev.whitespace_) and bool(tok.whitespace_)


def _clause_tokens(verb: Token, deep: bool = False) -> list[Token]:
    """The verb's own clause: its subtree without nested clauses that have their own verb
    (a relative clause or complement says something else); `deep` keeps the infinitives
    and participles that complete its object ('plans to raise ...')."""
    skip = ("relcl", "ccomp", "conj", "parataxis", "csubj")
    if not deep:
        skip += ("xcomp", "acl")
    out: list[Token] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in skip:
                if c.pos_ in ("VERB", "AUX"):
                    continue
            stack.append(c)
    return out


def _depth(tok: Token, sent: SpacySpan) -> int:
    """Steps from `tok` up to the root of its sentence (a parse that runs a headline into
    the next sentence is cut at the sentence boundary)."""
    d = 0
    while tok.head.i != tok.i and sent.start <= tok.head.i < sent.end and d < 50:
        tok, d = tok.head, d + 1
    return d


def _is_root(tok: Token, sent: SpacySpan) -> bool:
    return tok.head.i == tok.i or not sent.start <= tok.head.i < sent.end


# 'the result led Tory leaders to declare ...': verbs that bring their object to say
# something, which it then did (sourcing.words.led_to_say)
_LED_TO = WordSetView("led_to_say")
# ... except a belief they were brought to: 'led staff to believe ...' (round 27)
_INDUCED_BELIEFS = frozenset(("believe", "think", "assume", "suppose", "imagine"))


def main_verb_misread(verb: Token) -> bool:
    """'The chief, Ada Crole, bragged that ...': the parser made the subject the root and hung
    the main verb from it as if a reduced relative ('a deal signed in May'). A verb right
    after the closing comma of an apposition, past tense or holding a clause, is the main
    verb and the root noun its subject (round 29)."""
    return (
        verb.dep_ == "acl"
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and 0 < verb.head.i < verb.i
        and verb.doc[verb.i - 1].text == ","
        and any(c.dep_ == "appos" for c in verb.head.children)
        and (verb.tag_ == "VBD" or any(c.dep_ == "ccomp" for c in verb.children))
    )


def _as_speaker(subj: Token, verb: Token) -> Token | None:
    """'Ardley, as one of the council's engineers noted, rarely floods': the parser makes
    the sentence's subject the subject of the aside's verb and hangs 'as one of ...' from
    it. The object of an 'as' set off by a comma between them is who spoke (round 29,
    PolNeAR dev)."""
    doc = verb.doc
    for c in subj.children:
        if (
            c.dep_ == "prep"
            and c.lower_ == "as"
            and subj.i < c.i < verb.i
            and doc[c.i - 1].text == ","
        ):
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it hangs from
    ('confirmed the deal and said ...', 'have begun to unveil')."""
    tok = verb
    came_by = ""
    if main_verb_misread(verb):
        return verb.head
    for _ in range(3):
        subjs = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if not subjs and tok is not verb and came_by == "conj" and verb.tag_ != "VBN":
            # 'officials were angered by the deal and predicted ...': the second verb
            # shares the first one's subject even when that verb is passive (round 10);
            # not 'was arrested and charged', a second passive
            subjs = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if len(subjs) > 1:
            # when the parser runs a heading into the sentence, the verb can collect the
            # heading's subjects too ('The latest ... (all times EST):\n\nOrtega says'):
            # a subject with a line break between it and the verb is not the verb's
            near = [c for c in subjs if not _line_between(c, tok)]
            subjs = near or subjs
        # "a deal that analysts say ...": the relative pronoun is not the speaker
        subj = next((c for c in subjs if c.tag_ not in _RELATIVE), subjs[0] if subjs else None)
        if subj is not None and subj.tag_ in _RELATIVE and tok.dep_ == "relcl":
            return tok.head  # "the association, which argued that ...": the association
        if subj is not None:
            return _as_speaker(subj, tok) or subj
        # "Some doctors remain sceptical, arguing that ...": the participle's subject is
        # the main clause's
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG"
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep":
            # 'distanced himself from the plan by saying ...': the verb the 'by' hangs from
            tok = tok.head.head
            continue
        if tok.dep_ not in ("xcomp", "conj") and not participle or tok.head.i == tok.i:
            return None
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _LED_TO:
            # 'the delay led Republicans to say ...': the object of the verb above is who
            # speaks, not its subject (round 10); 'led staff to believe ...' tells of a
            # belief someone induced, a deception the writer narrates: nobody speaks (round 27)
            if verb.lemma_.lower() in _INDUCED_BELIEFS:
                return None
            obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None:
                return obj
        came_by = tok.dep_
        tok = tok.head
    return None


def _relative_subject(verb: Token) -> Token | None:
    """'Sanders, who endorsed Canova': the relative pronoun the verb has as its subject (the
    source as the sentence writes it; `_subject` gives the noun it stands for)."""
    if verb.dep_ != "relcl":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ in _RELATIVE), None)


def _line_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text for t in a.doc[lo:hi])


def _whole_phrase(text: str, start: int, end: int, limit: int = 60) -> str:
    """The words of `text` from `start` to the end of their clause (at least to `end`):
    a matched stem such as 'not authorised to' becomes 'not authorised to speak publicly'."""
    stop = len(text)
    for m in re.finditer(r"[,;:.()\u2014\"\u201c\u201d]", text[end:]):
        stop = end + m.start()
        break
    phrase = text[start:stop].strip()
    if len(phrase) > limit:
        cut = phrase.rfind(" ", 0, limit)
        phrase = phrase[: cut if cut > end - start else limit].rstrip() + "\u2026"
    return phrase


def _participle_of_root(tok: Token, sent: SpacySpan) -> bool:
    """'The judge halted the sale, ruling that ...': a participle hanging from the root."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and _is_root(tok.head, sent)


def _phrase_around(tok: Token) -> SpacySpan:
    """'is understood to', 'it is believed', 'said to': the evidential as written."""
    doc = tok.doc
    # only the words right before the verb that belong to it ("it is widely believed"),
    # never a subject or a leading symbol the parser hung on it
    wanted = {
        c.i
        for c in tok.children
        if c.is_alpha
        and (
            c.dep_ in ("auxpass", "aux", "advmod", "neg")
            or (c.dep_ == "nsubjpass" and c.lower_ == "it")
        )
    }
    start = tok.i
    while start - 1 in wanted:
        start -= 1
    end = tok.i + 1
    if end < len(doc) and doc[end].lower_ == "to":
        end += 1
    return doc[start:end]


def _attached_to(tok: Token, cue: Span) -> bool:
    """Whether `tok` hangs (within three steps) from the token at the cue's offset."""
    head = tok
    for _ in range(3):
        if head.head.i == head.i:
            return False
        head = head.head
        if head.idx == cue.start:
            return True
    return False


def _name_before(verb: Token) -> Token | None:
    """'As part of his plea, Tom Baird, 44, said that ...', '..., former mayor Tom Baird said
    ...': a verb the parser gave no subject, right after a name it hung on an earlier phrase
    (as an apposition or an object). The name, after at most a comma and an age, is the
    subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    doc, k = verb.doc, verb.i - 1
    if k >= 1 and doc[k].text == "," and doc[k - 1].like_num and k >= 3 and doc[k - 2].text == ",":
        k -= 3  # 'Tom Baird, 44, said'
    if k < 0 or k < verb.sent.start:
        return None
    name = doc[k]
    if name.ent_type_ != "PERSON" or name.dep_ in ("compound", "nsubj"):
        return None
    return name
