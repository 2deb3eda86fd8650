"""Claims the sentence-level sourcing would miss (issue 9, item 4):

- an unsourced clause inside an attributed sentence: a non-restrictive relative clause or
  apposition on the speaker that adds a figure of something that happened ('..., said Ines
  Valdo, whose agency has shed 300 posts since 2021'): the reporter's addition, which the
  speaker did not give (rule sourcing.check.source_clause);
- an event stated with no source where someone hid, removed or leaked something ('The video
  was later deleted', 'the emails were leaked'): a passive act with no agent tells the
  reader something happened without saying who did it or who says so
  (rule sourcing.check.hidden_act);
- a prediction in the outlet's voice ('rates will keep falling into next year', 'the firm
  will likely cut jobs', 'the plan is likely to stall'): somebody's forecast, told as if
  known (rule sourcing.check.prediction);
- a breach told against a rule ('Although the rules require a tender, the ministry has been
  awarding contracts directly'): the main clause says someone acts against what a rule
  requires, an accusation with no one behind it (rule sourcing.check.breach).

All are `query` in tiers.py: each is exactly what an editor asks the reporter about.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.attribution import Attribution
from annotate.sourcing.lexicon import SourcingLexicon, WordSet
from annotate.sourcing.numbers import _is_age, _known_set, _not_a_quantity
from annotate.sourcing.words import _FIGURE_ENTS, WordSetView

# 'will' states a future as known; 'could', 'might' and 'may' only a possibility
_FORECAST_MODALS = frozenset(("will", "'ll", "wo"))
_HEDGES = frozenset(("likely", "probably", "unlikely"))
_CONCESSIVE = frozenset(("although", "though", "while", "whereas"))
_RULE_VERBS = WordSetView("rule_verbs")

_CLAUSE_DEPS = ("relcl", "appos", "acl")


def _passive_past(verb: Token) -> bool:
    """'was deleted', 'were leaked', 'had been removed', 'has been taken down'."""
    kids = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
        return False
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in kids):
        return False
    return any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in kids) or any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in kids
    )


def _phrasal(verb: Token) -> str:
    """'take down', 'pull down': the verb's lemma with its particle."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {prt}" if prt else verb.lemma_.lower()


class Clauses:
    """Mixin of SourcingClassifier: the two checks of the module docstring."""

    lex: SourcingLexicon

    def _hidden_act(self, s: SpacySpan, mask: list[bool]) -> Attribution | None:
        root = s.root
        for verb in (root, *(c for c in root.children if c.dep_ == "conj")):
            if not s.start <= verb.i < s.end or mask[verb.i - s.start] or verb.pos_ != "VERB":
                continue
            if not _passive_past(verb):
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if subj is None:
                continue
            eid = self._hidden_act_id(verb, subj)
            if eid is None:
                continue
            end = max([verb.i, *(c.i for c in verb.children if c.dep_ == "prt")]) + 1
            words = " ".join(t.text for t in s.doc[min(subj.i, verb.i) : end] if t.dep_ != "punct")
            if len(words.split()) > 8:
                words = f"{subj.text} ... {verb.text}"
            return Attribution(
                "unattributed_claim",
                "unattributed",
                f"event with no source: '{words}' (who did it, and who says so?)",
                eid,
            )
        return None

    def _prediction(self, s: SpacySpan, mask: list[bool]) -> Attribution | None:
        """A main verb said of the future with 'will': a change ('will keep falling', 'will
        rise') or, with any modal, an act hedged as likely ('will likely cut', 'would probably
        collapse', 'is likely to stall'). A schedule ('will vote on Friday') is none."""
        root = s.root
        for verb in (root, *(c for c in root.children if c.dep_ == "conj")):
            if not s.start <= verb.i < s.end or mask[verb.i - s.start]:
                continue
            kids = list(verb.children)
            subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.lower_ in ("i", "we", "you"):
                continue
            if verb.lemma_ == "be" and (
                adj := next((c for c in kids if c.dep_ == "acomp" and c.lower_ in _HEDGES), None)
            ):
                if any(c.dep_ == "xcomp" for c in adj.children):  # 'is likely to stall'
                    return self._forecast_claim(f"{adj.text} to", "sourcing.check.prediction")
                continue
            modal = next((c for c in kids if c.dep_ == "aux" and c.tag_ == "MD"), None)
            if modal is None or any(
                c.dep_ == "advcl" and any(g.lower_ in ("if", "unless") for g in c.children)
                for c in kids
            ):
                continue  # 'prices could rise if the strike goes ahead': a condition
            hedge = next((c for c in kids if c.dep_ == "advmod" and c.lower_ in _HEDGES), None)
            if hedge is not None:
                return self._forecast_claim(
                    f"{modal.text} {hedge.text} {verb.text}", "sourcing.check.prediction"
                )
            if modal.lower_ not in _FORECAST_MODALS:
                continue
            moving = self.lex["trend_verb"].token(verb) or any(
                c.dep_ == "xcomp" and self.lex["trend_verb"].token(c) for c in kids
            )  # 'will keep falling', 'could continue to rise'
            if moving:
                return self._forecast_claim(
                    f"{modal.text} {verb.text}", "sourcing.check.prediction"
                )
        return None

    @staticmethod
    def _forecast_claim(words: str, rule: str) -> Attribution:
        return Attribution(
            "unattributed_claim", "unattributed", f"prediction with no source: '{words}'", rule
        )

    def _breach(self, s: SpacySpan, mask: list[bool]) -> Attribution | None:
        """'Although the rules require X, the department has been doing Y': a concessive
        clause on a rule that requires, bans or obliges, and a main clause saying what
        someone (not the writer) does all the same."""
        root = s.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("i", "we", "you") or mask[root.i - s.start]:
            return None
        for clause in (c for c in root.children if c.dep_ == "advcl"):
            mark = next((c for c in clause.children if c.dep_ == "mark"), None)
            if mark is None or mark.lower_ not in _CONCESSIVE:
                continue
            # the parse may hang the clause on the rule verb's object ('forbids subletting')
            bind = next((t for t in clause.subtree if t.lemma_.lower() in _RULE_VERBS), None)
            if bind is not None and bind.pos_ in ("VERB", "AUX", "NOUN"):
                return Attribution(
                    "unattributed_claim",
                    "unattributed",
                    f"a breach with no source: '{mark.text} ... {bind.text}', yet "
                    f"'{subj.text} ... {root.text}' (who says so?)",
                    "sourcing.check.breach",
                )
        return None

    def _hidden_act_id(self, verb: Token, subj: Token) -> str | None:
        """Entry id when the verb hides, removes or leaks something: always for
        `hidden_act_verb` ('deleted', 'leaked'), for `removal_verb` ('removed', 'taken
        down') only when what was removed is content (`content_noun`: a video, a post)."""
        form = _phrasal(verb)
        hidden = self.lex["hidden_act_verb"]
        if eid := hidden.words.get(form) or _phrase_id(hidden, form):
            return eid
        removal = self.lex["removal_verb"]
        eid = removal.words.get(form) or _phrase_id(removal, form)
        if eid and self.lex["content_noun"].token(subj):
            return eid
        return None

    def _source_clause(self, s: SpacySpan, a: Attribution) -> Attribution | None:
        """The attributed sentence `s` (attribution `a`, source in the sentence) as an
        unsourced claim when a clause on the speaker adds a figure of something that
        happened; the speaker and cue are kept so the editor sees both."""
        if a.source is None or not s.start_char <= a.source.start < s.end_char:
            return None
        toks = [t for t in s if a.source.start <= t.idx < a.source.end]
        heads = [t for t in toks if not (a.source.start <= t.head.idx < a.source.end)]
        for head in heads:
            for clause in (c for c in head.children if c.dep_ in _CLAUSE_DEPS):
                first = s.doc[clause.left_edge.i]
                if first.i == 0 or s.doc[first.i - 1].text != ",":
                    continue  # restrictive ('the officials who ran the count'): part of who
                if self.lex["cue_verb"].token(clause) is not None and any(
                    c.dep_ in ("ccomp", "xcomp") for c in clause.children
                ):
                    continue  # '..., who noted that 900 jobs went': the speaker's words too
                words = list(s.doc[clause.left_edge.i : clause.right_edge.i + 1])
                fig = self._clause_figure(words)
                if fig is None or not _happened(words):
                    continue
                text = " ".join(t.text for t in words)
                return Attribution(
                    "unattributed_claim",
                    "unattributed",
                    f"the clause '{text}' adds a figure ('{fig}') that '{a.source.text}' did "
                    "not give: no source",
                    "sourcing.check.source_clause",
                    source=a.source,
                    cue=a.cue,
                )
        return None

    @staticmethod
    def _clause_figure(words: list[Token]) -> str | None:
        doc = words[0].doc
        for ent in doc.ents:
            if ent.start < words[0].i or ent.end > words[-1].i + 1:
                continue
            if ent.label_ in _FIGURE_ENTS and not (
                _is_age(ent) or _known_set(ent) or _not_a_quantity(ent)
            ):
                return ent.text
        for tok in words:  # numbers the entity recogniser missed ('has lost 900 members')
            if (
                tok.like_num
                and not tok.ent_type_
                and tok.dep_ in ("nummod", "dobj", "pobj", "attr")
                and not _not_a_quantity(doc[tok.i : tok.i + 1])
            ):
                return tok.text
        return None


def _happened(words: list[Token]) -> bool:
    """The clause reports something that happened (a past or perfect verb: 'has shed',
    'cut'), not a standing fact ('which employs 4,000 people')."""
    return any(
        t.pos_ in ("VERB", "AUX")
        and (t.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children))
        and t.lemma_ != "be"
        for t in words
    )


def _phrase_id(ws: WordSet, form: str) -> str | None:
    for _pat, item, eid in ws.phrases:
        if " ".join(item.split()) == form:
            return eid
    return None
