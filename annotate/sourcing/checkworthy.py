"""Check-worthiness: whether a sentence with no source claims something that needs one (a
figure, a superlative, a cause, accusation, harm or judgement, a comparison, a trend, a
dated past event), and the numbers that are not figures."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import FramingSpan
from annotate.nlp import doc_text
from annotate.sourcing.attribution import Attribution
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.syntax import _clause_tokens, _subject
from annotate.sourcing.words import (
    _CLAIM_KINDS,
    _CLOCK,
    _COMPARATIVE_EXCLUDE,
    _COVERT,
    _DAY_OF_NEWS,
    _DEGREE,
    _FIGURE_ENTS,
    _FRAMING_KINDS,
    _MONTHS,
    _OBLIGATION,
    _PHONE_OR_CODE,
    _SCORE,
    _TERMINAL,
    _TREND_LINKS,
)

# framing categories whose words, in the outlet's voice, are a judgement that needs a source
# (the entries of these categories are SourcingLexicon.borrowable)
BORROWED_CATEGORIES = ("loaded_language", "labeling", "intensifier")
# the framing matcher's spans of the Doc being classified (None: the classifier runs alone)
_SPANS: ContextVar[Sequence[FramingSpan] | None] = ContextVar("framing_spans", default=None)


@contextmanager
def borrowed_spans(spans: Sequence[FramingSpan] | None) -> Iterator[None]:
    """Make the framing spans of the Doc being classified the evaluative words sourcing
    borrows (see `CheckWorthy._borrowed`)."""
    token = _SPANS.set(
        None
        if spans is None
        else [
            x
            for x in spans
            if x.entry is not None and not x.in_quote and x.category in BORROWED_CATEGORIES
        ]
    )
    try:
        yield
    finally:
        _SPANS.reset(token)


def _prescription(s: SpacySpan) -> bool:
    """A call to act in the outlet's voice ('Our government must respond decisively',
    'Regulators should stop dithering', 'It is time to scrap this policy'): an opinion about
    what ought to happen, which no source could stand behind, so not a claim of fact."""
    root = s.root
    if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in root.children):
        return True
    return (
        root.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in root.children)
        and any(
            c.dep_ == "attr"
            and c.lower_ == "time"
            and any(d.dep_ in ("acl", "relcl") for d in c.children)
            for c in root.children
        )
    )


def _infinitive_after(s: SpacySpan, end: int) -> bool:
    """The phrase ending at char `end` (sentence-relative) ends in 'to' before a verb."""
    tok = next((t for t in s if t.idx - s.start_char >= end and not t.is_space), None)
    prev = s.doc[tok.i - 1] if tok is not None and tok.i > 0 else None
    return tok is not None and prev is not None and prev.lower_ == "to" and tok.tag_ == "VB"


def _in_name(tok: Token) -> bool:
    """'the Dunmore Victim Service', 'the Crisis Fund': a word inside an organisation's or
    a law's name is part of the name, not the outlet's claim."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT")


def _past_date(tok: Token) -> bool:
    """A date that places an event in the past beyond the day's news: a year ('in 1962',
    '2022'), a month or season, 'last spring', 'three years ago', 'the 1990s'."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or tok.i != ent.start:
        return False
    words = [t.lower_ for t in ent]
    if any(w in _DAY_OF_NEWS for w in words) or any(w in ("next", "coming") for w in words):
        return False
    prep = ent.root.head
    if ent.root.dep_ == "pobj" and prep.lower_ in ("until", "till", "to", "by", "for", "before"):
        return False  # "adjourned until March 3", "delayed to 2027": a date ahead, not an event
    if any(re.fullmatch(r"(1[89]|20)\d\ds?", w.replace("'", "")) for w in words):
        return True
    return any(w in _MONTHS or w in ("last", "ago", "previous") for w in words)


def _not_a_quantity(ent: SpacySpan) -> bool:
    """Numbers that count nothing: 'one of the people', 'one gang' (an article, not a
    figure), word numbers that are part of a source ('two officials said' is handled by
    the attribution), phone numbers and reference codes ('020 7946 0321'), and match
    scores ('a 4-0 defeat'): a result is the public outcome of an event, reported like a
    fixture, so it is not a figure that needs a source."""
    doc = ent.doc
    if _in_a_name(ent):
        return True
    # a phone number the tokenizer cut into groups: "0800 555 0199"
    start, end = ent.start, ent.end
    while start > 0 and doc[start - 1].is_digit and doc[start - 1].whitespace_:
        start -= 1
    while end < len(doc) and doc[end].is_digit and doc[end - 1].whitespace_:
        end += 1
    text = doc[start:end].text.strip()
    if end - start > 1 and _PHONE_OR_CODE.match(text):
        return True
    text = ent.text.strip()
    if text.lower() == "one":
        nxt = doc[ent.end].lower_ if ent.end < len(doc) else ""
        return nxt not in ("in", "out", "per", "percent", "%")
    if _PHONE_OR_CODE.match(text) or _SCORE.match(text) or _CLOCK.match(text):
        return True
    # a scoreline split into tokens: "4 - 0", "2-1"
    start, end = ent.start, ent.end
    if end + 1 < len(doc) and doc[end].text in "-\u2013" and doc[end].text:
        if _SCORE.match(f"{text}-{doc[end + 1].text}") and not doc[end].whitespace_:
            return True
    if start >= 2 and doc[start - 1].text in "-\u2013" and doc[start - 1].text:
        if _SCORE.match(f"{doc[start - 2].text}-{text}") and not doc[start - 2].whitespace_:
            return True
    # "case HC-2024-000417", "flight BA123": digits inside a code
    return any(
        t.text != ent.text and "-" in t.text and any(ch.isalpha() for ch in t.text) for t in ent
    )


def _in_a_name(ent: SpacySpan) -> bool:
    """Names and codes with digits count nothing: 'FTSE 100', 'Formula 1', 'Apollo 10',
    'Boeing 737' (a number straight after a capitalised name), 'A320', 'G20', 'Block 1B'
    (capitals and digits in one token, with no currency sign before it)."""
    doc = ent.doc
    if len(ent) != 1:
        return False
    tok = ent[0]
    text = tok.text
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if any(c.isdigit() for c in text) and any(c.isupper() for c in text):
        return prev is None or prev.text not in "$£€¥"
    if not text.isdigit() or prev is None or prev.sent.start == prev.i:
        return False
    return (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.lower_ not in _MONTHS
        and prev.ent_type_ not in ("DATE", "TIME")
        and prev.whitespace_ == " "
    )


def _is_age(ent: SpacySpan) -> bool:
    """'Hargreaves, 58,': a number set off by commas right after a name is an age."""
    doc = ent.doc
    root = ent.root
    if (
        root.dep_ == "attr"
        and root.head.lemma_ == "be"
        and root.head.dep_ == "relcl"
        and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in root.head.children)
        and root.head.head.ent_type_ == "PERSON"
    ):
        return True  # "Edith Rowe, who was nine at the time,"
    return (
        len(ent) == 1
        and ent.start >= 2
        and doc[ent.start - 1].text == ","
        and doc[ent.start - 2].pos_ == "PROPN"
        and ent.end < len(doc)
        and doc[ent.end].text == ","
    )


def _known_set(ent: SpacySpan) -> bool:
    """'the two towns', 'the three men': a count of things already introduced."""
    head = ent.root.head
    return any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both") for c in head.children
    ) and all(not t.is_digit for t in ent)


def _denied(tok: Token) -> bool:
    """'no reports of deaths', 'no group has claimed the attack': denied, not claimed."""
    root = tok.sent.root if tok.doc.has_annotation("SENT_START") else None
    if root is not None and any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in root.children
    ):
        return True
    node = tok
    for _ in range(3):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _lies_in(tok: Token) -> bool:
    """'The solution lies in better governance': 'lie' locating something, not an untruth."""
    return tok.lemma_.lower() == "lie" and any(
        c.dep_ == "prep" and c.lower_ in ("in", "with", "behind", "at", "within")
        for c in tok.children
    )


def _ends_a_title_line(s: SpacySpan, max_words: int = 20) -> bool:
    """The last sentence of a short line that ends with no closing punctuation (rule
    "sourcing.check.title_line"): a related-story link or headline that the splitter cut
    after a quoted tagline ('"Fares. Sorted.": Council spends 2m on bus campaign'). A whole
    line with no closing punctuation is already a headline (sourcing.headline)."""
    text = doc_text(s.doc)
    end = text.find("\n", s.end_char)
    end = len(text) if end < 0 else end
    if text[s.end_char : end].strip():
        return False
    tail = text[s.start_char : end].rstrip()
    if not tail or tail[-1] in _TERMINAL or tail[-1] == ":":
        return False
    start = text.rfind("\n", 0, s.start_char) + 1
    return start < s.start_char and len(text[start:end].split()) <= max_words


def _bare_cause_noun(tok: Token) -> bool:
    """'looking for possible causes', 'avoid your trigger', 'jet fuel' (rule
    "sourcing.check.causal_noun"): a cause word used as a noun names a cause without saying
    what it caused; 'the cause of the fire', 'the blame for the delay' do say it."""
    return tok.pos_ == "NOUN" and not any(
        c.dep_ == "prep" and c.lower_ in ("of", "for", "behind") for c in tok.children
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


def _before_verb(sent: SpacySpan, end: int) -> bool:
    """A phrase ending at char `end` (sentence-relative) followed by a bare verb:
    'is due to reconvene' is a schedule, not a cause."""
    nxt = next((t for t in sent if t.idx - sent.start_char >= end and not t.is_space), None)
    return nxt is not None and nxt.tag_ == "VB"


class CheckWorthy:
    """Whether an unattributed sentence claims something that needs a source."""

    lex: SourcingLexicon

    def _framing(self, s: SpacySpan, mask: list[bool]) -> tuple[str, str, str] | None:
        """A cause, accusation or judgement in the outlet's voice: (what, words, entry id)."""
        return self._claim_word(s, mask, _FRAMING_KINDS)

    # -- check-worthiness ---------------------------------------------------------------
    def _figure(self, s: SpacySpan) -> Token | SpacySpan | None:
        for ent in s.ents:
            if (
                ent.label_ in _FIGURE_ENTS
                and not _is_age(ent)
                and not _known_set(ent)
                and not _not_a_quantity(ent)
                and not (len(ent) == 1 and self._idiom(s, ent[0]))
            ):
                return ent
        for tok in s:
            if tok.like_num and not tok.ent_type_:
                if _not_a_quantity(s.doc[tok.i : tok.i + 1]) or self._idiom(s, tok):
                    continue
                # numbers NER missed count when they quantify something ("around 900 workers")
                if tok.dep_ in ("nummod", "quantmod", "dobj", "pobj", "nsubj", "attr"):
                    return tok
                continue
            if (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-") or (
                tok.i > 0 and tok.doc[tok.i - 1].text == "-"
            ):
                continue  # "half-year results", "third-quarter": a name for a period
            if (
                tok.dep_ == "advmod"
                and self.lex["figure_word"].token(tok)
                and self.lex["result_verb"].token(tok.head)
            ):
                continue  # "scored twice": a match result, reported like a fixture
            if self.lex["figure_word"].token(tok) or self.lex["quantity_verb"].token(tok):
                if self._idiom(s, tok):
                    continue
                return tok
        return None

    def _idiom(self, s: SpacySpan, tok: Token) -> bool:
        """'doubled down on', 'zero in on', 'a double standard': a figure word in an idiom
        (`figure_exclude`) measures nothing."""
        a = tok.idx - s.start_char
        return self.lex["figure_exclude"].covers(s.text.lower(), a, a + len(tok.text))

    def _check_worthy(self, s: SpacySpan, mask: list[bool]) -> Attribution | None:
        lex = self.lex
        doc = s.doc
        outside = self._outside_text(s, mask)

        def flag(reason: str, rule: str) -> Attribution:
            return Attribution("unattributed_claim", "unattributed", reason, rule)

        if outside.rstrip().endswith("?") or _imperative(s):
            return None  # a question or an instruction to the reader asserts nothing
        if _ends_a_title_line(s):
            return None
        if (fig := self._figure(s)) is not None:
            return flag(f"figure with no source: '{fig.text}'", "sourcing.check.figure")
        if hit := lex["figure_word"].phrase(outside):
            return flag(f"figure with no source: '{hit[2]}'", hit[3])
        toks = list(s)  # iterating a Span builds Token objects each time: do it once
        for tok in toks:
            if tok.tag_ in ("JJS", "RBS") and not lex["superlative_exclude"].token(tok):
                return flag(
                    f"superlative with no source: '{tok.text}'", "sourcing.check.superlative"
                )
            if tok.lower_ == "most" and tok.head.pos_ in ("ADJ", "ADV") and tok.dep_ == "advmod":
                words = doc[tok.i : tok.head.i + 1].text
                return flag(f"superlative with no source: '{words}'", "sourcing.check.superlative")
        if _prescription(s):
            return None  # "the government must act decisively": a call, not a claim of fact
        if (hit := self._claim_word(s, mask, _CLAIM_KINDS, outside, toks)) is not None:
            return flag(f"{hit[0]} with no source: '{hit[1]}'", hit[2])
        for tok in toks:
            if tok.tag_ in ("JJR", "RBR") and tok.lower_ not in _COMPARATIVE_EXCLUDE:
                return flag(
                    f"comparison with no source: '{tok.text}'", "sourcing.check.comparative"
                )
        return self._change_or_event(s, mask)

    def _change_or_event(self, s: SpacySpan, mask: list[bool]) -> Attribution | None:
        """A claim with no figure and no judgement word, read from the main verb's structure:
        a trend ('yields fell slightly on Tuesday', 'have risen every year since 2020', 'rose
        after the lender raised its forecast'): a change-of-state verb anchored in time, by a
        degree or by a cause; or a specific past event ('was built in 1962', 'unravelled in
        2022', 'shelved the project last spring'): a past-tense action dated to a year, month,
        season or 'last ...'. Present-tense schedules ('resumes on Monday'), modal or future
        verbs, states ('had convictions') and the day's news ('on Monday') are left alone."""
        lex = self.lex
        root = s.root
        verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        for verb in verbs:
            if not s.start <= verb.i < s.end or mask[verb.i - s.start]:
                continue
            if verb.pos_ not in ("VERB", "AUX") or lex["stative_verb"].token(verb):
                continue
            if lex["cue_verb"].token(verb):
                continue
            kids = list(verb.children)
            if any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids):
                continue  # "could rise", "will close": a forecast or a possibility
            if any(c.dep_ == "neg" for c in kids):
                continue
            subj = _subject(verb)
            if subj is not None and subj.lower_ in ("i", "we", "you"):
                continue
            words = _clause_tokens(verb)
            if eid := lex["trend_verb"].token(verb):
                anchor = next(
                    (
                        t
                        for t in words
                        if t.ent_type_ in ("DATE", "TIME")
                        or (t.lower_ in _TREND_LINKS and t.dep_ in ("prep", "mark"))
                        or (t.dep_ == "advmod" and t.head.i == verb.i and t.lower_ in _DEGREE)
                    ),
                    None,
                )
                done = verb.tag_ == "VBD" or any(
                    c.dep_ == "aux" and c.lemma_ == "have" for c in kids
                )
                if anchor is None and done and subj is not None and subj.pos_ != "PRON":
                    anchor = verb  # "prices fell at wholesale markets": a change that happened
                if anchor is not None:
                    return Attribution(
                        "unattributed_claim",
                        "unattributed",
                        f"trend with no source: '{verb.text}' ({anchor.text})",
                        eid,
                    )
                continue
            past = verb.tag_ == "VBD" or (
                verb.tag_ == "VBN"
                and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in kids)
                and not any(c.dep_ == "aux" for c in kids)
            )
            if not past:
                continue
            # the date may hang on the verb's object ("shelved plans to raise the wall in 2019")
            covert = next((c for c in kids if c.dep_ == "advmod" and c.lower_ in _COVERT), None)
            if covert is not None and subj is not None and subj.pos_ != "PRON":
                return Attribution(
                    "unattributed_claim",
                    "unattributed",
                    f"specific past event with no source: '{covert.text} {verb.text}' (a hidden act)",
                    "sourcing.check.past_event",
                )
            when = next(
                (
                    t
                    for t in _clause_tokens(verb, deep=True)
                    if t.ent_type_ == "DATE" and _past_date(t)
                ),
                None,
            )
            if when is not None:
                return Attribution(
                    "unattributed_claim",
                    "unattributed",
                    f"specific past event with no source: '{verb.text}' ({when.text})",
                    "sourcing.check.past_event",
                )
        return None

    def _claim_word(
        self,
        s: SpacySpan,
        mask: list[bool],
        kinds: Sequence[tuple[str, str]],
        outside: str | None = None,
        toks: list[Token] | None = None,
    ) -> tuple[str, str, str] | None:
        """The first cause, accusation, harm or judgement word of `kinds` outside quotes:
        (what it is, the words, entry id)."""
        lex = self.lex
        outside = self._outside_text(s, mask) if outside is None else outside
        toks = list(s) if toks is None else toks
        for kind, what in kinds:
            if kind == "borrowed_evaluative" and (spans := _SPANS.get()) is not None:
                if (hit := self._borrowed(s, mask, spans)) is not None:
                    return what, *hit
                continue
            hit_phrase = lex[kind].phrase(outside)
            if hit_phrase is not None and _infinitive_after(s, hit_phrase[1]):
                hit_phrase = None  # "is due to reconvene": a schedule, not a cause
            if hit_phrase is not None and not _before_verb(s, hit_phrase[1]):
                return what, hit_phrase[2], hit_phrase[3]
            hit_tok = next(
                (
                    t
                    for t, q in zip(toks, mask, strict=True)
                    if not q
                    and lex[kind].token(t)
                    and not _denied(t)
                    and not _in_name(t)
                    and not _lies_in(t)
                    and not (kind == "causal" and _bare_cause_noun(t))
                ),
                None,
            )
            if hit_tok is not None:
                return what, hit_tok.text, lex[kind].token(hit_tok) or kind
        return None

    def _borrowed(
        self, s: SpacySpan, mask: list[bool], spans: Sequence[FramingSpan]
    ) -> tuple[str, str] | None:
        """(words, entry id) of the first framing span of the sentence in the outlet's voice:
        framing found it after its own context rules, so a word framing dropped ("tax
        regime", a disabled entry, words in reported speech) is no judgement here either.
        Words with an everyday neutral sense (`borrowed_exclude`) are left out."""
        exclude = self.lex["borrowed_exclude"]
        for x in spans:
            # token-pattern entries (metaphors such as 'axed the plan') stay framing's alone
            if x.entry not in self.lex.borrowable or not s.start_char <= x.start < s.end_char:
                continue
            toks = [t for t in s if x.start <= t.idx < x.end]
            if not toks or any(mask[t.i - s.start] for t in toks):
                continue
            if len(toks) == 1 and exclude.token(toks[0]):
                continue
            return x.text, x.entry or ""
        return None
