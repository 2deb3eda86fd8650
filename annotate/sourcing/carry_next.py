"""Pass 2, carried back: a claim whose source is named only in the sentence after it.

Copy sometimes states a fact in the writer's voice and names who stands behind it in the
next sentence ('The port will close two of its four terminals by March. The decision was
confirmed by its director, Lena Marsh.'). Pass 1 finds the source in the second sentence
only; this stage lends it to the first (rule "sourcing.carry_next.back_reference") when:

- the first sentence is an unsourced claim with no source of its own (not a quotation, not a
  'reportedly' lead: `_reported_by_next` in carry.py takes those);
- the next sentence is in the same paragraph or the next one, and pass 1 found in it a named
  or anonymous person, body or document, with a cue, outside quotation marks (a speech tag
  of a quotation, or a pronoun resolved further back, lends nothing);
- what that cue vouches for points back to the claim. Only the cue's own slot counts: the
  object or passive subject of a verb of confirming, the main verb of its sentence ('X
  announced the deal', 'The decision was confirmed by X'), or the subject of a bare 'be'
  with 'according to' ('That is according to X'). There it is (word lists: the carry_next_*
  kinds in annotate/lexicons/sourcing_rules.toml):
  * a bare 'this'/'that', or a demonstrative or a bare 'the' with an anaphor noun ('this
    decision', 'the decision', but not 'the decision on rents');
  * the same with a figure noun ('the figure', 'these numbers') when the claim has a figure;
  * a noun of the claim (not of its subject) met again there with 'the'/'its' (rule
    "sourcing.carry_next.same_words": 'leased the depot ... The lease was confirmed by');
  or the verb of confirming is the whole sentence ('The ministry confirmed it on Friday.').
- Or the next sentence only says where the claim came from ('The figure comes from the
  council's ledger', rule "sourcing.carry_next.origin"): its subject points back as above
  and the object of 'from' / 'based on' is typed like any source.

Why so narrow (measured on PolNeAR train and the unreserved AEB pages, round 10): a
back-reference or a repeated word anywhere in the next sentence mostly marks a sentence on
the same topic whose source speaks about something else ('Carson said after the attacks
...', 'the journalists, describing the plan as ...'), and a source that says something new
of its own ('The plan would cost 2 million, according to ...') vouches for that only.

It never carries a denial or a dispute ('The firm denied it.', 'Neither side disputed that
account.'): who rejects a claim, or declines to contest it, does not vouch for it, and an
accused party's denial leaves the accusation the writer's own (a query). 'Both' and
'neither' are not back-references by themselves.

How it meets `sourcing.tier.lede_sourced_next` (tier_rules.py): a back-reference here makes
the claim sourced, so no tier applies; the lede rule is the weaker case, a lede followed by a
named source that only shares a noun with it, which stays flagged but routine."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.attribution import Attribution, _Memory
from annotate.sourcing.lexicon import SourcingLexicon, lemma_of
from annotate.sourcing.syntax import _tok_span

# labels of the next sentence whose source may be lent back (a vague group or an
# evidential with no agent names no one to lend)
_LENDABLE = frozenset(("named_source", "anonymous_source", "vague_document"))
_DEMONSTRATIVE = frozenset(("this", "that", "these", "those", "such"))
_BACK_PRONOUNS = frozenset(("it", "this", "that", "so"))
# dependents that give a verb of saying content of its own
_CONTENT_DEPS = frozenset(("ccomp", "xcomp", "dobj", "obj", "attr", "oprd", "csubj", "parataxis"))
# the rule ids this stage writes on a flag
RULE = "sourcing.carry_next.back_reference"
RULE_WORDS = "sourcing.carry_next.same_words"
RULE_ORIGIN = "sourcing.carry_next.origin"


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


class CarryNext:
    """Pass 2 mixin: the next sentence's source carried back to the claim it refers to."""

    lex: SourcingLexicon

    def _carried_from_next(
        self,
        i: int,
        a: Attribution | None,
        sents: list[SpacySpan],
        explicit: list[Attribution | None],
        para_no: list[int],
        quoted: list[list[bool]],
        mem: _Memory,
    ) -> Attribution | None:
        """The attribution sentence `i` takes from sentence i+1, or None (see the module)."""
        if a is None or a.label != "unattributed_claim" or explicit[i] is not None:
            return None
        if i + 1 >= len(sents) or para_no[i + 1] > para_no[i] + 1:
            return None
        s, t = sents[i], sents[i + 1]
        mask = quoted[i + 1]
        nxt = explicit[i + 1]
        if nxt is None:
            return self._from_origin(s, t, mask, mem, i + 1)
        if nxt.label not in _LENDABLE or nxt.source is None or nxt.cue is None:
            return None
        if not t.start_char <= nxt.source.start < t.end_char:
            return None  # a pronoun resolved further back: too far from the claim to lend
        if sum(mask) * 3 > len(mask):
            return None  # a quotation comments on the claim, it does not vouch for it
        cue = t.doc.char_span(nxt.cue.start, nxt.cue.end, alignment_mode="expand")
        if cue is None or any(mask[k.i - t.start] for k in cue if t.start <= k.i < t.end):
            return None  # the tag of a quotation speaks for the quotation
        verb = cue.root
        if self._denies(verb, t, nxt):
            return None
        link = self._back_link(s, t, verb, nxt, mask)
        if link is None:
            return None
        return _lent(nxt, t, *link)

    def _from_origin(
        self, s: SpacySpan, t: SpacySpan, mask: list[bool], mem: _Memory, j: int
    ) -> Attribution | None:
        """'The figure comes from the island council's own ledger', 'These numbers are based
        on a survey by the Tenants' Union': a sentence that names where the claim before it
        came from (rule "sourcing.carry_next.origin"; verbs: sourcing.carry_next.origin_verb)
        lends that origin, typed like any source (a named owner makes a document named)."""
        root = t.root
        if root.pos_ not in ("VERB", "AUX") or mask[root.i - t.start]:
            return None
        if not self.lex["carry_next_origin_verb"].token(root):
            return None
        if any(c.dep_ == "neg" for c in root.children):
            return None
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or mask[subj.i - t.start]:
            return None
        words = self._points_back(subj, self._figure(s) is not None)
        if words is None:
            return None
        prep = next(
            (c for c in root.children if c.dep_ == "prep" and c.lower_ in ("from", "on")), None
        )
        obj = None if prep is None else next((g for g in prep.children if g.dep_ == "pobj"), None)
        if prep is None or obj is None or mask[obj.i - t.start]:
            return None
        if prep.lower_ == "on" and lemma_of(root) != "base":
            return None  # 'based on' only: 'the figure is on page two' names no origin
        cue = _tok_span(t.doc[root.i : prep.i + 1])
        src = self._classify_source(obj, t, mem, None, cue, RULE_ORIGIN, j, root)
        if src is None or src.label not in _LENDABLE or src.source is None:
            return None
        return _lent(src, t, f"{words}, '{cue.text}'", RULE_ORIGIN)

    # -- what stops a carry ----------------------------------------------------------------
    def _denies(self, verb: Token, t: SpacySpan, nxt: Attribution) -> bool:
        """A denial, a dispute or a negated cue ('did not confirm', 'Neither ... disputed')
        does not vouch for the claim before it."""
        if self.lex["carry_next_denial_verb"].token(verb):
            return True
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        src = t.doc.char_span(nxt.source.start, nxt.source.end, alignment_mode="expand")
        return src is not None and any(k.lower_ in ("neither", "nor", "no") for k in src)

    # -- what links the two sentences ------------------------------------------------------
    def _back_link(
        self, s: SpacySpan, t: SpacySpan, verb: Token, nxt: Attribution, mask: list[bool]
    ) -> tuple[str, str] | None:
        """(the words of sentence `t` that point back to `s`, the rule), or None. The words
        must be what the cue vouches for (its object, or its subject when passive or when
        the cue is 'according to'): 'Carson said after the attacks ...' talks about the
        attacks, it does not vouch for them."""
        lex = self.lex
        src = t.doc.char_span(nxt.source.start, nxt.source.end, alignment_mode="expand")
        in_src = set() if src is None else {k.i for k in src}
        confirm = lex["carry_next_confirm_verb"].token(verb) is not None
        slots = [
            k for k in _slots(verb, t, confirm) if not mask[k.i - t.start] and k.i not in in_src
        ]
        figure = self._figure(s) is not None
        for k in slots:
            words = self._points_back(k, figure)
            if words is not None:
                return words, RULE
        if confirm and self._no_content(verb, t):
            return f"'{verb.text}' with nothing else to confirm", RULE
        word = self._repeated(s, slots)
        if word is not None:
            return f"'{word}' repeats the claim", RULE_WORDS
        return None

    def _points_back(self, k: Token, figure: bool) -> str | None:
        """How the phrase headed by `k` points back to the claim before it, if it does: a
        bare 'this'/'that', a demonstrative or bare 'the' with an anaphor noun, or with a
        figure noun when the claim has a figure (`figure`)."""
        if (
            k.lower_ in ("this", "that")
            and k.pos_ in ("PRON", "DET")
            and k.tag_ != "WDT"
            and not list(k.children)
        ):
            return f"'{k.text}' refers back"  # 'That is according to ...'
        det = next((c for c in k.children if c.dep_ == "det"), None)
        if k.pos_ not in ("NOUN", "PROPN") or det is None:
            return None
        # 'the decision' refers back only bare: 'the decision on the zoning code' is new
        back = det.lower_ in _DEMONSTRATIVE or (det.lower_ == "the" and _bare(k))
        if back and self.lex["carry_next_anaphor"].token(k):
            return f"'{det.text} {k.text}' refers back"
        if back and figure and self.lex["carry_next_figure_noun"].token(k):
            return f"'{det.text} {k.text}' refers back to its figure"
        return None

    @staticmethod
    def _no_content(verb: Token, t: SpacySpan) -> bool:
        """'The ministry confirmed it', 'Marsh confirmed on Friday', 'It was confirmed by
        the ministry': a verb of confirming, the main verb of its sentence, with nothing
        after it but 'it'/'this'/'that', its agent, a time or punctuation."""
        if verb.pos_ != "VERB" or verb.i != t.root.i:
            return False
        for c in verb.children:
            if c.dep_ == "nsubjpass" and c.lower_ not in _BACK_PRONOUNS:
                return False
            if c.dep_ in ("ccomp", "parataxis"):
                return False  # '..., CNN reported.': the tag of the words before it
            if c.i < verb.i:
                continue
            if c.dep_ in ("punct", "agent", "npadvmod", "advmod") or (
                c.dep_ == "dobj" and c.lower_ in _BACK_PRONOUNS and c.pos_ == "PRON"
            ):
                continue
            if c.dep_ == "prep" and _time_only(c):
                continue  # 'on Friday'
            return False  # 'announced that ...', 'admitted to ...': content of its own
        return True

    def _repeated(self, s: SpacySpan, slots: list[Token]) -> str | None:
        """A content word of the claim, outside its subject, that the next sentence's cue
        vouches for again as a definite noun ('The cuts were confirmed by ...', 'X announced
        the sale'): the same lemma, as noun or verb in the claim ('cut 240 jobs')."""
        generic = self.lex["carry_next_generic"]
        subj = {k.i for c in s.root.children if c.dep_ in ("nsubj", "nsubjpass") for k in c.subtree}
        mine = {
            lemma_of(k)
            for k in s
            if k.pos_ in ("NOUN", "VERB")
            and k.i not in subj
            and k.is_alpha
            and not k.is_stop
            and len(k.text) >= 3
            and not generic.token(k)
            and not self.lex["cue_verb"].token(k)
        }
        for k in slots:
            if k.pos_ != "NOUN" or lemma_of(k) not in mine or generic.token(k):
                continue
            if any(
                c.dep_ in ("det", "poss") and c.lower_ in ("the", *_DEMONSTRATIVE, "its", "their")
                for c in k.children
            ):
                return k.text
        return None


def _slots(verb: Token, t: SpacySpan, confirm: bool) -> list[Token]:
    """The heads of what the cue vouches for, and nothing more: the object or passive
    subject of a verb of confirming ('confirmed the cuts', 'The decision was announced by
    ...'), or the subject of a bare 'be' that an 'according to' or 'as X said' hangs on
    ('That is according to ...'). A cue that says something of its own ('The plan would
    cost 2 million, according to ...', 'X calls this a false narrative') vouches for that."""
    main = verb.i == t.root.i
    out = []
    if confirm and main:
        out = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "ROOT" and verb.lower_ == "according":
        # 'That is according to ...', parsed with 'according' as the verb and 'is' its adverb
        if all(c.dep_ in ("nsubj", "prep", "punct", "advmod", "aux") for c in verb.children):
            out += [c for c in verb.children if c.dep_ == "nsubj"]
    host = verb.head
    as_clause = verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )
    if (verb.dep_ == "prep" or as_clause) and host.i != verb.i and host.lemma_ == "be":
        said = [c for c in host.children if c.dep_ in _CONTENT_DEPS or c.dep_ == "acomp"]
        if not said:
            out += [c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [k for k in out if t.start <= k.i < t.end]


def _lent(src: Attribution, t: SpacySpan, words: str, rule: str) -> Attribution:
    """The next sentence's source, lent to the claim before it; the reason quotes that
    sentence so the editor sees where the source was found."""
    name = src.source.text if src.source is not None else "its source"
    return Attribution(
        src.label,
        src.kind,
        f"sourced in the next sentence by '{name}' ({words}): '{_short(t.text)}' ({rule})",
        rule,
        source=src.source,
        cue=src.cue,
        head=src.head,
    )


def _bare(noun: Token) -> bool:
    """A noun with nothing that says which one it is besides its article and adjectives:
    'the decision', 'the latest figure', not 'the decision on rents' or 'the jobless rate'."""
    return not any(
        c.dep_ in ("prep", "relcl", "acl", "compound", "nummod", "appos", "poss")
        for c in noun.children
    )


def _time_only(prep: Token) -> bool:
    """'on Friday': the preposition carries a time, not a topic."""
    objs = list(prep.children)
    return bool(objs) and all(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in objs)
