"""Speakers that the parse places badly (round 12): a clause and a colon that introduce a
quotation ('The minister was blunt: "We will not pay."'), and a verb of saying set off after
the words it reports, with its subject after it ('..., said Ana Ortega, a tenant.', '"...,"
wrote a supporter'), where the parser often takes the reported words for the subject.
Mixed into SourcingClassifier; pass 1 (attribution.py) and the listing (several.py) call
these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.nlp import doc_text
from annotate.sourcing.cue_senses import _SPEECH_ENTRIES
from annotate.sourcing.lexicon import SourcingLexicon, lemma_of
from annotate.sourcing.syntax import (
    _depth,
    _name_before,
    _np,
    _spaced_dash,
    _subject,
    _tok_span,
)
from annotate.sourcing.words import _PLURAL_GROUPS

if TYPE_CHECKING:  # attribution.py imports set_off_subject from here
    from annotate.sourcing.attribution import Attribution, _Memory

# what a colon must be followed by to introduce a quotation
_OPENING = ('"', "\u201c", "''", "\u2018\u2018")
# subjects that speak for nobody ('Wait, it gets better: "..."', 'This was the reply:')
_PERSONAL = frozenset(("he", "she", "they", "i", "we"))
_AGENT_ENTS = frozenset(("PERSON", "ORG", "NORP"))
_DUMMIES = frozenset(("it", "this", "that", "there", "what", "which", "who", "here"))
# marks that close a quotation, before a set-off verb ('"Meh," wrote a supporter')
_CLOSING = frozenset(('"', "\u201d", "''", "\u2019", "'"))
# verbs whose object after them is the hearer or what is named ('..., told reporters')
_TAKES_HEARER = frozenset(("tell", "call", "urge", "remind", "thank", "assure", "inform"))
# words that open the set-off verb's subject: a name, a noun phrase, 'he', 'another'
_SUBJECT_START = frozenset(("PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON"))
# dependencies the parser gives the subject of an inverted verb of saying
_INVERTED_DEPS = frozenset(("dobj", "attr", "npadvmod", "oprd", "appos", "nsubj", "dative"))


def _introduces_quote(s: SpacySpan, colon: Token) -> bool:
    """The colon is followed, in its paragraph, by an opening quotation mark."""
    full = doc_text(s.doc)
    after = full[colon.idx + 1 : colon.idx + 12]
    stripped = after.lstrip(" \t\u00a0")
    return "\n\n" not in after[: len(after) - len(stripped)] and stripped.startswith(_OPENING)


def _names_someone(tok: Token) -> bool:
    """A personal pronoun or a phrase with a name or a person or body in it."""
    if tok.pos_ == "PRON":
        return tok.lower_ in _PERSONAL
    return any(t.pos_ == "PROPN" or t.ent_type_ in _AGENT_ENTS for t in _np(tok, tok.sent))


def _speaker_like(subj: Token, s: SpacySpan, lex: SourcingLexicon) -> bool:
    """A phrase that can be the one who speaks: a personal pronoun, a name, or a noun of the
    source lexicons ('the minister', 'aides', 'the report'); not 'the answer' or 'the
    timing' (a colon or a set-off verb needs one, since the parse cannot be trusted there)."""
    if subj.pos_ == "PRON":
        return subj.lower_ in _PERSONAL
    if subj.pos_ == "PROPN" or subj.ent_type_ in _AGENT_ENTS:
        return True
    # 'Republican pollster Ana Ortega', 'the Ledger's editor': a name on the head itself
    if any(
        c.dep_ in ("compound", "poss", "appos") and (c.pos_ == "PROPN" or c.ent_type_)
        for c in subj.children
    ):
        return True
    kinds = ("informant_noun", "representative_noun", "group_noun", "document_noun")
    return subj.lemma_.lower() in _PLURAL_GROUPS or any(
        lex[k].token(subj) for k in (*kinds, "institution_noun")
    )


def _aside_subject(verb: Token, lex: SourcingLexicon) -> Token | None:
    """'That plan, many argue, could raise rents': a verb of saying set off between commas
    whose subject the parser hung on it as a modifier ('many' as an adjective)."""
    if verb.dep_ != "parataxis" or verb.i < 2 or _subject(verb) is not None:
        return None
    before, comma = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    if comma.text != "," or before.head.i != verb.i or before.dep_ in ("nsubj", "neg", "aux"):
        return None
    return before if _speaker_like(before, verb.sent, lex) else None


def _after_dateline(verb: Token) -> Token | None:
    """'LONDON (Reuters) - Ana Ortega said ...': the parser made the dateline the subject;
    the phrase between the dash and the verb is (rule sourcing.set_off_verb)."""
    parsed = _subject(verb)
    if parsed is None or parsed.i > verb.i:
        return None
    doc = verb.doc
    dash = next((k for k in range(verb.i - 1, parsed.i, -1) if _spaced_dash(doc[k])), None)
    if dash is None:
        return None
    # the dateline opens its line: the parser's sentence may have run an earlier line (a
    # correction, a standfirst) into it (round 26)
    start = verb.sent.start
    start = max([start, *(k + 1 for k in range(start, dash) if "\n" in doc[k].text)])
    if dash - start > 12:
        return None
    if not all(
        t.pos_ in ("PROPN", "PUNCT", "NUM", "SPACE") or (t.is_upper and t.is_alpha)
        for t in doc[start:dash]
    ):
        return None  # only a dateline: place names (capitals often tagged NOUN), a date, the agency
    inside = range(dash + 1, verb.i)
    root = next((t for t in doc[dash + 1 : verb.i] if t.head.i not in inside), None)
    return root if root is not None and root.pos_ in ("PROPN", "NOUN") else None


def set_off_subject(verb: Token, lex: SourcingLexicon) -> Token | None:
    """'..., said Ana Ortega, a tenant.', '"...," wrote a supporter': a verb of saying set off
    after what it reports, with its subject right after it. The parser often makes the
    reported words its subject and the speaker its object; the noun phrase after the verb is
    the one who spoke (rule sourcing.set_off_verb)."""
    doc = verb.doc
    if (aside := _aside_subject(verb, lex) or _after_dateline(verb)) is not None:
        return aside
    if verb.i == 0 or verb.i + 1 >= len(doc) or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    lemma = lemma_of(verb)
    if lex["cue_verb"].words.get(lemma) not in _SPEECH_ENTRIES or lemma in _TAKES_HEARER:
        return None
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
        return None  # 'Ortega, a lawyer, said the vote ...': the words follow the verb
    parsed = _subject(verb)
    if parsed is not None and parsed.i < verb.i and _names_someone(parsed):
        return None  # 'Politico, in a long look, described ...': the parse had it right
    prev, nxt = doc[verb.i - 1], doc[verb.i + 1]
    if prev.text != "," and not (
        prev.text in _CLOSING and verb.i >= 2 and doc[verb.i - 2].text in (",", "?", "!")
    ):
        return None
    if nxt.pos_ not in _SUBJECT_START or nxt.lower_ in _DUMMIES or nxt.is_punct:
        return None
    if nxt.pos_ == "PRON" and nxt.lower_ not in ("he", "she", "they", "i", "we"):
        return None
    if nxt.ent_type_ in ("DATE", "TIME"):
        return None  # 'said Tuesday that ...': a time, not a speaker
    # the head of the phrase that opens after the verb, within that phrase
    head = nxt
    while (
        head.head.i != head.i
        and head.head.i > verb.i
        and head.dep_ in ("compound", "amod", "det", "poss", "nummod", "case", "punct", "nmod")
    ):
        head = head.head
    if head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    if head.head.i != verb.i and head.dep_ not in _INVERTED_DEPS:
        return None
    if not _speaker_like(head, verb.sent, lex):
        return None  # 'Ms Ortega, a lawyer, explained the reason.': an object, not a speaker
    end = _np(head, verb.sent).end
    if end < verb.sent.end and not doc[end].is_punct:
        return None  # '..., said the plan would fail': the phrase runs on into a clause
    return head


class SetOff:
    """Colons that introduce a quotation (mixed into SourcingClassifier)."""

    lex: SourcingLexicon

    def _colon_quote(
        self, s: SpacySpan, mask: list[bool], mem: _Memory, anonymous, i: int, taken: set[int]
    ) -> tuple[int, Attribution] | None:
        """'The minister was blunt: "We will not pay."', 'Ortega fired back: "..."': a clause
        whose subject is a source, then a colon and a quotation: the subject gave the words
        (rule sourcing.several.colon_quote). Returns the verb's depth and the attribution;
        the cue runs from the verb to the colon, as the clause is what introduces the words."""
        toks = list(s)
        colon = next(
            (
                t
                for k, t in enumerate(toks)
                if t.text == ":" and not mask[k] and k > 1 and _introduces_quote(s, t)
            ),
            None,
        )
        if colon is None:
            return None
        verb = self._colon_verb(s, colon, mask)
        if verb is None or any(verb.idx <= k < colon.idx for k in taken):
            return None  # 'Trump ..., where he suggested X:': that verb introduces the words
        if self._inside_report(verb, s):
            return None  # 'Lee said Ortega was blunt: "..."': Lee's report, not Ortega's words
        if any(t.text in ("-", "\u2013", "\u2014") for t in s.doc[verb.i : colon.i]):
            return None  # 'POLLS WRONG - Ana Ortega: "..."': a round-up heading, not a clause
        subj = _subject(verb) or _name_before(verb)
        if subj is None or subj.i > colon.i or subj.i < s.start or mask[subj.i - s.start]:
            return None
        if subj.lower_ in _DUMMIES or not _speaker_like(subj, s, self.lex):
            return None
        # the clause up to the colon, or the verb alone when the clause is long
        cue = _tok_span(s.doc[verb.i : colon.i + 1] if colon.i - verb.i <= 6 else verb)
        a = self._classify_source(
            subj, s, mem, anonymous, cue, "sourcing.several.colon_quote", i, cue_tok=verb
        )
        if a is None:
            return None
        return _depth(verb, s), a

    def _inside_report(self, verb: Token, s: SpacySpan) -> bool:
        """The verb hangs, within a few steps, from a verb of saying or a view before it."""
        head = verb
        for _ in range(4):
            if head.head.i == head.i or not s.start <= head.head.i < s.end:
                return False
            head = head.head
            # a tag after the quotation ('X fired back: "...," she wrote') reports nothing
            # the colon's clause says
            if (
                head.i < verb.i
                and head.pos_ in ("VERB", "AUX")
                and self.lex["cue_verb"].token(head)
            ):
                return True
        return False

    @staticmethod
    def _colon_verb(s: SpacySpan, colon: Token, mask: list[bool]) -> Token | None:
        """The verb of the clause the colon closes: the one it hangs from (within a few
        steps), else the last verb before it that has a subject."""
        head = colon
        for _ in range(4):
            if head.head.i == head.i or not s.start <= head.head.i < colon.i:
                break
            head = head.head
            if head.pos_ in ("VERB", "AUX") and not mask[head.i - s.start]:
                if _subject(head) is not None or _name_before(head) is not None:
                    return head
        for t in reversed(s.doc[s.start : colon.i]):
            if t.pos_ in ("VERB", "AUX") and not mask[t.i - s.start] and _subject(t) is not None:
                return t
        return None
