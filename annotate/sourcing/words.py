"""Fixed word sets of the parse helpers. The lexical ones (months, quantifiers, degree
adverbs, hearing bodies ...) are `word_set` entries of annotate/lexicons/sourcing_words.toml,
read once here, each with an id, a rationale and examples; grammar (entity types,
determiners, pronouns, rule kinds) and the number patterns stay in code."""

from __future__ import annotations

import re
import tomllib
from importlib import resources


def _word_sets() -> dict[str, frozenset[str]]:
    blob = resources.files("annotate.lexicons").joinpath("sourcing_words.toml").read_bytes()
    data = tomllib.loads(blob.decode("utf-8"))
    return {
        e["id"].removeprefix("sourcing.words."): frozenset(w.lower() for w in e["words"])
        for e in data["entry"]
        if e.get("kind") == "word_set"
    }


_SETS = _word_sets()

_NAMED_ENTS = frozenset("PERSON ORG GPE NORP FAC LAW EVENT WORK_OF_ART PRODUCT LOC".split())
_FIGURE_ENTS = frozenset(("CARDINAL", "MONEY", "PERCENT", "QUANTITY"))
_TIME_ENTS = frozenset(("DATE", "TIME", "ORDINAL"))
_DEFINITE = frozenset(("the", "this", "that", "these", "those"))
_RELATIVE = frozenset(("WDT", "WP"))
_HE_SHE = frozenset(("he", "she", "him", "her"))
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
_TERMINAL = frozenset('.!?"\u201d\u2019\u2026')

_QUANTIFIERS = _SETS["quantifiers"]
_SHARE_HEADS = _SETS["share_heads"]
_PLURAL_GROUPS = _SETS["plural_groups"]
_CLAIM_NOUNS = _SETS["claim_nouns"]
# determiners that leave a party plural vague ("Both Democrats and ...", "All Greens")
_VAGUE_DETS = _QUANTIFIERS | {"both", "all", "fellow", "other"}
_WORD_NUMBERS = _SETS["word_numbers"]
_COMPARATIVE_EXCLUDE = _SETS["comparative_exclude"]
# words that anchor a change of state: a starting point, a cause or a period
_TREND_LINKS = _SETS["trend_links"]
# degree adverbs that measure a change ("fell slightly", "has risen sharply")
_DEGREE = _SETS["degree"]
# manner adverbs that claim knowledge of a concealed act ("quietly shelved", "secretly paid")
_COVERT = _SETS["covert"]
_MONTHS = _SETS["months"]
_DAY_OF_NEWS = _SETS["day_of_news"]
# bodies whose hearings are a public record: "the court was told", "the inquest was told"
_HEARING_BODIES = _SETS["hearing_bodies"]
_OBLIGATION = _SETS["obligation"]
# str.endswith takes a tuple; longest first is not needed for a yes/no test
_PEOPLE_SUFFIXES = tuple(sorted(_SETS["people_suffixes"]))

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
