"""Speakers named by layout rather than by a verb: transcript and round-up labels
('ORTEGA: ...', 'Dana Lee, The Ledger: ...') and dash tags after a quotation
('"..." ― Maria Ruiz, tenant organiser')."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from annotate.nlp import doc_text
from annotate.sourcing.attribution import Attribution
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.syntax import _span, _tok_span

# A speaker label at the start of a line: one to four capitalised words in capitals
# ('ORTEGA:', 'MR. LEE:'), or two to four capitalised words, or a name and an outlet or
# role after a comma ('Dana Lee, The Ledger:'). The colon must be followed by speech.
_LABEL = re.compile(
    r"(?P<name>"
    r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}"
    r"|[A-Z][a-z'’.\-]+(?: (?:[A-Z][\w'’.\-]*|de|van|von|al|bin)){1,3}"
    r"(?:, (?:the )?[A-Z][\w&'’.\-]*(?: [\w&'’.\-]+){0,5})?"
    r"|[A-Z][a-z'’.\-]+, (?:the )?[A-Z][\w&'’.\-]*(?: [\w&'’.\-]+){0,5}"
    r"):[ \t]+(?=\S)"
)
_DASHES = "\u2015\u2014\u2013-"
_LINE_START = re.compile(r"(?:^|\n)[\"\u201c'\u2018 \t]*")
# what a verb of saying holds when its words come after the colon ('found that:')
_ANNOUNCED = frozenset(("that", "following", "this", "these", "so"))
# a label with a title names a person even alone: 'MR. HALE:', 'SEN. ORTIZ:'
_TITLED = re.compile(r"(?:MR|MS|MRS|DR|SEN|REP|GOV|GEN|JUDGE|PROF)\.? ", re.I)


class Tags:
    """Speakers given by a label or a dash rather than a verb of saying."""

    lex: SourcingLexicon
    _turns: tuple[str | None, bool] = (None, False)  # (the text, whether it has two turns)

    def _is_transcript(self, full: str) -> bool:
        """Two or more lines open with a speaker label: the text holds a transcript or a
        round-up (computed once per text)."""
        if self._turns[0] is not full:
            n = 0
            for line in _LINE_START.finditer(full):
                if _LABEL.match(full, line.end()):
                    n += 1
                    if n >= 2:
                        break
            self._turns = (full, n >= 2)
        return self._turns[1]

    def _speaker_label(self, s: SpacySpan, full: str) -> Attribution | None:
        """The sentence sits on a line that opens with a speaker label."""
        line_start = full.rfind("\n", 0, s.start_char) + 1
        # a transcript quoted whole: '"WALLACE: Let's start ...'
        while line_start < len(full) and full[line_start] in "\"\u201c'\u2018 \t":
            line_start += 1
        m = _LABEL.match(full, line_start, min(len(full), line_start + 90))
        if m is None:
            return None
        name = m.group("name")
        if not self._is_transcript(full) and not _TITLED.match(name):
            return None  # one 'ISLAMABAD:' line is a dateline; a transcript has turns
        first = name.split(",")[0].split()[0].lower().strip(".'’")
        if self.lex["label_furniture"].words.get(first) or self.lex["label_furniture"].words.get(
            name.lower()
        ):
            return None  # 'UPDATE:', 'Photo:', 'Editor's note:'
        doc = s.doc
        label_toks = doc.char_span(line_start, line_start + len(name), alignment_mode="expand")
        if label_toks is not None and any(
            t.ent_type_ in ("GPE", "DATE", "TIME", "LOC") for t in label_toks
        ):
            return None  # 'WASHINGTON:', 'Monday:': a dateline or a day, not a speaker
        src = _span(full, line_start, line_start + len(name))
        colon = _span(full, line_start + len(name), line_start + len(name) + 1)
        line_end = full.find("\n", m.end())
        if not full[m.end() : len(full) if line_end < 0 else line_end].strip():
            return Attribution(
                "none", "none", f"speaker label '{name}'", "sourcing.transcript_label"
            )
        return Attribution(
            "named_source",
            "person",
            f"transcript line of '{name}'",
            "sourcing.transcript_label",
            source=src,
            cue=colon,
        )

    def _dash_tag(self, s: SpacySpan, mask: list[bool], full: str) -> Attribution | None:
        """'"..." ― Maria Ruiz' in one sentence, or the tag standing as a sentence of its
        own after the quotation: a dash and a name with no verb."""
        toks = [t for t in s if not t.is_space]
        if not toks:
            return None
        at = None
        if toks[0].text in _DASHES or toks[0].text[:1] in _DASHES[:2]:
            at = 0
        elif any(mask):
            last_q = max(k for k, q in enumerate(mask) if q)
            rest = [t for t in list(s)[last_q + 1 :] if not t.is_space]
            if rest and rest[0].text in _DASHES:
                at = toks.index(rest[0])
        if at is None:
            return None
        tail = toks[at + 1 :]
        while tail and tail[-1].is_punct:
            tail.pop()
        if not tail or len(tail) > 12 or any(t.pos_ in ("VERB", "AUX") for t in tail):
            return None
        name = []
        for t in tail:
            if t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or (name and t.text in ".'’-"):
                name.append(t)
            else:
                break
        if len(name) < 1 or not any(
            t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN" for t in name
        ):
            return None
        src = _span(full, name[0].idx, name[-1].idx + len(name[-1].text))
        dash = toks[at]
        return Attribution(
            "named_source",
            "person",
            f"quotation signed with a dash: '{src.text}'",
            "sourcing.quote_dash_tag",
            source=src,
            cue=_span(full, dash.idx, dash.idx + len(dash.text)),
        )

    def _announce_intro(self, s: SpacySpan, mem, anonymous, i: int) -> Attribution | None:
        """'Researchers at the institute found that:', 'The survey showed the following:':
        a verb of saying or finding whose words come after the colon, on the next lines
        (round 28: with line breaks read as sentence starts the parser no longer hangs the
        next paragraph on 'that', so the cue is read here, by its own entry)."""
        root = s.root
        cue_id = self.lex["cue_verb"].token(root)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if cue_id is None or subj is None or root.pos_ != "VERB":
            return None
        held = [c for c in root.children if c.dep_ in ("dobj", "ccomp", "xcomp", "attr")]
        if any(c.lower_ not in _ANNOUNCED for c in held):
            return None  # 'The council listed three options:' names what follows itself
        return self._classify_source(subj, s, mem, anonymous, _tok_span(root), cue_id, i, root)

    def _quote_intro(self, s: SpacySpan, mem, anonymous, i: int) -> Attribution | None:
        """'Sanders made the following comment:', 'Caddell continued:': a line ending in a
        colon, before a quotation, whose subject is a name or a pronoun introduces the
        speaker of what follows, whatever the verb."""
        root = s.root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or root.pos_ not in ("VERB", "AUX"):
            return None
        if not (subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ in ("PERSON", "ORG")):
            return None
        nxt = doc_text(s.doc)[s.end_char : s.end_char + 8].lstrip()
        if nxt[:1] not in ('"', "\u201c", "'", "\u2018"):
            return None  # 'The council listed three options:' introduces a list
        a = self._classify_source(
            subj, s, mem, anonymous, _tok_span(root), "sourcing.quote_intro", i, root
        )
        if a is not None:
            a.rule = "sourcing.quote_intro"
        return a
