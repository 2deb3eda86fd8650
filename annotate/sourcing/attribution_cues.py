"""Pass 1's readers of one token (a mixin of the classifier, called by attribution.py for each
token outside quotation marks): a verb of saying with its subject or agent, a passive
evidential with no agent ('it is believed', 'a deal said to be worth'), a verb of the court
record, and a prepositional cue ('according to'). Each returns the attribution the token
makes, or None; attribution.py ranks what they find and decides the sentence."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.attribution import Attribution, _Memory
from annotate.sourcing.cue_senses import _duty_not_hearsay, _made_clear, other_sense
from annotate.sourcing.lexicon import SourcingLexicon, lemma_of
from annotate.sourcing.misreads import noun_read_as_verb, reduced_evidential
from annotate.sourcing.numbers import numbered_name
from annotate.sourcing.people import first_word
from annotate.sourcing.set_off import set_off_subject
from annotate.sourcing.syntax import (
    _is_root,
    _name_before,
    _np,
    _participle_of_root,
    _phrase_around,
    _relative_subject,
    _subject,
    _tok_span,
    main_verb_misread,
)
from annotate.sourcing.words import _HEARING_BODIES, WordSetView

_CLAIMED_PRIZES = WordSetView("claimed_prizes")  # 'claim victory': winning, not saying
# 'put', 'value': a figure's source only with 'at' and a number (sourcing.cue.figure_at)
_FIGURE_AT_VERBS = WordSetView("figure_at_verbs")


def _remains_to_be_seen(tok: Token) -> bool:
    """'It remains to be seen whether the council will approve it': an idiom for an open
    question, which passes on no one's claim."""
    doc, i = tok.doc, tok.i
    return (
        tok.lower_ == "seen"
        and i >= 3
        and doc[i - 1].lower_ == "be"
        and doc[i - 2].lower_ == "to"
        and doc[i - 3].lemma_.lower() == "remain"
    )


def _numbered(det: Token) -> bool:
    """The 'No' of 'No 10 officials' is part of a name, not 'no group has said'."""
    nxt = det.doc[det.i + 1] if det.i + 1 < len(det.doc) else None
    return nxt is not None and numbered_name(nxt)


def _nearest_subject(subj: Token | None, verb: Token) -> Token | None:
    """Of two subjects the parser hung on one verb of saying ('"Stubborn manager, stubborn
    port," board chair Lena Ruiz said'), the one next to the verb is the speaker; the other is
    a word of what was said (round 20, PolNeAR train)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj is None or len(subjects) < 2 or subj not in subjects:
        return subj
    near = min(subjects, key=lambda c: abs(c.i - verb.i))
    if subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON":
        return subj  # a name already: 'Mr Ardel, who runs the depot's outreach, says'
    person = (near.pos_ == "PRON" and near.lower_ in ("he", "she", "they", "i", "we")) or any(
        t.ent_type_ == "PERSON" for t in near.subtree
    )
    # only a person, and only where a comma or a quotation mark closes what comes before
    lo, hi = sorted((subj.i, near.i))
    marked = any(t.text in ',"”’' or t.text == "''" for t in verb.doc[lo:hi])
    return near if near.i != subj.i and person and marked else subj


_HOLDER_PRONOUNS = frozenset(("him", "her", "them", "me", "us"))


def _view_holder(tok: Token, s: SpacySpan, lex: SourcingLexicon) -> Token | None:
    """'To Varga, the levy is a lifeline', 'To his critics, the mayor is reckless': a
    sentence that opens with 'To' and a person or group set off by a comma states their view.
    Not 'To the east, ...' (no person), 'To be sure, ...' (no noun) or 'To win, ...'. The
    person is the head of the phrase after 'To', or None (round 20, PolNeAR train)."""
    if tok.lower_ != "to" or tok.dep_ != "prep" or not first_word(tok, s.start):
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    after = pobj.right_edge.i + 1
    if after >= s.end or s.doc[after].text != ",":
        return None
    if pobj.pos_ == "PRON":
        return pobj if pobj.lower_ in _HOLDER_PRONOUNS else None
    people = (
        pobj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or pobj.pos_ == "PROPN"  # 'To Beijing, the move is a provocation': a government
        or lex["informant_noun"].token(pobj)
        or lex["group_noun"].token(pobj)
        or lex["representative_noun"].token(pobj)
    )
    # 'To a person, they backed her' (every one of them) is an idiom, not a view
    idiom = pobj.lower_ in ("person", "man") and any(c.lower_ == "a" for c in pobj.children)
    return pobj if people and not idiom else None


def _figure_at(tok: Token) -> bool:
    """'estimated the turnout at about 2,200', 'puts the cost at 2.4 billion': an 'at' phrase
    of the verb holding a number or a percentage (sourcing.cue.figure_at, round 20)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "at"
        and c.i > tok.i  # not 'At one point, she asked ...'
        and any(
            (t.like_num or t.dep_ == "nummod" or t.text == "%")
            and t.ent_type_ not in ("TIME", "DATE")  # not 'at 3 pm', 'at 40'
            for t in c.subtree
        )
        for c in tok.children
    )


def _unclosed_apposition(subj: Token | None, verb: Token) -> Token | None:
    """'Varga, a senior aide said, is confident ...': no comma closes the apposition before
    the verb and a comma follows it, so the apposition is the speaker set off by commas and
    'Varga' the subject of what was said; the parser reads 'Varga, a senior aide, said'
    (round 20, PolNeAR train). None when a comma closes it, or the verb has a clause."""
    if subj is None or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return None
    ap = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)
    doc = verb.doc
    if ap is None or ap.right_edge.i + 1 != verb.i or verb.i + 1 >= len(doc):
        return None
    return ap if doc[verb.i + 1].text == "," else None


# words that open a clause of time or condition ('When tenants ask for repairs, ...'): a verb
# of speech there with no clause of its own reports nothing of the sentence (round 22)
_TIME_CONDITION = frozenset(
    ("when", "whenever", "if", "unless", "until", "before", "after", "once", "because", "since")
)


class AttributionCues:
    """The token readers of pass 1: verbs of saying, evidentials, record verbs, prepositions."""

    lex: SourcingLexicon

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
        elif cue_id is None and lemma in _FIGURE_AT_VERBS and _figure_at(tok):
            cue_id = "sourcing.cue.figure_at"  # 'puts the cost at 2.4 billion' (round 20)
        record_id = lex["public_record_verb"].token(tok)
        passive_id = lex["evidential_passive"].token(tok)
        if passive_id and _remains_to_be_seen(tok):
            return None  # round 16: 'it remains to be seen whether ...' says nobody knows yet
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
        reduced = reduced_evidential(tok, passive_id)  # 'a deal said to be worth ...'
        passive = (
            reduced
            or "auxpass" in children
            or "nsubjpass" in children
            or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and not main_verb_misread(tok))
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
        subj = _unclosed_apposition(subj, tok) or _nearest_subject(subj, tok)
        if subj is None or any(
            c.dep_ == "det" and c.lower_ == "no" and not _numbered(c) for c in subj.children
        ):
            return None  # "no group has claimed responsibility": nobody is cited
        if numbered_name(subj):
            # 'No 10 said': Downing Street, a named office (round 20)
            return Attribution(
                "named_source",
                "institution",
                f"attributed to '{subj.doc[subj.i - 1].text} {subj.text}'",
                "sourcing.source.numbered_office",
                source=_tok_span(subj.doc[subj.i - 1 : subj.i + 1]),
                cue=cue,
                head=subj,
            )
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
        if (
            lemma in lex.needs_clause
            and tok.dep_ in ("pcomp", "pobj")
            and tok.head.lower_ != "by"  # 'responded by pointing to her record' reports
            and not deps & {"ccomp", "xcomp"}
        ):
            # 'Nurses could then sit with patients rather than responding to every bleep': a verb of
            # answering inside a phrase, with no clause of its own, reports nothing (round 22)
            return None
        if (
            lemma == "question"
            and dobj is not None
            and (dobj.pos_ in ("PROPN", "PRON") or dobj.ent_type_ == "PERSON")
            and not deps & {"ccomp", "xcomp"}
        ):
            return None  # 'chiefs questioned Varga about reform': they asked her, an act
        if (
            lemma in lex.needs_clause
            and tok.dep_ == "advcl"
            # 'if my husband asks me to leave early': a request, not a report; 'if they
            # expect to stay' keeps its infinitive (a view, tiered elsewhere)
            and "ccomp" not in deps
            and (lemma == "ask" or "xcomp" not in deps)
            and any(
                c.lower_ in _TIME_CONDITION for c in tok.children if c.dep_ in ("advmod", "mark")
            )
        ):
            # 'When tenants ask for repairs, most calls go unanswered': the clause says
            # when, not who said the rest (round 22)
            return None
        if lemma in lex.needs_clause and a.kind not in ("document", "weasel", "vague"):
            # "believe that ...", or no object at all ("..., analysts believe."); not
            # "the team found cracks", which is an event, not a report
            counted = dobj is not None and any(
                c.like_num or c.dep_ == "nummod" for c in dobj.subtree
            )  # "documented 264 incidents": a finding, not an event
            # 'estimated the turnout at about 2,200', 'puts the cost at 2.4 billion' (round 20)
            counted = counted or _figure_at(tok)
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
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None) or noun_read_as_verb(
                tok
            )
            if pobj is None:
                continue
            cue = _tok_span(s.doc[first : tok.i + 1])
            return self._classify_source(pobj, s, mem, anonymous, cue, eid, i)
        if (holder := _view_holder(tok, s, self.lex)) is not None:
            # 'To Varga, the levy is a lifeline': her view (sourcing.cue.to_view, round 20)
            return self._classify_source(
                holder, s, mem, anonymous, _tok_span(tok), "sourcing.cue.to_view", i
            )
        return None
