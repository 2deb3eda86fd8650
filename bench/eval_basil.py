"""Framing spans against BASIL's lexical-bias spans (Fan et al. 2019), author's voice and
quotes scored apart. BASIL marks bias aimed at the story's main people, so its gold is
sparse: precision here is a floor, and its categories are not the project's (one row).

Usage: NEWSPROV_BASIL=/work/data/basil .venv/bin/python bench/eval_basil.py [--vader on|off]
       [--cache DIR]   (skips cleanly when NEWSPROV_BASIL is unset)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from framing_data import build_matcher, env_path, read_basil, report, run_matcher


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vader", choices=("on", "off"), help="force the open-vocabulary signal")
    ap.add_argument("--cache", type=Path, help="keep parsed docs here between runs")
    args = ap.parse_args()
    root = env_path("NEWSPROV_BASIL")
    if root is None:
        return
    from annotate.nlp import load_nlp

    nlp = load_nlp()
    arts = read_basil(root)
    matcher = build_matcher(nlp, None if args.vader is None else args.vader == "on")
    report(arts, run_matcher(matcher, nlp, arts, args.cache), categories=False)


if __name__ == "__main__":
    main()
