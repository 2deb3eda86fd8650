"""Cues that are nouns: a document set off after the claim ('..., BLS data show.'), a
document met before as the subject ('The study followed 12,000 children'), and a named
owner's claim or report ('Ms Roe's claim that 300 jobs will go'). Moved out of
attribution.py, which had grown past 400 lines."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from annotate.sourcing.attribution import Attribution, _Memory
from annotate.sourcing.lexicon import SourcingLexicon, lemma_of
from annotate.sourcing.syntax import _np, _tok_span
from annotate.sourcing.words import _CLAIM_NOUNS, _DEFINITE, WordSetView

# 'In a Harbour Research poll, ...', '... in the latest Ledger survey': findings documents
# whose 'in' phrase says where the sentence's figures come from (sourcing.words.in_findings)
_IN_FINDINGS = WordSetView("in_findings")


class NounCues:
    """Attribution stages whose cue is a noun (mixed into SourcingClassifier)."""

    lex: SourcingLexicon

    def _trailing_cue(
        self, s: SpacySpan, mask: list[bool], mem: _Memory, i: int
    ) -> Attribution | None:
        """'..., BLS data show, ...', '..., official figures suggest.': a document and a
        findings verb set off at the end of the claim. Read from the tokens, since the
        parser often takes 'show' for a noun there."""
        doc = s.doc
        toks = list(s)
        for k, tok in enumerate(toks[1:], start=1):
            if mask[k] or not self.lex["cue_verb"].words.get(lemma_of(tok)):
                continue
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "npadvmod":
                continue  # the parse found the verb: the parse rules decided already
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and not nxt.is_punct:
                continue
            head = toks[k - 1]
            if head.pos_ not in ("NOUN", "PROPN") or not self.lex["document_noun"].token(head):
                continue
            start = k - 1
            while start > 0 and (
                toks[start - 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "PART")
                and not toks[start - 1].is_punct
            ):
                start -= 1
            if start == 0 or toks[start - 1].text not in (",", ";", "\u2014", "-"):
                continue
            np = doc[toks[start].i : head.i + 1]
            eid = self.lex["cue_verb"].words[lemma_of(tok)]
            return self._document(head, np, mem, _tok_span(np), _tok_span(tok), eid, i)
        return None

    def _document_subject(
        self, s: SpacySpan, mask: list[bool], mem: _Memory, i: int
    ) -> Attribution | None:
        """'The study followed 12,000 children': a sentence whose subject is a document
        already met reports that document's content, whatever its verb."""
        root = s.root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if (
            subj is None
            or not s.start <= subj.i < s.end
            or mask[subj.i - s.start]
            or not self.lex["document_noun"].token(subj)
            or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in subj.children)
        ):
            return None
        np = _np(subj, s)
        a = self._document(subj, np, mem, _tok_span(np), None, "sourcing.document_subject", i)
        return a if a.label == "named_source" else None

    def _claim_noun(self, s: SpacySpan, mask: list[bool], i: int) -> Attribution | None:
        """'Ms Roe's claim that 300 jobs will go', 'a Daily Post report that the fund lost 9
        million': the clause after a claim noun is the words of its named owner."""
        for k, tok in enumerate(s):
            if mask[k] or tok.pos_ != "NOUN" or tok.lemma_.lower() not in _CLAIM_NOUNS:
                continue
            nxt = tok.nbor(1) if tok.i + 1 < s.end else None
            if not (
                any(
                    c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
                    for c in tok.children
                )
                # the parser often hangs the clause on the verb: 'that' right after the noun
                or (nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark")
            ):
                continue
            owner = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ in ("poss", "compound", "nmod")
                    and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG"))
                ),
                None,
            )
            if owner is None:
                continue
            np = _np(owner, s)
            return Attribution(
                "named_source",
                "named",
                f"the claim of named '{np.text}': '{tok.text} that ...'",
                "sourcing.source.claim_noun",
                source=_tok_span(np),
                cue=_tok_span(tok),
                head=owner,
            )
        return None

    def _in_findings(
        self, s: SpacySpan, mask: list[bool], mem: _Memory, i: int
    ) -> Attribution | None:
        """'In a Harbour Research poll released Monday, 50 percent backed the levy', 'Ortega's
        lead in the Ledger survey has gone': a named poll, survey or study in an 'in' phrase
        on the main clause is where the sentence's findings come from, so it is their source
        (rule sourcing.words.in_findings). Only a named one (or one named before): 'in a
        recent poll' leaves the sentence to the other rules, and 'a lead in the polls' (a
        bare plural) is where a standing shows, not one document."""
        root = s.root
        for k, tok in enumerate(s):
            if mask[k] or tok.lower_ != "in" or tok.dep_ != "prep":
                continue
            if not (tok.head.i == root.i or tok.head.head.i == root.i):
                continue
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is None or pobj.lemma_.lower() not in _IN_FINDINGS:
                continue
            np = _np(pobj, s)
            if pobj.tag_ == "NNS" and not any(t.pos_ == "PROPN" for t in np):
                continue
            cue = _tok_span(s.doc[tok.i : pobj.i + 1])  # 'in a new poll', as listed
            a = self._document(pobj, np, mem, _tok_span(np), cue, "sourcing.words.in_findings", i)
            if a.label == "named_source":
                a.rule = "sourcing.words.in_findings"
                return a
        return None
