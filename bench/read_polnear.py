"""Print the tool's flags on PolNeAR dev articles for an editor's reading (issue 9).

The layout is bench/read_aeb.py's with `--tier all --context --spans`: per article, every
sentence with its index, flagged sentences with label, tier, rule and reason, and every
framing span (`*~` starred: strong, in the author's voice). Round 20's blind readings read
the 20 articles chosen with random.Random(20) (bench/polnear_reading_r25.md) and the 20 chosen
with `--seed 21 --exclude-seed 20` (bench/polnear_reading_r26.md).
Only the dev split is read; the test split is reserved and refused.

Data: NEWSPROV_POLNEAR, PolNeAR's folder (as for bench/eval_polnear.py); without it the
script prints one line and exits 0.

Usage: NEWSPROV_POLNEAR=/path/to/PolNeAR .venv/bin/python bench/read_polnear.py [--sample 20]
    [--seed 20] [--exclude-seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from polnear_data import data_root  # noqa: E402 - bench/ is this script's own folder
from read_aeb import print_spans  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument(
        "--exclude-seed",
        type=int,
        default=None,
        help="leave out the articles an earlier reading chose with this seed",
    )
    args = ap.parse_args()
    split_dir = data_root("dev")  # never the reserved test split
    if split_dir is None:
        print("read_polnear: NEWSPROV_POLNEAR is not set; skipping (point it at PolNeAR's folder)")
        return
    files = sorted((split_dir / "text").glob("*.txt"))
    if args.exclude_seed is not None:
        read = set(random.Random(args.exclude_seed).sample(files, min(args.sample, len(files))))
        files = [f for f in files if f not in read]
    chosen = sorted(random.Random(args.seed).sample(files, min(args.sample, len(files))))

    from annotate.annotator import Annotator
    from scraper.guard import for_terminal as safe

    annotator = Annotator()
    for path in chosen:
        ann = annotator.annotate(path.read_text(encoding="utf-8"))
        flags = [s for s in ann.sentences if s.unsourced]
        print(f"\n### {safe(path.stem[:40])}")
        print(f"  {ann.word_count} words, {len(ann.sentences)} sentences, {len(flags)} unsourced")
        for i, s in enumerate(ann.sentences):
            words = safe(" ".join(s.text.split()))
            if s.unsourced:
                print(f"  [{i}] {s.sourcing}/{s.tier} <{s.rule}> {safe(s.reason)}\n       {words}")
            else:
                print(f"   ({i}) {s.sourcing or '-'}: {words[:200]}")
            print_spans(ann.spans, s)


if __name__ == "__main__":
    main()
