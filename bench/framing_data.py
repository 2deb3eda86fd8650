"""Readers for the real labelled sets the framing benches score against, and the scoring.

Every reader takes the path of an extracted copy outside the repository (never committed)
and returns plain `Article`s: the text as the annotator sees it and the gold spans with
character offsets into that text. Nothing here is imported by the package.

- BASIL (`NEWSPROV_BASIL`): `articles/<year>/*.json` with body paragraphs as lists of
  sentences; `annotations/<year>/*_ann.json` with phrase spans whose offsets count within
  one sentence. Lexical-bias spans (`bias = "lex"`) are the framing gold; `quote = "yes"`
  marks the speaker's words.
- SemEval-2023 Task 3, English TRAIN split (`NEWSPROV_SEMEVAL`, the folder holding
  `train-articles-subtask-3/` and `train-labels-subtask-3-spans/`; the dev split is
  reserved and refused).
- AEB real pages (`NEWSPROV_AEB`): `ground-truth-unreserved.json`, hand-made body text of
  the 156 unreserved pages, as neutral copy for firing rates.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotate.models import FramingSpan  # noqa: E402
from annotate.quotes import inside, quote_regions  # noqa: E402

# SemEval-2023 technique -> project category (the mapping of issue 10).
SEMEVAL_MAP = {
    "Loaded_Language": "loaded_language",
    "Name_Calling-Labeling": "labeling",
    "Doubt": "doubt",
    "Exaggeration-Minimisation": "intensifier",
}


@dataclass
class Gold:
    start: int
    end: int
    category: str | None  # None where the set has no categories (BASIL)
    in_quote: bool


@dataclass
class Article:
    name: str
    text: str
    gold: list[Gold] = field(default_factory=list)


def env_path(var: str) -> Path | None:
    """The folder named by `var`, or None (with a one-line message) when unset or missing."""
    value = os.environ.get(var)
    if not value:
        print(f"skipped: set {var} to the extracted data folder to run this benchmark")
        return None
    path = Path(value)
    if not path.is_dir():
        print(f"skipped: {var}={value} is not a folder; point it at the extracted data")
        return None
    return path


# -- BASIL ---------------------------------------------------------------------------------
def read_basil(root: Path) -> list[Article]:
    out = []
    for art_file in sorted((root / "articles").glob("*/*.json")):
        ann_file = root / "annotations" / art_file.parent.name / f"{art_file.stem}_ann.json"
        if not ann_file.exists():
            continue
        art = json.loads(art_file.read_text(encoding="utf-8"))
        paras = art.get("body-paragraphs") or []
        # Sentence start offsets in the joined text: sentences joined by a space,
        # paragraphs by a blank line (so the quote finder sees paragraph breaks).
        text_parts, sent_starts, pos = [], [], 0
        for p_i, para in enumerate(paras):
            if p_i:
                text_parts.append("\n\n")
                pos += 2
            for s_i, sent in enumerate(para):
                if s_i:
                    text_parts.append(" ")
                    pos += 1
                sent_starts.append((pos, sent))
                text_parts.append(sent)
                pos += len(sent)
        text = "".join(text_parts)
        ann = json.loads(ann_file.read_text(encoding="utf-8"))
        gold = []
        for p in ann.get("phrase-level-annotations", []):
            if p.get("bias") != "lex":
                continue
            at = _locate(sent_starts, text, p["txt"], int(p["start"]), int(p["end"]))
            if at is not None:
                gold.append(Gold(at[0], at[1], None, p.get("quote") == "yes"))
        out.append(Article(art_file.stem, text, gold))
    return out


def _locate(
    sents: list[tuple[int, str]], text: str, txt: str, start: int, end: int
) -> tuple[int, int] | None:
    """Offsets are per sentence and the sentence is not named: take the first sentence
    where the span's text sits at its offsets, else the first occurrence in the text."""
    for base, sent in sents:
        if sent[start:end] == txt:
            return base + start, base + end
    i = text.find(txt)
    return (i, i + len(txt)) if i >= 0 and txt.strip() else None


# -- SemEval-2023 --------------------------------------------------------------------------
def read_semeval(root: Path) -> list[Article]:
    # Only the train folders are ever read; a path naming the dev split is refused outright.
    if root.name == "dev" or root.name.startswith("dev-"):
        raise SystemExit("refused: the SemEval-2023 dev split is reserved; use the train split")
    arts_dir = _find_dir(root, "train-articles-subtask-3")
    labels_dir = _find_dir(root, "train-labels-subtask-3-spans")
    if arts_dir is None or labels_dir is None:
        raise SystemExit(
            f"{root}: expected train-articles-subtask-3/ and train-labels-subtask-3-spans/ "
            "under it; point NEWSPROV_SEMEVAL at the extracted English train split"
        )
    out = []
    for f in sorted(arts_dir.glob("article*.txt")):
        text = f.read_text(encoding="utf-8")
        art_id = f.stem.removeprefix("article")
        quotes = quote_regions(text)
        gold = []
        lab = labels_dir / f"article{art_id}-labels-subtask-3.txt"
        if lab.exists():
            for line in lab.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) != 4 or parts[1] not in SEMEVAL_MAP:
                    continue
                s, e = int(parts[2]), int(parts[3])
                gold.append(Gold(s, e, SEMEVAL_MAP[parts[1]], inside(s, e, quotes)))
        out.append(Article(f.stem, text, gold))
    return out


def _find_dir(root: Path, name: str) -> Path | None:
    if root.name == name:
        return root
    hits = [p for p in root.rglob(name) if p.is_dir()]
    return hits[0] if hits else None


# -- AEB -----------------------------------------------------------------------------------
_ENGLISH = frozenset("the and of to a in is that for it was on with as".split())


def is_english(text: str) -> bool:
    """The annotator reads English: pages in other languages (a fifth of AEB) are left out
    of firing rates, where they would only count what English rules do on foreign words."""
    words = text.lower().split()
    return bool(words) and sum(w in _ENGLISH for w in words) / len(words) >= 0.08


def read_aeb(root: Path) -> list[Article]:
    truth = json.loads((root / "ground-truth-unreserved.json").read_text(encoding="utf-8"))
    return [
        Article(key[:12], row.get("articleBody") or "")
        for key, row in sorted(truth.items())
        if is_english(row.get("articleBody") or "")
    ]


# -- PolNeAR ------------------------------------------------------------------------------
NEWS_OUTLETS = ("nyt", "politico", "usa-today", "wash-post")


def read_polnear(root: Path, limit: int = 240) -> list[Article]:
    """Political news from the four outlets of PolNeAR (train split only; test is reserved)
    whose copy is mostly straight reporting, `limit` articles spread across them."""
    # the same two layouts eval_polnear accepts: PolNeAR's folder, or its `data` folder
    text_dir = next((d for d in (root / "data" / "train", root / "train") if d.is_dir()), None)
    if text_dir is None:
        raise SystemExit(f"no train/text under {root}: set NEWSPROV_POLNEAR to PolNeAR's folder")
    text_dir = text_dir / "text"
    files = sorted(f for f in text_dir.glob("*.txt") if f.name.split("_")[0] in NEWS_OUTLETS)
    step = max(1, len(files) // limit) if limit else 1
    # The NYT texts came through a news archive that writes a double quote as two
    # apostrophes (''like this''); restore the mark so quotations are seen as such.
    return [
        Article(f.stem, f.read_text(encoding="utf-8").replace("''", '"'))
        for f in files[::step][:limit]
    ]


# -- running the framing matcher -----------------------------------------------------------
def parsed(nlp, texts: list[str], cache: Path | None = None) -> Iterator:
    """spaCy Docs for `texts`; with `cache`, parsed docs are kept in a DocBin keyed by the
    texts' hash so repeated runs skip the spaCy pass."""
    import hashlib

    from spacy.tokens import DocBin

    if cache is None:
        yield from nlp.pipe(texts, batch_size=32)
        return
    key = hashlib.sha256("\0".join(texts).encode()).hexdigest()[:16]
    path = cache / f"{key}.spacy"
    if path.exists():
        yield from DocBin().from_disk(path).get_docs(nlp.vocab)
        return
    docs = list(nlp.pipe(texts, batch_size=32))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    yield from docs


def run_matcher(
    matcher, nlp, arts: list[Article], cache: Path | None = None
) -> list[list[FramingSpan]]:
    return [
        matcher.find(doc, quote_regions(doc.text))
        for doc in parsed(nlp, [a.text for a in arts], cache)
    ]


# -- scoring -------------------------------------------------------------------------------
def _ov(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


@dataclass
class PRF:
    tp_p: float = 0.0  # predictions credited (any-overlap: count; partial: overlap share)
    n_p: int = 0
    tp_g: float = 0.0
    n_g: int = 0

    @property
    def p(self) -> float:
        return self.tp_p / self.n_p if self.n_p else 0.0

    @property
    def r(self) -> float:
        return self.tp_g / self.n_g if self.n_g else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def row(self) -> str:
        return (
            f"P {self.p:.3f}  R {self.r:.3f}  F1 {self.f1:.3f}  (pred {self.n_p}, gold {self.n_g})"
        )


def score(
    pairs: Iterable[tuple[list[Gold], list[FramingSpan]]],
    in_quote: bool,
    category: str | None = None,
    tier: str | None = None,
) -> tuple[PRF, PRF]:
    """(any-overlap, partial-overlap) scores for spans in one voice; with `category`, only
    predictions and gold of that category; with `tier`, only predictions of that tier.
    Partial overlap is the SemEval-2020 scorer's: each prediction is credited with the share
    of its characters inside gold, each gold span with the share covered by predictions."""
    anyo, part = PRF(), PRF()
    for gold, pred in pairs:
        g = [
            x
            for x in gold
            if x.in_quote == in_quote and (category is None or x.category == category)
        ]
        p = [
            x
            for x in pred
            if x.in_quote == in_quote
            and (category is None or x.category == category)
            and (tier is None or x.tier == tier)
        ]
        for x in p:
            anyo.n_p += 1
            part.n_p += 1
            ovs = [_ov(x.start, x.end, y.start, y.end) for y in g]
            anyo.tp_p += any(ovs)
            part.tp_p += min(1.0, sum(ovs) / max(1, x.end - x.start))
        for y in g:
            anyo.n_g += 1
            part.n_g += 1
            ovs = [_ov(x.start, x.end, y.start, y.end) for x in p]
            anyo.tp_g += any(ovs)
            part.tp_g += min(1.0, sum(ovs) / max(1, y.end - y.start))
    return anyo, part


def detector(span: FramingSpan) -> str:
    if span.entry is None:
        return "scare quotes"
    if span.entry.startswith("framing.loaded.auto"):
        return "VADER auto"
    return "lexicon"


def build_matcher(nlp, vader: bool | None = None):
    """The shipped framing matcher; `vader` forces the open-vocabulary signal on or off
    (None: the package default)."""
    from annotate.framing import FramingMatcher

    if vader is None:
        return FramingMatcher(nlp)
    return FramingMatcher(nlp, open_vocabulary=vader)


def report(arts: list[Article], preds: list[list[FramingSpan]], categories: bool) -> None:
    """Print P/R/F1 for author-voice and in-quote spans, any-overlap and partial overlap,
    overall, by tier and (with `categories`) by category; then the detector breakdown."""
    from annotate.models import FRAMING_CATEGORIES, FRAMING_TIERS

    pairs = [(a.gold, p) for a, p in zip(arts, preds, strict=True)]
    words = sum(len(a.text.split()) for a in arts)
    print(f"{len(arts)} articles, {words:,} words, {sum(len(a.gold) for a in arts):,} gold spans")
    for in_quote, voice in ((False, "author's voice"), (True, "in quotes")):
        anyo, part = score(pairs, in_quote)
        print(f"{voice}:")
        print(f"  any-overlap      {anyo.row()}")
        print(f"  partial overlap  {part.row()}")
        for tier in FRAMING_TIERS:
            a, _ = score(pairs, in_quote, tier=tier)
            # strong alone is what the desk shows by default; mild alone has no use for recall
            shown = a.row() if tier == "strong" else f"P {a.p:.3f}  (pred {a.n_p})"
            print(f"  only {tier:<6}      {shown}")
        if categories:
            for cat in FRAMING_CATEGORIES:
                a, _ = score(pairs, in_quote, category=cat)
                print(f"  {cat:<16} {a.row()}")
    by_det: dict[str, list[int]] = {}
    for gold, pred in pairs:
        for x in pred:
            if x.in_quote:
                continue
            hit = any(_ov(x.start, x.end, y.start, y.end) for y in gold if not y.in_quote)
            row = by_det.setdefault(detector(x), [0, 0])
            row[0] += hit
            row[1] += 1
    print("author's-voice spans by detector (any-overlap precision):")
    for name, (hit, n) in sorted(by_det.items()):
        print(f"  {name:<13} {hit:4d} of {n:4d}  ({hit / n if n else 0:.3f})")


def half(arts: list[Article], which: str) -> list[Article]:
    """One of two fixed halves of a set, by the parity of the digits in the article's name
    (SemEval ids, BASIL file numbers): rules are developed on one half and the other half
    gives the honest figure. Names without digits go to the even half."""
    want = 0 if which == "even" else 1

    def parity(name: str) -> int:
        digits = "".join(c for c in name if c.isdigit())
        return int(digits) % 2 if digits else 0

    return [a for a in arts if parity(a.name) == want]


def print_misses(
    arts: list[Article], preds: list[list[FramingSpan]], limit: int, tier: str | None
) -> None:
    """Gold spans in the author's voice that no prediction (of `tier`, if given) touches,
    by category, with a little context: the material for reading what the rules miss. Only
    printed to the terminal, never written anywhere."""
    by_cat: dict[str, list[str]] = {}
    for a, pred in zip(arts, preds, strict=True):
        p = [x for x in pred if not x.in_quote and (tier is None or x.tier == tier)]
        for g in a.gold:
            if g.in_quote or any(_ov(x.start, x.end, g.start, g.end) for x in p):
                continue
            left = a.text[max(0, g.start - 30) : g.start].replace("\n", " ")
            right = a.text[g.end : g.end + 30].replace("\n", " ")
            span = a.text[g.start : g.end].replace("\n", " ")
            by_cat.setdefault(g.category or "-", []).append(f"{left}[[{span}]]{right}")
    for cat, rows in sorted(by_cat.items()):
        print(f"missed {cat}: {len(rows)}")
        for r in rows[:limit]:
            print(f"  {r!r}")


def eval_main(
    description: str, env_var: str, read: Callable[[Path], list[Article]], categories: bool
) -> None:
    """The command line both labelled-set scripts share: --vader, --cache, --half and
    --misses, the data path from `env_var` (a clean skip without it), the shipped matcher,
    the report."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--vader", choices=("on", "off"), help="force the open-vocabulary signal")
    ap.add_argument("--cache", type=Path, help="keep parsed docs here between runs")
    ap.add_argument(
        "--half", choices=("even", "odd"), help="score one fixed half (article number parity)"
    )
    ap.add_argument("--misses", type=int, default=0, help="print N missed gold spans a category")
    ap.add_argument("--misses-tier", choices=("strong", "mild"), help="misses of this tier's view")
    args = ap.parse_args()
    root = env_path(env_var)
    if root is None:
        return
    from annotate.nlp import load_nlp

    nlp = load_nlp()
    arts = read(root)
    if args.half:
        arts = half(arts, args.half)
    matcher = build_matcher(nlp, None if args.vader is None else args.vader == "on")
    preds = run_matcher(matcher, nlp, arts, args.cache)
    report(arts, preds, categories=categories)
    if args.misses:
        print_misses(arts, preds, args.misses, args.misses_tier)
