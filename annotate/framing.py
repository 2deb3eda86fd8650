"""Framing spans: lexicon hits matched on lemmas, checked against their context, plus
scare quotes. Every span says why it was flagged and, for lexicon hits, which entry."""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from annotate.framing_auto import (
    AUTO_MAX_SD,
    AUTO_PREFIX,
    AUTO_THRESHOLD,
    auto_loaded,
    vader_lexicon,
    vader_sha,
)
from annotate.framing_context import charged_offence, part_of_name, plain_phrase
from annotate.framing_culture import demote_culture
from annotate.framing_genre import demote_genre, literal_sense
from annotate.framing_questions import QUESTION_ID, rhetorical_questions
from annotate.framing_quotes import scare_quotes
from annotate.framing_said import demote_said
from annotate.framing_self import demote_first_person
from annotate.framing_things import drop_praise_of_things
from annotate.framing_tokens import GatedTokenMatcher
from annotate.framing_verbs import apply_context
from annotate.framing_voice import (
    demote_reactions,
    judged_by_other,
    labelled_by_other,
    reported_by_other,
)
from annotate.framing_works import demote_work_judgements
from annotate.lexicon import Lexicons, load_lexicon
from annotate.lexicon_entries import LexiconEntry, LexiconError
from annotate.models import FRAMING_CATEGORIES, FramingSpan
from annotate.nlp import doc_text
from annotate.quotes import inside

# Bumped when the rules in this module or framing_verbs/framing_context/framing_voice/
# framing_questions/framing_genre/framing_works/framing_culture/framing_self/framing_things
# change, so the fingerprint changes with them.
RULES_VERSION = "framing-rules-14.14"


# Possessives in a phrase stand for any owner: "drag their feet" also hits "drags its feet".
POSSESSIVES = ("their", "its", "his", "her", "our", "my", "your")


def _variants(slots: list[list[str]]) -> list[list[str]]:
    """Every word sequence a pattern stands for, given the forms allowed in each slot."""
    slots = [
        list(POSSESSIVES) if s == [w] and w in POSSESSIVES else s for s in slots for w in s[:1]
    ]
    return [list(v) for v in itertools.product(*slots)]


def _lemma_forms(words: list[str], lemmas: list[str]) -> list[list[str]]:
    """Per slot, the lemmas a token may carry: the word as written (patterns are written in
    lemma form), its lemma in the phrase ("feet" -> "foot"), and for the first word the
    capitalised form spaCy keeps for proper nouns ("Regime" at the start of a headline)."""
    out = []
    for i, (w, lemma) in enumerate(zip(words, lemmas, strict=True)):
        forms = list(dict.fromkeys([w, lemma]))
        if i == 0:
            forms += [f.capitalize() for f in forms if f.capitalize() not in forms]
        out.append(forms)
    return out


class FramingMatcher:
    """Find framing spans in a spaCy Doc.

    `extra_paths` are user lexicon files whose entries are added (or replace shipped
    entries with the same id); `disabled` ids are switched off. `open_vocabulary` switches on
    the VADER-based signal for emotive words outside the lexicon (off by default: on real
    copy it is far less precise than the lexicon; None reads NEWSPROV_FRAMING_AUTO=1).
    """

    def __init__(
        self,
        nlp: Language,
        extra_paths: Sequence[Path] = (),
        disabled: Iterable[str] = (),
        lexicons: Lexicons | None = None,
        open_vocabulary: bool | None = None,
    ) -> None:
        # `lexicons` (annotate.lexicon.load_lexicons) is the one loaded object the Annotator
        # shares with sourcing; without it the framing files are loaded here
        lexicon = lexicons.framing if lexicons is not None else load_lexicon(extra_paths, disabled)
        self._setup(nlp, lexicon.entries, lexicon.sha256, with_rules=True)
        if open_vocabulary is None:
            open_vocabulary = os.environ.get("NEWSPROV_FRAMING_AUTO", "") in ("1", "true", "yes")
        # Disabling "framing.loaded.auto" switches the open-vocabulary signal off; disabling
        # "framing.loaded.auto.<word>" silences one word.
        self._disabled = frozenset(lexicon.disabled)
        self._auto = open_vocabulary and AUTO_PREFIX not in self._disabled and bool(vader_lexicon())
        # The VADER file only shapes the flags when the signal is on: read and hash it then.
        vader = vader_sha() if self._auto else "-"
        auto = f"{AUTO_PREFIX}:{self._auto}:{vader}:{AUTO_THRESHOLD}:{AUTO_MAX_SD}"
        self._hash = hashlib.sha256(f"{self._hash}\n{auto}".encode()).hexdigest()

    @classmethod
    def from_entries(
        cls, nlp: Language, entries: Sequence[LexiconEntry], with_rules: bool = True
    ) -> FramingMatcher:
        """A matcher over exactly these entries (used by the lexicon check)."""
        self = cls.__new__(cls)
        h = hashlib.sha256("\n".join(sorted(e.id for e in entries)).encode()).hexdigest()
        self._setup(nlp, entries, h, with_rules=with_rules)
        self._disabled = frozenset()
        self._auto = False  # the lexicon check judges entries alone
        return self

    def _setup(
        self, nlp: Language, entries: Sequence[LexiconEntry], sha: str, with_rules: bool
    ) -> None:
        self.entries = {e.id: e for e in entries}
        self._with_rules = with_rules
        self._hash = hashlib.sha256(f"{RULES_VERSION}\n{sha}".encode()).hexdigest()
        # Word patterns go to hash-based PhraseMatchers (one on the written form, one on
        # lemmas); only `tokens` patterns need the slower token Matcher, run only on texts
        # holding the words each pattern needs (framing_tokens). With ~1,000 entries that
        # keeps the framing pass far cheaper than the spaCy pass itself.
        self.by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.matcher = GatedTokenMatcher(nlp.vocab)
        lemmas = _phrase_lemmas(nlp, self.entries.values())
        for e in self.entries.values():
            if e.tokens is not None:
                try:
                    self.matcher.add(e.id, list(e.tokens))
                except (ValueError, KeyError, TypeError) as exc:
                    raise LexiconError(f"{e.source} ({e.id}): bad tokens pattern: {exc}") from exc
                continue
            written, lemma_docs = [], []
            for p in e.patterns:
                words = [t.text.lower() for t in nlp.make_doc(p)]
                for variant in _variants([[w] for w in words]):
                    written.append(Doc(nlp.vocab, words=variant))
                if not e.exact:
                    forms = _lemma_forms(words, lemmas.get(p, words))
                    for variant in _variants(forms):
                        lemma_docs.append(Doc(nlp.vocab, words=variant, lemmas=variant))
            self.by_lower.add(e.id, written)
            if lemma_docs:
                self.by_lemma.add(e.id, lemma_docs)

    def fingerprint(self) -> str:
        return self._hash

    def find(self, doc: Doc, quotes: list[tuple[int, int]]) -> list[FramingSpan]:
        """Framing spans sorted by start; where hits overlap the longest one is kept."""
        spans = self.find_all(doc)
        for s in spans:
            s.in_quote = inside(s.start, s.end, quotes)
        if self._with_rules:
            for s in spans:
                _mark_reported(doc, s)
            if self._auto:
                spans += auto_loaded(doc, quotes, spans, self._disabled)
            spans += scare_quotes(doc, quotes, spans)
            if QUESTION_ID not in self._disabled:
                spans += rhetorical_questions(doc, quotes, spans)
        out = _merge_adjacent(doc, _drop_overlaps(spans))
        if self._with_rules:
            demote_genre(doc, out)  # "squandered a lead" in a match report: mild
            demote_reactions(doc, out)  # "Democrats were incensed by the offer": mild
            demote_said(doc, out)  # round 14: "Vale complained the pitch was a disgrace": mild
            demote_work_judgements(doc, out)  # round 24: "a stunning debut album": mild
            demote_culture(doc, out)  # round 25/27: "the chorus is bonkers" in a review: dropped
            demote_first_person(doc, out)  # round 28: "I am ruthless with my drafts": mild
            drop_praise_of_things(doc, out)  # round 29: "a breathtaking view": not framing
        return out

    def find_all(self, doc: Doc) -> list[FramingSpan]:
        """Every lexicon hit that passes its context rule, overlaps included."""
        out = []
        seen = set()
        # Empty matchers warn when called (a user file may hold only word patterns).
        matchers = (m for m in (self.by_lower, self.by_lemma, self.matcher) if len(m))
        hits = [h for m in matchers for h in m(doc)]
        for match_id, start, end in sorted(hits, key=lambda h: (h[1], h[2])):
            eid = doc.vocab.strings[match_id]
            e = self.entries[eid]
            if e.pos and end - start == 1 and doc[start].pos_ not in e.pos:
                continue
            if _excluded_by_neighbours(doc, start, end, e) or part_of_name(doc, start, end):
                continue
            if e.highlight:
                # The rest of the pattern is context ("splash" + "2 million pounds").
                end = min(end, start + e.highlight)
            span = apply_context(doc[start:end], e.context)
            if span is None or (eid, span.start, span.end) in seen:
                continue
            if charged_offence(span):
                continue  # "charged with extortion": the offence's name in law
            if literal_sense(span, eid) or plain_phrase(span, eid):
                continue  # "a virulent strain", "a blistering pace": the plain sense
            seen.add((eid, span.start, span.end))
            out.append(
                FramingSpan(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    category=e.category,
                    entry=eid,
                    reason=e.rationale,
                    tier=e.tier,
                )
            )
        return out


def _mark_reported(doc: Doc, span: FramingSpan) -> None:
    """Mark a lexicon hit `in_quote` when it is someone else's words put in reported speech
    ("rejected charges of negligence", "slammed the plan as reckless"): like a quotation,
    it is the speaker's framing, not the outlet's."""
    if span.in_quote or span.entry is None:
        return
    sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    if sp is not None and (reported_by_other(sp) or labelled_by_other(sp) or judged_by_other(sp)):
        span.in_quote = True
        span.reason = f"{span.reason} (In reported speech: the words of the person quoted.)"


def _phrase_lemmas(nlp: Language, entries: Iterable[LexiconEntry]) -> dict[str, list[str]]:
    """Lemmas of multi-word patterns read in context ("drag their feet" -> "foot"). Single
    words are written as lemmas already, and the tagger would only guess at a lone word."""
    phrases = sorted({p for e in entries if e.tokens is None and not e.exact for p in e.patterns})
    phrases = [p for p in phrases if len(nlp.make_doc(p)) > 1]
    out = {}
    # Lemmas come from the tagger and the lemmatizer; the parser and NER add nothing to them
    # and cost half of building the framing lexicon (every worker builds it at start).
    skip = [name for name in ("parser", "ner") if name in nlp.pipe_names]
    texts = (p.lower() for p in phrases)
    for p, doc in zip(phrases, nlp.pipe(texts, disable=skip), strict=True):
        out[p] = [t.lemma_.lower() for t in doc]
    return out


def _excluded_by_neighbours(doc: Doc, start: int, end: int, e: LexiconEntry) -> bool:
    """Ordinary usages told apart by the next or previous word ("tax regime"); since round
    20 also a verb that is the second half of a hyphenated compound ("choke-slammed his
    rival", "body-slammed"): a wrestling move, not a verb of saying."""
    if (
        start > 1
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].pos_ in ("NOUN", "PROPN", "VERB")  # not an adverb: 'well-' or 'much-'
        and doc[start].pos_ == "VERB"
    ):
        return True
    if e.unless_preceded_by and start > 0:
        prev = doc[start - 1]
        if prev.lemma_.lower() in e.unless_preceded_by or prev.lower_ in e.unless_preceded_by:
            return True
    if e.unless_followed_by and end < len(doc):
        nxt = doc[end]
        if nxt.lemma_.lower() in e.unless_followed_by or nxt.lower_ in e.unless_followed_by:
            return True
    return False


def _drop_overlaps(spans: list[FramingSpan]) -> list[FramingSpan]:
    """Keep the longest of overlapping spans (then the earliest); result sorted by start."""
    kept: list[FramingSpan] = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start, s.entry or "")):
        over = [k for k in kept if not (s.end <= k.start or k.end <= s.start)]
        if not over:
            kept.append(s)
        elif s.tier == "strong" and s.in_quote == over[0].in_quote:
            # "absolutely draconian": the intensifier's span swallows a strong word, and
            # the phrase is as strong as its strongest part.
            over[0].tier = "strong"
    return sorted(kept, key=lambda s: (s.start, s.end))


def _merge_adjacent(doc: Doc, spans: list[FramingSpan]) -> list[FramingSpan]:
    """Join a loaded modifier and the loaded word it modifies ("shameful" + "betrayal") into
    one phrase, so an editor sees "shameful betrayal" once; the first entry id stays and
    both reasons are kept."""
    text = doc_text(doc)
    out: list[FramingSpan] = []
    for s in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (prev.category == s.category or _intensifies(prev, s))
            and s.category in ("loaded_language", "labeling")
            and prev.in_quote == s.in_quote
            and prev.entry is not None
            and s.entry is not None
            and text[prev.end : s.start].strip() == ""
            and _modifies(doc, prev, s)
        ):
            # An intensified phrase ("outright lies") is the loaded word's flag: its entry and
            # category, with the intensifier's reason after it.
            head, other = (s, prev) if prev.category != s.category else (prev, s)
            reason = (
                head.reason
                if other.reason in head.reason
                else f"{head.reason} Also: {other.reason}"
            )
            out[-1] = FramingSpan(
                prev.start,
                s.end,
                text[prev.start : s.end],
                s.category,
                head.entry,
                reason,
                s.in_quote,
                "strong" if "strong" in (prev.tier, s.tier) else "mild",
            )
        else:
            out.append(s)
    return out


def _intensifies(first: FramingSpan, second: FramingSpan) -> bool:
    """An intensifier before a strong loaded word or label ("outright lies", "downright
    bizarre"): one phrase, as strong as the word it heightens. Before a mild word the pair
    stays apart: on SemEval-2023 train (even half) the intensifier was part of a marked span
    9 times in 12 next to a strong word, and the mild pairs hardly ever."""
    return first.category == "intensifier" and second.tier == "strong"


def _modifies(doc: Doc, first: FramingSpan, second: FramingSpan) -> bool:
    a = doc.char_span(first.start, first.end, alignment_mode="expand")
    b = doc.char_span(second.start, second.end, alignment_mode="expand")
    if a is None or b is None:
        return False
    return a[-1].dep_ in ("amod", "compound", "advmod") and a[-1].head.i in range(b.start, b.end)


def framing_density(spans: Iterable[FramingSpan], word_count: int) -> dict[str, dict]:
    """Per category: spans in the author's voice, spans inside quotes, and author spans
    per 1,000 words (quotes are the speaker's words, so they do not count against the outlet).
    Every category is present so articles compare row for row."""
    out = {c: {"author": 0, "quote": 0, "per_1000_words": 0.0} for c in FRAMING_CATEGORIES}
    for s in spans:
        row = out.setdefault(s.category, {"author": 0, "quote": 0, "per_1000_words": 0.0})
        row["quote" if s.in_quote else "author"] += 1
    for row in out.values():
        row["per_1000_words"] = (
            round(1000 * row["author"] / word_count, 2) if word_count > 0 else 0.0
        )
    return out
