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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing_score import PRF, _ov, detector, half, print_misses, report, score  # noqa: E402

from annotate.models import FramingSpan  # noqa: E402
from annotate.quotes import inside, quote_regions  # noqa: E402

# The scoring lives in framing_score; the bench scripts import it from here with the readers.
__all__ = [
    "PRF",
    "Article",
    "Gold",
    "_ov",
    "build_matcher",
    "detector",
    "env_path",
    "eval_main",
    "half",
    "parsed",
    "print_misses",
    "read_aeb",
    "read_basil",
    "read_polnear",
    "read_semeval",
    "report",
    "run_matcher",
    "score",
]

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


def build_matcher(nlp, vader: bool | None = None):
    """The shipped framing matcher; `vader` forces the open-vocabulary signal on or off
    (None: the package default)."""
    from annotate.framing import FramingMatcher

    if vader is None:
        return FramingMatcher(nlp)
    return FramingMatcher(nlp, open_vocabulary=vader)


def annotated(
    arts: list[Article], which_half: str | None, cache: Path | None, vader: bool | None = None
) -> tuple[list[Article], list[list]]:
    """The articles (one fixed half with `which_half`) and the shipped matcher's spans for
    each: the run every labelled-set script starts from."""
    from annotate.nlp import load_nlp

    nlp = load_nlp()
    if which_half:
        arts = half(arts, which_half)
    return arts, run_matcher(build_matcher(nlp, vader), nlp, arts, cache)


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
    vader = None if args.vader is None else args.vader == "on"
    arts, preds = annotated(read(root), args.half, args.cache, vader)
    report(arts, preds, categories=categories)
    if args.misses:
        print_misses(arts, preds, args.misses, args.misses_tier)
