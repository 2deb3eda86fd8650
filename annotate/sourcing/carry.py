"""Pass 2, carry-over: the speaker of a quotation, a body reporting its own figures, and the
named source in force for the sentences that continue it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.attribution import Attribution
from annotate.sourcing.carry_topic import (
    RESULTS,
    it_ranks,
    life_event,
    ranks_an_event,
    share_move,
    topic_words,
)
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.nouns import _people_noun
from annotate.sourcing.quote_runs import closing_run, quote_region
from annotate.sourcing.syntax import _np, _tok_span
from annotate.sourcing.words import (
    _ASKING_VERBS,
    _CARRY_KINDS,
    _CROSS_PARA_KINDS,
    _DEFINITE,
    _HE_SHE,
)

# How many paragraphs back a quotation's speaker is looked for, through paragraphs that are
# all quotation with no speaker of their own (a transcript, a statement printed in full).
_QUOTE_RUN_PARAGRAPHS = 15


def _asker(a: Attribution, sent: SpacySpan) -> bool:
    """'When a reporter asked why ...': an unnamed person whose cue is asking, so the
    quotation after it is the answer, someone else's words (round 16). A named asker ('"Why
    would I?" he asked.') may well go on speaking, and stays."""
    if a.label == "named_source" or a.cue is None:
        return False
    return any(t.idx == a.cue.start and t.lemma_.lower() in _ASKING_VERBS for t in sent)


@dataclass
class _Chain:
    """The named source in force for the sentences that follow it. An explicit attribution
    replaces it (a named one takes over, any other ends it); the outlet's own unsourced
    claim ends it; so do two sentences in a row that neither continue it nor claim anything.
    `words` is its topic: the nouns of the sentences it covers so far."""

    source: Attribution | None = None
    para: int = -1
    last: int = -1  # index of the last sentence it covered
    idle: int = 0
    figures: int = 0  # how many of its sentences gave figures (a release, a study)
    at: int = -1  # the sentence that named it (carry_away.py names it in a reason)
    words: set[str] = field(default_factory=set)

    def update(
        self, a: Attribution | None, carried: bool, para: int, i: int, s: SpacySpan, fig: bool
    ) -> None:
        if carried:
            self.para, self.last, self.idle = para, i, 0
            self.figures += fig
            self.words |= topic_words(s)
        elif a is not None and a.kind not in ("none", "unattributed"):
            named = a.label == "named_source" and a.kind in _CARRY_KINDS
            self.source = a if named else None
            self.para, self.last, self.idle, self.at = para, i, 0, i
            self.figures = int(fig)
            self.words = topic_words(s) if named else set()
        elif a is not None and (a.kind == "unattributed" or a.rule == "sourcing.headline"):
            # a subhead opens a new section: the pronouns after it are not the speaker's
            # (round 26: an obituary's 'Later years', then 'she' for its subject)
            self.source = None
        else:
            self.idle += 1
            if self.idle > 1:
                self.source = None

    def touch(self, para: int, i: int, s: SpacySpan) -> None:
        """A sentence that refers back to the source without claiming anything keeps it
        in force ('The research team, led by Dr. Solberg, fitted the pupils with ...')."""
        if self.source is not None:
            self.para, self.last, self.idle = para, i, -1  # the update that follows adds one
            self.words |= topic_words(s)

    def on_topic(self, s: SpacySpan) -> str | None:
        """A noun the sentence shares with the source's sentences ('unemployment rate' after
        'the unemployment rate fell'), matching 'employment' inside 'unemployment' too."""
        # sorted: a set's order follows the string hash, which differs between processes,
        # and the word found is written into the reason
        results = any(w in RESULTS for w in self.words)
        for w in sorted(topic_words(s)):
            if w in self.words or (results and w in RESULTS):
                return w  # round 26: 'revenue' after 'profit' is one results release
            if len(w) >= 6 and any(len(v) >= 6 and (w in v or v in w) for v in self.words):
                return w
        return None


class Carry:
    """Pass 2: sources that cover sentences with no attribution of their own."""

    lex: SourcingLexicon

    # -- pass 2 -------------------------------------------------------------------------
    def _speaker_of_quote(
        self,
        i: int,
        s: SpacySpan,
        sents: list[SpacySpan],
        paras: list[int],
        explicit: list[Attribution | None],
        quotes: list[tuple[int, int]],
    ) -> Attribution | None:
        """A sentence wholly inside a quotation speaks for whoever the quotation is
        attributed to: first the sentence that shares its quotation ('"... . ...," said X'),
        then the paragraph's other speakers, then the previous paragraph's (a quotation
        carried over a paragraph break)."""
        region = quote_region(s, quotes)
        same = [j for j in range(len(sents)) if paras[j] == paras[i] and j != i]
        order: list[int] = []
        if region is not None:
            order = [
                j
                for j in sorted(same, key=lambda j: (j < i, abs(j - i)))
                if sents[j].start_char < region[1] and region[0] < sents[j].end_char
            ]
        order += [j for j in range(i - 1, -1, -1) if paras[j] == paras[i]]
        order += [j for j in range(i + 1, len(paras)) if paras[j] == paras[i]]
        # round 19: a quotation left open at its paragraph's end runs on; its tag is where
        # it closes, ahead of whoever spoke before it opened (sourcing.quote.tagged_at_close)
        order += closing_run(i, sents, paras, quotes)
        # A quotation introduced at the end of the previous paragraph ('He said:') or a run
        # of quoted paragraphs: the nearest speaker of the paragraphs before, going back
        # past a paragraph only when all of it is quotation with no speaker of its own.
        # A transcript or a long statement runs on for many quoted paragraphs (round 9: the
        # walk stopped after three, flagging the rest of a speech as unsourced).
        first = min((j for j in range(len(paras)) if paras[j] == paras[i]), default=i)
        j = first - 1
        for _ in range(_QUOTE_RUN_PARAGRAPHS):
            if j < 0:
                break
            para = [k for k in range(j, -1, -1) if paras[k] == paras[j]]
            order += para
            # a subhead or caption set between quoted paragraphs ('Club statement') neither
            # speaks nor ends the run of quotes
            heading = all(
                explicit[k] is not None
                and explicit[k].rule == "sourcing.headline"
                and len(sents[k]) <= 4  # a caption, not a promo line ('CLICK HERE TO ...')
                for k in para
            )
            if not heading and not all(
                explicit[k] is None and any(qs <= sents[k].start_char < qe for qs, qe in quotes)
                for k in para
            ):
                break
            j = para[-1] - 1
        for j in order:
            a = explicit[j]
            if a is not None and j != i and _asker(a, sents[j]):
                continue  # the unnamed asker of the question before is not who answers it
            if a is not None and a.kind not in ("none", "agentless") and a.source is not None:
                # a spokesperson's quotation keeps the spokesperson's entry, so that its tier
                # is the spokesperson's (routine unless the words themselves are a query)
                spokes = a.rule in self.lex["representative_noun"].words.values()
                return Attribution(
                    a.label,
                    a.kind,
                    f"quotation continues: words of '{a.source.text}'",
                    a.rule if spokes else "sourcing.quote_speaker",
                    source=a.source,
                    cue=a.cue,
                    head=a.head,
                )
        return Attribution(
            "unattributed_claim",
            "unattributed",
            "quotation with no speaker named",
            "sourcing.quote_speaker",
        )

    def _reported_by_next(
        self,
        i: int,
        a: Attribution | None,
        sents: list[SpacySpan],
        explicit: list[Attribution | None],
        paras: list[int],
    ) -> Attribution | None:
        """'The singer reportedly paid $2 million. According to Variety, the deal ...': a
        lead passed on with 'reportedly' whose source the very next sentence opens with (in
        the same paragraph or the next) is that source's report, not hearsay. Round 9 (rule
        "sourcing.reported_nearby"): a report's 'according to' may close the next sentence
        ('The deal is worth 40 million dollars, according to a report in the Ledger.'), or
        the previous sentence of the paragraph may name the report ('The Ledger reported on
        Monday that ... . The singer reportedly ...')."""
        if a is None or a.kind != "agentless" or a.rule not in self._evidential_adverbs():
            return None
        rule, nxt = "sourcing.reported_by_next", None
        if i + 1 < len(sents) and paras[i + 1] <= paras[i] + 1:
            nxt = self._named_report(i + 1, sents, explicit, paras, paras[i])
            opening = nxt is not None and nxt.cue is not None
            if opening and nxt.cue.start - sents[i + 1].start_char > 2:
                rule = "sourcing.reported_nearby"  # a report's 'according to' closing it
                if nxt.kind != "document":
                    nxt = None  # a person's closing 'according to' speaks for that sentence
        if nxt is None:
            rule = "sourcing.reported_nearby"
            nxt = self._named_report(i - 1, sents, explicit, paras, paras[i], before=True)
        if nxt is None:
            return None
        name = nxt.source.text if nxt.source is not None else "the next sentence's source"
        return Attribution(
            "named_source",
            nxt.kind,
            f"'{a.cue.text if a.cue else 'reportedly'}' names its source a sentence away: '{name}'",
            rule,
            source=nxt.source,
            cue=a.cue,
            head=nxt.head,
        )

    def _named_report(
        self,
        j: int,
        sents: list[SpacySpan],
        explicit: list[Attribution | None],
        paras: list[int],
        para: int,
        before: bool = False,
    ) -> Attribution | None:
        """Sentence `j`'s named attribution when it names a report: 'according to X'
        anywhere in it (at its start only when it comes after), or, before, 'X reported'
        in the same paragraph."""
        if j < 0 or (before and paras[j] != para):
            return None
        a = explicit[j]
        if a is None or a.label != "named_source" or a.cue is None:
            return None
        if a.rule in self._prepositions() or a.cue.text.lower().startswith("according"):
            return a
        cue = sents[j].doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
        if before and cue is not None and cue[0].lemma_.lower() == "report":
            return a
        return None

    def _evidential_adverbs(self) -> set[str]:
        ws = self.lex["evidential_adverb"]
        return {*ws.words.values(), *(eid for _, _, eid in ws.phrases)}

    def _prepositions(self) -> set[str]:
        ws = self.lex["cue_preposition"]
        return {*ws.words.values(), *(eid for _, _, eid in ws.phrases)}

    def _carry(
        self,
        s: SpacySpan,
        mask: list[bool],
        check: Attribution | None,
        chain: _Chain,
        para: int,
        i: int,
    ) -> Attribution | None:
        """The named source in force covers a sentence with no attribution of its own when
        the sentence continues it: it refers back to it ('the survey', 'the bureau', 'it',
        'ICCS researchers', 'These figures'), or it states more figures or facts in the same
        paragraph, or (for an organisation or document, whose releases run over several
        paragraphs) figures in the very next paragraph. The reporter's own judgements,
        causes and accusations are not carried unless they refer back explicitly."""
        src = chain.source
        if src is None or para > chain.para + 1:
            return None
        name = src.source.text if src.source is not None else "the source"
        back = self._refers_back(s, mask, src, adjacent=chain.last == i - 1)
        if check is None:
            if back is not None:
                chain.touch(para, i, s)
            return None  # nothing claimed: a schedule or a plain step stays unlabelled
        if back is None and src.rule == "sourcing.own_public_act":
            return None  # an act of record covers its own sentence, not the figures after it
        if share_move(s):
            return None  # 'Dovecote's stock slid 8 percent': the market's record, not the source's
        if back is None and it_ranks(s):
            return None  # 'It is the wettest June on record': the desk's record, not theirs
        if back is not None:
            why = f"'{back}' refers back to it"
        elif check.rule not in self._figure_rules or self._framing(s, mask):
            return None
        elif check.rule in self._narrative_rules:
            # a trend or a dated event continues a source only on its topic and paragraph
            # ('Shares in Eastbridge rose after ...' is not more of a data feed's figures)
            if para != chain.para or (word := chain.on_topic(s)) is None:
                return None
            why = f"same topic: '{word}'"
        elif para == chain.para and src.kind == "document":
            why = "more of its figures"
        elif (word := chain.on_topic(s)) is not None and (
            para == chain.para or (src.kind in _CROSS_PARA_KINDS and chain.figures)
        ):
            why = f"same topic: '{word}'"
        elif src.kind in _CROSS_PARA_KINDS and chain.figures >= 2:
            # a release or study that has already given a run of figures goes on giving them
            why = "its run of figures goes on"
        else:
            return None
        return Attribution(
            "named_source",
            src.kind,
            f"continues '{name}' ({why})",
            "sourcing.carry",
            source=src.source,
            cue=None,
            head=src.head,
        )

    def _refers_back(
        self, s: SpacySpan, mask: list[bool], src: Attribution, adjacent: bool
    ) -> str | None:
        """The words by which the sentence points back to the source in force, if any."""
        lex = self.lex
        first = next((t for t in s if not t.is_punct and not t.is_space), None)
        if first is None:
            return None
        if first.lower_ in ("this", "these", "those", "such"):
            return first.text
        root = s.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not s.start <= subj.i < s.end or mask[subj.i - s.start]:
            return None
        if subj.pos_ == "PRON":
            if not adjacent:
                return None  # a pronoun two sentences on may mean anything in between
            word = subj.lower_
            person = src.kind == "person"
            if person and word in _HE_SHE and life_event(s):
                return None  # 'In 2012 she was investigated': the writer's record of a life
            if word == "it" and ranks_an_event(root):
                return None  # 'It was the club's worst season': the event, not the body
            if (word in _HE_SHE and person) or (word == "it" and not person) or word == "they":
                return subj.text
            return None
        np = _np(subj, s)
        # 'its' never points back to a person: 'Its head office ...' after the finance
        # director spoke is the company's, a new point (round 26)
        owners = {"their"} if src.kind == "person" else {"its", "their"}
        definite = any(
            c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE | owners for c in subj.children
        )
        # a document or a body is never a person: 'The company had been fined' after a
        # witness spoke is the writer's point, not the witness's (round 26)
        thing = src.kind != "person" and (
            lex["document_noun"].token(subj)
            or (lex["institution_noun"].token(subj) and subj.tag_ == "NN")
        )
        if definite and thing and not _same_body(subj, src):
            thing = False  # 'The government ...' after a guild spoke: another body
        if definite and (thing or (subj.tag_ == "NNS" and _people_noun(subj))):
            return np.text
        # "ICCS researchers", "BLS data": a name or abbreviation the source already used
        if src.source is not None and (
            lex["document_noun"].token(subj)
            or lex["institution_noun"].token(subj)
            or _people_noun(subj)
        ):
            src_words = set(re.findall(r"\w+", src.source.text))
            for t in np:
                if t.i != subj.i and t.pos_ == "PROPN" and t.text in src_words:
                    return np.text
        return None

    def _own_document(self, s: SpacySpan, mask: list[bool]) -> Attribution | None:
        """'The bank lowered its growth forecast to 0.8 percent': a named body reporting its
        own forecast, results or accounts is the source of the figure."""
        if self._figure(s) is None:
            return None
        root = s.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if (
            subj is None
            or not s.start <= subj.i < s.end
            or not (
                subj.pos_ == "PROPN"
                or subj.ent_type_ in ("ORG", "GPE")
                or self.lex["institution_noun"].token(subj)
            )
        ):
            return None
        for tok, q in zip(s, mask, strict=True):
            if q or tok.pos_ != "NOUN" or not self.lex["document_noun"].token(tok):
                continue
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is not None and poss.lower_ in ("its", "their", "his", "her"):
                np = _np(subj, s)
                return Attribution(
                    "named_source",
                    "document",
                    f"'{np.text}' reporting its own {tok.text}",
                    "sourcing.own_document",
                    source=_tok_span(np),
                    cue=_tok_span(tok),
                    head=tok,
                )
        return None


def _same_body(subj: Token, src: Attribution) -> bool:
    """Whether 'the <noun>' can be the body that spoke: any body noun after a name
    ('Brackwater Lines said ...' then 'The company ...') or after people ('researchers' then
    'The team'), but after a body named by a common noun only the same noun ('the island
    ferry operator' then 'The operator'; not 'The government' after 'the pilots' guild').
    A name in the owner ('the Alliance's youth council') does not name the body itself."""
    if src.source is None or src.kind == "document":
        return True
    phrase = subj.doc.char_span(src.source.start, src.source.end, alignment_mode="expand")
    if phrase is None:
        return True
    root = phrase.root
    owners = {t.i for c in root.children if c.dep_ == "poss" for t in c.subtree}
    if any(t.pos_ == "PROPN" and t.i not in owners for t in phrase) or _people_noun(root):
        return True
    lemma = subj.lemma_.lower()
    return any(t.lemma_.lower() == lemma for t in phrase)
