"""Fixed word sets of the parse helpers. The lexical ones (months, quantifiers, degree
adverbs, hearing bodies ...) are `word_set` entries of annotate/lexicons/sourcing_words.toml,
each with an id, a rationale and examples; grammar (entity types, determiners, pronouns,
rule kinds) and the number patterns stay in code.

The word sets come through the one loader (annotate.lexicon.load_lexicons) like every other
entry: `SourcingLexicon.word_sets` holds them, so `--disable sourcing.words.months` empties
that set and a user file with `kind = "word_set"` and the same id replaces it. The stage
modules read them through the names below (`_MONTHS`, `_QUANTIFIERS` ...): each is a view
of the set in the lexicon of the classifier that is running (`SourcingClassifier.classify`
makes its lexicon's sets active for the length of the call, in a ContextVar, so two
classifiers with different lexicons never see each other's sets). Outside a classify call
the view reads the shipped lexicon, loaded once through the same loader."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

WORD_SET_PREFIX = "sourcing.words."

_ACTIVE: ContextVar[Mapping[str, frozenset[str]] | None] = ContextVar(
    "sourcing_word_sets", default=None
)


@lru_cache(maxsize=1)
def _shipped() -> Mapping[str, frozenset[str]]:
    from annotate.sourcing.lexicon import load_lexicon

    return load_lexicon().word_sets


@contextmanager
def active_word_sets(sets: Mapping[str, frozenset[str]]) -> Iterator[None]:
    """Make `sets` (a SourcingLexicon's `word_sets`) the ones the views below read."""
    token = _ACTIVE.set(sets)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


class WordSetView:
    """The word set `sourcing.words.<name>` of the active lexicon (plus fixed `extra` words
    added in code). Supports `in`, iteration, `|` and `ends(text)` for suffix sets."""

    __slots__ = ("_suffixes", "extra", "name")

    def __init__(self, name: str, extra: Iterable[str] = ()) -> None:
        self.name = name
        self.extra = frozenset(extra)
        self._suffixes: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())

    def _words(self) -> frozenset[str]:
        sets = _ACTIVE.get()
        if sets is None:
            sets = _shipped()
        return sets.get(self.name, frozenset())

    def __contains__(self, word: object) -> bool:
        return word in self.extra or word in self._words()

    def __iter__(self) -> Iterator[str]:
        return iter(self._words() | self.extra)

    def __or__(self, other: Iterable[str]) -> WordSetView:
        return WordSetView(self.name, self.extra | frozenset(other))

    def ends(self, text: str) -> bool:
        """`text` ends with one of the words (for a set of suffixes)."""
        words = self._words()
        if self._suffixes[0] is not words:  # str.endswith wants a tuple: build it once per set
            self._suffixes = (words, tuple(sorted(words | self.extra)))
        return text.endswith(self._suffixes[1])


_NAMED_ENTS = frozenset("PERSON ORG GPE NORP FAC LAW EVENT WORK_OF_ART PRODUCT LOC".split())
_FIGURE_ENTS = frozenset(("CARDINAL", "MONEY", "PERCENT", "QUANTITY"))
_TIME_ENTS = frozenset(("DATE", "TIME", "ORDINAL"))
_DEFINITE = frozenset(("the", "this", "that", "these", "those"))
_RELATIVE = frozenset(("WDT", "WP"))
_HE_SHE = frozenset(("he", "she", "him", "her"))
# verbs of asking: an unnamed asker states nothing (tier_unnamed.asked_only) and does not
# speak the answer that follows (carry._asker)
_ASKING_VERBS = frozenset(("ask", "inquire", "enquire"))
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
_TERMINAL = frozenset('.!?"\u201d\u2019\u2026')

_QUANTIFIERS = WordSetView("quantifiers")
_SHARE_HEADS = WordSetView("share_heads")
_PLURAL_GROUPS = WordSetView("plural_groups")
_CLAIM_NOUNS = WordSetView("claim_nouns")
# determiners that leave a party plural vague ("Both Democrats and ...", "All Greens")
_VAGUE_DETS = _QUANTIFIERS | {"both", "all", "fellow", "other"}
_WORD_NUMBERS = WordSetView("word_numbers")
_COMPARATIVE_EXCLUDE = WordSetView("comparative_exclude")
# words that anchor a change of state: a starting point, a cause or a period
_TREND_LINKS = WordSetView("trend_links")
# degree adverbs that measure a change ("fell slightly", "has risen sharply")
_DEGREE = WordSetView("degree")
# manner adverbs that claim knowledge of a concealed act ("quietly shelved", "secretly paid")
_COVERT = WordSetView("covert")
_MONTHS = WordSetView("months")
_DAY_OF_NEWS = WordSetView("day_of_news")
# bodies whose hearings are a public record: "the court was told", "the inquest was told"
_HEARING_BODIES = WordSetView("hearing_bodies")
_OBLIGATION = WordSetView("obligation")
# agent-noun endings: test with _PEOPLE_SUFFIXES.ends(word)
_PEOPLE_SUFFIXES = WordSetView("people_suffixes")
# people nouns the endings miss ('a nurse', 'a pilot', 'a neighbour')
_ROLE_PEOPLE = WordSetView("role_people")
# things whose names end like agent nouns ('flowers', 'sensors'): never people (round 23)
_AGENT_ENDING_THINGS = WordSetView("agent_ending_things")
# the one office at the top of a body ('its director'): a named role
_BODY_OFFICES = WordSetView("body_offices")

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

_PHONE_OR_CODE = re.compile(r"^\+?\(?0[\d\s()-]{6,}$|^\d{2,5}(?:[\s-]\d{2,5}){2,}$")
_CLOCK = re.compile(r"^\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?$", re.IGNORECASE)
_SCORE = re.compile(r"^\d{1,2}\s*[-\u2013]\s*\d{1,2}$")
