"""Documents as sources: named when their owner is, vague when nobody can read them, and
remembered so that a later 'the report' resolves to the one the article named."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import Span
from annotate.sourcing.attribution import Attribution, _Memory
from annotate.sourcing.documents_shown import RULE as PRESENTED
from annotate.sourcing.documents_shown import agent_known, presented_by
from annotate.sourcing.lexicon import SourcingLexicon, WordSet
from annotate.sourcing.syntax import _attached_to, _np, _tok_span
from annotate.sourcing.words import _DEFINITE, _NAMED_ENTS, _TIME_ENTS, WordSetView

_DATA_NOUNS = WordSetView("data_nouns")
_OWN_ACT_VERBS = WordSetView("own_act_verbs")
_OWN_MATTERS = WordSetView("own_matters")
_MARKET_SERIES = WordSetView("market_series")
_MARKET_MOVERS = WordSetView("market_movers")
# prepositions that give a document's subject or sample, never its author
_TOPIC_PREPS = frozenset(("on", "about", "into", "among", "regarding", "concerning", "across"))
_EQUITY = frozenset(("share", "stock"))  # a company's own; the rest of the set is nobody's
# public-document verbs that put a paper on a court's or a parliament's record, which says
# whose it is in the story's context ('the lawsuit filed this week'); the others ('published',
# 'released', 'issued', 'posted') need the sentence to say by whom or where (round 25)
_RECORD_VERBS = frozenset(("file", "lodge", "submit", "table"))
# where a published paper can be found, even when the parse loses the title after them
# ('published in the journal Soil Futures', 'posted on the board's website')
_VENUES = frozenset(("journal", "website", "gazette", "register", "docket"))
# verbs of a trading session that are not changes of level ('closed at', 'ended the day')
_MARKET_SERIES_VERBS = frozenset(("close", "end", "finish", "open", "trade", "stand", "hover"))


class Documents:
    """Typing a document source and remembering the documents an article mentions."""

    lex: SourcingLexicon

    def _document(
        self,
        head: Token,
        np: SpacySpan,
        mem: _Memory,
        src: Span,
        cue: Span | None,
        cue_id: str,
        i: int = -1,
    ) -> Attribution:
        lex = self.lex
        doc_id = lex["document_noun"].token(head) or cue_id

        def made(label: str, kind: str, reason: str, source: Span = src) -> Attribution:
            # every outcome cites the same document noun, cue and head; only these differ.
            # 'the poll' resolved to the poll named before is listed as written too
            written = src if source is not src else None
            return Attribution(
                label, kind, reason, doc_id, source=source, cue=cue, head=head, written=written
            )

        vague = next(
            (
                t
                for t in np
                if t.i < head.i
                and lex["vague_document_modifier"].token(t)
                and not _in_title(t, head)
            ),
            None,
        ) or _modifier_in(head, lex["vague_document_modifier"])
        if vague is not None:
            return made("vague_document", "vague", f"attributed to unnamed '{src.text}'")
        owner = next(
            (
                t
                for t in np
                if t.i != head.i
                and not _when(t)
                and (
                    t.ent_type_ in _NAMED_ENTS
                    or t.pos_ == "PROPN"
                    or t.tag_ == "PRP$"
                    or (lex["institution_noun"].token(t) and t.dep_ in ("poss", "compound", "pobj"))
                )
                and not self._topic_of(t, head)
            ),
            None,
        )
        if owner is not None:
            return made("named_source", "document", f"attributed to a named document: '{src.text}'")
        if (by := presented_by(head, lex["institution_noun"])) is not None:
            # 'the ministry published figures that showed ...': theirs (round 29)
            # the source is who put it forward, so that 'The statement ...' later refers
            # back to them; the document is listed as written
            who = _tok_span(_np(by))
            why = f"attributed to '{who.text}', who put forward '{src.text}' ({PRESENTED})"
            return made("named_source", "document", why, source=who)
        public = _modifier_in(head, lex["public_document_verb"])
        if public is not None and _says_whose(public):
            return made(
                "named_source", "document", f"attributed to a public document: '{src.text}'"
            )
        if (who := self._described_after(head)) is not None:
            return made(
                "named_source",
                "document",
                f"attributed to a document the sentence identifies ('{who}')"
                " (sourcing.source.document_described)",
            )
        if any(c.lower_ in _DEFINITE for c in head.children if c.dep_ == "det"):
            prev = mem.document(head.lemma_.lower())
            if prev is None:
                # "the findings", "the data": the most recent named study or report, however
                # it was called ("a study published in ...", "its Annual Security Report")
                prev = mem.named_document()
            if prev is None and (last := mem.last(before=i)) is not None and last is mem.at(i - 1):
                # "researchers reported in The Lancet ... The study followed 12,000 children"
                prev = last
            if prev is None:
                # a named body the article cited: its findings ("The findings show ...")
                prev = mem.last(("institution", "named"), before=i)
            if prev is not None:
                return made(
                    prev.label,
                    prev.kind,
                    f"'{src.text}' refers back to '{prev.source.text if prev.source else head.text}'",
                    source=prev.source or src,
                )
            return made(
                "vague_document", "vague", f"'{src.text}': no such document was named before"
            )
        if (
            head.tag_ == "NNS"
            and head.lemma_.lower() in _DATA_NOUNS
            and not any(c.dep_ in ("det", "poss", "acl", "relcl") for c in head.children)
            and (prev := mem.named_document() or mem.last(("institution", "document"), i))
            is not None
        ):
            # "Regional figures showed ...": in a story reading out a named body's release, bare
            # 'figures' or 'data' are that release's (rule "sourcing.document.data_in_force");
            # 'figures obtained by this newspaper' say where they came from themselves
            return made(
                prev.label,
                prev.kind,
                f"'{src.text}': the figures of '{prev.source.text if prev.source else head.text}'",
                source=prev.source or src,
            )
        if public is not None:
            return made(
                "vague_document",
                "vague",
                f"attributed to unnamed '{src.text}': '{public.text}', but not by whom or"
                " where (sourcing.source.dated_document)",
            )
        return made("vague_document", "vague", f"attributed to unnamed '{src.text}'")

    def _market_series(self, a: Attribution | None) -> bool:
        """'The Corran All-Share index closed 0.4 percent lower' (rule
        "sourcing.document.market_series"): a market index is the subject of its own move,
        not a document that reports it; its level comes from a market data feed, so the
        sentence is unsourced market data (routine), not a named document's words."""
        head = a.head if a is not None else None
        if a is None or head is None or a.kind != "document" or a.cue is not None:
            return False
        if head.lemma_.lower() not in _MARKET_SERIES:
            return False
        verb = head.head
        return head.dep_ == "nsubj" and (
            self.lex["trend_verb"].token(verb) is not None
            or verb.lemma_.lower() in _MARKET_SERIES_VERBS
        )

    def _market_move(self, s: SpacySpan, carried: Attribution) -> bool:
        """'Shares in Hollins fell 6 percent' after 'The company said profit fell', 'the
        All-Share index closed lower', 'yields on ten-year bonds rose' (rule
        "sourcing.carry.market_move"): an index, a yield, a currency, or a company's own share
        price moving comes from the market feed, not from the source in force, so that source
        does not 'continue' into it. Shares are uncarried only when they are the carried
        source's own ('Shares in Hollins' after Hollins or 'the company')."""
        root = s.root
        if self.lex["trend_verb"].token(root) is None and root.lemma_.lower() not in (
            _MARKET_SERIES_VERBS
        ):
            return False
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return False
        lemma = subj.lemma_.lower()
        if lemma in _MARKET_SERIES or (lemma in _MARKET_MOVERS and lemma not in _EQUITY):
            return True  # an index, a yield or a currency: nobody's own figure
        if lemma not in _MARKET_MOVERS:
            return False
        owner = next(
            (
                g
                for c in subj.children
                if c.dep_ == "prep" and c.lower_ in ("in", "of")
                for g in c.children
                if g.dep_ == "pobj" and g.pos_ == "PROPN"
            ),
            None,
        ) or next((c for c in subj.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        src = carried.source
        if owner is None or src is None:
            return False
        head = src.text.split()[-1].lower() if src.text.split() else ""
        return owner.text in src.text or (
            src.text.lower().startswith("the ")
            and bool(self.lex["institution_noun"].words.get(head))
        )

    def _own_act(self, s: SpacySpan, mask: list[bool]) -> Attribution | None:
        """'Tarrow Shipping kept its dividend at 40 pence', 'the central bank held its main
        rate at 3 percent' (rule "sourcing.own_act"): a named body setting its own price,
        rate, dividend or forecast is the source of that figure, like 'Acme reported a loss'."""
        root = s.root
        if mask[root.i - s.start] or root.lemma_.lower() not in _OWN_ACT_VERBS:
            return None
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or not (
            subj.pos_ == "PROPN"
            or subj.ent_type_ in ("ORG", "GPE", "NORP")
            or self.lex["institution_noun"].token(subj)
        ):
            return None
        obj = next((c for c in root.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in _OWN_MATTERS:
            return None
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in obj.children):
            return None
        np = _np(subj, s)
        return Attribution(
            "named_source",
            "institution",
            f"'{np.text}' setting its own {obj.text}",
            "sourcing.own_act",
            source=_tok_span(np),
            cue=_tok_span(root),
        )

    def _remember_documents(
        self, s: SpacySpan, mask: list[bool], a: Attribution | None, mem: _Memory, i: int
    ) -> None:
        """Every document the sentence mentions, with whether it is named, so that a later
        'the report' can be resolved to the most recent report."""
        lex = self.lex
        for tok, q in zip(s, mask, strict=True):
            if q or tok.pos_ != "NOUN" or not lex["document_noun"].token(tok):
                continue
            if a is not None and a.head is not None and a.head.i == tok.i:
                mem.documents.append((i, tok.lemma_.lower(), a))
                continue
            np = _np(tok, s)
            d = self._document(tok, np, mem, _tok_span(np), _tok_span(tok), "sourcing.memory")
            # "X said in a statement": the statement is X's
            if (
                d.label == "vague_document"
                and a is not None
                and a.label == "named_source"
                and a.cue is not None
                and _attached_to(tok, a.cue)
            ):
                d = Attribution(
                    "named_source",
                    "document",
                    f"{a.reason} ('{np.text}')",
                    a.rule,
                    source=a.source,
                    cue=a.cue,
                    head=tok,
                )
            if d.label == "vague_document" and (owner := self._issued_by(tok, s)) is not None:
                d = Attribution(
                    "named_source",
                    "document",
                    f"'{np.text}' issued by '{owner.text}'",
                    "sourcing.document.issued_by",
                    source=_tok_span(owner),
                    cue=_tok_span(tok.head),
                    head=tok,
                )
            mem.documents.append((i, tok.lemma_.lower(), d))

    def _issued_by(self, tok: Token, s: SpacySpan) -> SpacySpan | None:
        """'Harrow Mills issued a statement', 'the council published a report' (rule
        "sourcing.document.issued_by"): the named subject that issued, published or posted
        the document owns it, so a later 'The statement said' is theirs."""
        verb = tok.head
        if tok.dep_ != "dobj" or not self.lex["public_document_verb"].token(verb):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or not (
            subj.ent_type_ in _NAMED_ENTS
            or subj.pos_ == "PROPN"
            or self.lex["institution_noun"].token(subj)
        ):
            return None
        return _np(subj, s)

    def _described_after(self, head: Token) -> str | None:
        """'The study, by hydrologists at Brenmoor University and published in Water
        Futures, tracked ...' (round 24, rule "sourcing.source.document_described"): a
        document set off with its author ('by' a named body or person) or with where it was
        published is identified by the sentence itself, even when 'the study' first pointed
        back to an unnamed one. Returns the words that identify it. The parse may hang the
        set-off phrase on the verb instead ('The review, by auditors from X, found ...')."""
        aside = [c for c in head.head.children if head.i < c.i < head.head.i]
        for c in [*head.rights, *(aside if head.dep_ == "nsubj" else ())]:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                named = next(
                    (t for t in c.subtree if t.ent_type_ in _NAMED_ENTS or t.pos_ == "PROPN"),
                    None,
                )
                if named is not None and not self._topic_of(named, head):
                    return f"{c.text} ... {named.text}"
            if (
                c.dep_ in ("acl", "conj")
                and self.lex["public_document_verb"].token(c)
                and _says_whose(c)
            ):
                return c.text
        return None

    def _topic_of(self, t: Token, head: Token) -> bool:
        """True when `t` sits in a phrase saying what the document is about or whom it asked,
        not who made it (rule "sourcing.document.topic_not_owner"): 'a poll of Harlow
        voters', 'a report on Acme's accounts', 'a survey among Valdorian farmers' name no
        author. An 'of' phrase still names the owner when its noun is itself a body or a
        document ('the report of the Senate committee', 'the findings of the Tallis review')."""
        lex = self.lex
        for anc in t.ancestors:
            if anc.i == head.i:
                return False
            if anc.dep_ not in ("prep", "agent"):
                continue
            word = anc.lower_
            if word in ("by", "from"):
                return False  # 'a report about X issued by the OECD': the agent is the owner
            if word in _TOPIC_PREPS:
                return True
            if word == "of":
                # only a plural of people or things sampled ('a poll of Harlow voters', 'a
                # survey of 1,500 tenants'); 'minutes of the panel's meeting' or 'an analysis
                # of her diary' keep the owner the phrase names
                obj = next((c for c in anc.children if c.dep_ == "pobj"), None)
                return (
                    obj is not None
                    and obj.tag_ in ("NNS", "NNPS")
                    and not (
                        obj.ent_type_ == "ORG"
                        or lex["institution_noun"].token(obj)
                        or lex["document_noun"].token(obj)
                    )
                )
        return False


def _modifier_in(head: Token, words: WordSet) -> Token | None:
    """The first adjective or clausal modifier of a document noun that is in `words`
    ("a classified review", "a report published by the ministry")."""
    return next((c for c in head.children if c.dep_ in ("acl", "amod") and words.token(c)), None)


def _when(t: Token) -> bool:
    """`t` is part of a date or time ('released in March', 'published on Monday', 'New
    Year's Eve', which the model tags an event): a capitalised word that says when, never
    whose (round 25)."""
    return t.ent_type_ in _TIME_ENTS or t.ent_type_ == "EVENT"


def _says_whose(verb: Token) -> bool:
    """A 'published' or 'released' document is one the reader can find only when the
    sentence says by whom or where ('released by the Harbour Board', 'published in Water
    Futures'); a date alone ('a report released on Monday', 'a survey published last month')
    leaves it anyone's (rule "sourcing.source.dated_document"). Papers filed or lodged are
    on a court's or a parliament's record (_RECORD_VERBS); a journal or a website is a
    place to look (_VENUES); a paper published with the decision or budget the story is
    about is that body's."""
    if verb.lemma_.lower() in _RECORD_VERBS:
        return True
    if any(t.dep_ == "pobj" and t.lemma_.lower() in _VENUES for t in verb.subtree):
        return True
    for prep in verb.children:
        # 'minutes published alongside the decision', 'tables released with the budget': tied
        # to a decision or paper the story has named, so it is that body's
        if prep.dep_ == "prep" and prep.lower_ in ("alongside", "with"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and any(
                c.dep_ == "poss" or c.lower_ in _DEFINITE for c in obj.children
            ):
                return True
    if any(agent_known(c) for c in verb.children if c.dep_ == "agent"):
        return True
    return any(
        (t.ent_type_ in _NAMED_ENTS or t.pos_ == "PROPN") and not _when(t)
        for t in verb.subtree
        if t.i != verb.i
    )


def _in_title(t: Token, head: Token) -> bool:
    """`t` is a word of the document's title, not a description of it: the head and every
    word from `t` to it are capitalised proper nouns ('the National Intelligence Estimate',
    'the Secret Service Annual Review'), where 'an intelligence report' or 'a secret memo'
    describes a paper nobody can read (rule sourcing.document.titled)."""
    if head.pos_ != "PROPN":
        return False
    words = t.doc[t.i : head.i + 1]
    return all(w.pos_ == "PROPN" and w.text[:1].isupper() for w in words)
