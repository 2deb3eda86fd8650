"""Dataclasses the annotator returns. Offsets are Python str indices (code points) into
the annotated text, so SQLite `substr(text, start + 1, end - start)` returns the span."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SOURCING_LABELS = (
    "named_source",
    "anonymous_source",
    "vague_document",
    "agentless",
    "weasel",
    "unattributed_claim",
)
# A sentence with one of these labels is an "unsourced assertion".
UNSOURCED_LABELS = frozenset(SOURCING_LABELS[1:])

FRAMING_CATEGORIES = ("loaded_language", "intensifier", "presupposition", "doubt", "labeling")

# Tiers (DESIGN.md "Labels"): how urgently an editor should look at a flag.
# An unsourced sentence is `query` (an editor would ask the reporter where it came from) or
# `routine` (checkable, low-risk); sentences that are not unsourced have no tier.
SOURCING_TIERS = ("query", "routine")
# A framing span is `strong` (an editor would change the word) or `mild` (worth a look).
FRAMING_TIERS = ("strong", "mild")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass
class Attributed:
    """One attribution stated in a sentence: who (as written there) and the cue. A sentence
    can hold several ("X said A, while Y argued B"); the sentence's own label follows the
    main one only."""

    source: Span | None  # the source phrase as written in the sentence (a pronoun stays one)
    cue: Span | None  # the verb, preposition, noun or colon that marks the attribution
    sourcing: str | None  # the label this attribution alone would give (SOURCING_LABELS)
    rule: str | None = None  # lexicon entry or rule id that found it
    refers_to: Span | None = None  # for a pronoun or 'the analysts': who it stands for

    def to_json(self) -> dict:
        return {
            "source": asdict(self.source) if self.source else None,
            "cue": asdict(self.cue) if self.cue else None,
            "sourcing": self.sourcing,
            "refers_to": asdict(self.refers_to) if self.refers_to else None,
        }


@dataclass
class SentenceFlag:
    start: int
    end: int
    text: str
    sourcing: str | None  # one of SOURCING_LABELS, or None (nothing that needs a source)
    source: Span | None = None  # who or what the sentence is attributed to
    cue: Span | None = None  # the reporting verb / phrase that signals attribution
    in_quote: bool = False  # the whole sentence sits inside a quotation
    reason: str | None = None  # why this label, in words an editor understands
    rule: str | None = None  # id of the rule that decided (for maintainers)
    tier: str | None = None  # one of SOURCING_TIERS when unsourced, else None
    # every attribution stated in the sentence, the main one first (source and cue above
    # are the main one's, resolved: a pronoun's antecedent, a carried-over speaker)
    attributions: list[Attributed] = field(default_factory=list)

    @property
    def unsourced(self) -> bool:
        return self.sourcing in UNSOURCED_LABELS

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sourcing": self.sourcing,
            "unsourced": self.unsourced,
            "source": asdict(self.source) if self.source else None,
            "cue": asdict(self.cue) if self.cue else None,
            "in_quote": self.in_quote,
            "reason": self.reason,
            "tier": self.tier,
            "attributions": [a.to_json() for a in self.attributions],
        }


@dataclass
class FramingSpan:
    start: int
    end: int
    text: str
    category: str  # one of FRAMING_CATEGORIES
    entry: str | None  # lexicon entry id, e.g. "framing.loaded.staggering"; None for rule hits
    reason: str
    in_quote: bool = False
    tier: str = "strong"  # one of FRAMING_TIERS

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": "framing",
            "category": self.category,
            "entry": self.entry,
            "reason": self.reason,
            "in_quote": self.in_quote,
            "tier": self.tier,
        }


@dataclass(frozen=True)
class Figure:
    text: str  # as written: "2,546", "nearly a third", "four to one"
    start: int
    end: int
    value: float | None  # 2546.0, 0.333, 4.0 (ratio) ; None when not numeric
    unit: str | None  # what is counted: "fatalities", "security personnel", "%", "ratio"


@dataclass
class Claim:
    sentence_index: int  # index into Annotation.sentences
    start: int
    end: int
    statement: str  # normalised statement used for matching (lemmas, no stop words)
    figures: list[Figure] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)  # named entities in the sentence
    predicate: str | None = None  # lemma of the main verb


@dataclass
class Annotation:
    text: str
    sentences: list[SentenceFlag]
    spans: list[FramingSpan]
    claims: list[Claim] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_json(self) -> dict:
        """The `annotate-text --json` contract of DESIGN.md, exactly."""
        return {
            "sentences": [s.to_json() for s in self.sentences],
            "spans": [s.to_json() for s in self.spans],
        }
