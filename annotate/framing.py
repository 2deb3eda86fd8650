"""Framing spans: lexicon hits matched on lemmas, checked against their context, plus
scare quotes. Every span says why it was flagged and, for lexicon hits, which entry."""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from annotate.lexicon import LexiconEntry, LexiconError, Lexicons, load_lexicon
from annotate.models import FRAMING_CATEGORIES, FramingSpan
from annotate.quotes import inside

# Bumped when the rules in this module change, so the fingerprint changes with them.
RULES_VERSION = "framing-rules-2"

# Objects that make "reveal/expose/unveil X" present X as an established fact even
# without a that-clause: "unveil Pakistan's deception", "exposed the extent of the abuse".
CLAIM_OBJECTS = frozenset(
    """truth extent scale deception lie lies failure failures hypocrisy cover-up coverup reality
    nature pattern scandal corruption plot agenda complicity role involvement motive
    intention intent deceit duplicity fraud sham myth falsehood weakness weaknesses flaw flaws
    incompetence negligence bias lie propaganda double standard standards face true fact
    fallacy folly hollowness emptiness rot crisis mismanagement abuse abuses wrongdoing
    cruelty brutality desperation fear fragility chaos disarray mess contempt disregard disdain
    indifference greed arrogance cowardice betrayal lack""".split()
)

# Document-like subjects: "documents reveal", "the audit exposed".
EVIDENCE_SUBJECTS = frozenset(
    """report document record file data investigation inquiry probe audit leak memo email
    evidence study analysis review assessment footage image paper intelligence dossier""".split()
)

# Verbs that treat their object as something hidden brought to light; with a document as
# subject they turn whatever is "revealed" into fact. "The study demonstrated a link" is not.
UNCOVERING_VERBS = frozenset("reveal expose unveil uncover unmask lay".split())

# Words that make a short quotation reported speech rather than a scare quote:
# "he called it a 'disgrace'" is the speaker's word, not the outlet's doubt.
SPEECH_LEMMAS = frozenset(
    """say tell call describe term dub brand label write tweet post quote add state announce
    declare warn chant shout title name headline read accord insist argue claim vow promise
    urge reply respond ask""".split()
)

_SENTENCE_END = set(".?!")

# A factive verb stops presenting its object as fact when it is negated ("it cannot prove
# that"), hedged by a modal ("may reveal") or only attempted ("failed to show that").
_MODALS = frozenset("can ca could may might must should would".split())
# Verbs of knowing keep their presupposition under negation: "ministers failed to realise
# that the plan would fail" still takes the failure as fact.
_PERSISTENT_FACTIVES = frozenset(
    """realise realize know regret forget ignore recognise recognize understand appreciate
    notice grasp""".split()
)
_NON_FACTIVE_HEADS = frozenset(
    """fail unable attempt try seek hope want aim struggle need able refuse decline""".split()
)

# -- open-vocabulary loaded language ------------------------------------------------------
# The lexicon cannot list every emotive word, so modifiers outside it are looked up in the
# VADER sentiment lexicon (Hutto & Gilbert 2014, MIT licence, shipped by the vaderSentiment
# package): ~7,500 words, each rated by ten people from -4 (extremely negative) to +4. A word
# is flagged when it is
# - an adjective or adverb: news reports events with nouns and verbs ("killed", "attack",
#   "crisis"), which carry valence without being the outlet's judgement. On the 28 tuned
#   gold articles, nouns and verbs rated 1.5 or more were 19 right flags against 203 wrong
#   ones (100 of them on neutral wire copy), adjectives and adverbs 6 against 22 before the
#   exclusions below; participles used as adjectives ("leaked", "failed") were 0 against 4;
# - rated at least AUTO_THRESHOLD either way, with raters agreeing (sd <= AUTO_MAX_SD);
# - not comparative or superlative ("richest", "weaker": measurements), not part of a name,
#   not inside a quotation (the speaker's word), not already a lexicon hit;
# - not plain description news has to use (PLAIN_WORDS: "fatal", "guilty", "severe"), nor
#   a reported state of mind ("residents were frustrated", "experts remain unconvinced").
AUTO_PREFIX = "framing.loaded.auto"
# 1.5: on the 28 tuned gold articles 1.3 and 1.5 flag the same words and 1.8 and up lose
# "embarrassing"; 1.5 keeps a margin from mild words such as "fair" (1.3), "secure" (1.4).
AUTO_THRESHOLD = 1.5
AUTO_MAX_SD = 1.3
AUTO_POS = frozenset({"ADJ", "ADV"})
_PREDICATIVE = frozenset({"acomp", "oprd", "ccomp", "xcomp", "ROOT", "conj"})
_COMPARATIVE_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
_NAME_ENTS = frozenset("PERSON ORG GPE LOC FAC NORP EVENT WORK_OF_ART LAW PRODUCT LANGUAGE".split())
PLAIN_WORDS = frozenset(
    """strong strongly weak weakly severe severely serious seriously broken fatal fatally
    guilty innocent free freely illegal illegally legal legally ready true truly false falsely
    successful successfully unsuccessful effective effectively ineffective powerful safe
    safely unsafe secure insecure fair fairly unfair responsible irresponsible meaningful
    dead deadly injured wounded killed ill sick missing lost poor rich wealthy good well
    better best bad badly worse worst healthy happy unhappy hopeful confident positive
    negative clear clearly important significant major popular criminal dangerous
    violent peaceful peacefully stable unstable calm ok okay certain sure able unable
    willing unwilling correct incorrect wrong right honest accurate inaccurate legitimate
    valid invalid favourable favorable unfavourable unfavorable easy difficult hard
    natural special useful useless helpful worried concerned angry upset afraid sad
    tired hurt damaged destroyed burned burnt burning injuring killing wounding sorry
    please pleased glad thankful grateful welcome like likely unlikely lucky unlucky
    friendly hostile tough toughest urgent urgently emergency critical critically
    protest protesting threatened threatening alarmed proud interested""".split()
)

STATE_OF_MIND = frozenset(
    """frustrated disappointed relieved anxious nervous excited surprised convinced
    unconvinced sceptical skeptical optimistic pessimistic doubtful hopeful determined""".split()
)

# British spellings VADER lists in American form ("demoralised" -> "demoralized").
_SPELLING = ((r"is(e|ed|es|ing|ation)$", r"iz\1"), (r"our(s|ed|ing|able)?$", r"or\1"))


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
    entries with the same id); `disabled` ids are switched off.
    """

    def __init__(
        self,
        nlp: Language,
        extra_paths: Sequence[Path] = (),
        disabled: Iterable[str] = (),
        lexicons: Lexicons | None = None,
    ) -> None:
        # `lexicons` (annotate.lexicon.load_lexicons) is the one loaded object the Annotator
        # shares with sourcing; without it the framing files are loaded here
        lexicon = lexicons.framing if lexicons is not None else load_lexicon(extra_paths, disabled)
        self._setup(nlp, lexicon.entries, lexicon.sha256, with_rules=True)
        # Disabling "framing.loaded.auto" switches the open-vocabulary signal off; disabling
        # "framing.loaded.auto.<word>" silences one word.
        self._disabled = frozenset(lexicon.disabled)
        self._auto = AUTO_PREFIX not in self._disabled and bool(vader_lexicon())
        auto = f"{AUTO_PREFIX}:{self._auto}:{_vader_sha()}:{AUTO_THRESHOLD}:{AUTO_MAX_SD}"
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
        # lemmas); only `tokens` patterns need the slower token Matcher. With ~1,000
        # entries that keeps the framing pass far cheaper than the spaCy pass itself.
        self.by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.matcher = Matcher(nlp.vocab)
        lemmas = _phrase_lemmas(nlp, self.entries.values())
        for e in self.entries.values():
            if e.tokens is not None:
                try:
                    self.matcher.add(e.id, [list(e.tokens)])
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
            if self._auto:
                spans += _auto_loaded(doc, quotes, spans, self._disabled)
            spans += _scare_quotes(doc, quotes)
        return _merge_adjacent(doc, _drop_overlaps(spans))

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
            if _excluded_by_neighbours(doc, start, end, e):
                continue
            if e.highlight:
                # The rest of the pattern is context ("splash" + "2 million pounds").
                end = min(end, start + e.highlight)
            span = _apply_context(doc[start:end], e.context)
            if span is None or (eid, span.start, span.end) in seen:
                continue
            seen.add((eid, span.start, span.end))
            out.append(
                FramingSpan(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    category=e.category,
                    entry=eid,
                    reason=e.rationale,
                )
            )
        return out


def _phrase_lemmas(nlp: Language, entries: Iterable[LexiconEntry]) -> dict[str, list[str]]:
    """Lemmas of multi-word patterns read in context ("drag their feet" -> "foot"). Single
    words are written as lemmas already, and the tagger would only guess at a lone word."""
    phrases = sorted({p for e in entries if e.tokens is None and not e.exact for p in e.patterns})
    phrases = [p for p in phrases if len(nlp.make_doc(p)) > 1]
    out = {}
    for p, doc in zip(phrases, nlp.pipe(p.lower() for p in phrases), strict=True):
        out[p] = [t.lemma_.lower() for t in doc]
    return out


def _excluded_by_neighbours(doc: Doc, start: int, end: int, e: LexiconEntry) -> bool:
    """Ordinary usages told apart by the next or previous word ("tax regime")."""
    if e.unless_preceded_by and start > 0:
        prev = doc[start - 1]
        if prev.lemma_.lower() in e.unless_preceded_by or prev.lower_ in e.unless_preceded_by:
            return True
    if e.unless_followed_by and end < len(doc):
        nxt = doc[end]
        if nxt.lemma_.lower() in e.unless_followed_by or nxt.lower_ in e.unless_followed_by:
            return True
    return False


def _head_verb(span: Span) -> Token:
    for t in span:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return span.root


def _has_clause(verb: Token) -> bool:
    """The verb introduces a clause: "reveal that ...", "showed how ...", "claimed X was Y"."""
    doc = verb.doc
    if verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ in (
        "that",
        "how",
        "why",
        "whether",
        "what",
    ):
        return True
    for child in verb.children:
        if child.dep_ == "ccomp":
            return True
        # "proved difficult" is an adjective complement, not a claim; "proved to be" is.
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            return True
    # Reporting verb placed after the claim: "X was wrong, he claimed."
    return verb.dep_ == "parataxis" or any(c.dep_ == "parataxis" for c in verb.children)


def _apply_context(span: Span, context: str | None) -> Span | None:
    """The span to report, or None when the context says this is not framing."""
    if context is None:
        return span
    if context == "modifier":
        return _extend_to_head(span)
    if context == "stance":
        head = span[-1].head
        manner = head.i < span.start and head.pos_ != "AUX"  # "spoke clearly", "yours truly"
        return None if manner or head.i == span[-1].i else _extend_to_head(span)
    verb = _head_verb(span)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if _negated_or_hedged(verb) and verb.lemma_.lower() not in _PERSISTENT_FACTIVES:
        return None
    if context == "reporting":
        return span if _has_clause(verb) else None
    if context == "claim":
        if verb.dep_ == "amod" or verb.tag_ == "VBN" and verb.dep_ == "acl":
            return None  # "the revealed kit": not introducing anything
        if _has_clause(verb):
            return span
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass", "attr", "pobj") and _is_claim_object(child):
                return span
            # "Reports reveal heavy casualties": a document as the subject of a factive verb
            # turns whatever it "reveals" into established fact.
            if (
                child.dep_ == "nsubj"
                and child.lemma_.lower() in EVIDENCE_SUBJECTS
                and verb.lemma_.lower() in UNCOVERING_VERBS
            ):
                return span
        return None
    return span


def _negated_or_hedged(verb: Token) -> bool:
    """ "cannot prove", "did not reveal", "never showed", "may expose", "failed to prove":
    the claim is not presented as established, so the verb is not a presupposition."""
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "not", "n't"):
            return True
        if child.dep_ == "aux" and child.lower_ in _MODALS:
            return True
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and head is not verb:
        if head.lemma_.lower() in _NON_FACTIVE_HEADS:
            return True
        if head.dep_ == "acomp" and head.lemma_.lower() in _NON_FACTIVE_HEADS:
            return True
    # "unable to prove": the verb hangs off an adjective
    return verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lower_ in _NON_FACTIVE_HEADS


def _is_claim_object(token: Token) -> bool:
    if token.lemma_.lower() in CLAIM_OBJECTS or token.lower_ in CLAIM_OBJECTS:
        return True
    # "the extent of X", "the true scale": look at the noun and its own modifiers.
    return any(c.lemma_.lower() in CLAIM_OBJECTS for c in token.children if c.dep_ != "prep")


def _extend_to_head(span: Span) -> Span:
    """Intensifiers are read with what they intensify: "grossly understated" is one span."""
    last = span[-1]
    head = last.head
    doc = span.doc
    if (
        head.i == span.end
        and head.pos_ in ("ADJ", "VERB", "ADV", "AUX")
        and last.dep_
        in (
            "advmod",
            "amod",
            "npadvmod",
        )
    ):
        return doc[span.start : head.i + 1]
    return span


@lru_cache(maxsize=1)
def _vader_raw() -> bytes:
    try:
        return resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return b""


@lru_cache(maxsize=1)
def _vader_sha() -> str:
    return hashlib.sha256(_vader_raw()).hexdigest()[:16]


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, tuple[float, float]]:
    """word -> (mean valence, standard deviation of the ten ratings); empty when the
    vaderSentiment package is missing (the signal is then off, the lexicon still works)."""
    out = {}
    for line in _vader_raw().decode("utf-8", "replace").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[0].isalpha():  # emoticons and the like
            continue
        try:
            out[parts[0].lower()] = (float(parts[1]), float(parts[2]))
        except ValueError:
            continue
    return out


def _valence(token: Token) -> tuple[str, float, float] | None:
    """(the form found, mean, sd) for the token's written form, lemma or US spelling."""
    lex = vader_lexicon()
    forms = [token.lower_, token.lemma_.lower()]
    for pattern, repl in _SPELLING:
        forms += [re.sub(pattern, repl, f) for f in forms[:2]]
    for f in forms:
        if f in lex:
            return f, *lex[f]
    return None


def _auto_candidate(token: Token) -> bool:
    if token.pos_ not in AUTO_POS or token.tag_ in _COMPARATIVE_TAGS:
        return False
    if token.ent_type_ in _NAME_ENTS:
        return False
    low, lemma = token.lower_, token.lemma_.lower()
    if {low, lemma} & PLAIN_WORDS or {low, lemma} & STATE_OF_MIND:
        return False
    # A predicative participle ("left staff frightened", "residents were stunned") reports
    # how people feel, not the outlet's judgement of the thing; "a frightening night" stays.
    return not (low.endswith("ed") and token.dep_ in _PREDICATIVE)


def _auto_loaded(
    doc: Doc, quotes: list[tuple[int, int]], found: list[FramingSpan], disabled: frozenset[str]
) -> list[FramingSpan]:
    """Strongly emotive modifiers the lexicon does not list, in the outlet's own voice."""
    taken = [(s.start, s.end) for s in found]
    out = []
    for t in doc:
        if not _auto_candidate(t):
            continue
        hit = _valence(t)
        if hit is None:
            continue
        form, mean, sd = hit
        if abs(mean) < AUTO_THRESHOLD or sd > AUTO_MAX_SD:
            continue
        start, end = t.idx, t.idx + len(t.text)
        if inside(start, end, quotes) or any(a < end and start < b for a, b in taken):
            continue
        eid = f"{AUTO_PREFIX}.{t.lemma_.lower()}"
        if eid in disabled:
            continue
        span = _extend_to_head(doc[t.i : t.i + 1]) if t.pos_ == "ADV" else doc[t.i : t.i + 1]
        tone = "negative" if mean < 0 else "positive"
        out.append(
            FramingSpan(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                category="loaded_language",
                entry=eid,
                reason=(
                    f"Emotive word not in the framing lexicon: '{form}' is rated {mean:+.1f} "
                    f"({tone}) on the VADER lexicon's -4 to +4 scale by human raters, and it "
                    "is in the outlet's own voice, so it tells the reader how to feel. If it "
                    f"is plain description here, disable {eid}."
                ),
                in_quote=False,
            )
        )
    return out


def _scare_quotes(doc: Doc, quotes: list[tuple[int, int]]) -> list[FramingSpan]:
    """Quotation marks around a word or short phrase nobody is quoted as saying."""
    out = []
    text = doc.text
    for qs, qe in sorted({*quotes, *_single_quoted(text)}):
        inner = text[qs + 1 : qe - 1].strip()
        words = inner.split()
        if not 1 <= len(words) <= 3 or any(c in _SENTENCE_END for c in inner[-1:]):
            continue
        if any(ch.isdigit() for ch in inner):
            continue
        # Title-case words in quotes are names of things (films, operations, slogans).
        if all(w[:1].isupper() for w in words):
            continue
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None or _is_reported_speech(doc, span):
            continue
        out.append(
            FramingSpan(
                start=qs,
                end=qe,
                text=text[qs:qe],
                category="doubt",
                entry=None,
                reason=(
                    "Scare quotes: the outlet puts this word in quotation marks without "
                    "quoting anyone, which signals that it doubts or mocks the term."
                ),
                in_quote=False,
            )
        )
    return out


# British copy puts scare quotes in single marks: the 'reforms'. An opening mark follows a
# space or bracket and a closing one is not followed by a letter, so the apostrophes in
# "Pakistan's" and "soldiers' lives" are not taken for quotation marks.
_SINGLE_QUOTED = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[]))(?:'([^'\n]{1,40}?)'|\u2018([^\u2019\n]{1,40}?)\u2019)(?![\w])"
)


def _single_quoted(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SINGLE_QUOTED.finditer(text):
        inner = m.group(1) or m.group(2) or ""
        if len(inner) >= 3 and inner[:1].isalpha() and inner[-1:].isalpha():
            out.append((m.start(), m.end()))
    return out


def _is_reported_speech(doc: Doc, span: Span) -> bool:
    sent = span.sent
    # Any speech verb earlier in the sentence: 'said it had ... and that lists were "starting
    # to stabilise"' quotes the ministry, however far the verb is from the quote.
    before = doc[sent.start : span.start]
    after = doc[span.end : min(sent.end, span.end + 3)]
    for t in (*before, *after):
        if t.lower_ == "called" and t.i >= 2 and doc[t.i - 2].lower_ == "so":
            continue  # 'so-called "plan"' doubles the doubt; it quotes nobody
        if t.lemma_.lower() in SPEECH_LEMMAS or t.lower_ in SPEECH_LEMMAS:
            return True
    # A quoted word used as a name: 'the word "jihad"', 'known as "the wall"'.
    return bool(before) and before[-1].lower_ in ("as", "word", "term", "phrase", "slogan")


def _drop_overlaps(spans: list[FramingSpan]) -> list[FramingSpan]:
    """Keep the longest of overlapping spans (then the earliest); result sorted by start."""
    kept: list[FramingSpan] = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start, s.entry or "")):
        if all(s.end <= k.start or k.end <= s.start for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: (s.start, s.end))


def _merge_adjacent(doc: Doc, spans: list[FramingSpan]) -> list[FramingSpan]:
    """Join a loaded modifier and the loaded word it modifies ("shameful" + "betrayal") into
    one phrase, so an editor sees "shameful betrayal" once; the first entry id stays and
    both reasons are kept."""
    text = doc.text
    out: list[FramingSpan] = []
    for s in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.category == s.category
            and s.category in ("loaded_language", "labeling")
            and prev.in_quote == s.in_quote
            and prev.entry is not None
            and s.entry is not None
            and text[prev.end : s.start].strip() == ""
            and _modifies(doc, prev, s)
        ):
            reason = prev.reason if s.reason in prev.reason else f"{prev.reason} Also: {s.reason}"
            out[-1] = FramingSpan(
                prev.start,
                s.end,
                text[prev.start : s.end],
                s.category,
                prev.entry,
                reason,
                s.in_quote,
            )
        else:
            out.append(s)
    return out


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
