"""Framing spans against BASIL's lexical-bias spans (Fan et al. 2019), author's voice and
quotes scored apart. BASIL marks bias aimed at the story's main people, so its gold is
sparse: precision here is a floor, and its categories are not the project's (one row).

Usage: NEWSPROV_BASIL=/work/data/basil .venv/bin/python bench/eval_basil.py [--vader on|off]
       [--cache DIR]   (skips cleanly when NEWSPROV_BASIL is unset)
"""

from __future__ import annotations

from framing_data import eval_main, read_basil


def main() -> None:
    eval_main(__doc__.splitlines()[0], "NEWSPROV_BASIL", read_basil, categories=False)


if __name__ == "__main__":
    main()
