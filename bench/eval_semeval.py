"""Framing spans against SemEval-2023 Task 3 English persuasion spans (TRAIN split only;
the dev split is reserved), mapped Loaded_Language -> loaded_language,
Name_Calling-Labeling -> labeling, Doubt -> doubt, Exaggeration-Minimisation -> intensifier.
Spans inside quotation marks are scored apart from the author's voice.

Usage: NEWSPROV_SEMEVAL=/work/data/semeval2023-en-train .venv/bin/python bench/eval_semeval.py
       [--vader on|off] [--cache DIR]   (skips cleanly when NEWSPROV_SEMEVAL is unset)
"""

from __future__ import annotations

from framing_data import eval_main, read_semeval


def main() -> None:
    eval_main(__doc__.splitlines()[0], "NEWSPROV_SEMEVAL", read_semeval, categories=True)


if __name__ == "__main__":
    main()
