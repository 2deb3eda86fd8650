"""The open-vocabulary loaded-language signal: strongly emotive adjectives and adverbs the
lexicon does not list, looked up in the VADER sentiment lexicon.

Off by default since issue 10: on real copy it was right 2 times in 20 (editor's reading of
25 real pages), 11 of 230 on BASIL and 259 of 1,045 on SemEval-2023 train, against the
curated lexicon's 54 of 518 and 1,212 of 3,611, and it fired 2.9 times per 1,000 words of
AEB pages' straight copy ("great", "favorite", "comfortable", "smart"). Opt in with
`FramingMatcher(..., open_vocabulary=True)` or NEWSPROV_FRAMING_AUTO=1; its spans are `mild`.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from annotate.framing_context import extend_to_head
from annotate.models import FramingSpan
from annotate.quotes import inside

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


@lru_cache(maxsize=1)
def _vader_raw() -> bytes:
    try:
        return resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return b""


@lru_cache(maxsize=1)
def vader_sha() -> str:
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


def auto_loaded(
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
        span = extend_to_head(doc[t.i : t.i + 1]) if t.pos_ == "ADV" else doc[t.i : t.i + 1]
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
                tier="mild",
            )
        )
    return out
