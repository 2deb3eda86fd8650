"""Score a run of bench/read_aeb.py against the per-flag judgements of earlier readings.

Reads `bench/aeb_judgements.tsv` (page prefix, sentence index, verdict Q / Q? / R / E / N)
and the output of `read_aeb.py --pages ... --tier all` (or the default `--tier query`), and
prints, over the judged pages: the flags shown by default (tier `query`) by verdict, the share
that are queries (strict, and with borderline Q?), the recall of the judged queries (shown by
default / judged Q), and every shown flag that no judgement covers, for reading by eye. With a
second run (`--before`), also the flags whose default view changed. The judged pages are
development pages: rules were written while reading them, so the figures are not blind.

Usage: bench/read_aeb.py --pages P --tier all > after.txt
       .venv/bin/python bench/score_reading.py after.txt [--before before.txt]
       [--judgements more.tsv ...]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

JUDGEMENTS = Path(__file__).resolve().parent / "aeb_judgements.tsv"
_PAGE = re.compile(r"^### ([0-9a-f]{8})")
_FLAG = re.compile(r"^  \[(\d+)\] (\w+)/(\w+) <([^>]*)>")


def judgements(path: Path = JUDGEMENTS) -> dict[tuple[str, int], str]:
    out: dict[tuple[str, int], str] = {}
    for line in path.read_text().splitlines():
        if line.startswith(("#", "page\t")) or not line.strip():
            continue
        page, idx, verdict, _src = line.split("\t")
        out[(page, int(idx))] = verdict
    return out


def shown_flags(run: Path) -> dict[tuple[str, int], str]:
    """(page, sentence index) -> rule, for each flag of tier query (or no tier) in the run."""
    page = ""
    out: dict[tuple[str, int], str] = {}
    for line in run.read_text().splitlines():
        if m := _PAGE.match(line):
            page = m.group(1)
        elif m := _FLAG.match(line):
            if m.group(3) in ("query", "None"):
                out[(page, int(m.group(1)))] = m.group(4)
    return out


def pages_of(run: Path) -> set[str]:
    return {m.group(1) for line in run.read_text().splitlines() if (m := _PAGE.match(line))}


def score(run: Path, judged: dict[tuple[str, int], str]) -> dict[str, object]:
    pages = pages_of(run)
    shown = shown_flags(run)
    on = {k: v for k, v in judged.items() if k[0] in pages}
    judged_pages = {k[0] for k in on}
    shown_here = {k: r for k, r in shown.items() if k[0] in judged_pages}
    verdicts = Counter(on.get(k, "?") for k in shown_here)
    queries = [k for k, v in on.items() if v == "Q"]
    return {
        "pages": len(judged_pages),
        "shown": len(shown_here),
        "verdicts": verdicts,
        "recall": (sum(k in shown for k in queries), len(queries)),
        "unjudged": sorted(k for k in shown_here if k not in on),
        "shown_keys": shown_here,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path, help="output of bench/read_aeb.py")
    ap.add_argument("--before", type=Path, help="an earlier run, to list what changed")
    ap.add_argument(
        "--judgements",
        type=Path,
        action="append",
        help="more judgement files in the same format (a blind reading not yet appended)",
    )
    args = ap.parse_args()
    judged = judgements()
    for extra in args.judgements or []:
        judged.update(judgements(extra))
    for name, run in (("before", args.before), ("after", args.run)):
        if run is None:
            continue
        s = score(run, judged)
        v: Counter = s["verdicts"]  # type: ignore[assignment]
        n = int(s["shown"])  # type: ignore[call-overload]
        got, total = s["recall"]  # type: ignore[misc]
        q, qb = v["Q"], v["Q"] + v["Q?"]
        print(
            f"{name}: {s['pages']} judged pages, {n} shown by default: "
            + ", ".join(f"{k} {v[k]}" for k in ("Q", "Q?", "R", "E", "N", "?"))
            + f"; queries {q}/{n} = {q / max(n, 1):.2f} (with Q? {qb / max(n, 1):.2f}),"
            f" {q}/{n - v['?']} = {q / max(n - v['?'], 1):.2f} of the judged;"
            f" recall of judged Q {got}/{total}"
        )
        if name == "after":
            for k in s["unjudged"]:  # type: ignore[attr-defined]
                print(f"  unjudged shown: {k[0]} [{k[1]}] <{s['shown_keys'][k]}>")  # type: ignore[index]
    if args.before is not None:
        a, b = shown_flags(args.run), shown_flags(args.before)
        for k in sorted(set(a) ^ set(b)):
            verdict = judged.get(k, "?")
            what = "now shown" if k in a else "now hidden"
            print(f"  {what}: {k[0]} [{k[1]}] ({verdict}) <{a.get(k) or b.get(k)}>")


if __name__ == "__main__":
    main()
