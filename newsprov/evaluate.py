"""Scoring the annotator against the hand-labelled gold set in tests/gold/.

The gold files are read by `newsprov/gold.py` (format there and in docs/interfaces.md);
its names (`load_gold`, `GoldArticle`, `GoldError`, ...) stay importable from here.

A gold sentence is compared with the predicted sentence that contains its first character, so
a splitter that merges two gold sentences is charged for both, and one that splits a gold
sentence is judged on the piece where the gold sentence starts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from annotate.models import UNSOURCED_LABELS, Annotation, SentenceFlag
from newsprov.gold import (
    LABELS,
    NONE,
    GoldArticle,
    GoldError,
    GoldSentence,
    GoldSpan,
    load_gold,
    load_gold_article,
)

__all__ = [
    "LABELS",
    "NONE",
    "PRF",
    "EvalReport",
    "FramingScore",
    "GoldArticle",
    "GoldError",
    "GoldSentence",
    "GoldSpan",
    "SentenceMiss",
    "SourcingScore",
    "evaluate",
    "format_report",
    "load_gold",
    "load_gold_article",
    "score_framing",
    "score_sourcing",
]


# -- scores --------------------------------------------------------------------------------
@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class SentenceMiss:
    article: str
    text: str
    gold: str
    predicted: str
    reason: str | None


@dataclass
class SourcingScore:
    unsourced: PRF = field(default_factory=PRF)
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) -> count
    named_wrongly_flagged: list[SentenceMiss] = field(default_factory=list)
    misses: list[SentenceMiss] = field(default_factory=list)  # every label disagreement
    sentences: int = 0

    @property
    def agreement(self) -> float:
        same = sum(n for (g, p), n in self.confusion.items() if g == p)
        return same / self.sentences if self.sentences else 1.0

    def per_label(self) -> dict[str, PRF]:
        out = {}
        for lab in LABELS:
            tp = self.confusion[(lab, lab)]
            fp = sum(n for (g, p), n in self.confusion.items() if p == lab and g != lab)
            fn = sum(n for (g, p), n in self.confusion.items() if g == lab and p != lab)
            out[lab] = PRF(tp, fp, fn)
        return out

    def to_json(self) -> dict:
        return {
            "sentences": self.sentences,
            "unsourced": self.unsourced.to_json(),
            "label_agreement": round(self.agreement, 4),
            "per_label": {k: v.to_json() for k, v in self.per_label().items()},
            "confusion": [
                {"gold": g, "predicted": p, "count": n}
                for (g, p), n in sorted(self.confusion.items())
            ],
            "named_wrongly_flagged": [m.__dict__ for m in self.named_wrongly_flagged],
            "misses": [m.__dict__ for m in self.misses],
        }


@dataclass
class FramingScore:
    outside_quotes: PRF = field(default_factory=PRF)  # the outlet's own words
    in_quotes: PRF = field(default_factory=PRF)  # the speakers' words, kept apart
    category_agree: int = 0  # matched outside-quote spans whose category also agrees
    neutral_flags: int = 0  # predicted outside-quote spans on articles marked neutral
    neutral_words: int = 0
    articles: int = 0
    misses: list[dict] = field(default_factory=list)

    @property
    def neutral_per_500_words(self) -> float | None:
        return 500 * self.neutral_flags / self.neutral_words if self.neutral_words else None

    def to_json(self) -> dict:
        per500 = self.neutral_per_500_words
        return {
            "articles": self.articles,
            "outside_quotes": self.outside_quotes.to_json(),
            "in_quotes": self.in_quotes.to_json(),
            "category_agreement": round(self.category_agree / self.outside_quotes.tp, 4)
            if self.outside_quotes.tp
            else None,
            "neutral_flags_per_500_words": round(per500, 3) if per500 is not None else None,
            "neutral_words": self.neutral_words,
            "misses": self.misses,
        }


def _label(flag: SentenceFlag | None) -> str:
    return flag.sourcing if flag and flag.sourcing else NONE


def _flag_at(flags: list[SentenceFlag], pos: int) -> SentenceFlag | None:
    """The predicted sentence holding `pos`, else the first one starting after it (a gold
    sentence may start on a bullet or space the splitter left outside every sentence)."""
    for f in flags:
        if f.start <= pos < f.end:
            return f
    return next((f for f in flags if f.start >= pos), None)


def score_sourcing(art: GoldArticle, ann: Annotation, score: SourcingScore) -> None:
    for g in art.sentences or []:
        flag = _flag_at(ann.sentences, g.start)
        pred = _label(flag)
        score.sentences += 1
        score.confusion[(g.label, pred)] += 1
        gold_u, pred_u = g.label in UNSOURCED_LABELS, pred in UNSOURCED_LABELS
        score.unsourced.tp += gold_u and pred_u
        score.unsourced.fp += pred_u and not gold_u
        score.unsourced.fn += gold_u and not pred_u
        if pred != g.label:
            miss = SentenceMiss(art.name, g.text, g.label, pred, flag.reason if flag else None)
            score.misses.append(miss)
            if g.label == "named_source" and pred_u:
                score.named_wrongly_flagged.append(miss)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_framing(art: GoldArticle, ann: Annotation, score: FramingScore) -> None:
    score.articles += 1
    for in_quote, prf in ((False, score.outside_quotes), (True, score.in_quotes)):
        gold = [g for g in art.spans or [] if g.in_quote == in_quote]
        pred = [p for p in ann.spans if p.in_quote == in_quote]
        used: set[int] = set()
        for p in pred:
            hit = next(
                (
                    i
                    for i, g in enumerate(gold)
                    if i not in used and _overlap(p.start, p.end, g.start, g.end)
                ),
                None,
            )
            if hit is None:
                prf.fp += 1
                score.misses.append(
                    {
                        "article": art.name,
                        "kind": "extra",
                        "text": p.text,
                        "category": p.category,
                        "in_quote": in_quote,
                    }
                )
            else:
                used.add(hit)
                prf.tp += 1
                if not in_quote and gold[hit].category == p.category:
                    score.category_agree += 1
        for i, g in enumerate(gold):
            if i not in used:
                prf.fn += 1
                score.misses.append(
                    {
                        "article": art.name,
                        "kind": "missed",
                        "text": g.text,
                        "category": g.category,
                        "in_quote": in_quote,
                    }
                )
    if art.neutral:
        score.neutral_words += art.words
        score.neutral_flags += sum(1 for p in ann.spans if not p.in_quote)


@dataclass
class EvalReport:
    articles: list[str]
    sourcing: SourcingScore
    framing: FramingScore

    def to_json(self) -> dict:
        return {
            "articles": self.articles,
            "sourcing": self.sourcing.to_json(),
            "framing": self.framing.to_json() if self.framing.articles else None,
        }


def evaluate(arts: Iterable[GoldArticle], annotations: Iterable[Annotation]) -> EvalReport:
    """Score annotations (one per gold article, same order) against the gold labels."""
    src, fr, names = SourcingScore(), FramingScore(), []
    for art, ann in zip(arts, annotations, strict=True):
        names.append(art.name)
        if art.sentences is not None:
            score_sourcing(art, ann, src)
        if art.spans is not None:
            score_framing(art, ann, fr)
    return EvalReport(names, src, fr)


def format_report(rep: EvalReport, show_misses: bool = False) -> str:
    s, lines = rep.sourcing, []
    u = s.unsourced
    lines.append(f"gold articles: {len(rep.articles)}, labelled sentences: {s.sentences}")
    lines.append(
        f"unsourced flag: precision {u.precision:.3f}  recall {u.recall:.3f}  F1 {u.f1:.3f}"
        f"  (tp {u.tp}, fp {u.fp}, fn {u.fn})"
    )
    lines.append(f"label agreement: {s.agreement:.3f}")
    lines.append(f"{'label':<20}{'gold':>6}{'pred':>6}{'agree':>7}{'prec':>7}{'rec':>7}")
    for lab, prf in s.per_label().items():
        lines.append(
            f"{lab:<20}{prf.tp + prf.fn:>6}{prf.tp + prf.fp:>6}{prf.tp:>7}"
            f"{prf.precision:>7.2f}{prf.recall:>7.2f}"
        )
    lines.append("confusion (gold -> predicted, disagreements only):")
    for (g, p), n in sorted(s.confusion.items(), key=lambda kv: -kv[1]):
        if g != p:
            lines.append(f"  {g:<20} -> {p:<20} {n}")
    lines.append(
        f"named-source sentences wrongly flagged unsourced: {len(s.named_wrongly_flagged)}"
    )
    for m in s.named_wrongly_flagged:
        lines.append(f"  [{m.article}] {m.text!r} -> {m.predicted} ({m.reason})")
    f = rep.framing
    if f.articles:
        o, q = f.outside_quotes, f.in_quotes
        lines.append(f"framing ({f.articles} articles with framing gold, overlap match):")
        lines.append(
            f"  outside quotes: precision {o.precision:.3f}  recall {o.recall:.3f}  F1 {o.f1:.3f}"
            f"  (tp {o.tp}, fp {o.fp}, fn {o.fn})"
        )
        lines.append(
            f"  in quotes:      precision {q.precision:.3f}  recall {q.recall:.3f}  F1 {q.f1:.3f}"
            f"  (tp {q.tp}, fp {q.fp}, fn {q.fn})"
        )
        per500 = f.neutral_per_500_words
        lines.append(
            "  flags per 500 words on neutral articles: "
            + (
                f"{per500:.2f} ({f.neutral_flags} in {f.neutral_words} words)"
                if per500 is not None
                else "n/a"
            )
        )
    else:
        lines.append("framing: no *.framing.toml gold files")
    if show_misses:
        lines.append("sourcing disagreements:")
        for m in s.misses:
            lines.append(
                f"  [{m.article}] gold {m.gold} / got {m.predicted}: {m.text!r} ({m.reason})"
            )
        if f.articles:
            lines.append("framing disagreements:")
            for m in f.misses:
                q = " (in quote)" if m["in_quote"] else ""
                lines.append(f"  [{m['article']}] {m['kind']} {m['category']}{q}: {m['text']!r}")
    return "\n".join(lines)
