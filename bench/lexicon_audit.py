"""Per framing entry: how often it fires on straight news, and how often it is right where
labelled sets cover it.

For every entry (lexicon ids, `scare-quotes`, and `framing.loaded.auto.<word>` when the
open-vocabulary signal is on) prints
- fires per 100,000 words of the AEB pages' hand-made body text (156 unreserved real pages,
  mostly straight news), author's voice only;
- precision on BASIL's lexical-bias spans and on SemEval-2023 English TRAIN spans
  (author's voice, any-overlap), where the entry fired there at all.
Then the AEB rate of author's-voice flags per 1,000 words, all and `strong` only (and the
same on PolNeAR train articles from its four mostly straight-news outlets), and the
detector breakdown (lexicon / scare quotes / VADER auto).

Usage: NEWSPROV_AEB=/work/data/aeb NEWSPROV_BASIL=/work/data/basil \
       [NEWSPROV_SEMEVAL=/work/data/semeval2023-en-train] [NEWSPROV_POLNEAR=/work/data/polnear] \
       .venv/bin/python bench/lexicon_audit.py [--vader on|off] [--top 40] [--tsv FILE] [--cache DIR]
       [--tier strong|mild] [--half even|odd]
Skips cleanly when NEWSPROV_AEB is unset; the precision columns need the other two.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path

from framing_data import (
    _ov,
    build_matcher,
    detector,
    env_path,
    half,
    read_aeb,
    read_basil,
    read_polnear,
    read_semeval,
    run_matcher,
)


def key(span) -> str:
    return span.entry or "scare-quotes"


# Pages whose address says they are something other than a news report: opinion, reviews,
# blogs, advice, shopping guides. The rest of the AEB pages with "news" in the address are
# the hard-news subset, where a strong flag is most likely a false alarm.
NOT_HARD_NEWS = (
    "opinion",
    "commentisfree",
    "columnist",
    "review",
    "blog",
    "advice",
    "deals",
    "gift-guide",
    "best-",
    "how-to",
    "fact-check",
    "recipe",
)


def hard_news_keys(root: Path) -> set[str]:
    """AEB page names (as `read_aeb` gives them) whose URL marks a hard-news report."""
    truth = json.loads((root / "ground-truth-unreserved.json").read_text(encoding="utf-8"))
    return {
        key[:12]
        for key, row in truth.items()
        if "news" in (url := (row.get("url") or "").lower())
        and not any(t in url for t in NOT_HARD_NEWS)
    }


def precision_by_entry(arts, preds, tier: str | None = None) -> tuple[Counter, Counter]:
    hits, fires = Counter(), Counter()
    for art, pred in zip(arts, preds, strict=True):
        gold = [g for g in art.gold if not g.in_quote]
        for x in pred:
            if x.in_quote or (tier and x.tier != tier):
                continue
            fires[key(x)] += 1
            hits[key(x)] += any(_ov(x.start, x.end, g.start, g.end) for g in gold)
    return hits, fires


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vader", choices=("on", "off"), help="force the open-vocabulary signal")
    ap.add_argument("--top", type=int, default=40, help="rows to print (most firing first)")
    ap.add_argument("--tsv", type=Path, help="write every entry's row here")
    ap.add_argument("--cache", type=Path, help="keep parsed docs here between runs")
    ap.add_argument("--tier", choices=("strong", "mild"), help="count only flags of this tier")
    ap.add_argument(
        "--half",
        choices=("even", "odd"),
        help="SemEval precision on one fixed half only (develop on one, keep the other unread)",
    )
    args = ap.parse_args()
    aeb_root = env_path("NEWSPROV_AEB")
    if aeb_root is None:
        return
    from annotate.nlp import load_nlp

    nlp = load_nlp()
    matcher = build_matcher(nlp, None if args.vader is None else args.vader == "on")
    aeb = read_aeb(aeb_root)
    aeb_pred = run_matcher(matcher, nlp, aeb, args.cache)
    words = sum(len(a.text.split()) for a in aeb)
    keep = lambda x: not x.in_quote and (args.tier is None or x.tier == args.tier)  # noqa: E731
    fires = Counter(key(x) for pred in aeb_pred for x in pred if keep(x))
    hard = hard_news_keys(aeb_root)
    hard_fires = Counter(
        key(x)
        for a, pred in zip(aeb, aeb_pred, strict=True)
        if a.name in hard
        for x in pred
        if keep(x)
    )
    examples: dict[str, str] = {}
    for pred in aeb_pred:
        for x in pred:
            if keep(x):
                examples.setdefault(key(x), x.text)

    labelled = {}
    if os.environ.get("NEWSPROV_BASIL"):
        arts = read_basil(Path(os.environ["NEWSPROV_BASIL"]))
        labelled["basil"] = precision_by_entry(
            arts, run_matcher(matcher, nlp, arts, args.cache), args.tier
        )
    if os.environ.get("NEWSPROV_SEMEVAL"):
        arts = read_semeval(Path(os.environ["NEWSPROV_SEMEVAL"]))
        if args.half:
            arts = half(arts, args.half)
        labelled["semeval"] = precision_by_entry(
            arts, run_matcher(matcher, nlp, arts, args.cache), args.tier
        )

    ids = set(fires) | {k for h, f in labelled.values() for k in f}
    rows = []
    for eid in ids:
        row = [eid, 1e5 * fires[eid] / words]
        for name in ("basil", "semeval"):
            if name in labelled:
                h, f = labelled[name]
                row += [h[eid], f[eid]]
        rows.append(row)
    rows.sort(key=lambda r: (-r[1], r[0]))
    head = ["entry", "aeb_per_100k"]
    for name in ("basil", "semeval"):
        if name in labelled:
            head += [f"{name}_hits", f"{name}_fires"]
    print(f"AEB: {len(aeb)} pages, {words:,} words")
    print(f"{'entry':<48} {'AEB/100k':>8} {'hard':>4}  " + "  ".join(f"{n:>14}" for n in labelled))
    for r in rows[: args.top]:
        cells = []
        for i in range(len(labelled)):
            h, f = r[2 + 2 * i], r[3 + 2 * i]
            cells.append(f"{h:>4}/{f:<4} {h / f if f else 0:4.2f}" if f else f"{'-':>14}")
        print(
            f"{r[0][:48]:<48} {r[1]:8.1f} {hard_fires[r[0]]:>4}  "
            + "  ".join(cells)
            + f"   e.g. {examples.get(r[0], '')[:30]!r}"
        )
    if args.tsv:
        with args.tsv.open("w", encoding="utf-8") as fh:
            fh.write("\t".join(head) + "\n")
            for r in rows:
                fh.write(
                    "\t".join(str(round(c, 2)) if isinstance(c, float) else str(c) for c in r)
                    + "\n"
                )
    author = [x for pred in aeb_pred for x in pred if not x.in_quote]
    strong = [x for x in author if x.tier == "strong"]
    print(
        f"AEB author's-voice flags per 1,000 words: {1000 * len(author) / words:.2f} all, "
        f"{1000 * len(strong) / words:.2f} strong"
    )
    hard_arts = [(a, p) for a, p in zip(aeb, aeb_pred, strict=True) if a.name in hard]
    hw = sum(len(a.text.split()) for a, _ in hard_arts)
    ha = [x for _, p in hard_arts for x in p if not x.in_quote]
    hs = [x for x in ha if x.tier == "strong"]
    print(
        f"AEB hard news ({len(hard_arts)} pages, {hw:,} words): author's-voice flags per "
        f"1,000 words {1000 * len(ha) / hw:.2f} all, {1000 * len(hs) / hw:.2f} strong"
    )
    polnear = os.environ.get("NEWSPROV_POLNEAR")
    if polnear:
        arts = read_polnear(Path(polnear))
        pw = sum(len(a.text.split()) for a in arts)
        pa = [x for p in run_matcher(matcher, nlp, arts, args.cache) for x in p if not x.in_quote]
        ps = [x for x in pa if x.tier == "strong"]
        print(
            f"PolNeAR news outlets ({len(arts)} train articles, {pw:,} words): author's-voice "
            f"flags per 1,000 words {1000 * len(pa) / pw:.2f} all, {1000 * len(ps) / pw:.2f} strong"
        )
    by = Counter(detector(x) for x in author)
    by_strong = Counter(detector(x) for x in strong)
    print(
        "by detector (per 1,000 words, all / strong): "
        + ", ".join(
            f"{d} {1000 * n / words:.2f} / {1000 * by_strong[d] / words:.2f}"
            for d, n in sorted(by.items())
        )
    )


if __name__ == "__main__":
    main()
