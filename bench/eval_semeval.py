"""Framing spans against SemEval-2023 Task 3 English persuasion spans (TRAIN split only;
the dev split is reserved), mapped Loaded_Language -> loaded_language,
Name_Calling-Labeling -> labeling, Doubt -> doubt, Exaggeration-Minimisation -> intensifier.
Spans inside quotation marks are scored apart from the author's voice.

Usage: NEWSPROV_SEMEVAL=/work/data/semeval2023-en-train .venv/bin/python bench/eval_semeval.py
       [--vader on|off] [--cache DIR]   (skips cleanly when NEWSPROV_SEMEVAL is unset)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from framing_data import build_matcher, env_path, read_semeval, report, run_matcher


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vader", choices=("on", "off"), help="force the open-vocabulary signal")
    ap.add_argument("--cache", type=Path, help="keep parsed docs here between runs")
    args = ap.parse_args()
    root = env_path("NEWSPROV_SEMEVAL")
    if root is None:
        return
    from annotate.nlp import load_nlp

    nlp = load_nlp()
    arts = read_semeval(root)
    matcher = build_matcher(nlp, None if args.vader is None else args.vader == "on")
    report(arts, run_matcher(matcher, nlp, arts, args.cache), categories=True)


if __name__ == "__main__":
    main()
