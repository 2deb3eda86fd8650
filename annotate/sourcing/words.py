"""Small fixed word sets still kept in code (entity types, determiners, months, degree
adverbs ...). Lexicon entries (annotate/lexicons/sourcing*.toml) hold the rest."""

from __future__ import annotations

import re

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


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})


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


_PHONE_OR_CODE = re.compile(r"^\+?\(?0[\d\s()-]{6,}$|^\d{2,5}(?:[\s-]\d{2,5}){2,}$")


_CLOCK = re.compile(r"^\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?$", re.IGNORECASE)


_SCORE = re.compile(r"^\d{1,2}\s*[-\u2013]\s*\d{1,2}$")


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
