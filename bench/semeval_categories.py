"""Per SemEval-2023 category, what the desk shows by default (`strong` spans), author's voice
and quotes apart: the view issue 10's categories are judged in (TRAIN split only; the dev
split is reserved).

For each gold category (Loaded_Language -> loaded_language, Name_Calling-Labeling ->
labeling, Doubt -> doubt, Exaggeration-Minimisation -> intensifier) it prints
- recall: the share of that category's gold spans touched by any strong span of the same
  voice (any category: a loaded word inside a Doubt span does show the editor the spot);
- precision: the share of strong spans of that project category touching any gold span of
  the same voice (what `eval_semeval.py`'s overall any-overlap precision counts).
`eval_semeval.py` prints the same-category scores over all tiers; this is the strong view.

Usage: NEWSPROV_SEMEVAL=/work/data/semeval2023-en-train .venv/bin/python \
       bench/semeval_categories.py [--half even|odd] [--cache DIR]
(skips cleanly when NEWSPROV_SEMEVAL is unset)
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from framing_data import (
    SEMEVAL_MAP,
    Article,
    _ov,
    annotated,
    env_path,
    read_semeval,
)

if TYPE_CHECKING:  # framing_data puts the project on sys.path when imported
    from annotate.models import FramingSpan


def category_rows(
    arts: list[Article], preds: list[list[FramingSpan]], in_quote: bool, tier: str = "strong"
) -> list[tuple[str, int, int, int, int]]:
    """(category, gold touched, gold, predictions touching gold, predictions) per category."""
    rows = []
    for cat in dict.fromkeys(SEMEVAL_MAP.values()):
        tg = ng = tp = np_ = 0
        for a, pred in zip(arts, preds, strict=True):
            gold = [g for g in a.gold if g.in_quote == in_quote]
            shown = [x for x in pred if x.in_quote == in_quote and x.tier == tier]
            for g in gold:
                if g.category == cat:
                    ng += 1
                    tg += any(_ov(x.start, x.end, g.start, g.end) for x in shown)
            for x in shown:
                if x.category == cat:
                    np_ += 1
                    tp += any(_ov(x.start, x.end, g.start, g.end) for g in gold)
        rows.append((cat, tg, ng, tp, np_))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("even", "odd"), help="one fixed half (article parity)")
    ap.add_argument("--cache", type=Path, help="keep parsed docs here between runs")
    args = ap.parse_args()
    root = env_path("NEWSPROV_SEMEVAL")
    if root is None:
        return
    arts, preds = annotated(read_semeval(root), args.half, args.cache)
    print(f"{len(arts)} articles; strong spans only, any-overlap")
    for in_quote, voice in ((False, "author's voice"), (True, "in quotes")):
        print(f"{voice}:")
        for cat, tg, ng, tp, np_ in category_rows(arts, preds, in_quote):
            r = tg / ng if ng else 0.0
            p = tp / np_ if np_ else 0.0
            print(f"  {cat:<16} recall {r:.3f} ({tg}/{ng})  precision {p:.3f} ({tp}/{np_})")


if __name__ == "__main__":
    main()
