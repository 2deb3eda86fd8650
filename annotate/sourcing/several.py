"""Every attribution a sentence states, not only the one that decides its label.

A sentence can report several speakers ("X said A, while Y argued B"), a speaker and a
document ("..., Ms Roe said, citing the audit"), or the same speaker twice ("she said ...
and added ..."). The sentence's label and its `source`/`cue` follow the main attribution
(pass 1 and the carry-over decide it); this stage lists all of them, the main one first,
each with its source as written in the sentence ("he", "who", "the analysts") and, where
pass 1 resolved it, who that stands for. Listed too: public acts and positions ('endorsed',
'declined to', 'voiced doubts'), 'asked' or 'cited' with no clause, 'in a statement' and 'in
a new poll', shares of respondents who say something, and 'according to' with a source the
rules cannot type; since round 7 also a verb of saying whose noun subject the source rules
cannot type, participles on a noun ('issued a statement saying'), negated positions, passive
cues with their agent or none, and 'asked' in the passive. A view or act inside the words
another cue reports ('said she wants') is not listed (sourcing.several.nested). Each word
set was measured on PolNeAR train (see its TOML entry).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import Attributed, Span
from annotate.nlp import doc_text
from annotate.sourcing.attribution import Attribution, _cue_token, _Memory
from annotate.sourcing.cue_senses import other_sense
from annotate.sourcing.lexicon import SourcingLexicon, lemma_of
from annotate.sourcing.set_off import set_off_subject
from annotate.sourcing.syntax import _np, _relative_subject, _subject, _tok_span
from annotate.sourcing.words import _FIGURE_ENTS, _SHARE_HEADS, WordSetView

# Subjects that stand for someone even when the source rules cannot type them: the writer
# ('I said', 'we asked'), a pronoun with nobody named before it.
_PERSONAL = frozenset(("i", "we", "he", "she", "they"))
# Heads that are never the one who speaks or acts on a position.
_NOT_AGENTS = frozenset(("it", "this", "that", "which", "there", "what", "who"))
# Entries whose verbs also take things as subjects ('the river seemed higher', 'the plan
# aims to'): they list an attribution only when a person or a named body is the subject.
_PERSON_ONLY = frozenset(("sourcing.act.stance_more", "sourcing.act.round8", "sourcing.act.round9"))
# verbs of seeming: with a clause and no person as subject, the writer's hedge (a cue only)
_SEEMING = frozenset(("seem", "appear"))
_AGENT_ENTS = frozenset(("PERSON", "ORG", "NORP"))
# Verbs that need a clause to decide a label ('asked whether ...') but, only listed, name
# who spoke without one ('Ortega asked.', 'he cited the audit', 'she tweeted').
_ACTS_WITHOUT_CLAUSE = WordSetView("acts_without_clause")
# Dependencies by which a clause is part of another verb's words ('said she wants', 'plans
# to propose', 'a rule that he opposes'); see sourcing.several.nested.
_NESTING = frozenset(("ccomp", "xcomp", "relcl"))
# Entries of verbs of saying: inside another report they still report a statement.
_SPEECH_ENTRIES = frozenset(
    ("sourcing.cue.speech", "sourcing.cue.speech_other_senses", "sourcing.cue.loaded_speech")
)
# Verbs of asking: in the passive ('asked about the depot, she said') the asker, when named,
# is the source of the question; PolNeAR marks the cue whether or not one is named.
_ASKING = frozenset(("ask", "question"))
# verbs of saying that in the passive with no agent are mostly something else ('the race
# was called', 'cracks were found')
_PASSIVE_NOT_CUE = WordSetView("passive_not_cue")
# 'in a statement', 'in a new poll': the words after a verb came in that document.
_IN_DOCUMENT = WordSetView("in_document_cue")
# findings documents whose 'in' phrase names the source itself ('In a May poll, 40 percent
# said ...'); a statement's source is the subject of the verb, listed apart
_IN_SOURCE_DOCUMENTS = frozenset(("poll", "survey"))


def _participle_owner(tok: Token, lex: SourcingLexicon) -> Token | None:
    """Who a participle on a noun speaks for: 'issued a statement saying ...' (the subject
    of the verb that issued the document), 'signs saying ...', 'candidates seeking ...'
    (the noun itself)."""
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = tok.head
    if noun.dep_ == "dobj" and (
        lex["document_noun"].token(noun) or lex["content_noun"].token(noun)
    ):
        return _subject(noun.head) or noun
    return noun


def _hedge(tok: Token, lemma: str, subj: Token | None, s: SpacySpan) -> bool:
    """A verb of seeming with a clause or an infinitive whose subject is no person."""
    if lemma not in _SEEMING or not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return False
    return subj is None or subj.lower_ in _NOT_AGENTS or not _person_like(subj, s)


def _inside(span: Span | None, s: SpacySpan) -> bool:
    return span is not None and s.start_char <= span.start and span.end <= s.end_char


def _person_like(subj: Token, s: SpacySpan) -> bool:
    """A personal pronoun, or a phrase with a name or a person, body or group entity in it."""
    if subj.pos_ == "PRON":
        return subj.lower_ in _PERSONAL
    return any(t.pos_ == "PROPN" or t.ent_type_ in _AGENT_ENTS for t in _np(subj, s))


def _listed(a: Attribution, s: SpacySpan) -> Attributed | None:
    """One attribution as the sentence writes it; None when it has no cue or source there."""
    written = a.written if a.written is not None else a.source
    source = written if _inside(written, s) else None
    cue = a.cue if _inside(a.cue, s) else None
    if source is None and (cue is None or (a.label == "none" and a.kind != "listed")):
        return None  # a refusal to comment names nobody and states nothing
    refers = a.source if a.source is not None and a.source != source else None
    label = None if a.label == "none" else a.label
    return Attributed(source, cue, label, a.rule, refers_to=refers)


class Several:
    """Lists the attributions of a sentence (mixed into SourcingClassifier)."""

    lex: SourcingLexicon

    def _attributions(
        self,
        s: SpacySpan,
        main: Attribution | None,
        found: list[Attribution],
        mem: _Memory,
        i: int,
        mask: list[bool],
    ) -> list[Attributed]:
        more = found + self._acts(s, found, mem, i, mask)
        cue_at = {a.cue.start for a in [*more, *([main] if main else [])] if a.cue is not None}
        out: list[Attributed] = []
        seen: list[tuple[int, int]] = []
        for a in ([main] if main is not None else []) + sorted(
            more, key=lambda f: f.cue.start if f.cue else s.start_char
        ):
            item = _listed(a, s)
            if item is None:
                continue
            if a is not main and self._view_inside_report(a, s, cue_at):
                continue
            key = item.cue or item.source
            if any(key.start < e and b < key.end for b, e in seen):
                continue  # the same cue found twice (pass 1 and the main attribution)
            seen.append((key.start, key.end))
            out.append(item)
        return out

    def _view_inside_report(self, a: Attribution, s: SpacySpan, cue_at: set[int]) -> bool:
        """'Ortega said she wants the depot open', 'he argued that voters believe ...': a view
        or act inside the words another cue reports (its clause, infinitive or relative
        clause) is part of what was said, not a second attribution (sourcing.several.nested).
        Verbs of saying stay listed: 'said that the mayor had told staff' reports a second
        statement."""
        if a.cue is None or a.cue.text.endswith(":"):
            return False  # 'X fired back: "...," she wrote': the colon gives X's words
        tok = _cue_token(s, a)
        if tok is None or tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in _NESTING:
            return False
        if self.lex["cue_verb"].words.get(lemma_of(tok)) in _SPEECH_ENTRIES:
            return False
        head = tok
        for _ in range(6):
            if head.head.i == head.i or not s.start <= head.head.i < s.end:
                return False
            step, head = head.dep_, head.head
            if head.idx in cue_at and head.pos_ in ("VERB", "AUX"):
                # a relative clause on the cue's subject ('Ortega, who endorsed Baird,
                # said ...') is a second attribution, not part of what was said (round 9)
                return step not in ("nsubj", "nsubjpass")
        return False

    def _acts(
        self, s: SpacySpan, found: list[Attribution], mem: _Memory, i: int, mask: list[bool]
    ) -> list[Attribution]:
        """Attributions that never decide the label, listed so an editor sees who took
        which position: a verb of saying or of a public act ('endorsed', 'mocked',
        'thanked', entries of kind attribution_act) with someone as its subject, even where
        pass 1 left it (no clause, inside a headline); and a headline's 'Name: words'."""
        lex = self.lex
        taken = {a.cue.start for a in found if a.cue is not None}
        out: list[Attribution] = []
        for tok, quoted in zip(s, mask, strict=True):
            if quoted or tok.pos_ not in ("VERB", "AUX") or tok.idx in taken:
                continue
            lemma = lemma_of(tok)
            eid = lex["cue_verb"].words.get(lemma) or lex["attribution_act"].words.get(lemma)
            if eid is None or other_sense(tok, lemma):
                continue
            clauseless = (
                lemma in lex.needs_clause
                and lemma not in _ACTS_WITHOUT_CLAUSE
                and not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
            )
            if lemma in _ASKING and tok.tag_ == "VBN":
                out.append(self._asked(tok, s, mem, i, eid))
                continue
            if any(c.dep_ == "auxpass" for c in tok.children) or (
                tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children)
            ):
                if (a := self._passive(tok, s, mem, i, eid)) is not None:
                    out.append(a)
                continue
            if tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children):
                continue  # 'the plan backed by the council': the agent rules read that
            subj = set_off_subject(tok, lex) or _subject(tok) or _participle_owner(tok, lex)
            if _hedge(tok, lemma, subj, s):
                # 'the plan seems to have stalled', 'it appears that': no one's view but the
                # writer's; a cue with no source (sourcing.several.hedge)
                cue = _tok_span(tok)
                out.append(Attribution("none", "listed", "", "sourcing.several.hedge", cue=cue))
                continue
            if subj is None or subj.lower_ in _NOT_AGENTS or not s.start <= subj.i < s.end:
                continue
            if eid in _PERSON_ONLY and not _person_like(subj, s):
                continue
            if clauseless:
                continue  # 'we see', 'the poll shows': a view or a finding only with a clause
            a = self._agent(subj, s, mem, i, _tok_span(tok), eid, tok)
            if a is not None:
                if a.written is None and (rel := _relative_subject(tok)) is not None:
                    a.written = _tok_span(rel)
                out.append(a)
        out.extend(self._in_documents(s, mask, mem, i, taken))
        out.extend(self._untyped_preposition(s, mask, taken))
        tag = self._tag_verb(s, mask, taken)
        if tag is not None:
            a = self._agent(_subject(tag), s, mem, i, _tok_span(tag), "sourcing.several.tag", tag)
            if a is not None:
                out.append(a)
        head = self._headline_speaker(s)
        if head is not None and head.cue is not None and head.cue.start not in taken:
            out.append(head)
        return out

    def _asked(self, tok: Token, s: SpacySpan, mem: _Memory, i: int, eid: str) -> Attribution:
        """'Asked about the depot, Ortega said ...', 'When asked whether ...', 'she was asked
        by a reporter': the question is a cue of its own; its source is the asker when the
        sentence names one ('by a reporter'), else nobody named."""
        cue = _tok_span(tok)
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if pobj is not None and (a := self._agent(pobj, s, mem, i, cue, eid, tok)) is not None:
            return a
        return Attribution("none", "listed", "", "sourcing.several.asked", cue=cue)

    def _passive(
        self, tok: Token, s: SpacySpan, mem: _Memory, i: int, eid: str
    ) -> Attribution | None:
        """'was echoed by the governor': the agent is the source; 'the closure was announced
        on Monday', 'she had been told': a verb of saying with nobody named is still a cue."""
        cue = _tok_span(tok)
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if pobj is not None:
            return self._agent(pobj, s, mem, i, cue, eid, tok)
        if self.lex["cue_verb"].token(tok) is None or lemma_of(tok) in _PASSIVE_NOT_CUE:
            return None
        return Attribution("none", "listed", "", "sourcing.several.passive", cue=cue)

    def _in_documents(
        self, s: SpacySpan, mask: list[bool], mem: _Memory, i: int, taken: set[int]
    ) -> list[Attribution]:
        """'..., she said in a statement', 'In a new poll, 40 percent said ...': the phrase
        is a cue of its own; a poll or survey there is also the source."""
        out: list[Attribution] = []
        for tok, quoted in zip(s, mask, strict=True):
            if quoted or tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ != "VERB":
                continue
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is None or pobj.lemma_.lower() not in _IN_DOCUMENT or tok.idx in taken:
                continue
            if pobj.tag_ == "NNS":
                continue  # 'a lead in the polls': where a standing shows, not one document
            cue = _tok_span(s.doc[tok.i : pobj.i + 1])
            if pobj.lemma_.lower() in _IN_SOURCE_DOCUMENTS:
                np = _np(pobj, s)
                a = self._classify_source(
                    pobj, s, mem, None, cue, "sourcing.words.in_document_cue", i
                )
                if a is None:
                    a = Attribution(
                        "none", "listed", "", "sourcing.words.in_document_cue", source=_tok_span(np)
                    )
                a.cue = cue
                out.append(a)
            elif tok.head.idx in taken:
                continue  # 'said in a statement': the verb is listed already (round 10)
            elif (subj := _subject(tok.head)) is not None and subj.lower_ not in _NOT_AGENTS:
                # the statement's source is the verb's subject, listed with its own cue too
                src = _tok_span(_np(subj, s))
                out.append(
                    Attribution(
                        "none", "listed", "", "sourcing.words.in_document_cue", source=src, cue=cue
                    )
                )
        return out

    def _untyped_preposition(
        self, s: SpacySpan, mask: list[bool], taken: set[int]
    ) -> list[Attribution]:
        """'according to the summary', 'according to a count by volunteers': a cue preposition
        whose object the source rules could not type still names where the words came from."""
        out: list[Attribution] = []
        for tok, quoted in zip(s, mask, strict=True):
            if quoted or tok.dep_ != "prep":
                continue
            for _pat, item, eid in self.lex["cue_preposition"].phrases:
                words = item.split()
                first = tok.i - len(words) + 1
                if tok.lower_ != words[-1] or first < s.start:
                    continue
                if [t.lower_ for t in s.doc[first : tok.i + 1]] != words:
                    continue
                pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                if pobj is None or s.doc[first].idx in taken:
                    continue
                cue = _tok_span(s.doc[first : tok.i + 1])
                out.append(
                    Attribution("none", "listed", "", eid, source=_tok_span(_np(pobj, s)), cue=cue)
                )
        return out

    @staticmethod
    def _tag_verb(s: SpacySpan, mask: list[bool], taken: set[int]) -> Token | None:
        """'"This is a disgrace," fumed Ana Ortega.': a short tag after a closing quotation
        whose verb is not a verb of saying still names who spoke."""
        if not any(mask) or mask[-1] and not s[-1].is_punct:
            return None
        last_q = max(k for k, q in enumerate(mask) if q)
        tail = [t for t in list(s)[last_q + 1 :] if not t.is_punct and not t.is_space]
        if not 1 < len(tail) <= 6:
            return None
        verb = next((t for t in tail if t.pos_ == "VERB"), None)
        if verb is None or verb.idx in taken or _subject(verb) is None:
            return None
        subj = _subject(verb)
        return verb if subj in tail and subj.pos_ in ("PROPN", "PRON", "NOUN") else None

    def _agent(
        self, subj: Token, s: SpacySpan, mem: _Memory, i: int, cue: Span, eid: str, tok: Token
    ) -> Attribution | None:
        """The subject typed by the source rules, or kept as written when it is a person
        the rules cannot type (the writer, a name the tagger missed)."""
        a = self._classify_source(subj, s, mem, None, cue, eid, i, cue_tok=tok)
        if a is not None:
            return a
        np = _np(subj, s)
        if subj.lower_ in _PERSONAL or any(
            t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP") for t in np
        ):
            return Attribution("none", "listed", "", eid, source=_tok_span(np), cue=cue)
        if self.lex["cue_verb"].token(tok) and (
            subj.lemma_.lower() in _SHARE_HEADS
            or subj.text == "%"
            or subj.like_num
            or subj.ent_type_ in _FIGURE_ENTS
        ):
            # 'Almost half said ...', 'Some 22 percent said': respondents of a poll, counted
            return Attribution("none", "listed", "", eid, source=_tok_span(np), cue=cue)
        if self.lex["cue_verb"].token(tok) and subj.pos_ == "NOUN":
            # 'the suit says', 'a former speechwriter said', 'attorneys and legal experts
            # said': whoever or whatever the rules cannot type still gave the words
            return Attribution("none", "listed", "", eid, source=_tok_span(np), cue=cue)
        return None

    def _headline_speaker(self, s: SpacySpan) -> Attribution | None:
        """'Ortega: The depot will close': a name and a colon open the sentence, and words
        follow (a headline or a round-up line gives the speaker this way)."""
        toks = list(s)
        colon = next((k for k, t in enumerate(toks[:6]) if t.text == ":"), None)
        if not colon:
            return None
        if colon + 1 >= len(toks):  # the splitter cut the line at the colon: words follow?
            full = doc_text(s.doc)
            end = full.find("\n", toks[colon].idx)
            if not full[toks[colon].idx + 1 : len(full) if end < 0 else end].strip():
                return None
        name = toks[:colon]
        if not all(t.pos_ in ("PROPN", "NOUN", "PART", "PUNCT", "ADJ") for t in name) or any(
            t.ent_type_ in ("GPE", "DATE", "TIME", "LOC", "CARDINAL") for t in name
        ):
            return None
        if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in name):
            return None
        if self.lex["label_furniture"].words.get(name[0].lower_):
            return None  # 'Update:', 'Photo:'
        src = Span(name[0].idx, name[-1].idx + len(name[-1].text), "")
        src = Span(src.start, src.end, doc_text(s.doc)[src.start : src.end])
        return Attribution(
            "none",
            "listed",
            "",
            "sourcing.several.headline",
            source=src,
            cue=_tok_span(toks[colon]),
        )
