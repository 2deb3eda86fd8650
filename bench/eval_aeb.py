"""Article-body quality on the ScrapingHub article-extraction benchmark (AEB) pages.

Scores `scraper.extract.extract_article` the way the benchmark scores extractors: each
body is cut into word 4-shingles (tokens are `\\w+` runs), true/false positives and
negatives are counted per page and normalised by the page's total, precision and recall
are averaged over pages, F1 is their harmonic mean. (Re-implemented from the published
description; no benchmark code is copied.)

Also counts what an editor would see as noise:
- promo lines: paragraphs of ours, absent from the ground truth, that look like
  promotion ("SEE MORE:", "DON'T MISS", "[INSIGHT] ...", "Like this story? Share it",
  "Need more space?", "Profile: X", a bare number);
- stray paragraphs: paragraphs of ours with fewer than half of their shingles in the
  ground truth (related headlines, captions, furniture).

Data: env NEWSPROV_AEB (a folder with html/<key>.html.gz and ground-truth-unreserved.json,
or ground-truth.json); without it the script exits 0 with a one-line message.

    NEWSPROV_AEB=/work/data/aeb .venv/bin/python bench/eval_aeb.py [--show-promo] [--worst 10]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_TOKEN = re.compile(r"\w+")
PROMO = re.compile(
    r"^\s*(?:see more\b|see also\b|don['’]?t miss\b|read more\b|related\s*:|more:|\[[A-Z][A-Z ]+\]"
    r"|like this story\b|need more space\b|profile\s*:|\d{3,}\s*$|sign up\b|subscribe\b)",
    re.I,
)


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean(prec(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(rec(*c) for c in counts if c[0] + c[2] > 0)
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def noise(true: str, pred: str) -> tuple[list[str], list[str]]:
    truth = shingles(true)
    norm_truth = " ".join(_TOKEN.findall(true.lower()))
    promo, stray = [], []
    for para in (p.strip() for p in pred.split("\n")):
        if not para:
            continue
        words = " ".join(_TOKEN.findall(para.lower()))
        if PROMO.match(para) and words not in norm_truth:
            promo.append(para)
        own = shingles(para)
        if own and sum((own & truth).values()) < 0.5 * sum(own.values()):
            stray.append(para)
    return promo, stray


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show-promo", action="store_true", help="print every promo line left")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    ap.add_argument("--only", help="comma-separated page keys")
    args = ap.parse_args()
    root = os.environ.get("NEWSPROV_AEB")
    if not root or not Path(root, "html").is_dir():
        print("NEWSPROV_AEB is not set to the AEB data folder (html/ + ground truth); skipped")
        return 0
    root_path = Path(root)
    gt_file = root_path / "ground-truth-unreserved.json"
    if not gt_file.exists():
        gt_file = root_path / "ground-truth.json"
    truth = json.loads(gt_file.read_text("utf-8"))
    if args.only:
        truth = {k: v for k, v in truth.items() if k in args.only.split(",")}
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    from scraper.extract import ExtractError, extract_article

    counts, promo_all, stray_all, per_page, failed = [], [], [], [], 0
    start = time.perf_counter()
    for key, item in sorted(truth.items()):
        body = gzip.decompress((root_path / "html" / f"{key}.html.gz").read_bytes())
        try:
            pred = extract_article(
                body, item.get("url") or "http://example.test/", "text/html"
            ).text
        except ExtractError:
            pred, failed = "", failed + 1
        c = tp_fp_fn(item.get("articleBody", ""), pred)
        counts.append(c)
        promo, stray = noise(item.get("articleBody", ""), pred)
        promo_all += [(key, p) for p in promo]
        stray_all += [(key, p) for p in stray]
        per_page.append((scores([c])["f1"] if sum(c) else 0.0, key))
    took = time.perf_counter() - start
    s = scores(counts)
    print(
        f"AEB {len(truth)} pages ({gt_file.name}): F1 {s['f1']:.4f}  precision "
        f"{s['precision']:.4f}  recall {s['recall']:.4f}  | promo lines left {len(promo_all)}"
        f"  stray paragraphs {len(stray_all)}  no body {failed}  | {took / len(truth) * 1000:.0f} ms/page"
    )
    if args.show_promo:
        for key, p in promo_all:
            print(f"  promo {key[:10]}: {p[:120]}")
    for f1, key in sorted(per_page)[: args.worst]:
        print(f"  {f1:.3f} {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
