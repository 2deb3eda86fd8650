"""Judgements in the outlet's voice: causes, accusations, harm and evaluations read from the
claim-word lists, and the framing matcher's own spans borrowed as evaluations (see
`borrowed_spans`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import FramingSpan
from annotate.sourcing.accusation_sense import accusation_sense
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.tier_senses import harm_sense
from annotate.sourcing.words import _FRAMING_KINDS, WordSetView

# nouns for footage and pictures the story shows (sourcing_tiers_cases.toml "sourcing.words.footage")
_FOOTAGE = WordSetView("footage")
_VEHICLES = WordSetView("vehicles")
_SNEER_PEOPLE = WordSetView("sneer_people")
_ARGUMENT_NOUNS = WordSetView("argument_nouns")

# framing categories whose words, in the outlet's voice, are a judgement that needs a source
# (the entries of these categories are SourcingLexicon.borrowable)
BORROWED_CATEGORIES = ("loaded_language", "labeling", "intensifier")
# the framing matcher's spans of the Doc being classified (None: the classifier runs alone)
_SPANS: ContextVar[Sequence[FramingSpan] | None] = ContextVar("framing_spans", default=None)


@contextmanager
def borrowed_spans(spans: Sequence[FramingSpan] | None) -> Iterator[None]:
    """Make the framing spans of the Doc being classified the evaluative words sourcing
    borrows (see `ClaimWords._borrowed`): strong spans in the outlet's voice only. A mild
    span ('bragged', 'truly', 'extensively') is worth a look, not a judgement that needs a
    source; borrowing mild spans too added named-source false alarms on PolNeAR dev."""
    token = _SPANS.set(
        None
        if spans is None
        else [
            x
            for x in spans
            if x.entry is not None
            and not x.in_quote
            and x.category in BORROWED_CATEGORIES
            and x.tier == "strong"
        ]
    )
    try:
        yield
    finally:
        _SPANS.reset(token)


def _infinitive_after(s: SpacySpan, end: int) -> bool:
    """The phrase ending at char `end` (sentence-relative) ends in 'to' before a verb."""
    tok = next((t for t in s if t.idx - s.start_char >= end and not t.is_space), None)
    prev = s.doc[tok.i - 1] if tok is not None and tok.i > 0 else None
    return tok is not None and prev is not None and prev.lower_ == "to" and tok.tag_ == "VB"


def _in_name(tok: Token) -> bool:
    """'the Dunmore Victim Service', 'the Crisis Fund': a word inside an organisation's or
    a law's name is part of the name, not the outlet's claim."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT")


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


def _own_denial(tok: Token) -> bool:
    """'The club denied the allegations', 'Marsh has denied any wrongdoing' (rule
    "sourcing.check.own_denial"): the subject's own denial, which the sentence reports as its
    act; it accuses no one. 'Residents were denied water' (passive) is not a denial."""
    return (
        tok.lemma_.lower() == "deny"
        and tok.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "nsubj" for c in tok.children)
    )


def _bare_cause_noun(tok: Token) -> bool:
    """'looking for possible causes', 'avoid your trigger', 'jet fuel' (rule
    "sourcing.check.causal_noun"): a cause word used as a noun names a cause without saying
    what it caused; 'the cause of the fire', 'the blame for the delay' do say it."""
    return tok.pos_ == "NOUN" and not any(
        c.dep_ == "prep" and c.lower_ in ("of", "for", "behind") for c in tok.children
    )


def _before_verb(sent: SpacySpan, end: int) -> bool:
    """A phrase ending at char `end` (sentence-relative) followed by a bare verb:
    'is due to reconvene' is a schedule, not a cause."""
    nxt = next((t for t in sent if t.idx - sent.start_char >= end and not t.is_space), None)
    return nxt is not None and nxt.tag_ == "VB"


def _phrase_denied(s: SpacySpan, start: int) -> bool:
    """The verb a causal phrase starts with is negated ('had not led to', 'did not cause'):
    the sentence denies a cause rather than claims one (rule "sourcing.check.causal_denied")."""
    tok = _token_at(s, start)
    return (
        tok is not None
        and tok.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "neg" for c in tok.children)
    )


def _token_at(s: SpacySpan, start: int) -> Token | None:
    """The token of `s` at sentence-relative char `start` or just after it."""
    return next((t for t in s if t.idx - s.start_char >= start and not t.is_space), None)


def _not_a_claim_phrase(s: SpacySpan, hit: tuple[int, int, str, str]) -> bool:
    """A claim phrase that claims nothing here:
    - 'a car driven by Ana Ruiz': who drove a vehicle, not a cause (rule
      "sourcing.check.driver");
    - 'the so-called gig economy': 'so-called' introducing a term names it; only before
      people ('so-called experts') is it the outlet's sneer (rule "sourcing.check.term")."""
    start, end, words = hit[0], hit[1], hit[2]
    if hit[3] == "sourcing.check.causal_result":
        # 'The result of the vote will be announced', 'spoke of the consequences of': the
        # noun names an outcome; only 'X is the result of Y' (the noun after 'be') is a cause
        noun = next((t for t in s if t.idx - s.start_char >= start and t.pos_ == "NOUN"), None)
        return noun is None or noun.dep_ != "attr"
    if words == "driven by":
        tok = _token_at(s, start)  # 'driven'
        if tok is None:
            return False
        head = tok.head if tok.dep_ in ("acl", "amod", "relcl") else None
        obj = next(
            (g for c in tok.children if c.lower_ == "by" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        return (head is not None and head.lemma_.lower() in _VEHICLES) or (
            obj is not None and obj.ent_type_ == "PERSON"
        )
    if words == "so-called":
        tok = _token_at(s, end)
        if tok is None:
            return False
        head = (
            tok
            if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod")
            else tok.head
        )
        return head.lemma_.lower() not in _SNEER_PEOPLE and head.ent_type_ not in ("NORP",)
    return False


def _verbal_attack(tok: Token) -> bool:
    """'came under sustained attack from rivals', 'attacked the governor's housing plan',
    'rivals attacked her over the budget', 'his attacks on the policy': attack in the
    political sense, words against words, not harm (rule "sourcing.check.verbal_attack").
    'Gunmen attacked a police post' is harm."""
    if tok.lemma_.lower() != "attack":
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "under":
        return True
    for c in tok.children:
        if tok.pos_ == "VERB" and c.dep_ == "prep" and c.lower_ == "over":
            return True
        target = c
        if c.dep_ == "prep" and c.lower_ in ("on", "against"):
            target = next((g for g in c.children if g.dep_ == "pobj"), c)
        elif c.dep_ != "dobj":
            continue
        if target.lemma_.lower() in _ARGUMENT_NOUNS:
            return True
    return False


def _describes_footage(tok: Token) -> bool:
    """'dramatic video', 'a video showing the dramatic moment': an adjective describing
    footage or pictures the story shows judges the pictures, which the reader can see, not a
    claim of fact (rule "sourcing.check.footage")."""
    if tok.pos_ != "ADJ" or tok.dep_ not in ("amod", "acomp"):
        return False
    node = tok.head
    for _ in range(4):
        if node.lemma_.lower() in _FOOTAGE:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


class ClaimWords:
    """The cause, accusation, harm and judgement words of a sentence outside quotes."""

    lex: SourcingLexicon

    def _framing(self, s: SpacySpan, mask: list[bool]) -> tuple[str, str, str] | None:
        """A cause, accusation or judgement in the outlet's voice: (what, words, entry id)."""
        return self._claim_word(s, mask, _FRAMING_KINDS)

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
            text = outside
            for _ in range(4):  # a phrase that is no claim here: look for the next one
                if hit_phrase is None or not _not_a_claim_phrase(s, hit_phrase):
                    break
                a, b = hit_phrase[0], hit_phrase[1]
                text = text[:a] + " " * (b - a) + text[b:]
                hit_phrase = lex[kind].phrase(text)
            if hit_phrase is not None and _infinitive_after(s, hit_phrase[1]):
                hit_phrase = None  # "is due to reconvene": a schedule, not a cause
            if hit_phrase is not None and kind == "causal" and _phrase_denied(s, hit_phrase[0]):
                hit_phrase = None  # 'had not led to any answer': no cause is claimed
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
                    and not (kind == "accusation" and _own_denial(t))
                    and not (kind in ("accusation", "evaluative") and not accusation_sense(t, lex))
                    and not (kind == "causal" and _bare_cause_noun(t))
                    and not _describes_footage(t)
                    and not (kind == "harm" and (_verbal_attack(t) or not harm_sense(t)))
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
