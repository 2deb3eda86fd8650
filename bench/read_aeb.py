"""Read the sourcing flags on real news pages by eye, as an editor would.

Takes the unreserved pages of the ScrapingHub article-extraction benchmark
(github:scrapinghub/article-extraction-benchmark, `html/*.html.gz`), extracts each body with
the project's extractor, annotates it, and prints every unsourced flag an editor sees by
default (tier `query`; flags with no tier are shown too) with its label, rule and reason, so a
reader can count which flags are claims worth querying, which are routine, and which are not
claims at all. `--tier all` prints routine flags as well; `--context` prints every sentence;
`--spans` prints every framing span under its sentence (category, tier, in quotes or not, the
lexicon entry; `*` marks a strong author's-voice span, shown by default), for reading framing
the same way. Scraped text is printed through `scraper.guard.for_terminal`.

Data path: env NEWSPROV_AEB, the folder holding `html/`. Without it the script prints one
line and exits 0. The 25 pages reserved for acceptance (issue 9) are never read.

Usage: NEWSPROV_AEB=/work/data/aeb .venv/bin/python bench/read_aeb.py
       [--sample 10] [--seed 1] [--pages PREFIX,...] [--tier query|routine|all] [--context] [--spans]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RESERVED = tuple(
    "7a664e40 ef4e67b6 82b6d780 a6968f42 e7994d55 c90731f0 7de52419 c58aa507 7916ecca "
    "c7e39ac4 624fcd90 a1fca19b 4a44ab3e 833caf3b d0382c0d 7a457a4f 702d1da6 57d46c9d "
    "8634d121 374ac9a5 06e5123e 686bb170 7f93c194 ea25dd7e abd9d629".split()
)


# pages an editor read after round 7 (the next round's before-measurement): a sample never
# picks them, so rule work does not see them; `--pages` still reads them on purpose
AFTER_ROUND7 = tuple(
    "aec5deea 51d066b0 f8ff621a 359fee22 c13b9c0e d90bda7e 8380689f 9eef8162 291a8bf3 "
    "08f79376".split()
)


def pages(base: Path) -> list[Path]:
    return sorted(p for p in (base / "html").glob("*.html.gz") if not p.name.startswith(RESERVED))


def print_spans(spans, s) -> None:
    """The framing spans that start in sentence `s`, one line each (`*~` starred: strong, in
    the author's voice); bench/read_polnear.py prints the same layout."""
    from scraper.guard import for_terminal as safe

    for sp in spans:
        if s.start <= sp.start < s.end:
            mark = "*" if sp.tier == "strong" and not sp.in_quote else " "
            where = "quote" if sp.in_quote else "author"
            print(
                f"     {mark}~ {sp.category}/{sp.tier} {where} <{sp.entry or '-'}> {safe(sp.text)!r}"
            )


def shown(tier: str | None, want: str) -> bool:
    if want == "all":
        return True
    return tier is None or tier == want


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=10, help="how many pages (random, seeded)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", default="", help="comma-separated file-name prefixes instead")
    ap.add_argument("--tier", choices=("query", "routine", "all"), default="query")
    ap.add_argument("--context", action="store_true", help="print unflagged sentences too")
    ap.add_argument("--spans", action="store_true", help="print framing spans too")
    args = ap.parse_args()
    env = os.environ.get("NEWSPROV_AEB")
    if not env:
        print("read_aeb: NEWSPROV_AEB is not set; skipping (point it at the benchmark folder)")
        return
    base = Path(env)
    every = pages(base)
    if not every:
        raise SystemExit(f"no html/*.html.gz under {base}: set NEWSPROV_AEB to the benchmark")
    truth_file = base / "ground-truth-unreserved.json"
    truth = json.loads(truth_file.read_text()) if truth_file.exists() else {}
    if args.pages:
        wanted = tuple(args.pages.split(","))
        chosen = [p for p in every if p.name.startswith(wanted)]
    else:
        pool = [p for p in every if not p.name.startswith(AFTER_ROUND7)]
        chosen = sorted(random.Random(args.seed).sample(pool, min(args.sample, len(pool))))

    from annotate.annotator import Annotator
    from scraper.extract import ExtractError, extract_article
    from scraper.guard import for_terminal as safe

    annotator = Annotator()
    totals: Counter = Counter()
    for path in chosen:
        key = path.name.removesuffix(".html.gz")
        url = truth.get(key, {}).get("url") or f"https://example.invalid/{key}"
        try:
            art = extract_article(gzip.decompress(path.read_bytes()), url)
        except ExtractError as exc:
            print(f"\n### {key[:8]} {safe(url)}\n  (extract failed: {safe(exc)})")
            continue
        ann = annotator.annotate(art.text, art.opinion)  # as the scraper does
        flags = [s for s in ann.sentences if s.unsourced]
        tiers = Counter(s.tier for s in flags)
        print(
            f"\n### {key[:8]} {safe(url)}\n  {ann.word_count} words, {len(ann.sentences)} sentences,"
            f" {len(flags)} unsourced ({', '.join(f'{k}: {v}' for k, v in tiers.items())})"
            + (f"; the page says opinion: {safe(art.opinion)}" if art.opinion else "")
        )
        for i, s in enumerate(ann.sentences):
            if s.unsourced and shown(s.tier, args.tier):
                totals["shown"] += 1
                print(f"  [{i}] {s.sourcing}/{s.tier} <{s.rule}> {safe(s.reason)}")
                print(f"       {safe(' '.join(s.text.split()))}")
            elif args.context:
                label = s.sourcing or "-"
                print(f"   ({i}) {label}: {safe(' '.join(s.text.split())[:160])}")
            if args.spans:
                print_spans(ann.spans, s)
        totals["pages"] += 1
        totals["flags"] += len(flags)
    print(f"\n{totals['pages']} pages, {totals['flags']} unsourced flags, {totals['shown']} shown")


if __name__ == "__main__":
    main()
