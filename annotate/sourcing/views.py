"""Views held with no verb of saying: 'many residents are afraid that ...', 'critics are
convinced ...', 'many farmers oppose the levy', 'Republicans weren't concerned'. The holder
of the view is its source. A mixin of the classifier, used by pass 1 (attribution.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.syntax import _subject, _tok_span
from annotate.sourcing.words import WordSetView

if TYPE_CHECKING:
    from annotate.sourcing.attribution import Attribution, _Memory

# views and acts that attribute only when a vague group holds them ("many farmers oppose")
_GROUP_VIEWS = WordSetView("group_views")
_GROUP_STANCES = WordSetView("group_stances")
# public positions a vague group takes ('Democrats blasted the ruling', 'critics charge')
_GROUP_ACTS = WordSetView("group_acts")


class Views:
    """The view stage of pass 1: stance adjectives and a vague group's views."""

    lex: SourcingLexicon

    def _from_stance_adjective(
        self, tok: Token, s: SpacySpan, mem: _Memory, anonymous, i: int
    ) -> Attribution | None:
        """'Many residents are afraid that ...', 'Critics are convinced ...': a view held
        by the subject, with no verb of saying; its holder is the source."""
        if tok.pos_ != "ADJ" or tok.dep_ != "acomp":
            return None
        eid = self.lex["stance_adjective"].token(tok)
        if eid is None:  # 'not worried' is a view too: the holder is still its source
            return self._group_view(tok, s, mem, anonymous, i)
        subj = _subject(tok.head)
        if subj is None:
            return None
        return self._classify_source(subj, s, mem, anonymous, _tok_span(tok), eid, i, tok)

    def _group_view(
        self, tok: Token, s: SpacySpan, mem: _Memory, anonymous, i: int
    ) -> Attribution | None:
        """'Many farmers oppose the levy', 'Republicans plan to ...': a vague group's view
        with no verb of saying. Only a vague group counts: 'Ruiz backed the bill' is an act."""
        words, eid = _GROUP_VIEWS, "sourcing.words.group_views"
        verb = tok
        if tok.pos_ == "ADJ":  # "Republicans have been critical of the plan"
            words, eid = _GROUP_STANCES, "sourcing.words.group_stances"
        if tok.dep_ == "acomp":  # "... are opposed to": the subject is the copula's
            verb = tok.head
        if tok.pos_ != "ADJ" and tok.lemma_.lower() in _GROUP_ACTS:
            words, eid = _GROUP_ACTS, "sourcing.words.group_acts"
        if tok.lemma_.lower() not in words or any(
            c.dep_ == "neg" for c in (*tok.children, *verb.children)
        ):
            return None
        lead = verb.head if verb.dep_ == "xcomp" else verb  # "who continue to support"
        if {verb.dep_, lead.dep_} & {"relcl", "acl"} or any(
            c.dep_ in ("nsubjpass", "auxpass") for c in verb.children
        ):
            return None  # "groups that support the mayor" describes them; it reports nothing
        subj = _subject(verb)
        if subj is None or subj.tag_ in ("PRP", "WP", "WDT", "NNP"):
            return None
        a = self._classify_source(subj, s, mem, anonymous, _tok_span(tok), eid, i, tok)
        # a vague group, or unnamed people ("shipyard workers"); never a named source
        return a if a is not None and a.label in ("weasel", "anonymous_source") else None
