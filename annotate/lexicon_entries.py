"""Framing lexicon entries: the file format, parsing and validating one file, and merging the
shipped and user files into one `Lexicon`. The one loader (annotate/lexicon.py) reads the files
and calls in here; `LexiconError` and `builtin_files` serve the sourcing files too
(annotate/sourcing/lexicon.py).

A framing entry is data an editor can change without touching Python:

    [[entry]]
    id = "framing.loaded.staggering"      # stable, never reused
    category = "loaded_language"          # one of FRAMING_CATEGORIES
    pattern = "staggering"                # words in lemma form, or a list of variants
    rationale = "Why an editor should look at it."
    examples = ["a staggering total of 444 attacks"]
    counter_examples = ["the total was 444 attacks"]

Optional keys:
- `tokens`: a spaCy Matcher token pattern (list of tables) instead of `pattern`, for
  entries that need more than words (a following "that", a part of speech...).
- `pos`: parts of speech the matched word may have (single-word patterns), e.g. ["ADJ"].
- `exact = true`: match the written form only, not other inflections.
- `context`: a rule the match must also pass (see CONTEXTS).
- `highlight`: with `tokens`, how many leading tokens form the span; the rest of the
  pattern is context ("splash" needs a sum after it, but only "splash" is highlighted).
- `tier`: "strong" (an editor would change the word) or "mild" (worth a look). Without it
  loaded language and labels are strong, and intensifiers, presuppositions and doubt
  markers mild (DEFAULT_TIERS): those are more often ordinary usage on real copy.
- `unless_preceded_by` / `unless_followed_by`: lemmas of the word just before / after the
  match that make it ordinary usage ("tax regime", "alleged murder", "supposed to").

Beyond these entries, annotate/framing.py flags strongly emotive adjectives and adverbs the
files do not list, rated in the VADER sentiment lexicon, with ids
`framing.loaded.auto.<lemma>`. Disabling such an id silences that word; disabling
`framing.loaded.auto` switches the whole signal off. Listing a word here takes precedence.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources

from annotate.models import FRAMING_CATEGORIES, FRAMING_TIERS

# Context rules a lexicon entry can ask for (implemented in annotate/framing_verbs.py):
# - "claim": the verb must introduce a claim (a that-/wh-clause, or an object such as
#   "the truth", "the extent", "the deception"), so "the coach revealed the new kit" is left alone.
# - "reporting": the verb must report what someone said (it takes a clausal complement),
#   so "he claimed the figures were wrong" counts and "the blast claimed 12 lives" does not.
# - "modifier": an intensifier; the span grows to cover the word it modifies
#   ("grossly understated").
# - "stance": a certainty adverb ("clearly", "surely"); it counts only when it comes before
#   what it modifies ("clearly flawed"), not as a manner adverb ("she spoke clearly").
# - "topic": a noun that is dropped when it names what is being reported: it recurs in the
#   text, another noun classifies it ("flood disaster"), or someone is charged with it.
# - "legal": dropped in a legal or police account ("the alleged fraud", "police said the
#   alleged attacker"), where the word is the hedge the law requires.
# - "judgement": an adjective that counts only when it judges a plan, words, conduct, an
#   institution or a person ("a toxic debate", "the promise is hollow"), not when it
#   describes a physical thing ("toxic fumes", "a hollow tree"); framing_context.judges.
CONTEXTS = ("claim", "reporting", "modifier", "stance", "topic", "legal", "judgement")

_KNOWN_KEYS = {
    "id",
    "category",
    "pattern",
    "tokens",
    "rationale",
    "examples",
    "counter_examples",
    "pos",
    "exact",
    "context",
    "unless_preceded_by",
    "unless_followed_by",
    "highlight",
    "tier",
}

BUILTIN_PACKAGE = "annotate.lexicons"

# The tier of an entry that does not give one, by category (see the module docstring).
DEFAULT_TIERS = {
    "loaded_language": "strong",
    "labeling": "strong",
    "intensifier": "mild",
    "presupposition": "mild",
    "doubt": "mild",
}


class LexiconError(ValueError):
    """A lexicon file cannot be used at all (bad TOML, missing id or pattern...)."""


@dataclass(frozen=True)
class LexiconEntry:
    id: str
    category: str
    rationale: str
    patterns: tuple[str, ...] = ()  # word patterns, lemma form; alternatives
    tokens: tuple[dict, ...] | None = None  # a raw spaCy token pattern instead
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    pos: tuple[str, ...] = ()
    exact: bool = False
    context: str | None = None
    unless_preceded_by: frozenset[str] = frozenset()
    unless_followed_by: frozenset[str] = frozenset()
    highlight: int | None = None
    tier: str = "strong"  # one of FRAMING_TIERS
    source: str = ""  # file the entry came from, for messages

    @property
    def pattern_text(self) -> str:
        """The pattern as a person would read it, for listings."""
        if self.tokens is not None:
            return "tokens: " + " ".join(_describe_token(t) for t in self.tokens)
        return " | ".join(self.patterns)


@dataclass
class Lexicon:
    entries: list[LexiconEntry]
    sha256: str  # hash of every file's bytes plus the disabled ids: what produced the spans
    sources: list[str] = field(default_factory=list)
    disabled: tuple[str, ...] = ()

    def by_id(self) -> dict[str, LexiconEntry]:
        return {e.id: e for e in self.entries}


def _describe_token(spec: dict) -> str:
    parts = [f"{k}={v}" for k, v in spec.items()]
    return "[" + ",".join(parts) + "]"


def builtin_files(kind: str = "framing") -> list[tuple[str, bytes]]:
    """(name, bytes) of the shipped <kind>*.toml files, in name order."""
    root = resources.files(BUILTIN_PACKAGE)
    files = [f for f in root.iterdir() if f.name.startswith(kind) and f.name.endswith(".toml")]
    return [
        (f"{BUILTIN_PACKAGE}/{f.name}", f.read_bytes()) for f in sorted(files, key=lambda p: p.name)
    ]


def _as_tuple(value: object, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise LexiconError(f"{where}: '{key}' must be a string or a list of strings")


def parse_entries(blob: bytes, source: str) -> list[LexiconEntry]:
    """Entries of one TOML file; raises LexiconError naming the file and entry on bad input."""
    try:
        data = tomllib.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(
            f"{source}: not valid UTF-8 TOML ({exc}); fix the file and retry"
        ) from exc
    raw = data.get("entry", [])
    if not isinstance(raw, list):
        raise LexiconError(f"{source}: entries must be written as [[entry]] tables")
    out = []
    for n, item in enumerate(raw, 1):
        where = f"{source} entry {n}" + (f" ({item.get('id')})" if item.get("id") else "")
        unknown = set(item) - _KNOWN_KEYS
        if unknown:
            raise LexiconError(
                f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_KNOWN_KEYS)}"
            )
        eid = item.get("id")
        if not isinstance(eid, str) or not eid.strip():
            raise LexiconError(f"{where}: missing 'id' (e.g. id = \"framing.loaded.word\")")
        category = item.get("category")
        if category not in FRAMING_CATEGORIES:
            raise LexiconError(
                f"{where}: category {category!r} is not one of {', '.join(FRAMING_CATEGORIES)}"
            )
        patterns = _as_tuple(item.get("pattern"), where, "pattern")
        tokens = item.get("tokens")
        if bool(patterns) == (tokens is not None):
            raise LexiconError(f"{where}: give exactly one of 'pattern' or 'tokens'")
        if tokens is not None and not (
            isinstance(tokens, list) and tokens and all(isinstance(t, dict) for t in tokens)
        ):
            raise LexiconError(f"{where}: 'tokens' must be a non-empty list of tables")
        tier = item.get("tier", DEFAULT_TIERS.get(category, "strong"))
        if tier not in FRAMING_TIERS:
            raise LexiconError(f"{where}: tier {tier!r} is not one of {', '.join(FRAMING_TIERS)}")
        context = item.get("context")
        if context is not None and context not in CONTEXTS:
            raise LexiconError(f"{where}: context {context!r} is not one of {', '.join(CONTEXTS)}")
        out.append(
            LexiconEntry(
                id=eid.strip(),
                category=category,
                rationale=str(item.get("rationale", "")).strip(),
                patterns=tuple(p.strip().lower() for p in patterns if p.strip()),
                tokens=tuple(tokens) if tokens is not None else None,
                examples=_as_tuple(item.get("examples"), where, "examples"),
                counter_examples=_as_tuple(item.get("counter_examples"), where, "counter_examples"),
                pos=_as_tuple(item.get("pos"), where, "pos"),
                exact=bool(item.get("exact", False)),
                context=context,
                unless_preceded_by=frozenset(
                    w.lower()
                    for w in _as_tuple(item.get("unless_preceded_by"), where, "unless_preceded_by")
                ),
                unless_followed_by=frozenset(
                    w.lower()
                    for w in _as_tuple(item.get("unless_followed_by"), where, "unless_followed_by")
                ),
                highlight=_highlight(item.get("highlight"), where),
                tier=tier,
                source=source,
            )
        )
    return out


def _highlight(value: object, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise LexiconError(f"{where}: 'highlight' must be a whole number of tokens, 1 or more")
    return value


def framing_lexicon(
    files: list[tuple[str, bytes]], disabled: Iterable[str]
) -> tuple[Lexicon, set[str]]:
    """The lexicon, and every id the files define (disabled ones included)."""
    off = tuple(sorted(set(disabled)))
    merged: dict[str, LexiconEntry] = {}
    for name, blob in files:
        for entry in parse_entries(blob, name):
            merged[entry.id] = entry
    h = hashlib.sha256()
    for _name, blob in files:
        # Names are left out so the same content gives the same hash wherever it lives.
        h.update(hashlib.sha256(blob).digest())
    h.update("\n".join(off).encode())
    lexicon = Lexicon(
        entries=[e for e in merged.values() if e.id not in off],
        sha256=h.hexdigest(),
        sources=[name for name, _ in files],
        disabled=off,
    )
    return lexicon, set(merged)
