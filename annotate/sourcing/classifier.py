"""SourcingClassifier: the two passes over an article's sentences (see the package docstring),
built from the stage mixins."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from annotate.lexicon import Lexicons
from annotate.models import FramingSpan, SentenceFlag
from annotate.nlp import doc_text
from annotate.quotes import inside
from annotate.sourcing.attribution import Attribution, Explicit, _Memory
from annotate.sourcing.attribution_cues import AttributionCues
from annotate.sourcing.carry import Carry, _Chain
from annotate.sourcing.carry_away import CarryAway, colon_intros
from annotate.sourcing.carry_intro import CarryIntro
from annotate.sourcing.carry_next import CarryNext
from annotate.sourcing.carry_qa import qa_answers
from annotate.sourcing.carry_sole import sole_speaker
from annotate.sourcing.checkworthy import CheckWorthy
from annotate.sourcing.documents import Documents
from annotate.sourcing.judgements import borrowed_spans
from annotate.sourcing.lexicon import lemma_of, load_lexicon
from annotate.sourcing.noun_cues import NounCues
from annotate.sourcing.set_off import SetOff
from annotate.sourcing.several import Several
from annotate.sourcing.sources import SourceTypes, _owner_of_possessive
from annotate.sourcing.speech_tags import QuoteTags
from annotate.sourcing.syntax import _tok_span
from annotate.sourcing.tags import Tags
from annotate.sourcing.tier_doc import framing_word, history_years
from annotate.sourcing.tier_doc_next import document_named_next
from annotate.sourcing.tier_group_next import group_named_next
from annotate.sourcing.tier_kind import kind_only
from annotate.sourcing.tier_next import sourced_next
from annotate.sourcing.tier_piece import argued_piece
from annotate.sourcing.tier_rules import data_in_force, lede_sourced_next
from annotate.sourcing.tiers import assign_tier
from annotate.sourcing.words import WordSetView, active_word_sets

# Bumped when the rules of this package change, as framing.RULES_VERSION is, so that the
# fingerprint (and every cache keyed on it) moves with them. It stayed "sourcing-3" from the
# split into the package (round 9) to round 29: the lexicon digest moved in most rounds, but
# a round that changed code alone would have left cached annotations stale.
VERSION = "sourcing-29"
# acts of record a named actor does in public (sourcing.words.public_acts)
_PUBLIC_ACTS = WordSetView("public_acts")
# round 22: reporting its own figures is a public act once done ('Harwick Foods reported a
# loss'); in the present tense it is mostly a schedule ('reports its results on June 2')
_REPORT_ACTS = frozenset(("report", "announce", "confirm", "post"))
# the flags a named actor's own public act covers (sourcing.own_public_act)
_ACT_CHECKS = frozenset(
    (
        "sourcing.check.figure",
        "sourcing.check.past_event",
        "sourcing.check.comparative",
        "sourcing.check.superlative",
    )
)


class SourcingClassifier(
    Explicit,
    AttributionCues,
    QuoteTags,
    NounCues,
    Tags,
    SourceTypes,
    Documents,
    Carry,
    CarryNext,
    CarryAway,
    CarryIntro,
    CheckWorthy,
    Several,
    SetOff,
):
    """Labels every sentence of a Doc with how it is sourced (see the package docstring)."""

    def __init__(
        self, nlp: Language, extra_paths: Sequence[Path] = (), lexicons: Lexicons | None = None
    ) -> None:
        """`lexicons`: the object annotate.lexicon.load_lexicons returned, shared with the
        framing matcher; without it the lexicons are loaded here (plus `extra_paths`)."""
        self.nlp = nlp
        self.lex = lexicons.sourcing if lexicons is not None else load_lexicon(extra_paths)
        self._figure_rules = {
            "sourcing.check.figure",
            "sourcing.check.superlative",
            "sourcing.check.comparative",
            *self.lex["figure_word"].words.values(),
            *(eid for _, _, eid in self.lex["figure_word"].phrases),
            *self.lex["quantity_verb"].words.values(),
            *self.lex["trend_verb"].words.values(),
            "sourcing.check.past_event",
        }
        self._narrative_rules = {
            *self.lex["trend_verb"].words.values(),
            "sourcing.check.past_event",
        }

    def fingerprint(self) -> str:
        return f"{VERSION}:{self.lex.sha256}"

    # -- public -------------------------------------------------------------------------
    def classify(
        self,
        doc: Doc,
        sents: list[SpacySpan],
        quotes: list[tuple[int, int]],
        framing: Sequence[FramingSpan] | None = None,
        reference: date | None = None,
    ) -> list[SentenceFlag]:
        """One flag per sentence. `framing`: the framing matcher's spans for this Doc (after
        its context rules and `--disable`); a judgement in the outlet's voice is then read
        from those spans, so a framing word the matcher dropped never makes a sourcing flag.
        Without them (the classifier alone) the framing entries' plain words are used.
        `reference`: the article's date, which rules that read time take as "now" (the
        history rule of tier_doc.py); None means today."""
        with active_word_sets(self.lex.word_sets), borrowed_spans(framing):
            return self._classify(doc, sents, quotes, reference)

    def _classify(
        self,
        doc: Doc,
        sents: list[SpacySpan],
        quotes: list[tuple[int, int]],
        reference: date | None = None,
    ) -> list[SentenceFlag]:
        text = doc_text(doc)  # spaCy builds Doc.text from the tokens on every access
        breaks = [m.start() for m in re.finditer(r"\n", text)]
        paras = [bisect.bisect_left(breaks, s.start_char) for s in sents]
        quoted = [self._quote_mask(s, quotes) for s in sents]
        mem = _Memory()
        explicit: list[Attribution | None] = []
        found: list[list[Attribution]] = [[] for _ in sents]  # every attribution met
        for i, s in enumerate(sents):
            a = self._explicit(s, quoted[i], mem, i, text, found[i])
            if self._market_series(a):
                a = None
            explicit.append(a)
            if a and a.kind not in ("agentless", "none"):
                mem.sources.append((i, a))
            self._remember_documents(s, quoted[i], a, mem, i)
        flags: list[SentenceFlag] = []
        mains: list[Attribution | None] = []  # the attribution that decided each flag
        order = sorted(set(paras))
        para_no = [bisect.bisect_left(order, p) for p in paras]  # 0, 1, 2 ... per paragraph
        chain = _Chain()
        intro_of = colon_intros(sents, explicit, quoted, para_no)  # 'They found that:'
        for i, s in enumerate(sents):
            in_q = inside(s.start_char, s.end_char, quotes)
            a = explicit[i]
            carried = False
            a = self._reported_by_next(i, a, sents, explicit, paras) or a
            if a is None and in_q:
                a = self._speaker_of_quote(i, s, sents, paras, explicit, quotes)
            if a is None and i in intro_of:
                a, carried = self._from_intro(i, intro_of[i], sents, explicit[intro_of[i]]), True
            elif a is not None and a is explicit[i]:
                poll = self._poll_share(a, chain, sents, para_no[i], i)  # 'Sixty percent say'
                poll = poll or self._named_team(a, mem, sents, i)  # 'researchers' of a body
                if poll is None and (note := self._announcement(a, s, quoted[i])) is not None:
                    a = note  # 'Here is what the reviews say:' claims nothing itself
                a, carried = (poll, True) if poll is not None else (a, False)
            if a is None:
                a = self._own_document(s, quoted[i]) or self._own_act(s, quoted[i])
            if a is None:
                check = self._check_worthy(s, quoted[i])
                a = self._carry(s, quoted[i], check, chain, para_no[i], i)
                if a is not None and check is not None and self._market_move(s, a):
                    a = None  # market prices come from the feed, not the source in force
                carried = a is not None
                if not carried:
                    a = self._reported_speech(
                        s, quoted[i], check, chain, sents, explicit, quoted, para_no, i
                    )
                    carried = a is not None
                if not carried:
                    a = self._own_public_act(s, check, found[i], mem, i, quoted[i]) or check
                    # a claim whose source the next sentence names (carry_next.py)
                    a = self._carried_from_next(i, a, sents, explicit, para_no, quoted, mem) or a
            if a is not None and a is explicit[i] and a.label == "named_source":
                a = self._source_clause(s, a) or a  # '..., said X, whose firm has cut 300 jobs'
            if a is not None and a.source and s.start_char <= a.source.start < s.end_char:
                a = _owner_of_possessive(doc, a)
            fig = a is not None and a.label == "named_source" and self._figure(s) is not None
            chain.update(a, carried, para_no[i], i, s, fig)
            flags.append(self._flag(s, a, in_q))
            mains.append(a)
        _pull_quotes(flags)
        sole_speaker(flags)  # round 14: an interview's untagged quotations
        qa_answers(flags, sents, text)  # round 18: a Q&A's answers are the interviewee's
        for i, (flag, s) in enumerate(zip(flags, sents, strict=True)):
            flag.tier = assign_tier(flag, s, self.lex)
            flag.attributions = self._attributions(s, mains[i], found[i], mem, i, quoted[i])
        data_in_force(flags, sents, quoted)
        lede_sourced_next(flags, sents)
        argued_piece(flags)  # round 12: a column's or explainer's own reasoning
        framing_word(flags, sents)  # round 13: a loaded word is the framing layer's to show
        history_years(flags, sents, reference)  # round 13: a lifetime before the article
        # round 16: beyond the lede too; last, so that argued_piece still counts these
        # claims among the piece's own (it reads the query flags to tell an argued piece)
        sourced_next(flags, sents)
        group_named_next(flags, sents)  # round 21: a group's claim, then a named member
        document_named_next(flags, mains, sents, self.lex)  # round 24: 'a new study', named later
        # round 17: a claim that names no source and was a query by its kind alone waits
        # with routine; last, so that every rule before it still reads the kinds
        kind_only(flags, sents, self.lex["trend_verb"])
        return flags

    def _own_public_act(
        self,
        s: SpacySpan,
        check: Attribution | None,
        found: list[Attribution],
        mem: _Memory,
        i: int,
        mask: list[bool],
    ) -> Attribution | None:
        """'Ortega endorsed eight candidates on Tuesday', 'Baird signed 14 bills': a named
        person or body whose own public act is the main clause is on record for it, figures
        and dates of the act included (rule sourcing.own_public_act, like sourcing.own_act).
        Only for figures, dates and comparisons: a judgement or accusation in the outlet's
        words ('ripped into the feckless mayor') stays the outlet's."""
        if check is None or check.rule not in _ACT_CHECKS:
            return None
        root = s.root
        if mask[root.i - s.start]:
            return None
        if lemma_of(root) not in _PUBLIC_ACTS or root.pos_ != "VERB":
            return None
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or not s.start <= subj.i < s.end or mask[subj.i - s.start]:
            return None
        if lemma_of(root) in _REPORT_ACTS and (
            root.tag_ in ("VBZ", "VBP", "VB") or subj.ent_type_ in ("GPE", "LOC")
        ):
            # 'Harwick reports its results on June 2': a date, not a figure; 'Norway has
            # reported 41,000 cases': the outlet's tally of a place, not a body's report
            return None
        cue = _tok_span(root)
        a = self._classify_source(subj, s, mem, None, cue, "sourcing.own_public_act", i, root)
        if (
            a is None
            or a.label != "named_source"
            or a.kind not in ("person", "named", "institution")
        ):
            return None
        if (a.kind == "named" and subj.pos_ != "PROPN") or any(t.like_num for t in subj.subtree):
            return None  # 'top Republican donors', 'almost 43,000 Floridians': no one actor
        name = a.source.text if a.source is not None else subj.text
        return Attribution(
            "named_source",
            a.kind,
            f"'{name}' on record for its own act: '{root.text}'",
            "sourcing.own_public_act",
            source=a.source,
            cue=cue,
            head=a.head,
            written=a.written,
        )
        return None

    # -- helpers ------------------------------------------------------------------------
    @staticmethod
    def _quote_mask(s: SpacySpan, quotes: list[tuple[int, int]]) -> list[bool]:
        return [any(qs <= t.idx < qe for qs, qe in quotes) for t in s]

    @staticmethod
    def _flag(s: SpacySpan, a: Attribution | None, in_q: bool) -> SentenceFlag:
        if a is None:
            return SentenceFlag(s.start_char, s.end_char, s.text, None, in_quote=in_q)
        label = None if a.label == "none" else a.label
        return SentenceFlag(
            start=s.start_char,
            end=s.end_char,
            text=s.text,
            sourcing=label,
            source=a.source,
            cue=a.cue,
            in_quote=in_q,
            reason=a.reason,
            rule=a.rule,
        )

    def _outside_text(self, s: SpacySpan, mask: list[bool]) -> str:
        """The sentence's lower-case text with quoted words blanked (offsets kept)."""
        chars = list(s.text.lower())
        for t, q in zip(s, mask, strict=True):
            if q:
                a = t.idx - s.start_char
                chars[a : a + len(t.text)] = " " * len(t.text)
        return "".join(chars)


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _pull_quotes(flags: list[SentenceFlag], min_words: int = 6) -> None:
    """A quotation with no speaker whose words the article gives in full elsewhere with a
    source (a pull quote set above the paragraph that attributes it) takes that source
    (rule "sourcing.quote.pull_quote")."""
    texts: list[str] | None = None  # each sentence's words, built once and only if needed
    for f in flags:
        if f.rule != "sourcing.quote_speaker" or f.sourcing != "unattributed_claim":
            continue
        key = _words(f.text)
        if len(key.split()) < min_words:
            continue
        texts = texts if texts is not None else [_words(g.text) for g in flags]
        for g, words in zip(flags, texts, strict=True):
            if g is f or g.source is None:
                continue
            if key in words:
                f.sourcing, f.source, f.cue = g.sourcing, g.source, None
                f.reason = f"pull quote: the words of '{g.source.text}', given in full elsewhere"
                f.rule = "sourcing.quote.pull_quote"
                break
