"""Speech tags after a quotation, read from the tokens ('"Is this fair?" she asked.',
'"...," Stafford, a member of the crew, responded'): pass 1's fallback when the parser has
made the tag a sentence of its own or the speaker an object. Split from attribution.py in
round 8 (it had grown past 400 lines)."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from annotate.sourcing.attribution import Attribution, _Memory
from annotate.sourcing.lexicon import SourcingLexicon, lemma_of
from annotate.sourcing.syntax import _tok_span


class QuoteTags:
    """The speech tag after a closing quotation (mixed into SourcingClassifier)."""

    lex: SourcingLexicon

    def _quote_tag(
        self, s: SpacySpan, mask: list[bool], mem: _Memory, anonymous, i: int
    ) -> Attribution | None:
        """'"Is this fair?" she asked.', '"It's a disaster!" shouted the mayor.': the speech
        tag right after a closing quotation, read from the tokens when the parser has made
        the tag a sentence of its own or the speaker an object."""
        if not any(mask):
            return None
        toks = list(s)
        last_q = max(k for k, q in enumerate(mask) if q)
        tail = [t for t in toks[last_q + 1 :] if not t.is_space]
        while tail and tail[-1].is_punct:
            tail.pop()
        comma = next((k for k, t in enumerate(tail) if t.text in ",;:"), len(tail))
        late = next(
            (
                k
                for k, t in enumerate(tail[:21])
                if k > comma and t.pos_ == "VERB" and self.lex["cue_verb"].words.get(lemma_of(t))
            ),
            None,
        )
        if (
            0 < comma < len(tail)
            and late is not None
            and tail[late - 1].text == ","
            # 'the nominee, Ana Ortega, tweeted' (round 9: an article before the noun too)
            and (tail[0].pos_ in ("PROPN", "NOUN", "PRON") or tail[0].pos_ == "DET")
        ):
            # '"...," Stafford, a member of the crew, responded (at the meeting).': the
            # speaker before the apposition, the verb right after it
            verb = tail[late]
            eid = self.lex["cue_verb"].words[lemma_of(verb)]
            head = tail[comma - 1]
            return self._classify_source(head, s, mem, anonymous, _tok_span(verb), eid, i, verb)
        # the tag runs to the first comma: '"...," said Maria Lopez, a tenant.'
        tail = tail[:comma]
        if not tail or len(tail) > 8:
            return None
        verb_at = next(
            (k for k, t in enumerate(tail) if self.lex["cue_verb"].words.get(lemma_of(t))),
            None,
        )
        if verb_at is None:
            return None
        verb = tail[verb_at]
        words = tail[:verb_at] if verb_at > 0 else tail[1:]
        nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")]
        if not nouns:
            return None
        eid = self.lex["cue_verb"].words[lemma_of(verb)]
        return self._classify_source(nouns[-1], s, mem, anonymous, _tok_span(verb), eid, i, verb)

    def _quote_tag_act(
        self, s: SpacySpan, mask: list[bool], mem: _Memory, anonymous, i: int
    ) -> Attribution | None:
        """'"But we face a real threat," Ortega continued.', '"Let me help you out," the
        nominee riffed on the governor's answer.': a sentence that opens with a quotation and
        goes on with a subject and its verb names who spoke even when the verb is no verb of
        saying; the quotation is theirs (rule sourcing.quote_tag_act). The tag is short (at
        most six words), or the quotation ends in a comma, question or exclamation mark, as
        a speech tag's does, and the subject comes right after it. Only a name, a personal
        pronoun or a noun the source rules can type."""
        toks = list(s)
        first = next((k for k, t in enumerate(toks) if not t.is_space), None)
        if first is None or not mask[first]:
            return None
        # the words between the opening quotation and the next one (or the end): '"...,"
        # Ortega continued, "..."' has its tag between two parts of the quotation
        last_q = next((k - 1 for k in range(first, len(toks)) if not mask[k]), len(toks) - 1)
        stop = next((k for k in range(last_q + 1, len(toks)) if mask[k]), len(toks))
        tail = [t for t in toks[last_q + 1 : stop] if not t.is_punct and not t.is_space]
        verb = next((t for t in tail if t.pos_ == "VERB"), None)
        if len(tail) < 2 or verb is None:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj not in tail or subj.pos_ not in ("PROPN", "PRON", "NOUN"):
            return None
        if subj.pos_ == "PRON" and subj.lower_ not in ("he", "she", "they", "i", "we"):
            return None  # '"...," it added': an object or a dummy, not a speaker
        closing = toks[last_q - 1].text if last_q >= 1 else ""
        tag_punct = closing in (",", "?", "!", "\u2014", "-") and subj.left_edge.i == tail[0].i
        if len(tail) > 6 and not tag_punct:
            return None
        return self._classify_source(
            subj, s, mem, anonymous, _tok_span(verb), "sourcing.quote_tag_act", i, verb
        )

    def _split_tag(
        self, s: SpacySpan, mask: list[bool], mem: _Memory, anonymous, i: int, full: str
    ) -> Attribution | None:
        """'"All the way!" | Dawson shouted, waving a sign.': the splitter cut the speech tag
        off its quotation (after '!' or '?'), so the tag opens a sentence of its own in the
        same paragraph. Its subject and verb of saying name the speaker even where the verb
        would need a clause elsewhere (rule sourcing.quote_split_tag)."""
        before = full[: s.start_char]
        prev = before.rstrip(" \t")
        if not prev or prev[-1] not in "\"\u201d'\u2019" or "\n" in before[len(prev) :]:
            return None
        if len(prev) < 2 or prev[-2] not in "!?,":
            return None
        toks = [t for t in s if not t.is_space]
        verb = next((t for t in toks[:6] if t.pos_ == "VERB"), None)
        if verb is None or any(mask[t.i - s.start] for t in toks[: verb.i - s.start + 1]):
            return None
        eid = self.lex["cue_verb"].words.get(lemma_of(verb))
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if eid is None or subj is None or subj.left_edge.i != toks[0].i:
            return None
        a = self._classify_source(subj, s, mem, anonymous, _tok_span(verb), eid, i, verb)
        if a is not None:
            a.rule = "sourcing.quote_split_tag"
        return a
