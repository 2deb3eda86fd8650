"""Pass 1 helpers for attribution a line away (round 13, issue 9): a line that names the
speaker of the quotation printed after it. The quotation's sentences then follow that speaker
through `_speaker_of_quote` (carry.py); rule entries in sourcing_carry.toml.

- `sourcing.carry.inverted_intro`: 'Said Councillor Reyes:' on a line of its own.
- `sourcing.carry.statement_issued`: 'The council issued a statement apologising ...' just
  before a quoted paragraph.
- `sourcing.carry.roundup_label`: a round-up item, 'HEADLINE - Dana Lee and Omar Vale: "...'."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from annotate.models import Span
from annotate.nlp import doc_text
from annotate.sourcing.attribution import Attribution
from annotate.sourcing.syntax import _tok_span

# 'Said Councillor Reyes:', 'Stated Vale:' (an inverted speech tag on a line of its own)
_INVERTED_CUES = frozenset(("said", "stated", "added", "wrote", "continued", "explained"))
# 'issued a statement', 'released an apology' before a quoted paragraph
_ISSUE_VERBS = frozenset(("issue", "release", "publish", "send", "post"))
_ISSUED_NOUNS = frozenset(("statement", "apology", "response", "message", "letter", "comment"))
_QUOTE_OPEN = ('"', "\u201c", "'", "\u2018")
RULE_INVERTED = "sourcing.carry.inverted_intro"
RULE_ISSUED = "sourcing.carry.statement_issued"
RULE_ROUNDUP = "sourcing.carry.roundup_label"
# a round-up item: 'HEADLINE IN CAPITALS - Dana Lee and Omar Vale: "The quoted text ...'
_ROUNDUP = re.compile(
    r"\s[-\u2013\u2014]\s?(?:More from\s+)?"
    r"(?P<name>[A-Z][\w.'\u2019-]+(?:,?\s+(?:and\s+)?[A-Z][\w.'\u2019-]+){0,5}):"
    r"\s*[\"\u201c]"
)


def _quote_follows(s: SpacySpan) -> bool:
    """The next paragraph opens with a quotation mark."""
    text = doc_text(s.doc)
    after = text[s.end_char : s.end_char + 12]
    return "\n" in after and after.lstrip()[:1] in _QUOTE_OPEN


class CarryIntro:
    """Pass 1 mixin: the speaker of a quotation named on the line before it."""

    def _inverted_intro(self, s: SpacySpan, mem, anonymous, i: int) -> Attribution | None:
        """'Said Councillor Reyes:' on a line of its own before a quotation: the speaker of
        the quoted paragraphs that follow (rule sourcing.carry.inverted_intro)."""
        toks = [t for t in s if not t.is_punct]
        if len(toks) < 2 or len(toks) > 8 or toks[0].lower_ not in _INVERTED_CUES:
            return None
        if not _quote_follows(s):
            return None
        names = [t for t in toks[1:] if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")]
        if not names:
            return None
        a = self._classify_source(
            names[-1], s, mem, anonymous, _tok_span(toks[0]), RULE_INVERTED, i, toks[0]
        )
        if a is None or a.label != "named_source":
            return None
        # the speaker is the words after the verb ('Stated Reyes:' names 'Reyes')
        a.source = _tok_span(s.doc[toks[1].i : names[-1].i + 1])
        a.rule = RULE_INVERTED
        a.reason = f"introduces the quotation that follows: '{a.source.text}'"
        return a

    def _roundup_label(self, s: SpacySpan) -> Attribution | None:
        """'POLLS NOT WRONG, JUST EARLY - Dana Lee and Omar Vale: "Although ...': a round-up
        item names who wrote the quotation after a dash and before a colon (rule
        sourcing.carry.roundup_label); the quotation's later sentences follow it."""
        m = _ROUNDUP.search(s.text)
        if m is None:
            return None
        start = s.start_char + m.start("name")
        span = s.doc.char_span(start, start + len(m.group("name")), alignment_mode="expand")
        if span is None or not all(
            t.pos_ == "PROPN" or t.lower_ == "and" or t.is_punct for t in span
        ):
            return None
        if any(t.ent_type_ in ("GPE", "DATE", "TIME", "LOC") for t in span):
            return None  # '- Monday:', '- Ohio:': a date or a place, not a writer
        colon = start + len(m.group("name"))
        return Attribution(
            "named_source",
            "person",
            f"round-up item quoting '{span.text}'",
            RULE_ROUNDUP,
            source=_tok_span(span),
            cue=Span(colon, colon + 1, ":"),
        )

    def _statement_issued(self, s: SpacySpan, mem, anonymous, i: int) -> Attribution | None:
        """'The council issued a statement apologising to residents.' with the statement
        quoted in the next paragraph: the quotation is the council's (rule
        sourcing.carry.statement_issued). Without a quotation after it, the sentence reports an
        act and nothing is carried."""
        root = s.root
        if root.lemma_.lower() not in _ISSUE_VERBS or root.pos_ != "VERB":
            return None
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in _ISSUED_NOUNS for c in root.children):
            return None
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or not _quote_follows(s):
            return None
        a = self._classify_source(subj, s, mem, anonymous, _tok_span(root), RULE_ISSUED, i, root)
        if a is None or a.label != "named_source":
            return None
        a.rule = RULE_ISSUED
        a.reason = f"'{a.source.text if a.source else subj.text}' issued the statement quoted next"
        return a
