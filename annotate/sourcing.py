"""Sourcing labels per sentence: who stands behind each assertion, and which ones nobody does.

Two passes over an article's sentences:

1. Explicit attribution, read from the dependency parse: the subject of a reporting verb
   ("..., the ministry said"), the passive agent ("was disclosed by X"), the object of
   "according to", evidentials with no agent ("it is understood", "is said to",
   "reportedly"). The source phrase is then typed by its head noun and entities: a named
   person or organisation, an institution speaking as itself, a document (named when its
   owner is), unnamed informants, vague groups. Pronouns and "the report" are resolved to
   the sources and documents met earlier in the article.
2. What is left: sentences inside a quotation take their speaker from the tag attached
   to that quotation ('"...," said X'), else from the paragraph; a named document owner
   reporting its own figures is their source; then the *named source in force* (below)
   covers sentences that continue it; any other sentence is flagged `unattributed_claim`
   when its structure makes it check-worthy (a figure, a superlative, a causal or accusing
   or evaluative claim, a trend: a change-of-state verb anchored in time, degree or cause,
   or one that has happened; a specific past event: a past-tense action dated to a year,
   month, season or 'last ...', or done 'quietly'/'secretly') and left alone otherwise
   (present-tense schedules, states, forecasts, and calls to act: 'X must ...').

Carry-over. The most recent named source (person, institution or document) stays in force
for the following sentences that continue it: a sentence that refers back to it ('the
survey', 'the bureau', 'the authors', 'These figures', 'it' right after, 'ICCS researchers'
after '... (ICCS)'), a figure on the same topic (a shared noun) in the same paragraph, or,
for an organisation or document, in the next paragraph; a release that has already given a
run of figures goes on giving them (a trend or dated event continues it only on its topic
in the same paragraph). It ends at another attribution (a named one takes
over), at the outlet's own unsourced claim or at any cause, accusation or judgement in the
outlet's voice, at a gap of more than one paragraph, or after two sentences in a row that
neither continue it nor claim anything. A sentence that claims nothing is never labelled by
carry-over (schedules stay none) but a back-reference keeps the source in force.

Unnamed people tied to a named body. A bare plural such as 'Valdorian officials denied' or
'officials of the ministry said' is that government's or body's collective position, so it is
named (kind institution); any sign of individuals ('two officials', 'senior officials',
'officials familiar with the matter', an anonymity marker) keeps them anonymous.

Numbers that are not figures: 'one' as an article ('one of the people', 'one gang'), ages
(', 58,', 'who was nine at the time'),
phone numbers and reference codes, clock times, and sport results: a scoreline ('a 4-0
defeat') or 'scored twice' is the public outcome of an event, reported like a fixture, so
it needs no source (season statistics such as 'scored 31 goals last season' still do).

Word lists live in annotate/lexicons/sourcing*.toml; every decision records the entry id.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from annotate.models import SentenceFlag, Span
from annotate.quotes import inside

LEXICON_PACKAGE = "annotate.lexicons"
VERSION = "sourcing-2"

_NAMED_ENTS = frozenset("PERSON ORG GPE NORP FAC LAW EVENT WORK_OF_ART PRODUCT LOC".split())
_FIGURE_ENTS = frozenset(("CARDINAL", "MONEY", "PERCENT", "QUANTITY"))
_TIME_ENTS = frozenset(("DATE", "TIME", "ORDINAL"))
_DEFINITE = frozenset(("the", "this", "that", "these", "those"))
_QUANTIFIERS = frozenset(("many", "some", "most", "several", "few", "numerous", "other"))
_RELATIVE = frozenset(("WDT", "WP"))
_WORD_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozen".split()
)
_HE_SHE = frozenset(("he", "she", "him", "her"))
_TERMINAL = frozenset('.!?"\u201d\u2019\u2026')
_COMPARATIVE_EXCLUDE = frozenset(
    (
        "more",
        "less",
        "fewer",
        "earlier",
        "later",
        "further",
        "farther",
        "older",
        "younger",
        "longer",
        "rather",
        "sooner",
        "lower",
        "higher",
        "other",
    )
)


_CLAIM_KINDS = (
    ("causal", "causal claim"),
    ("accusation", "accusation"),
    ("harm", "deaths, attacks or losses"),
    ("evaluative", "evaluative claim"),
    ("borrowed_evaluative", "evaluative claim"),
)
# the outlet's own causes, accusations and judgements: never carried over from a source
_FRAMING_KINDS = tuple(k for k in _CLAIM_KINDS if k[0] != "harm")
# named sources that can cover the following sentences, and those whose releases (figures
# from an organisation or document) run on into the next paragraph
_CARRY_KINDS = frozenset(("person", "institution", "named", "document", "record"))
_CROSS_PARA_KINDS = frozenset(("institution", "named", "document", "record"))


class SourcingLexiconError(ValueError):
    """A sourcing lexicon file cannot be used (bad TOML, missing id, unknown kind)."""


KINDS = (
    "cue_verb",
    "cue_preposition",
    "public_record_verb",
    "negating_verb",
    "informant_noun",
    "group_noun",
    "institution_noun",
    "document_noun",
    "vague_document_modifier",
    "public_document_verb",
    "anonymity_marker",
    "evidential_passive",
    "evidential_adverb",
    "no_comment",
    "figure_word",
    "quantity_verb",
    "superlative_exclude",
    "result_verb",
    "trend_verb",
    "stative_verb",
    "causal",
    "accusation",
    "harm",
    "evaluative",
    "borrowed_exclude",
    "borrowed_evaluative",
)


@dataclass
class WordSet:
    """One kind's words: single lemmas matched per token, phrases matched in the text."""

    words: dict[str, str] = field(default_factory=dict)  # lemma -> entry id
    phrases: list[tuple[re.Pattern[str], str, str]] = field(default_factory=list)
    _combined: re.Pattern[str] | None = field(default=None, repr=False)
    _combined_n: int = field(default=0, repr=False)
    _by_text: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)

    def add(self, item: str, entry_id: str) -> None:
        item = item.lower().strip()
        if " " in item or "-" in item:
            pat = re.compile(r"\b" + re.escape(item).replace(r"\ ", r"\s+") + r"\b")
            self.phrases.append((pat, item, entry_id))
        else:
            self.words.setdefault(item, entry_id)

    def token(self, tok: Token) -> str | None:
        """Entry id when the token's lemma or form is in the set."""
        return self.words.get(tok.lemma_.lower()) or self.words.get(tok.lower_)

    def phrase(self, text: str) -> tuple[int, int, str, str] | None:
        """First phrase found in `text` (lower case): (start, end, phrase, entry id).

        One alternation scans the text once, however many phrases there are (the borrowed
        framing phrases run to thousands); at a tie the earlier-added phrase wins, as an
        alternation tries its branches in order."""
        if not self.phrases:
            return None
        if self._combined is None or self._combined_n != len(self.phrases):
            body = "|".join(f"(?:{pat.pattern[2:-2]})" for pat, _i, _e in self.phrases)
            self._combined = re.compile(rf"\b(?:{body})\b")
            self._combined_n = len(self.phrases)
            self._by_text = {}
            for _pat, item, eid in self.phrases:
                self._by_text.setdefault(" ".join(item.split()), (item, eid))
        m = self._combined.search(text)
        if m is None:
            return None
        item, eid = self._by_text[" ".join(m.group(0).split())]
        return m.start(), m.end(), item, eid


@dataclass
class SourcingLexicon:
    sets: dict[str, WordSet]
    needs_clause: set[str]  # cue verbs that count only with a clause (or a document subject)
    entries: list[dict]
    sha256: str
    # institution nouns whose bare plural is a vague group ("rights groups say")
    plural_vague: set[str] = field(default_factory=set)
    # cue verbs that are events, not speech, with a quantity as object ("added 212,000 jobs")
    quantity_event: set[str] = field(default_factory=set)
    # perception verbs: a vague group's view only with a clause, a manner or "as"
    needs_view: set[str] = field(default_factory=set)

    def __getitem__(self, kind: str) -> WordSet:
        return self.sets[kind]


def lexicon_files() -> list[tuple[str, bytes]]:
    files = resources.files(LEXICON_PACKAGE)
    return [
        (f.name, f.read_bytes())
        for f in sorted(files.iterdir(), key=lambda p: p.name)
        if f.name.startswith("sourcing") and f.name.endswith(".toml")
    ]


def load_lexicon(extra_paths: Sequence[Path] = ()) -> SourcingLexicon:
    """The built-in sourcing lexicon files plus any extra ones, merged."""
    blobs = lexicon_files() + [(str(p), Path(p).read_bytes()) for p in extra_paths]
    sets = {k: WordSet() for k in KINDS}
    needs_clause: set[str] = set()
    plural_vague: set[str] = set()
    quantity_event: set[str] = set()
    needs_view: set[str] = set()
    free_verbs: set[str] = set()
    entries: list[dict] = []
    for name, blob in blobs:
        try:
            data = tomllib.loads(blob.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SourcingLexiconError(f"{name}: not valid TOML ({exc})") from exc
        for e in data.get("entry", []):
            if "id" not in e or e.get("kind") not in KINDS:
                raise SourcingLexiconError(
                    f"{name}: entry {e.get('id', '?')} needs an id and a kind in {', '.join(KINDS)}"
                )
            entries.append(e)
            for w in e.get("words", []):
                sets[e["kind"]].add(w, e["id"])
                if e.get("plural_is_vague"):
                    plural_vague.add(w.lower())
                if e.get("needs_view"):
                    needs_view.add(w.lower())
                if e.get("not_with_quantity"):
                    quantity_event.add(w.lower())
                if e["kind"] == "cue_verb":
                    (needs_clause if e.get("needs_clause") else free_verbs).add(w.lower())
    # a verb listed in any entry without the clause condition counts without it
    needs_clause -= free_verbs
    _borrow_framing_words(sets)
    digest = hashlib.sha256(b"".join(b for _, b in blobs)).hexdigest()
    return SourcingLexicon(
        sets, needs_clause, entries, digest, plural_vague, quantity_event, needs_view
    )


_BORROWED_CATEGORIES = ("loaded_language", "labeling", "intensifier")


def _borrow_framing_words(sets: dict[str, WordSet]) -> None:
    """Words the framing lexicons call loaded, labelling or intensifying are evaluative:
    a sentence that uses them outside a quotation makes a judgement that needs a source.
    Only plain word patterns are taken (no token patterns or context rules), read as data
    so this module does not depend on the framing code."""
    exclude = set(sets["borrowed_exclude"].words)
    files = resources.files(LEXICON_PACKAGE)
    for f in sorted(files.iterdir(), key=lambda p: p.name):
        if not (f.name.startswith("framing") and f.name.endswith(".toml")):
            continue
        try:
            entries = tomllib.loads(f.read_text(encoding="utf-8")).get("entry", [])
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue  # the framing loader reports broken files; here they just add nothing
        for e in entries:
            if e.get("category") not in _BORROWED_CATEGORIES or "context" in e or "tokens" in e:
                continue
            pats = e.get("pattern", [])
            for pat in [pats] if isinstance(pats, str) else pats:
                if isinstance(pat, str) and pat.lower() not in exclude and e.get("id"):
                    sets["borrowed_evaluative"].add(pat, e["id"])


# -- attribution -------------------------------------------------------------------------
@dataclass
class Attribution:
    label: str
    kind: str  # person, institution, named, document, anonymous, weasel, vague, agentless, record
    reason: str
    rule: str
    source: Span | None = None
    cue: Span | None = None
    head: Token | None = None  # head of the source phrase, for documents: its noun


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})


def _owner_of_possessive(doc: Doc, a: Attribution) -> Attribution:
    """'The Indus Centre (ICCS) today released its Annual Security Report, which finds
    ...': a source that begins with a possessive pronoun names nothing by itself; the named
    subject that owns it is the source an editor needs to see."""
    src = a.source
    span = doc.char_span(src.start, src.end, alignment_mode="expand") if src else None
    if span is None or not len(span) or span[0].lower_ not in _POSSESSIVE_PRONOUNS:
        return a
    verb = span.root.head
    # The subject nearest the verb: a dateline ("Islamabad, January 4:") can parse as one too.
    subj = max(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i),
        key=lambda c: c.i,
        default=None,
    )
    if subj is None or not any(t.pos_ == "PROPN" or t.ent_type_ for t in subj.subtree):
        return a
    toks = [t for t in subj.subtree if not t.is_space]
    owner = Span(toks[0].idx, toks[-1].idx + len(toks[-1].text), "")
    return replace(a, source=_span(doc.text, owner.start, owner.end))


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _tok_span(toks: SpacySpan | Token) -> Span:
    if isinstance(toks, Token):
        return Span(toks.idx, toks.idx + len(toks.text), toks.text)
    return Span(toks.start_char, toks.end_char, toks.text)


def _np(head: Token, sent: SpacySpan | None = None) -> SpacySpan:
    """The noun phrase of `head`, without relative clauses or trailing punctuation, and
    never beyond its sentence (the parse can run a headline into the first sentence)."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    if sent is not None:
        start, end = max(start, sent.start), min(end, sent.end)
    for child in head.rights:
        if child.dep_ in ("relcl", "advcl", "parataxis") or (
            child.dep_ == "punct" and child.i > head.i and child.text in ",;("
        ):
            end = min(end, child.left_edge.i)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1]):
            break  # keep "(DGISPR)" whole
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


@dataclass
class _Memory:
    """What the article has attributed so far, for pronouns and 'the report'."""

    sources: list[tuple[int, Attribution]] = field(default_factory=list)
    documents: list[tuple[int, str, Attribution]] = field(default_factory=list)  # lemma

    def last(self, kinds: Iterable[str] | None = None, before: int = 10**9) -> Attribution | None:
        allowed = set(kinds) if kinds else None
        for idx, a in reversed(self.sources):
            if idx < before and (allowed is None or a.kind in allowed):
                return a
        return None

    def at(self, idx: int) -> Attribution | None:
        return next((a for j, a in reversed(self.sources) if j == idx), None)

    def named_document(self) -> Attribution | None:
        for _, _, a in reversed(self.documents):
            if a.label == "named_source":
                return a
        return None

    def document(self, lemma: str) -> Attribution | None:
        for _, lem, a in reversed(self.documents):
            if lem == lemma:
                return a
        return None


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
    words: set[str] = field(default_factory=set)

    def update(
        self, a: Attribution | None, carried: bool, para: int, i: int, s: SpacySpan, fig: bool
    ) -> None:
        if carried:
            self.para, self.last, self.idle = para, i, 0
            self.figures += fig
            self.words |= _topic_words(s)
        elif a is not None and a.kind not in ("none", "unattributed"):
            named = a.label == "named_source" and a.kind in _CARRY_KINDS
            self.source = a if named else None
            self.para, self.last, self.idle = para, i, 0
            self.figures = int(fig)
            self.words = _topic_words(s) if named else set()
        elif a is not None and a.kind == "unattributed":
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
            self.words |= _topic_words(s)

    def on_topic(self, s: SpacySpan) -> str | None:
        """A noun the sentence shares with the source's sentences ('unemployment rate' after
        'the unemployment rate fell'), matching 'employment' inside 'unemployment' too."""
        for w in _topic_words(s):
            if w in self.words:
                return w
            if len(w) >= 6 and any(len(v) >= 6 and (w in v or v in w) for v in self.words):
                return w
        return None


def _topic_words(s: SpacySpan) -> set[str]:
    return {
        t.lemma_.lower()
        for t in s
        if t.pos_ in ("NOUN", "PROPN") and len(t.text) >= 4 and not t.is_stop and not t.like_num
    }


class SourcingClassifier:
    """Labels every sentence of a Doc with how it is sourced (see module docstring)."""

    def __init__(self, nlp: Language, extra_paths: Sequence[Path] = ()) -> None:
        self.nlp = nlp
        self.lex = load_lexicon(extra_paths)
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
        self, doc: Doc, sents: list[SpacySpan], quotes: list[tuple[int, int]]
    ) -> list[SentenceFlag]:
        text = doc.text  # built from the tokens on every access: read it once
        breaks = [m.start() for m in re.finditer(r"\n", text)]
        paras = [bisect.bisect_left(breaks, s.start_char) for s in sents]
        quoted = [self._quote_mask(s, quotes) for s in sents]
        mem = _Memory()
        explicit: list[Attribution | None] = []
        for i, s in enumerate(sents):
            a = self._explicit(s, quoted[i], mem, i, text)
            explicit.append(a)
            if a and a.kind not in ("agentless", "none"):
                mem.sources.append((i, a))
            self._remember_documents(s, quoted[i], a, mem, i)
        flags: list[SentenceFlag] = []
        order = sorted(set(paras))
        para_no = [bisect.bisect_left(order, p) for p in paras]  # 0, 1, 2 ... per paragraph
        chain = _Chain()
        for i, s in enumerate(sents):
            in_q = inside(s.start_char, s.end_char, quotes)
            a = explicit[i]
            carried = False
            if a is None and in_q:
                a = self._speaker_of_quote(i, s, sents, paras, explicit, quotes)
            if a is None:
                a = self._own_document(s, quoted[i])
            if a is None:
                check = self._check_worthy(s, quoted[i])
                a = self._carry(s, quoted[i], check, chain, para_no[i], i)
                carried = a is not None
                if not carried:
                    a = check
            if a is not None and a.source and s.start_char <= a.source.start < s.end_char:
                a = _owner_of_possessive(doc, a)
            fig = a is not None and a.label == "named_source" and self._figure(s) is not None
            chain.update(a, carried, para_no[i], i, s, fig)
            flags.append(self._flag(s, a, in_q))
        return flags

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

    # -- pass 1: explicit attribution ---------------------------------------------------
    def _explicit(
        self, s: SpacySpan, mask: list[bool], mem: _Memory, i: int, full: str
    ) -> Attribution | None:
        text = s.text
        last = text.rstrip()[-1:] if text.strip() else ""
        line_start = full.rfind("\n", 0, s.start_char) + 1
        line_end = full.find("\n", s.end_char)
        line_end = len(full) if line_end < 0 else line_end
        whole_line = (
            not full[line_start : s.start_char].strip(" \t\u2022*-")
            and not full[s.end_char : line_end].strip()
        )
        if whole_line and last not in _TERMINAL:
            return Attribution(
                "none", "none", "headline or heading, not a sentence", "sourcing.headline"
            )
        outside = self._outside_text(s, mask)
        if hit := self.lex["no_comment"].phrase(outside):
            cue = _span(full, s.start_char + hit[0], s.start_char + hit[1])
            return Attribution(
                "none", "none", "refusal to comment: nothing asserted", hit[3], cue=cue
            )
        anonymous = self.lex["anonymity_marker"].phrase(outside)
        if anonymous is not None:
            # the reason quotes the whole phrase ("asked not to be identified"), not the
            # lexicon's stem of it ("asked not to be")
            anonymous = (
                anonymous[0],
                anonymous[1],
                _whole_phrase(text, anonymous[0], anonymous[1]),
                anonymous[3],
            )
        candidates: list[tuple[int, int, Attribution]] = []  # (priority, depth, attribution)
        for tok, q in zip(s, mask, strict=True):
            if q:
                continue
            if (a := self._from_verb(tok, s, mem, anonymous, i)) is not None:
                prio = 1 if a.kind == "agentless" else 0
                candidates.append((prio, _depth(tok, s), a))
            elif (a := self._from_preposition(tok, s, mem, anonymous, i)) is not None:
                # "according to X" attributes the whole proposition: it outranks any verb
                candidates.append((0, -1, a))
            elif (eid := self.lex["evidential_adverb"].token(tok)) and tok.pos_ == "ADV":
                a = Attribution(
                    "agentless",
                    "agentless",
                    f"passed on with no source: '{tok.text}'",
                    eid,
                    cue=_tok_span(tok),
                )
                candidates.append((1, _depth(tok, s), a))
        if not candidates:
            return (
                self._quote_tag(s, mask, mem, anonymous, i)
                or self._document_subject(s, mask, mem, i)
                or self._trailing_cue(s, mask, mem, i)
            )
        # the clause nearest the root decides ("it is believed that ministers fear" is
        # agentless); at equal depth an explicit source beats a hedge, then the later one
        # wins ("..., the ministry said." closes the sentence)
        candidates.sort(key=lambda c: (c[1], c[0], -c[2].cue.start if c[2].cue else 0))
        return candidates[0][2]

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
        # the tag runs to the first comma: '"...," said Maria Lopez, a tenant.'
        tail = tail[: next((k for k, t in enumerate(tail) if t.text in ",;:"), len(tail))]
        if not tail or len(tail) > 8:
            return None
        verb_at = next(
            (k for k, t in enumerate(tail) if self.lex["cue_verb"].words.get(t.lemma_.lower())),
            None,
        )
        if verb_at is None:
            return None
        verb = tail[verb_at]
        words = tail[:verb_at] if verb_at > 0 else tail[1:]
        nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")]
        if not nouns:
            return None
        eid = self.lex["cue_verb"].words[verb.lemma_.lower()]
        return self._classify_source(nouns[-1], s, mem, anonymous, _tok_span(verb), eid, i, verb)

    def _trailing_cue(
        self, s: SpacySpan, mask: list[bool], mem: _Memory, i: int
    ) -> Attribution | None:
        """'..., BLS data show, ...', '..., official figures suggest.': a document and a
        findings verb set off at the end of the claim. Read from the tokens, since the
        parser often takes 'show' for a noun there."""
        doc = s.doc
        toks = list(s)
        for k, tok in enumerate(toks[1:], start=1):
            if mask[k] or not self.lex["cue_verb"].words.get(tok.lemma_.lower()):
                continue
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "npadvmod":
                continue  # the parse found the verb: the parse rules decided already
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and not nxt.is_punct:
                continue
            head = toks[k - 1]
            if head.pos_ not in ("NOUN", "PROPN") or not self.lex["document_noun"].token(head):
                continue
            start = k - 1
            while start > 0 and (
                toks[start - 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "PART")
                and not toks[start - 1].is_punct
            ):
                start -= 1
            if start == 0 or toks[start - 1].text not in (",", ";", "\u2014", "-"):
                continue
            np = doc[toks[start].i : head.i + 1]
            eid = self.lex["cue_verb"].words[tok.lemma_.lower()]
            return self._document(head, np, mem, _tok_span(np), _tok_span(tok), eid, i)
        return None

    def _document_subject(
        self, s: SpacySpan, mask: list[bool], mem: _Memory, i: int
    ) -> Attribution | None:
        """'The study followed 12,000 children': a sentence whose subject is a document
        already met reports that document's content, whatever its verb."""
        root = s.root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if (
            subj is None
            or not s.start <= subj.i < s.end
            or mask[subj.i - s.start]
            or not self.lex["document_noun"].token(subj)
            or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in subj.children)
        ):
            return None
        np = _np(subj, s)
        a = self._document(subj, np, mem, _tok_span(np), None, "sourcing.document_subject", i)
        return a if a.label == "named_source" else None

    def _from_verb(
        self, tok: Token, s: SpacySpan, mem: _Memory, anonymous, i: int
    ) -> Attribution | None:
        # a ROOT with a subject is a verb whatever the tagger said ("emails ... show that")
        if tok.pos_ not in ("VERB", "AUX") and not (
            tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children)
        ):
            return None
        lemma = tok.lemma_.lower()
        lex = self.lex
        cue_id = lex["cue_verb"].token(tok)
        record_id = lex["public_record_verb"].token(tok)
        passive_id = lex["evidential_passive"].token(tok)
        if not (cue_id or record_id or passive_id):
            return None
        if any(c.dep_ == "neg" for c in tok.children) or self._negated_by_head(tok):
            return None
        children = {c.dep_: c for c in tok.children}
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        reduced = (  # "a deal said to be worth ...", however the parser attached it
            passive_id is not None
            and nxt is not None
            and nxt.lower_ == "to"
            and tok.i > 0
            and tok.doc[tok.i - 1].pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        )
        passive = (
            reduced
            or "auxpass" in children
            or "nsubjpass" in children
            or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"))
        )
        cue = _tok_span(tok)
        if passive:
            agent = children.get("agent")
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is not None and (cue_id or passive_id):
                return self._classify_source(
                    pobj, s, mem, anonymous, cue, cue_id or passive_id, i, cue_tok=tok
                )
            if passive_id and (
                reduced
                or "xcomp" in children
                or ("nsubjpass" in children and ({"acomp", "oprd", "attr"} & children.keys()))
                or "ccomp" in children
                or (children.get("nsubjpass") is not None and children["nsubjpass"].lower_ == "it")
            ):
                phrase = _phrase_around(tok)
                return Attribution(
                    "agentless",
                    "agentless",
                    f"evidential with no agent: '{phrase.text}'",
                    passive_id,
                    cue=_tok_span(phrase),
                )
            if record_id and _is_root(tok, s):
                return Attribution(
                    "named_source", "record", f"court record: '{tok.text}'", record_id, cue=cue
                )
            body = children.get("nsubjpass")
            if (
                cue_id
                and lemma == "tell"
                and body is not None
                and body.lemma_.lower() in _HEARING_BODIES
                and "xcomp" not in children
            ):
                # "..., the court was told": what was put before a hearing is on its record
                return Attribution(
                    "named_source",
                    "record",
                    f"court record: '{_np(body, s).text} was told'",
                    cue_id,
                    source=_tok_span(_np(body, s)),
                    cue=cue,
                )
            return None
        if record_id and not cue_id and (_is_root(tok, s) or _participle_of_root(tok, s)):
            return Attribution(
                "named_source", "record", f"court record: '{tok.text}'", record_id, cue=cue
            )
        if not cue_id:
            return None
        subj = _subject(tok)
        if subj is None or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
            return None  # "no group has claimed responsibility": nobody is cited
        a = self._classify_source(subj, s, mem, anonymous, cue, cue_id, i, cue_tok=tok)
        if a is None:
            return None
        deps = {c.dep_ for c in tok.children}
        dobj = children.get("dobj")
        if (
            lemma in lex.quantity_event
            and dobj is not None
            and not deps & {"ccomp", "xcomp"}
            and any(c.like_num or c.dep_ == "nummod" for c in dobj.subtree)
        ):
            return None  # "employers added 212,000 jobs": an event, not a statement
        if lemma in lex.needs_view and a.kind == "weasel" and dobj is not None:
            # "many residents see it differently" is a view; "residents saw the smoke" is not
            if not deps & {"ccomp", "xcomp", "advmod"} and not any(
                c.dep_ == "prep" and c.lower_ == "as" for c in tok.children
            ):
                return None
        if lemma in lex.needs_clause and a.kind not in ("document", "weasel", "vague"):
            # "believe that ...", or no object at all ("..., analysts believe."); not
            # "the team found cracks", which is an event, not a report
            deps = {c.dep_ for c in tok.children}
            counted = dobj is not None and any(
                c.like_num or c.dep_ == "nummod" for c in dobj.subtree
            )  # "documented 264 incidents": a finding, not an event
            if (
                not deps & {"ccomp", "xcomp"}
                and not counted
                and (deps & {"dobj", "attr", "oprd"} or _is_root(tok, s))
            ):
                return None
        return a

    def _negated_by_head(self, tok: Token) -> bool:
        """'failed to disclose', 'refused to say': the cue sits under a negating verb."""
        head = tok
        for _ in range(2):
            if head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
                return False
            head = head.head
            if self.lex["negating_verb"].token(head) or any(c.dep_ == "neg" for c in head.children):
                return True
        return False

    def _from_preposition(
        self, tok: Token, s: SpacySpan, mem: _Memory, anonymous, i: int
    ) -> Attribution | None:
        if tok.dep_ != "prep":
            return None
        for _pat, item, eid in self.lex["cue_preposition"].phrases:
            words = item.split()
            if tok.lower_ != words[-1]:
                continue
            first = tok.i - len(words) + 1
            if first < s.start or [t.lower_ for t in s.doc[first : tok.i + 1]] != words:
                continue
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            cue = _tok_span(s.doc[first : tok.i + 1])
            return self._classify_source(pobj, s, mem, anonymous, cue, eid, i)
        return None

    def _classify_source(
        self,
        head: Token,
        s: SpacySpan,
        mem: _Memory,
        anonymous,
        cue: Span,
        cue_id: str,
        i: int,
        cue_tok: Token | None = None,
    ) -> Attribution | None:
        """Type the source phrase headed by `head`; None when it is no kind of source."""
        lex = self.lex
        np = _np(head, s)
        src = _tok_span(np)
        ents = {t.ent_type_ for t in np if t.ent_type_}
        has_person = "PERSON" in ents
        # a capitalised common noun opening the sentence ("Shop owners say") is often
        # tagged PROPN: without an entity it names nobody
        named = bool(ents & _NAMED_ENTS) or any(
            t.pos_ == "PROPN"
            and (
                t.ent_type_
                or t.i != s.start
                or not (t.dep_ in ("compound", "amod") and t.head.pos_ == "NOUN")
            )
            for t in np
        )

        def make(label: str, kind: str, reason: str, rule: str | None = None) -> Attribution:
            return Attribution(label, kind, reason, rule or cue_id, source=src, cue=cue, head=head)

        if head.lower_ in _WORD_NUMBERS or (head.like_num and head.pos_ == "NUM"):
            # "one of the people said", "two of the officials": the people are the source
            preps = [c for c in head.children if c.dep_ == "prep"]
            of = next((c for c in preps if c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if pobj is None or len(preps) > 1:
                return None  # "one in four of the users": a figure, not a speaker
            a = self._classify_source(pobj, s, mem, anonymous, cue, cue_id, i, cue_tok)
            if a is not None:
                a.source = src
            return a
        if head.pos_ == "PRON":
            return self._pronoun(head, mem, i, src, cue, cue_id)
        if lex["document_noun"].token(head) and head.pos_ in ("NOUN", "PROPN"):
            return self._document(head, np, mem, src, cue, cue_id, i)
        if has_person:
            return make("named_source", "person", f"attributed to named source '{src.text}'")
        if eid := lex["informant_noun"].token(head):
            if anonymous is None and (body := _body_voice(head)) is not None:
                return make(
                    "named_source",
                    "institution",
                    f"attributed to '{src.text}' (speaking for {body.text})",
                    "sourcing.source.body_voice",
                )
            if anonymous is None and _unique_role(head):
                return make(
                    "named_source", "person", f"attributed to '{src.text}' (a named role)", eid
                )
            why = f" ({anonymous[2]})" if anonymous else ""
            return make(
                "anonymous_source", "anonymous", f"attributed to unnamed '{src.text}'{why}", eid
            )
        if anonymous is not None and head.pos_ != "PROPN":
            return make(
                "anonymous_source",
                "anonymous",
                f"attributed to unnamed '{src.text}' ({anonymous[2]})",
                anonymous[3],
            )
        group = lex["group_noun"].token(head)
        quantified = any(
            c.lower_ in _QUANTIFIERS for c in head.children if c.dep_ in ("amod", "det")
        )
        if group or (quantified and head.tag_ == "NNS" and not lex["institution_noun"].token(head)):
            if (poller := _named_agent(head, s)) is not None:
                return make(
                    "named_source",
                    "document",
                    f"attributed to a named poll: '{src.text}' ({poller.text})",
                )
            if (venue := _named_venue(cue_tok)) is not None:
                return make("named_source", "named", f"attributed to '{src.text}' in {venue.text}")
            if (body := _named_affiliation(head)) is not None:
                return make("named_source", "named", f"attributed to '{src.text}' (of {body.text})")
            if (body := _named_modifier(head)) is not None:
                return make("named_source", "named", f"attributed to '{src.text}' (of {body.text})")
            if any(c.lower_ in _DEFINITE for c in head.children) and (prev := mem.last(before=i)):
                return make(
                    prev.label,
                    prev.kind,
                    f"continues '{prev.source.text if prev.source else prev.reason}'",
                )
            return make(
                "weasel", "weasel", f"attributed to a vague group: '{src.text}'", group or cue_id
            )
        if eid := lex["institution_noun"].token(head):
            if (
                head.tag_ == "NNS"
                and head.lemma_.lower() in lex.plural_vague
                and not _determined(head)
                and not any(
                    t.i != head.i and (t.pos_ == "PROPN" or t.ent_type_ in _NAMED_ENTS) for t in np
                )
            ):
                # "rights groups say", "hospitals warn": no institution anyone can name
                return make("weasel", "weasel", f"attributed to a vague group: '{src.text}'", eid)
            return make("named_source", "institution", f"attributed to '{src.text}'", eid)
        if named:
            return make("named_source", "named", f"attributed to named source '{src.text}'")
        if head.pos_ == "NOUN" and _unique_role(head) and _owner_named(head, lex):
            return make("named_source", "person", f"attributed to '{src.text}' (a named role)")
        if (
            head.tag_ == "NN"
            and _people_noun(head)
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children)
        ):
            # "the minister said": one office holder, named earlier or by the office itself
            prev = mem.last(("person",), before=i)
            name = f" ({prev.source.text})" if prev and prev.source else ""
            return make("named_source", "person", f"attributed to '{src.text}'{name}")
        if (
            head.tag_ == "NNS"
            and _people_noun(head)
            and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)
            and (prev := mem.last(("document",), before=i) or mem.last(_CARRY_KINDS, before=i))
            is not None
        ):
            # "the authors acknowledge", "the researchers found": the people just named
            name = prev.source.text if prev.source else prev.reason
            return make(prev.label, prev.kind, f"'{src.text}' continues '{name}'")
        if (
            head.tag_ == "NNS"
            and _people_noun(head)
            and not any(
                c.dep_ in ("det", "poss") and c.lower_ not in _QUANTIFIERS for c in head.children
            )
        ):
            # bare plurals that say or argue ("engineers warn", "hydrologists have shown")
            return make("weasel", "weasel", f"attributed to a vague group: '{src.text}'")
        return None

    def _pronoun(
        self, head: Token, mem: _Memory, i: int, src: Span, cue: Span, cue_id: str
    ) -> Attribution | None:
        word = head.lower_
        if word in _HE_SHE:
            prev = mem.last(("person", "anonymous", "named"), before=i)
        elif word in ("it", "its"):
            prev = mem.last(("institution", "named", "document", "vague", "record"), before=i)
        elif word in ("they", "them"):
            prev = mem.last(before=i)
        else:
            return None
        if prev is None:
            if word in _HE_SHE or word == "it":
                # a speaker or organisation the article named before it became a source
                return Attribution(
                    "named_source",
                    "person",
                    f"'{head.text}' refers to a speaker named earlier",
                    cue_id,
                    source=src,
                    cue=cue,
                    head=head,
                )
            return None
        name = prev.source.text if prev.source else "the earlier source"
        return Attribution(
            prev.label,
            prev.kind,
            f"'{head.text}' continues '{name}': {prev.reason}",
            cue_id,
            source=prev.source,
            cue=cue,
            head=prev.head,
        )

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
        vague = next(
            (t for t in np if t.i < head.i and lex["vague_document_modifier"].token(t)), None
        ) or next(
            (
                c
                for c in head.children
                if c.dep_ in ("acl", "amod") and lex["vague_document_modifier"].token(c)
            ),
            None,
        )
        if vague is not None:
            return Attribution(
                "vague_document",
                "vague",
                f"attributed to unnamed '{src.text}'",
                doc_id,
                source=src,
                cue=cue,
                head=head,
            )
        owner = next(
            (
                t
                for t in np
                if t.i != head.i
                and (
                    t.ent_type_ in _NAMED_ENTS
                    or t.pos_ == "PROPN"
                    or t.tag_ == "PRP$"
                    or (lex["institution_noun"].token(t) and t.dep_ in ("poss", "compound", "pobj"))
                )
            ),
            None,
        )
        if owner is not None:
            return Attribution(
                "named_source",
                "document",
                f"attributed to a named document: '{src.text}'",
                doc_id,
                source=src,
                cue=cue,
                head=head,
            )
        public = next(
            (
                c
                for c in head.children
                if c.dep_ in ("acl", "amod") and lex["public_document_verb"].token(c)
            ),
            None,
        )
        if public is not None:
            return Attribution(
                "named_source",
                "document",
                f"attributed to a public document: '{src.text}'",
                doc_id,
                source=src,
                cue=cue,
                head=head,
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
                return Attribution(
                    prev.label,
                    prev.kind,
                    f"'{src.text}' refers back to '{prev.source.text if prev.source else head.text}'",
                    doc_id,
                    source=prev.source or src,
                    cue=cue,
                    head=head,
                )
            return Attribution(
                "vague_document",
                "vague",
                f"'{src.text}': no such document was named before",
                doc_id,
                source=src,
                cue=cue,
                head=head,
            )
        return Attribution(
            "vague_document",
            "vague",
            f"attributed to unnamed '{src.text}'",
            doc_id,
            source=src,
            cue=cue,
            head=head,
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
            mem.documents.append((i, tok.lemma_.lower(), d))

    # -- pass 2 -------------------------------------------------------------------------
    @staticmethod
    def _speaker_of_quote(
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
        region = next(
            ((qs, qe) for qs, qe in quotes if qs <= s.start_char and s.end_char <= qe), None
        )
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
        if i > 0 and paras[i - 1] != paras[i]:
            order.append(i - 1)  # a quotation carried over from the previous paragraph
        for j in order:
            a = explicit[j]
            if a is not None and a.kind not in ("none", "agentless") and a.source is not None:
                return Attribution(
                    a.label,
                    a.kind,
                    f"quotation continues: words of '{a.source.text}'",
                    "sourcing.quote_speaker",
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
            if (word in _HE_SHE and person) or (word == "it" and not person) or word == "they":
                return subj.text
            return None
        np = _np(subj, s)
        definite = any(
            c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE | {"its", "their"}
            for c in subj.children
        )
        if definite and (
            lex["document_noun"].token(subj)
            or (lex["institution_noun"].token(subj) and subj.tag_ == "NN")
            or (subj.tag_ == "NNS" and _people_noun(subj))
        ):
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

    def _framing(self, s: SpacySpan, mask: list[bool]) -> tuple[str, str, str] | None:
        """A cause, accusation or judgement in the outlet's voice: (what, words, entry id)."""
        return self._claim_word(s, mask, _FRAMING_KINDS)

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

    # -- check-worthiness ---------------------------------------------------------------
    def _figure(self, s: SpacySpan) -> Token | SpacySpan | None:
        for ent in s.ents:
            if (
                ent.label_ in _FIGURE_ENTS
                and not _is_age(ent)
                and not _known_set(ent)
                and not _not_a_quantity(ent)
            ):
                return ent
        for tok in s:
            if tok.like_num and not tok.ent_type_:
                if _not_a_quantity(s.doc[tok.i : tok.i + 1]):
                    continue
                # numbers NER missed count when they quantify something ("around 900 workers")
                if tok.dep_ in ("nummod", "quantmod", "dobj", "pobj", "nsubj", "attr"):
                    return tok
                continue
            if (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-") or (
                tok.i > 0 and tok.doc[tok.i - 1].text == "-"
            ):
                continue  # "half-year results", "third-quarter": a name for a period
            if (
                tok.dep_ == "advmod"
                and self.lex["figure_word"].token(tok)
                and self.lex["result_verb"].token(tok.head)
            ):
                continue  # "scored twice": a match result, reported like a fixture
            if self.lex["figure_word"].token(tok) or self.lex["quantity_verb"].token(tok):
                return tok
        return None

    def _check_worthy(self, s: SpacySpan, mask: list[bool]) -> Attribution | None:
        lex = self.lex
        doc = s.doc
        outside = self._outside_text(s, mask)

        def flag(reason: str, rule: str) -> Attribution:
            return Attribution("unattributed_claim", "unattributed", reason, rule)

        if (fig := self._figure(s)) is not None:
            return flag(f"figure with no source: '{fig.text}'", "sourcing.check.figure")
        if hit := lex["figure_word"].phrase(outside):
            return flag(f"figure with no source: '{hit[2]}'", hit[3])
        toks = list(s)  # iterating a Span builds Token objects each time: do it once
        for tok in toks:
            if tok.tag_ in ("JJS", "RBS") and not lex["superlative_exclude"].token(tok):
                return flag(
                    f"superlative with no source: '{tok.text}'", "sourcing.check.superlative"
                )
            if tok.lower_ == "most" and tok.head.pos_ in ("ADJ", "ADV") and tok.dep_ == "advmod":
                words = doc[tok.i : tok.head.i + 1].text
                return flag(f"superlative with no source: '{words}'", "sourcing.check.superlative")
        if _prescription(s):
            return None  # "the government must act decisively": a call, not a claim of fact
        if (hit := self._claim_word(s, mask, _CLAIM_KINDS, outside, toks)) is not None:
            return flag(f"{hit[0]} with no source: '{hit[1]}'", hit[2])
        for tok in toks:
            if tok.tag_ in ("JJR", "RBR") and tok.lower_ not in _COMPARATIVE_EXCLUDE:
                return flag(
                    f"comparison with no source: '{tok.text}'", "sourcing.check.comparative"
                )
        return self._change_or_event(s, mask)

    def _change_or_event(self, s: SpacySpan, mask: list[bool]) -> Attribution | None:
        """A claim with no figure and no judgement word, read from the main verb's structure:
        a trend ('yields fell slightly on Tuesday', 'have risen every year since 2020', 'rose
        after the lender raised its forecast'): a change-of-state verb anchored in time, by a
        degree or by a cause; or a specific past event ('was built in 1962', 'unravelled in
        2022', 'shelved the project last spring'): a past-tense action dated to a year, month,
        season or 'last ...'. Present-tense schedules ('resumes on Monday'), modal or future
        verbs, states ('had convictions') and the day's news ('on Monday') are left alone."""
        lex = self.lex
        root = s.root
        verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        for verb in verbs:
            if not s.start <= verb.i < s.end or mask[verb.i - s.start]:
                continue
            if verb.pos_ not in ("VERB", "AUX") or lex["stative_verb"].token(verb):
                continue
            if lex["cue_verb"].token(verb):
                continue
            kids = list(verb.children)
            if any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids):
                continue  # "could rise", "will close": a forecast or a possibility
            if any(c.dep_ == "neg" for c in kids):
                continue
            subj = _subject(verb)
            if subj is not None and subj.lower_ in ("i", "we", "you"):
                continue
            words = _clause_tokens(verb)
            if eid := lex["trend_verb"].token(verb):
                anchor = next(
                    (
                        t
                        for t in words
                        if t.ent_type_ in ("DATE", "TIME")
                        or (t.lower_ in _TREND_LINKS and t.dep_ in ("prep", "mark"))
                        or (t.dep_ == "advmod" and t.head.i == verb.i and t.lower_ in _DEGREE)
                    ),
                    None,
                )
                done = verb.tag_ == "VBD" or any(
                    c.dep_ == "aux" and c.lemma_ == "have" for c in kids
                )
                if anchor is None and done and subj is not None and subj.pos_ != "PRON":
                    anchor = verb  # "prices fell at wholesale markets": a change that happened
                if anchor is not None:
                    return Attribution(
                        "unattributed_claim",
                        "unattributed",
                        f"trend with no source: '{verb.text}' ({anchor.text})",
                        eid,
                    )
                continue
            past = verb.tag_ == "VBD" or (
                verb.tag_ == "VBN"
                and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in kids)
                and not any(c.dep_ == "aux" for c in kids)
            )
            if not past:
                continue
            # the date may hang on the verb's object ("shelved plans to raise the wall in 2019")
            covert = next((c for c in kids if c.dep_ == "advmod" and c.lower_ in _COVERT), None)
            if covert is not None and subj is not None and subj.pos_ != "PRON":
                return Attribution(
                    "unattributed_claim",
                    "unattributed",
                    f"specific past event with no source: '{covert.text} {verb.text}' (a hidden act)",
                    "sourcing.check.past_event",
                )
            when = next(
                (
                    t
                    for t in _clause_tokens(verb, deep=True)
                    if t.ent_type_ == "DATE" and _past_date(t)
                ),
                None,
            )
            if when is not None:
                return Attribution(
                    "unattributed_claim",
                    "unattributed",
                    f"specific past event with no source: '{verb.text}' ({when.text})",
                    "sourcing.check.past_event",
                )
        return None

    def _claim_word(
        self,
        s: SpacySpan,
        mask: list[bool],
        kinds: Sequence[tuple[str, str]],
        outside: str | None = None,
        toks: list[Token] | None = None,
    ) -> tuple[str, str, str] | None:
        """The first cause, accusation, harm or judgement word of `kinds` outside quotes:
        (what it is, the words, entry id)."""
        lex = self.lex
        outside = self._outside_text(s, mask) if outside is None else outside
        toks = list(s) if toks is None else toks
        for kind, what in kinds:
            hit_phrase = lex[kind].phrase(outside)
            if hit_phrase is not None and _infinitive_after(s, hit_phrase[1]):
                hit_phrase = None  # "is due to reconvene": a schedule, not a cause
            if hit_phrase is not None and not _before_verb(s, hit_phrase[1]):
                return what, hit_phrase[2], hit_phrase[3]
            hit_tok = next(
                (
                    t
                    for t, q in zip(toks, mask, strict=True)
                    if not q and lex[kind].token(t) and not _denied(t) and not _in_name(t)
                ),
                None,
            )
            if hit_tok is not None:
                return what, hit_tok.text, lex[kind].token(hit_tok) or kind
        return None


# -- parse helpers -----------------------------------------------------------------------
# words that anchor a change of state: a starting point, a cause or a period
_TREND_LINKS = frozenset(("since", "after", "as", "following", "over", "during", "from", "to"))
# degree adverbs that measure a change ("fell slightly", "has risen sharply")
_DEGREE = frozenset(
    "slightly sharply steadily steeply further markedly significantly dramatically "
    "modestly substantially sharp steady again".split()
)
# manner adverbs that claim knowledge of a concealed act ("quietly shelved", "secretly paid")
_COVERT = frozenset(("quietly", "secretly", "covertly", "discreetly", "surreptitiously"))
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "spring summer autumn fall winter".split()
)
_DAY_OF_NEWS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "morning evening afternoon".split()
)


# bodies whose hearings are a public record: "the court was told", "the inquest was told"
_HEARING_BODIES = frozenset(("court", "jury", "inquest", "tribunal", "hearing", "inquiry"))
_OBLIGATION = frozenset(("must", "should", "ought"))


def _prescription(s: SpacySpan) -> bool:
    """A call to act in the outlet's voice ('Our government must respond decisively',
    'Regulators should stop dithering', 'It is time to scrap this policy'): an opinion about
    what ought to happen, which no source could stand behind, so not a claim of fact."""
    root = s.root
    if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in root.children):
        return True
    return (
        root.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in root.children)
        and any(
            c.dep_ == "attr"
            and c.lower_ == "time"
            and any(d.dep_ in ("acl", "relcl") for d in c.children)
            for c in root.children
        )
    )


def _infinitive_after(s: SpacySpan, end: int) -> bool:
    """The phrase ending at char `end` (sentence-relative) ends in 'to' before a verb."""
    tok = next((t for t in s if t.idx - s.start_char >= end and not t.is_space), None)
    prev = s.doc[tok.i - 1] if tok is not None and tok.i > 0 else None
    return tok is not None and prev is not None and prev.lower_ == "to" and tok.tag_ == "VB"


def _in_name(tok: Token) -> bool:
    """'the Dunmore Victim Service', 'the Crisis Fund': a word inside an organisation's or
    a law's name is part of the name, not the outlet's claim."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT")


def _clause_tokens(verb: Token, deep: bool = False) -> list[Token]:
    """The verb's own clause: its subtree without nested clauses that have their own verb
    (a relative clause or complement says something else); `deep` keeps the infinitives
    and participles that complete its object ('plans to raise ...')."""
    skip = ("relcl", "ccomp", "conj", "parataxis", "csubj")
    if not deep:
        skip += ("xcomp", "acl")
    out: list[Token] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in skip:
                if c.pos_ in ("VERB", "AUX"):
                    continue
            stack.append(c)
    return out


def _past_date(tok: Token) -> bool:
    """A date that places an event in the past beyond the day's news: a year ('in 1962',
    '2022'), a month or season, 'last spring', 'three years ago', 'the 1990s'."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or tok.i != ent.start:
        return False
    words = [t.lower_ for t in ent]
    if any(w in _DAY_OF_NEWS for w in words) or any(w in ("next", "coming") for w in words):
        return False
    prep = ent.root.head
    if ent.root.dep_ == "pobj" and prep.lower_ in ("until", "till", "to", "by", "for", "before"):
        return False  # "adjourned until March 3", "delayed to 2027": a date ahead, not an event
    if any(re.fullmatch(r"(1[89]|20)\d\ds?", w.replace("'", "")) for w in words):
        return True
    return any(w in _MONTHS or w in ("last", "ago", "previous") for w in words)


def _depth(tok: Token, sent: SpacySpan) -> int:
    """Steps from `tok` up to the root of its sentence (a parse that runs a headline into
    the next sentence is cut at the sentence boundary)."""
    d = 0
    while tok.head.i != tok.i and sent.start <= tok.head.i < sent.end and d < 50:
        tok, d = tok.head, d + 1
    return d


def _is_root(tok: Token, sent: SpacySpan) -> bool:
    return tok.head.i == tok.i or not sent.start <= tok.head.i < sent.end


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it hangs from
    ('confirmed the deal and said ...', 'have begun to unveil')."""
    tok = verb
    for _ in range(3):
        subjs = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        # "a deal that analysts say ...": the relative pronoun is not the speaker
        subj = next((c for c in subjs if c.tag_ not in _RELATIVE), subjs[0] if subjs else None)
        if subj is not None and subj.tag_ in _RELATIVE and tok.dep_ == "relcl":
            return tok.head  # "the association, which argued that ...": the association
        if subj is not None:
            return subj
        # "Some doctors remain sceptical, arguing that ...": the participle's subject is
        # the main clause's
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG"
        if tok.dep_ not in ("xcomp", "conj") and not participle or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _whole_phrase(text: str, start: int, end: int, limit: int = 60) -> str:
    """The words of `text` from `start` to the end of their clause (at least to `end`):
    a matched stem such as 'not authorised to' becomes 'not authorised to speak publicly'."""
    stop = len(text)
    for m in re.finditer(r"[,;:.()\u2014\"\u201c\u201d]", text[end:]):
        stop = end + m.start()
        break
    phrase = text[start:stop].strip()
    if len(phrase) > limit:
        cut = phrase.rfind(" ", 0, limit)
        phrase = phrase[: cut if cut > end - start else limit].rstrip() + "\u2026"
    return phrase


def _participle_of_root(tok: Token, sent: SpacySpan) -> bool:
    """'The judge halted the sale, ruling that ...': a participle hanging from the root."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and _is_root(tok.head, sent)


def _phrase_around(tok: Token) -> SpacySpan:
    """'is understood to', 'it is believed', 'said to': the evidential as written."""
    doc = tok.doc
    # only the words right before the verb that belong to it ("it is widely believed"),
    # never a subject or a leading symbol the parser hung on it
    wanted = {
        c.i
        for c in tok.children
        if c.is_alpha
        and (
            c.dep_ in ("auxpass", "aux", "advmod", "neg")
            or (c.dep_ == "nsubjpass" and c.lower_ == "it")
        )
    }
    start = tok.i
    while start - 1 in wanted:
        start -= 1
    end = tok.i + 1
    if end < len(doc) and doc[end].lower_ == "to":
        end += 1
    return doc[start:end]


def _unique_role(head: Token) -> bool:
    """'the company's chief executive', 'his lawyer': one identifiable person."""
    if head.tag_ == "NNS":
        return False
    return any(c.dep_ == "poss" for c in head.children)


_PHONE_OR_CODE = re.compile(r"^\+?\(?0[\d\s()-]{6,}$|^\d{2,5}(?:[\s-]\d{2,5}){2,}$")
_CLOCK = re.compile(r"^\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?$", re.IGNORECASE)
_SCORE = re.compile(r"^\d{1,2}\s*[-\u2013]\s*\d{1,2}$")


def _not_a_quantity(ent: SpacySpan) -> bool:
    """Numbers that count nothing: 'one of the people', 'one gang' (an article, not a
    figure), word numbers that are part of a source ('two officials said' is handled by
    the attribution), phone numbers and reference codes ('020 7946 0321'), and match
    scores ('a 4-0 defeat'): a result is the public outcome of an event, reported like a
    fixture, so it is not a figure that needs a source."""
    doc = ent.doc
    # a phone number the tokenizer cut into groups: "0800 555 0199"
    start, end = ent.start, ent.end
    while start > 0 and doc[start - 1].is_digit and doc[start - 1].whitespace_:
        start -= 1
    while end < len(doc) and doc[end].is_digit and doc[end - 1].whitespace_:
        end += 1
    text = doc[start:end].text.strip()
    if end - start > 1 and _PHONE_OR_CODE.match(text):
        return True
    text = ent.text.strip()
    if text.lower() == "one":
        nxt = doc[ent.end].lower_ if ent.end < len(doc) else ""
        return nxt not in ("in", "out", "per", "percent", "%")
    if _PHONE_OR_CODE.match(text) or _SCORE.match(text) or _CLOCK.match(text):
        return True
    # a scoreline split into tokens: "4 - 0", "2-1"
    start, end = ent.start, ent.end
    if end + 1 < len(doc) and doc[end].text in "-\u2013" and doc[end].text:
        if _SCORE.match(f"{text}-{doc[end + 1].text}") and not doc[end].whitespace_:
            return True
    if start >= 2 and doc[start - 1].text in "-\u2013" and doc[start - 1].text:
        if _SCORE.match(f"{doc[start - 2].text}-{text}") and not doc[start - 2].whitespace_:
            return True
    # "case HC-2024-000417", "flight BA123": digits inside a code
    return any(
        t.text != ent.text and "-" in t.text and any(ch.isalpha() for ch in t.text) for t in ent
    )


def _is_age(ent: SpacySpan) -> bool:
    """'Hargreaves, 58,': a number set off by commas right after a name is an age."""
    doc = ent.doc
    root = ent.root
    if (
        root.dep_ == "attr"
        and root.head.lemma_ == "be"
        and root.head.dep_ == "relcl"
        and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in root.head.children)
        and root.head.head.ent_type_ == "PERSON"
    ):
        return True  # "Edith Rowe, who was nine at the time,"
    return (
        len(ent) == 1
        and ent.start >= 2
        and doc[ent.start - 1].text == ","
        and doc[ent.start - 2].pos_ == "PROPN"
        and ent.end < len(doc)
        and doc[ent.end].text == ","
    )


_PEOPLE_SUFFIXES = (
    "ist",
    "ists",
    "er",
    "ers",
    "or",
    "ors",
    "ian",
    "ians",
    "ant",
    "ants",
    "ent",
    "ents",
    "ee",
    "ees",
    "man",
    "men",
    "woman",
    "women",
)


def _people_noun(tok: Token) -> bool:
    """Agent-noun morphology: 'hydrologists', 'engineers', 'residents', 'campaigners'."""
    return tok.lemma_.lower().endswith(_PEOPLE_SUFFIXES) or tok.lower_.endswith(_PEOPLE_SUFFIXES)


def _owner_named(head: Token, lex: SourcingLexicon) -> bool:
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    return poss is not None and (
        poss.pos_ == "PROPN"
        or bool(poss.ent_type_)
        or lex["institution_noun"].token(poss) is not None
    )


def _named_agent(head: Token, sent: SpacySpan) -> Token | None:
    """'economists polled by Reuters': the named organisation that ran the poll."""
    for c in head.children:
        if c.dep_ in ("acl", "amod") and c.tag_ == "VBN":
            for a in c.children:
                if a.dep_ == "agent":
                    pobj = next((p for p in a.children if p.dep_ == "pobj"), None)
                    if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ in _NAMED_ENTS):
                        return pobj
    return None


def _named_venue(cue: Token | None) -> Token | None:
    """'researchers reported in The Lancet': published in a named journal or outlet."""
    if cue is None:
        return None
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if pobj.pos_ == "PROPN" or pobj.ent_type_ in ("ORG", "WORK_OF_ART"):
                return pobj
            # "in the journal Marine Biology Letters": a common noun followed by the name
            name = next(
                (t for t in pobj.subtree if t.i > pobj.i and t.pos_ == "PROPN"),
                None,
            )
            if name is not None:
                return name
    return None


def _named_modifier(head: Token) -> Token | None:
    """'ICCS researchers', 'Reuters analysts': people of a body the text names."""
    for c in head.children:
        if c.dep_ in ("compound", "poss", "amod") and (
            c.ent_type_ in ("ORG", "FAC")
            or (c.pos_ == "PROPN" and c.dep_ == "poss")
            or (c.is_upper and c.is_alpha and len(c.text) >= 2)  # an abbreviation: "ICCS"
        ):
            return c
    return None


def _determined(head: Token) -> bool:
    """'the hospitals', 'its lawyers', 'these groups': a definite, already known set."""
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in head.children
    )


def _body_voice(head: Token) -> Token | None:
    """'Valdorian officials denied', 'lawyers at the charity Shelter say': a bare plural of
    unnamed people tied to a named country or organisation speaks for that body, as its
    government's or organisation's position (so named). Any sign of individuals ('two
    officials', 'some officials', 'senior officials', 'an official', 'officials familiar with
    the matter', an anonymity marker) keeps them anonymous."""
    if head.tag_ != "NNS":
        return None
    body = None
    for c in head.children:
        if c.dep_ in ("det", "nummod", "poss", "quantmod", "acl", "relcl"):
            return None
        if c.dep_ in ("amod", "compound"):
            if c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN":
                body = body or c
            else:
                return None  # "senior officials", "local officials": individuals, unnamed
        if c.dep_ == "prep":
            if c.lower_ not in ("from", "of", "at", "with"):
                return None  # "officials familiar with", "people close to"
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            named = pobj is not None and next(
                (
                    t
                    for t in pobj.subtree
                    if t.ent_type_ in ("ORG", "GPE", "NORP") or t.pos_ == "PROPN"
                ),
                None,
            )
            if not named:
                return None
            body = body or named
    return body


def _named_affiliation(head: Token) -> Token | None:
    """'observers from the OSCE', 'analysts at Goldman Sachs': a group speaking for a named body."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "of", "at", "with"):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and (
                pobj.ent_type_ in ("ORG", "GPE", "NORP") or pobj.pos_ == "PROPN"
            ):
                return pobj
    return None


def _known_set(ent: SpacySpan) -> bool:
    """'the two towns', 'the three men': a count of things already introduced."""
    head = ent.root.head
    return any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both") for c in head.children
    ) and all(not t.is_digit for t in ent)


def _denied(tok: Token) -> bool:
    """'no reports of deaths', 'no group has claimed the attack': denied, not claimed."""
    root = tok.sent.root if tok.doc.has_annotation("SENT_START") else None
    if root is not None and any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in root.children
    ):
        return True
    node = tok
    for _ in range(3):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _before_verb(sent: SpacySpan, end: int) -> bool:
    """A phrase ending at char `end` (sentence-relative) followed by a bare verb:
    'is due to reconvene' is a schedule, not a cause."""
    nxt = next((t for t in sent if t.idx - sent.start_char >= end and not t.is_space), None)
    return nxt is not None and nxt.tag_ == "VB"


def _attached_to(tok: Token, cue: Span) -> bool:
    """Whether `tok` hangs (within three steps) from the token at the cue's offset."""
    head = tok
    for _ in range(3):
        if head.head.i == head.i:
            return False
        head = head.head
        if head.idx == cue.start:
            return True
    return False
