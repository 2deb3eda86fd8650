"""Tables over the judged sets for one or more commits' read_aeb.py runs (/work/judged/<commit>/<set>.txt; run by bench/judged_run.sh).

Uses the scoring functions of bench/score_reading.py and bench/score_framing_reading.py from a
scorer worktree (--scorer), so the figures are those scripts' figures; pooled = the sets added up
(page keys are distinct across the sets). Prints markdown.

  score_all.py --scorer WT --base DIR [--runs DIR ...] [--pooled-only]
                                                   (also prints the last run's default view
                                                    by rule and verdict)
  score_all.py --scorer WT --framing-cli RUN TSV   (score_framing_reading.py's own output; takes the
                                                    7-column traf_framing_dev_judgements.tsv too)
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections import Counter
from pathlib import Path

SETS = [  # folder, framing judgements (None: none exist)
    ("aeb", None),
    ("traf-check", "traf_framing_judgements.tsv"),
    ("traf-dev", "traf_framing_dev_judgements.tsv"),
    ("fresh14-check", "fresh_framing_judgements.tsv"),
    ("fresh15-check", "fresh_framing_judgements.tsv"),
    ("fresh15b-check", "fresh_framing_judgements.tsv"),
    ("fresh16-check", "fresh_framing_judgements.tsv"),
    ("fresh17-check", "fresh_framing_judgements.tsv"),
    ("fresh18-check", "fresh_framing_judgements.tsv"),
    ("fresh19-check", "fresh_framing_judgements.tsv"),
    ("fresh21-check", "fresh_framing_judgements.tsv"),
    ("fresh22-check", "fresh_framing_judgements.tsv"),
    ("fresh23-check", "fresh_framing_judgements.tsv"),
    ("fresh24-check", "fresh_framing_judgements.tsv"),
]
VERDICTS = ("Q", "Q?", "R", "E", "N", "?")


def load(scorer: Path):
    sys.path.insert(0, str(scorer / "bench"))
    return importlib.import_module("score_reading"), importlib.import_module(
        "score_framing_reading"
    )


def few_words(run: Path) -> dict[tuple[str, int], str]:
    """(page, idx) -> the first four words of each flagged sentence (for naming a change)."""
    out, page, pend = {}, "", None
    for line in run.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            page = line[4:12]
        elif line.startswith("  [") and "]" in line:
            pend = (page, int(line[3 : line.index("]")]))
        elif pend and line.startswith("       "):
            out[pend] = " ".join(line.split()[:4])
            pend = None
    return out


def sourcing(sr, run: Path, judged) -> Counter:
    s = sr.score(run, judged)
    c = Counter(s["verdicts"])
    c["pages"] = s["pages"]
    c["shown"] = s["shown"]
    c["recall_got"], c["recall_of"] = s["recall"]
    return c


def row(label: str, c: Counter) -> str:
    n = c["shown"]
    q, qb, unj = c["Q"], c["Q"] + c["Q?"], c["?"]
    return (
        f"| {label} | {c['pages']} | {n} | "
        + " | ".join(str(c[v]) for v in VERDICTS)
        + f" | {q / max(n, 1):.3f} | {qb / max(n, 1):.3f} | {q / max(n - unj, 1):.3f}"
        f" | {c['recall_got']}/{c['recall_of']} |"
    )


HEAD_S = (
    "| run | judged pages | default shown | Q | Q? | R | E | N | unjudged | Q share | with Q? |"
    " Q of judged | judged Q shown |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)
HEAD_F = (
    "| run | starred | L | N | unjudged | precision L/(L+N) | mild (author, not starred) | mild L |"
    " mild N | mild unjudged |\n|---|---|---|---|---|---|---|---|---|---|"
)


def framing(sfr, run: Path, judged):
    found, words = sfr.spans(run)
    on = {k[0] for k, _s in found} | set(words)
    judged = {k: v for k, v in judged.items() if k[0] in on}
    starred = [k for k, s in found if s]
    mild = [k for k, s in found if not s]
    cs = Counter(sfr.verdict_of(k, judged) for k in starred)
    cm = Counter(sfr.verdict_of(k, judged) for k in mild)
    return cs, cm, starred, judged


def frow(label, cs, cm) -> str:
    n = sum(cs.values())
    sure = cs["L"] + cs["N"]
    return (
        f"| {label} | {n} | {cs['L']} | {cs['N']} | {cs['?']} | "
        + (f"{cs['L'] / sure:.2f}" if sure else "n/a")
        + f" | {sum(cm.values())} | {cm['L']} | {cm['N']} | {cm['?']} |"
    )


def by_rule(sr, run: Path, present, judged) -> None:
    """The default view of one run by the rule on each flag, with the editors' verdicts:
    where the wrong flags come from, largest class first (round 23)."""
    tab: dict[str, Counter] = {}
    for s, _f in present:
        for k, rule in sr.shown_flags(run / f"{s}.txt").items():
            tab.setdefault(rule, Counter())[judged.get(k, "?")] += 1
    print(f"\n### Default view by rule ({run.name})\n")
    print("| rule | shown | " + " | ".join(VERDICTS) + " |\n|---|---|" + "---|" * len(VERDICTS))
    for rule, c in sorted(tab.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        cells = " | ".join(str(c[v]) for v in VERDICTS)
        print(f"| {rule} | {sum(c.values())} | {cells} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", type=Path, required=True, help="worktree whose bench/ scores")
    ap.add_argument("--base", type=Path, help="the base commit's run folder")
    ap.add_argument("--runs", type=Path, nargs="*", default=[])
    ap.add_argument("--pooled-only", action="store_true")
    ap.add_argument("--framing-cli", nargs=2, metavar=("RUN", "TSV"))
    args = ap.parse_args()
    sr, sfr = load(args.scorer)
    if args.framing_cli:
        run, tsv = args.framing_cli
        sys.argv = ["score_framing_reading.py", run, "--judgements", tsv]
        sfr.main()
        return
    judged = sr.judgements()
    dirs = [args.base] + [d for d in args.runs if d != args.base]
    present = [(s, f) for s, f in SETS if all((d / f"{s}.txt").exists() for d in dirs)]
    missing = [s for s, _f in SETS if (s, _f) not in present]
    if missing:
        print(f"(sets without a run in every folder, left out: {', '.join(missing)})\n")
    # sourcing
    pooled = {d: Counter() for d in dirs}
    per_set = {}
    for s, _f in present:
        for d in dirs:
            c = sourcing(sr, d / f"{s}.txt", judged)
            per_set[(s, d)] = c
            pooled[d].update(c)
    print("### Sourcing, pooled over the judged sets\n")
    print(HEAD_S)
    for d in dirs:
        print(row(d.name, pooled[d]))
    if not args.pooled_only:
        print("\n### Sourcing, per set\n")
        print(HEAD_S.replace("| run |", "| set @ commit |", 1))
        for s, _f in present:
            for d in dirs:
                print(row(f"{s} @ {d.name}", per_set[(s, d)]))
    by_rule(sr, dirs[-1], present, judged)
    # default-view changes
    print("\n### Default-view changes against " + args.base.name + "\n")
    for d in dirs[1:]:
        lines, tally = [], Counter()
        for s, _f in present:
            a, b = sr.shown_flags(d / f"{s}.txt"), sr.shown_flags(args.base / f"{s}.txt")
            wa, wb = few_words(d / f"{s}.txt"), few_words(args.base / f"{s}.txt")
            for k in sorted(set(a) ^ set(b)):
                v = judged.get(k, "?")
                what = "now shown" if k in a else "now hidden"
                tally[(what, v)] += 1
                words = wa.get(k) or wb.get(k) or ""
                lines.append(
                    f"| {s} | {k[0]} | {k[1]} | {what} | {a.get(k) or b.get(k)} | {v} | {words} |"
                )
        summ = ", ".join(f"{w} {v}: {n}" for (w, v), n in sorted(tally.items())) or "none"
        print(f"**{args.base.name} -> {d.name}**: {len(lines)} changes ({summ})\n")
        if lines:
            print("| set | page | sentence | change | rule | verdict | first words |")
            print("|---|---|---|---|---|---|---|")
            print("\n".join(lines))
        print()
    # framing
    fpooled = {d: (Counter(), Counter()) for d in dirs}
    frows, fchanges = [], {d: [] for d in dirs[1:]}
    for s, f in present:
        if f is None:
            continue
        fj = sfr.judgements(args.scorer / "bench" / f)
        starred_of = {}
        for d in dirs:
            cs, cm, starred, jj = framing(sfr, d / f"{s}.txt", fj)
            fpooled[d][0].update(cs)
            fpooled[d][1].update(cm)
            frows.append(frow(f"{s} @ {d.name}", cs, cm))
            starred_of[d] = (set(starred), jj)
        b, jb = starred_of[args.base]
        for d in dirs[1:]:
            a, ja = starred_of[d]
            for k in sorted(a ^ b):
                v = sfr.verdict_of(k, ja if k in a else jb)
                fchanges[d].append(
                    f"| {s} | {k[0]} | {k[1]} | {'now starred' if k in a else 'no longer starred'}"
                    f" | {k[2][:40]} | {v} |"
                )
    print("### Framing (author's-voice spans), pooled over the sets with framing judgements\n")
    print(HEAD_F)
    for d in dirs:
        print(frow(d.name, *fpooled[d]))
    if not args.pooled_only:
        print("\n### Framing, per set\n")
        print(HEAD_F.replace("| run |", "| set @ commit |", 1))
        print("\n".join(frows))
    print()
    for d in dirs[1:]:
        print(f"**starred spans changed {args.base.name} -> {d.name}**: {len(fchanges[d])}\n")
        if fchanges[d]:
            print("| set | page | sentence | change | words | verdict |\n|---|---|---|---|---|---|")
            print("\n".join(fchanges[d]))
        print()


if __name__ == "__main__":
    main()
