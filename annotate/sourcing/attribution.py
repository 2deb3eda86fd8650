"""Pass 1, explicit attribution: reporting verbs and their subjects or agents, 'according to',
evidentials with no agent, speech tags after a quotation, and trailing 'X data show'."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import Span
from annotate.sourcing.cue_senses import (
    _SPEECH_ENTRIES,
    _duty_not_hearsay,
    _made_clear,
    _says_besides,
    other_sense,
)
from annotate.sourcing.lexicon import SourcingLexicon, lemma_of
from annotate.sourcing.set_off import set_off_subject
from annotate.sourcing.syntax import (
    _depth,
    _is_root,
    _name_before,
    _np,
    _participle_of_root,
    _phrase_around,
    _relative_subject,
    _span,
    _subject,
    _tok_span,
    _whole_phrase,
)
from annotate.sourcing.views import Views
from annotate.sourcing.words import _HEARING_BODIES, _TERMINAL, WordSetView

_CLAIMED_PRIZES = WordSetView("claimed_prizes")  # 'claim victory': winning, not saying


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
        if whole_line and last not in _TERMINAL and last != ":":
            return Attribution(
                "none", "none", "headline or heading, not a sentence", "sourcing.headline"
            )
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
                aside = tok.dep_ == "parataxis" and a.rule in _SPEECH_ENTRIES
                candidates.append((prio, -1 if aside else _depth(tok, s), a))
            elif refusal is not None:
                continue
            elif (a := self._from_stance_adjective(tok, s, mem, anonymous, i)) is not None:
                candidates.append((0, _depth(tok, s), a))
            elif (a := self._from_preposition(tok, s, mem, anonymous, i)) is not None:
                # "according to X" attributes the whole proposition: it outranks any verb
                candidates.append((0, -1, a))
            elif (eid := self.lex["evidential_adverb"].token(tok)) and tok.pos_ == "ADV":
                a = Attribution(
                    "agentless",
                    "agentless",
                    f"passed on with no source: '{tok.text}'",
                    eid,
                    cue=_tok_span(tok),
                )
                candidates.append((1, _depth(tok, s), a))
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
                found = found or self._inverted_intro(s, mem, anonymous, i)  # 'Said X:'
            if found is None and whole_line:  # 'X issued a statement ...' before its text
                found = self._statement_issued(s, mem, anonymous, i)
            if found is None and whole_line and last == ":":
                # 'Key facts:' introduces a list; 'She said:' was caught above as a cue
                return Attribution(
                    "none", "none", "headline or heading, not a sentence", "sourcing.headline"
                )
            return found
        found.extend(c[2] for c in candidates)
        # the clause nearest the root decides ("it is believed that ministers fear" is
        # agentless); at equal depth an explicit source beats a hedge, then the later one
        # wins ("..., the ministry said." closes the sentence)
        candidates.sort(key=lambda c: (c[1], c[0], -c[2].cue.start if c[2].cue else 0))
        return candidates[0][2]

    def _from_verb(
        self, tok: Token, s: SpacySpan, mem: _Memory, anonymous, i: int
    ) -> Attribution | None:
        # a ROOT with a subject is a verb whatever the tagger said ("emails ... show that")
        if tok.pos_ not in ("VERB", "AUX") and not (
            tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children)
        ):
            return None
        lemma = lemma_of(tok)
        lex = self.lex
        cue_id = lex["cue_verb"].token(tok)
        made = _made_clear(tok) if cue_id is None and lemma == "make" else None
        if made is not None:
            cue_id = "sourcing.words.made_clear"
        elif cue_id is not None and other_sense(tok, lemma):
            cue_id = None
        record_id = lex["public_record_verb"].token(tok)
        passive_id = lex["evidential_passive"].token(tok)
        if not (cue_id or record_id or passive_id):
            return self._group_view(tok, s, mem, anonymous, i)
        if (
            any(c.dep_ == "neg" for c in tok.children) and lemma not in lex.keeps_negation
        ) or self._negated_by_head(tok):
            return None  # 'did not say': nothing attributed; 'do not expect' is a view
        children = {c.dep_: c for c in tok.children}
        if (
            (aux := children.get("auxpass")) is not None
            and aux.lower_ in ("'s", "\u2019s")
            and tok.tag_ == "VBD"
            and "nsubjpass" in children
            and "ccomp" in children
        ):
            # "He's said he will run": 'has said', which the parser read as a passive (round 9)
            if not cue_id:
                return None
            subj = children["nsubjpass"]
            return self._classify_source(
                subj, s, mem, anonymous, _tok_span(tok), cue_id, i, cue_tok=tok
            )
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        reduced = (  # "a deal said to be worth ...", however the parser attached it
            passive_id is not None
            and nxt is not None
            and nxt.lower_ == "to"
            and tok.i > 0
            and tok.doc[tok.i - 1].pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        )
        passive = (
            reduced
            or "auxpass" in children
            or "nsubjpass" in children
            or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"))
            # 'As reported by the Ledger, ...': a participle with its agent (round 9)
            or (tok.tag_ == "VBN" and "agent" in children)
        )
        cue = _tok_span(tok if made is None else tok.doc[tok.i : made.i + 1])
        if passive:
            agent = children.get("agent")
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is not None and (cue_id or passive_id):
                return self._classify_source(
                    pobj, s, mem, anonymous, cue, cue_id or passive_id, i, cue_tok=tok
                )
            if passive_id and _duty_not_hearsay(tok, lemma, children):
                return None
            if passive_id and (
                reduced
                or (
                    lemma != "know"  # 'also known as the Berm' glosses a name
                    and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
                )
                or "xcomp" in children
                or ("nsubjpass" in children and ({"acomp", "oprd", "attr"} & children.keys()))
                or "ccomp" in children
                or (children.get("nsubjpass") is not None and children["nsubjpass"].lower_ == "it")
            ):
                phrase = _phrase_around(tok)
                return Attribution(
                    "agentless",
                    "agentless",
                    f"evidential with no agent: '{phrase.text}'",
                    passive_id,
                    cue=_tok_span(phrase),
                )
            if record_id and _is_root(tok, s):
                return Attribution(
                    "named_source", "record", f"court record: '{tok.text}'", record_id, cue=cue
                )
            body = children.get("nsubjpass")
            if (
                cue_id
                and lemma == "tell"
                and body is not None
                and body.lemma_.lower() in _HEARING_BODIES
                and "xcomp" not in children
            ):
                # "..., the court was told": what was put before a hearing is on its record
                return Attribution(
                    "named_source",
                    "record",
                    f"court record: '{_np(body, s).text} was told'",
                    cue_id,
                    source=_tok_span(_np(body, s)),
                    cue=cue,
                )
            return None
        if record_id and not cue_id and (_is_root(tok, s) or _participle_of_root(tok, s)):
            return Attribution(
                "named_source", "record", f"court record: '{tok.text}'", record_id, cue=cue
            )
        if not cue_id:
            return None
        # '..., said Ana Ortega, a tenant.': the speaker after a set-off verb (set_off.py)
        subj = set_off_subject(tok, lex) or _subject(tok) or _name_before(tok)
        if subj is None or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
            return None  # "no group has claimed responsibility": nobody is cited
        a = self._classify_source(subj, s, mem, anonymous, cue, cue_id, i, cue_tok=tok)
        if a is None:
            return None
        if a.written is None and (rel := _relative_subject(tok)) is not None:
            a.written = _tok_span(rel)  # 'who said': listed as written, the noun resolved
        deps = {c.dep_ for c in tok.children}
        dobj = children.get("dobj")
        if (
            lemma in lex.quantity_event
            and dobj is not None
            and not deps & {"ccomp", "xcomp"}
            and any(c.like_num or c.dep_ == "nummod" for c in dobj.subtree)
        ):
            return None  # "employers added 212,000 jobs": an event, not a statement
        if (
            lemma == "claim"
            and dobj is not None
            and dobj.lemma_.lower() in _CLAIMED_PRIZES
            and not deps & {"ccomp", "xcomp"}
        ):
            return None  # "claim an easy victory", "claimed the title": not a statement
        if lemma in lex.needs_view and a.kind == "weasel" and dobj is not None:
            # "many residents see it differently" is a view; "residents saw the smoke" is not
            if not deps & {"ccomp", "xcomp", "advmod"} and not any(
                c.dep_ == "prep" and c.lower_ == "as" for c in tok.children
            ):
                return None
        if lemma in lex.needs_clause and a.kind not in ("document", "weasel", "vague"):
            # "believe that ...", or no object at all ("..., analysts believe."); not
            # "the team found cracks", which is an event, not a report
            deps = {c.dep_ for c in tok.children}
            counted = dobj is not None and any(
                c.like_num or c.dep_ == "nummod" for c in dobj.subtree
            )  # "documented 264 incidents": a finding, not an event
            if (
                not deps & {"ccomp", "xcomp"}
                and not counted
                and (deps & {"dobj", "attr", "oprd"} or _is_root(tok, s))
            ):
                return None
        return a

    def _negated_by_head(self, tok: Token) -> bool:
        """'failed to disclose', 'refused to say': the cue sits under a negating verb."""
        head = tok
        for _ in range(2):
            if head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
                return False
            step, head = head.dep_, head.head
            # only through an infinitive: 'declined to name them but said ...' (a second
            # verb joined to the negating one) still says something (round 9)
            if step == "xcomp" and (
                self.lex["negating_verb"].token(head) or any(c.dep_ == "neg" for c in head.children)
            ):
                return True
        return False

    def _from_preposition(
        self, tok: Token, s: SpacySpan, mem: _Memory, anonymous, i: int
    ) -> Attribution | None:
        if tok.dep_ != "prep":
            return None
        for _pat, item, eid in self.lex["cue_preposition"].phrases:
            words = item.split()
            if tok.lower_ != words[-1]:
                continue
            first = tok.i - len(words) + 1
            if first < s.start or [t.lower_ for t in s.doc[first : tok.i + 1]] != words:
                continue
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            cue = _tok_span(s.doc[first : tok.i + 1])
            return self._classify_source(pobj, s, mem, anonymous, cue, eid, i)
        return None
