"""Pass 1, explicit attribution: reporting verbs and their subjects or agents, 'according to',
evidentials with no agent, speech tags after a quotation, and trailing 'X data show'.

Here: the `Attribution` every pass records, the article's memory of what it attributed so far,
and the sentence's decision (which of the cues found wins, and the fallbacks when none is
found). The readers of one token (verbs, evidentials, record verbs, prepositions) are in
attribution_cues.py."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import Span
from annotate.sourcing.antecedents import in_sentence
from annotate.sourcing.cue_senses import _SPEECH_ENTRIES, _says_besides
from annotate.sourcing.hearsay import REPORTS_EXIST, reports_exist
from annotate.sourcing.lexicon import SourcingLexicon, lemma_of
from annotate.sourcing.nonclaims import CREDIT_LINE, credit_line
from annotate.sourcing.syntax import _depth, _span, _tok_span, _whole_phrase
from annotate.sourcing.views import Views
from annotate.sourcing.words import _TERMINAL


# -- attribution -------------------------------------------------------------------------
@dataclass
class Attribution:
    label: str
    kind: str  # person, institution, named, document, anonymous, weasel, vague, agentless, record
    reason: str
    rule: str
    source: Span | None = None
    cue: Span | None = None
    head: Token | None = None  # head of the source phrase, for documents: its noun
    written: Span | None = None  # the source as written, when `source` resolves it elsewhere


@dataclass
class _Memory:
    """What the article has attributed so far, for pronouns and 'the report'."""

    sources: list[tuple[int, Attribution]] = field(default_factory=list)
    documents: list[tuple[int, str, Attribution]] = field(default_factory=list)  # lemma

    def last(self, kinds: Iterable[str] | None = None, before: int = 10**9) -> Attribution | None:
        allowed = set(kinds) if kinds else None
        for idx, a in reversed(self.sources):
            if idx < before and (allowed is None or a.kind in allowed):
                return a
        return None

    def at(self, idx: int) -> Attribution | None:
        return next((a for j, a in reversed(self.sources) if j == idx), None)

    def named_document(self) -> Attribution | None:
        for _, _, a in reversed(self.documents):
            if a.label == "named_source":
                return a
        return None

    def document(self, lemma: str) -> Attribution | None:
        for _, lem, a in reversed(self.documents):
            if lem == lemma:
                return a
        return None


class Explicit(Views):
    """Pass 1: the attribution a sentence states itself."""

    lex: SourcingLexicon

    # -- pass 1: explicit attribution ---------------------------------------------------
    def _explicit(
        self,
        s: SpacySpan,
        mask: list[bool],
        mem: _Memory,
        i: int,
        full: str,
        found: list[Attribution] | None = None,
    ) -> Attribution | None:
        """The attribution that decides the sentence; `found`, when given, receives every
        attribution met on the way (a sentence can report several speakers)."""
        found = [] if found is None else found
        a = self._explicit_main(s, mask, mem, i, full, found)
        if a is not None and a.label != "none" and not any(f is a for f in found):
            found.append(a)
        return a

    def _explicit_main(
        self, s: SpacySpan, mask: list[bool], mem: _Memory, i: int, full: str, found: list
    ) -> Attribution | None:
        text = s.text
        last = text.rstrip()[-1:] if text.strip() else ""
        # a sentence closing a quotation with two apostrophes ('... the end.\'\'') ends at
        # the full stop inside them: not a headline (round 9)
        if text.rstrip().endswith("''") and text.rstrip()[-3:-2] in _TERMINAL:
            last = text.rstrip()[-3:-2]
        line_start = full.rfind("\n", 0, s.start_char) + 1
        line_end = full.find("\n", s.end_char)
        line_end = len(full) if line_end < 0 else line_end
        whole_line = (
            not full[line_start : s.start_char].strip(" \t\u2022*-")
            and not full[s.end_char : line_end].strip()
        )
        label = self._speaker_label(s, full) or self._dash_tag(s, mask, full)
        label = label or self._roundup_label(s)  # '... - Dana Lee: "...' (carry_away.py)
        if label is not None:
            return label
        if whole_line and last not in _TERMINAL and last != ":" and not _tag_unstopped(text):
            return Attribution(
                "none", "none", "headline or heading, not a sentence", "sourcing.headline"
            )
        if credit_line(s):  # 'Marsh reported from Leeds and Okafor from Cardiff.' (round 27)
            return Attribution("none", "none", "a credit: who reported from where", CREDIT_LINE)
        outside = self._outside_text(s, mask)
        refusal = None
        if hit := self.lex["no_comment"].phrase(outside):
            cue = _span(full, s.start_char + hit[0], s.start_char + hit[1])
            refusal = Attribution(
                "none", "none", "refusal to comment: nothing asserted", hit[3], cue=cue
            )
        anonymous = self.lex["anonymity_marker"].phrase(outside)
        if anonymous is not None:
            # the reason quotes the whole phrase ("asked not to be identified"), not the
            # lexicon's stem of it ("asked not to be")
            anonymous = (
                anonymous[0],
                anonymous[1],
                _whole_phrase(text, anonymous[0], anonymous[1]),
                anonymous[3],
            )
        candidates: list[tuple[int, int, Attribution]] = []  # (priority, depth, attribution)
        for tok, q in zip(s, mask, strict=True):
            if q:
                continue
            if (a := self._from_verb(tok, s, mem, anonymous, i)) is not None:
                if refusal is not None and not _says_besides(
                    tok, a.label, self.lex["cue_verb"].token(tok), refusal.cue
                ):
                    continue
                prio = 1 if a.kind == "agentless" else 0
                # 'Overall, she said, most voters ...': a parenthetical verb of saying
                # reports the whole sentence, like 'according to' (round 9)
                # (round 20) the verb's own entry decides, not the attribution's rule: an
                # unnamed speaker's rule is the source rule ('Varga, a senior aide said, is
                # confident ...' is the aide's word, not Varga's)
                aside = tok.dep_ == "parataxis" and (
                    a.rule in _SPEECH_ENTRIES
                    or self.lex["cue_verb"].words.get(lemma_of(tok)) in _SPEECH_ENTRIES
                )
                candidates.append((prio, -1 if aside else _depth(tok, s), a))
            elif refusal is not None:
                continue
            elif (a := self._from_stance_adjective(tok, s, mem, anonymous, i)) is not None:
                candidates.append((0, _depth(tok, s), a))
            elif (a := self._from_preposition(tok, s, mem, anonymous, i)) is not None:
                # "according to X" attributes the whole proposition: it outranks any verb
                candidates.append((0, -1, a))
            elif (
                (eid := self.lex["evidential_adverb"].token(tok))
                and tok.pos_ == "ADV"
                # round 23: 'a seemingly endless queue', 'a seemingly weightless dancer':
                # inside a noun phrase the adverb hedges one word, not a claim passed on
                and tok.head.dep_ not in ("amod", "acl")
            ):
                a = Attribution(
                    "agentless",
                    "agentless",
                    f"passed on with no source: '{tok.text}'",
                    eid,
                    cue=_tok_span(tok),
                )
                candidates.append((1, _depth(tok, s), a))
        if refusal is None and not candidates and (noun := reports_exist(s, mask)) is not None:
            # 'There are reports of a lorry overturned ...': heard, passed on, no source (round 28)
            why = f"passed on with no source: 'There {noun.head.text} {noun.text}'"
            a = Attribution("agentless", "agentless", why, REPORTS_EXIST, cue=_tok_span(noun))
            candidates.append((1, _depth(noun, s), a))
        if refusal is None and (
            colon := self._colon_quote(
                s, mask, mem, anonymous, i, {c[2].cue.start for c in candidates if c[2].cue}
            )
        ):
            candidates.append((0, colon[0], colon[1]))  # 'X was blunt: "..."' (set_off.py)
        if refusal is not None and not candidates:
            return refusal
        if not candidates:
            found = (
                self._quote_tag(s, mask, mem, anonymous, i)
                or self._quote_tag_act(s, mask, mem, anonymous, i)
                or self._split_tag(s, mask, mem, anonymous, i, full)
                or self._document_subject(s, mask, mem, i)
                or self._trailing_cue(s, mask, mem, i)
                or self._claim_noun(s, mask, i)
                or self._in_findings(s, mask, mem, i)
            )
            if found is None and whole_line and last == ":":
                found = self._quote_intro(s, mem, anonymous, i)
                found = found or self._announce_intro(s, mem, anonymous, i)  # 'X found that:'
                found = found or self._inverted_intro(s, mem, anonymous, i)  # 'Said X:'
            if found is None and whole_line:  # 'X issued a statement ...' before its text
                found = self._statement_issued(s, mem, anonymous, i)
            if found is None and whole_line and last == ":":
                # 'Key facts:' introduces a list; 'She said:' was caught above as a cue
                return Attribution(
                    "none", "none", "headline or heading, not a sentence", "sourcing.headline"
                )
            return found
        candidates = in_sentence(s, candidates)  # 'X say they ...' (antecedents.py)
        found.extend(c[2] for c in candidates)
        # the clause nearest the root decides ("it is believed that ministers fear" is
        # agentless); at equal depth an explicit source beats a hedge, then the later one
        # wins ("..., the ministry said." closes the sentence)
        candidates.sort(key=lambda c: (c[1], c[0], -c[2].cue.start if c[2].cue else 0))
        return _unnamed_clause(s, candidates[0][2], [c[2] for c in candidates[1:]])


# round 20: labels of a second speaker that leave a claim resting on no one the reader can check
_UNNAMED_LABELS = frozenset(("anonymous_source", "weasel", "vague_document"))


def _cue_token(s: SpacySpan, a: Attribution) -> Token | None:
    """The token of `s` where the attribution's cue starts (its verb), or None."""
    if a.cue is None:
        return None
    return next((t for t in s if t.idx == a.cue.start), None)


def _unnamed_clause(s: SpacySpan, main: Attribution, others: list[Attribution]) -> Attribution:
    """'Varga said the review was routine, but officials said the contract was signed without
    a tender': the sentence's root reports a named speaker, and a clause coordinated with it
    (not inside what she said) reports an unnamed one. The second claim rests on nobody the
    reader can check, so the sentence is flagged for it, and the reason names both
    (sourcing.several.unnamed_clause, round 20; PolNeAR train)."""
    if main.label != "named_source" or (head := _cue_token(s, main)) is None:
        return main
    for other in others:
        tok = _cue_token(s, other)
        if other.label not in _UNNAMED_LABELS or tok is None or tok.i <= head.i:
            continue
        step, chain = tok, {tok.i}
        # up the conjuncts to the main verb: 'said A, and B said C'
        while step.i != head.i and step.dep_ == "conj" and step.head.i != step.i:
            step = step.head
            chain.add(step.i)
        if step.i != head.i:
            continue
        # joined by 'and', 'but', 'while' or a semicolon: a clause in parentheses that the
        # parser hung on the verb ('... (in fact, Varga has proposed four)') is not one
        if any(
            (t.dep_ == "cc" and t.head.i in chain) or t.text == ";"
            for t in s.doc[head.i + 1 : tok.i]
        ):
            named = main.source.text if main.source else "a named source"
            return Attribution(
                other.label,
                other.kind,
                f"{other.reason}, in a clause beside one attributed to {named!r}",
                "sourcing.several.unnamed_clause",
                source=other.source,
                cue=other.cue,
                head=other.head,
                written=other.written,
            )
    return main


# round 14: '"We will be back in the final next year," she said' with its full stop lost is
# a sentence
_TAG_TAIL = re.compile(r"[,!?][\"\u201d']{1,2}\s+(?P<tail>[^\"\u201c\u201d]{1,40})$")
_TAG_VERBS = frozenset(
    "said says say added adds told tells asked asks explained continued insisted warned wrote".split()
)


def _tag_unstopped(text: str) -> bool:
    """A quotation closed by a short speech tag with no full stop after it: a sentence whose
    stop the page lost, not a headline (rule "sourcing.headline" does not apply)."""
    m = _TAG_TAIL.search(text.rstrip())
    return m is not None and any(w.lower() in _TAG_VERBS for w in m.group("tail").split())
