"""The sourcing word sets, read from annotate/lexicons/sourcing*.toml (every entry has an id
that the flags it causes record)."""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.parts_of_speech import PROPN
from spacy.symbols import PERSON
from spacy.tokens import Token

from annotate.lexicon_entries import LexiconEntry, LexiconError, builtin_files

LEXICON_PACKAGE = "annotate.lexicons"

# Lemmas the English pipeline gets wrong for common verbs of stance: 'hoped', 'hopes' and
# 'hoping' come out as 'hop' (measured on PolNeAR train: 62 of 106 'hop' verbs were
# attribution cues, none of them hopping). A form with the doubled consonant ('hopped')
# keeps the tagger's lemma.
_LEMMA_FIXES = {"hop": ("hope", "hopp")}


def lemma_of(tok: Token) -> str:
    """The token's lemma in lower case, with the tagger's known slips corrected."""
    lemma = tok.lemma_.lower()
    fix = _LEMMA_FIXES.get(lemma)
    if fix is not None and not tok.lower_.startswith(fix[1]):
        return fix[0]
    return lemma


class SourcingLexiconError(LexiconError):
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
    "label_furniture",
    "representative_noun",
    "tier_query_word",
    "tier_routine_word",
    "tier_query_exclude",
    "figure_exclude",
    "hidden_act_verb",
    "removal_verb",
    "content_noun",
    "stance_adjective",
    "attribution_act",
    # carry_next.py: how a sentence points back to the claim before it
    "carry_next_anaphor",
    "carry_next_figure_noun",
    "carry_next_confirm_verb",
    "carry_next_denial_verb",
    "carry_next_origin_verb",
    "carry_next_generic",
    "word_set",
    "rule",
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
        """Entry id when the token's lemma or form is in the set; a plural the tagger took
        for a name ('Aides said' opening a sentence, 'Clinton Aides Say' in a headline) is
        looked up by its singular too (round 12)."""
        hit = self.words.get(lemma_of(tok)) or self.words.get(tok.lower_)
        if hit is None and tok.pos == PROPN and tok.ent_type in (0, PERSON):
            low = tok.lower_  # the integer checks first: this lookup is hot
            hit = self.words.get(low[:-1]) if low[-1:] == "s" else None
            if hit is None and low.endswith("ies"):
                hit = self.words.get(low[:-3] + "y")  # 'Studies show', 'Charities say' (round 26)
        return hit

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

    def covers(self, text: str, start: int, end: int) -> bool:
        """Some phrase of the set found in `text` (lower case) spans [start, end)."""
        if self.phrase(text) is None:  # also builds the combined pattern
            return False
        assert self._combined is not None
        return any(m.start() <= start and end <= m.end() for m in self._combined.finditer(text))


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
    # every id the files define, disabled ones included (what --disable may name)
    ids: set[str] = field(default_factory=set)
    # views that stay attributed when negated ("analysts do not expect a cut")
    keeps_negation: set[str] = field(default_factory=set)
    # the fixed vocabularies of sourcing_words.toml by name ('months' for
    # sourcing.words.months); the stage modules read them through annotate.sourcing.words
    word_sets: dict[str, frozenset[str]] = field(default_factory=dict)
    # framing entries whose spans, in the outlet's voice, are judgements (see checkworthy)
    borrowable: frozenset[str] = frozenset()

    def __getitem__(self, kind: str) -> WordSet:
        return self.sets[kind]


def lexicon_files() -> list[tuple[str, bytes]]:
    """(name, bytes) of the shipped sourcing*.toml files, in name order."""
    return builtin_files("sourcing")


def load_lexicon(
    extra_paths: Sequence[Path | str] = (), disabled: Iterable[str] = ()
) -> SourcingLexicon:
    """The sourcing part of `annotate.lexicon.load_lexicons` (the one loader): the shipped
    sourcing files plus the user files of either kind, minus `disabled` ids."""
    from annotate.lexicon import load_lexicons

    return load_lexicons(extra_paths, disabled).sourcing


def build_lexicon(
    blobs: Sequence[tuple[str, bytes]],
    disabled: Iterable[str] = (),
    borrowed: Iterable[LexiconEntry] = (),
) -> SourcingLexicon:
    """The sourcing word sets from these (name, bytes) files, merged, without the `disabled`
    entries, plus the evaluative words of the `borrowed` framing entries. Called by the one
    loader, annotate.lexicon.load_lexicons, which reads every file once."""
    off = frozenset(disabled)
    sets = {k: WordSet() for k in KINDS}
    needs_clause: set[str] = set()
    plural_vague: set[str] = set()
    quantity_event: set[str] = set()
    needs_view: set[str] = set()
    free_verbs: set[str] = set()
    keeps_negation: set[str] = set()
    entries: list[dict] = []
    ids: set[str] = set()
    word_sets: dict[str, frozenset[str]] = {}
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
            ids.add(str(e["id"]))
            if e["id"] in off:
                continue
            entries.append(e)
            if e["kind"] == "word_set":
                # a later file's set with the same id replaces the shipped one (a user override)
                name = str(e["id"]).removeprefix("sourcing.words.")
                word_sets[name] = frozenset(w.lower() for w in e.get("words", []))
                continue
            for w in e.get("words", []):
                sets[e["kind"]].add(w, e["id"])
                if e.get("plural_is_vague"):
                    plural_vague.add(w.lower())
                if e.get("needs_view"):
                    needs_view.add(w.lower())
                if e.get("negation_keeps"):
                    keeps_negation.add(w.lower())
                if e.get("not_with_quantity"):
                    quantity_event.add(w.lower())
                if e["kind"] == "cue_verb":
                    (needs_clause if e.get("needs_clause") else free_verbs).add(w.lower())
    # a verb listed in any entry without the clause condition counts without it
    needs_clause -= free_verbs
    borrowed = list(borrowed)
    _borrow_framing_words(sets, borrowed)
    borrowable = frozenset(
        e.id for e in borrowed if e.category in _BORROWED_CATEGORIES and e.tokens is None
    )
    digest = hashlib.sha256(b"".join(b for _, b in blobs)).hexdigest()
    if off:  # what was switched off changes what the word sets hold
        digest = hashlib.sha256("\n".join((digest, *sorted(off))).encode()).hexdigest()
    return SourcingLexicon(
        sets,
        needs_clause,
        entries,
        digest,
        plural_vague,
        quantity_event,
        needs_view,
        ids,
        keeps_negation,
        word_sets,
        borrowable,
    )


_BORROWED_CATEGORIES = ("loaded_language", "labeling", "intensifier")


def _borrow_framing_words(sets: dict[str, WordSet], entries: Iterable[LexiconEntry]) -> None:
    """Words the framing lexicons call loaded, labelling or intensifying are evaluative:
    a sentence that uses them outside a quotation makes a judgement that needs a source.
    These words serve the classifier run alone; the Annotator passes framing's actual spans
    instead (checkworthy.borrowed_spans), which obey framing's context rules. Only plain word
    patterns are taken here (no token patterns or context rules). The entries
    are the framing lexicon as loaded (user files added, disabled ids left out), so a
    disabled framing entry is never cited here either."""
    exclude = set(sets["borrowed_exclude"].words)
    for e in entries:
        if e.category not in _BORROWED_CATEGORIES or e.context is not None or e.tokens is not None:
            continue
        for pat in e.patterns:
            if pat.lower() not in exclude:
                sets["borrowed_evaluative"].add(pat, e.id)
