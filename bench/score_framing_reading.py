"""Score the framing spans of a read_aeb.py `--spans` run against an editor's judgements.

Reads the output of `bench/read_aeb.py --context --spans` and `bench/traf_framing_judgements.tsv`
(page, sentence index, flagged words, tier, verdict L loaded / N not loaded) and prints, for the
default view (starred spans: strong, in the author's voice) and for the author's-voice spans not
starred (mild): how many, how many judged L / N / unjudged, and precision (L over the judged);
which of the words judged missed now carry a span; strong spans per 1,000 words over the pages
named with `--pages` (e.g. the hard-news pages); and every unjudged span, for reading by eye.
A span is matched on page, sentence index and words (case and spacing ignored); if the index
moved, on page and words when exactly one judgement on that page has those words.

Usage: .venv/bin/python bench/score_framing_reading.py RUN [--judgements TSV] [--pages P,Q]
"""

from __future__ import annotations

import argparse
import ast
import re
from collections import Counter
from pathlib import Path

JUDGEMENTS = Path(__file__).resolve().parent / "traf_framing_judgements.tsv"
_PAGE = re.compile(r"^### ([0-9a-f]{8})")
_WORDS = re.compile(r"^  (\d+) words,")
_SENT = re.compile(r"^ {2,3}[\[(](\d+)[\])] ")
_SPAN = re.compile(r"^ {5}([* ])~ (\w+)/(\w+) (quote|author) <[^>]*> (.*)$")

Key = tuple[str, int, str]


def norm(words: str) -> str:
    return " ".join(words.lower().split())


def judgements(path: Path) -> dict[Key, tuple[str, str]]:
    """(page, idx, words) -> (tier, verdict). Six columns (page, idx, words, tier, verdict,
    source), or the seven of the round-13 dev file (page, sentence, rule, words, verdict, kind,
    source), whose rows are all starred spans."""
    out: dict[Key, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "page\t")) or not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) == 7:
            page, idx, _rule, words, verdict, _kind, _src = cols
            tier = "strong"
        else:
            page, idx, words, tier, verdict, _src = cols
        out[(page, int(idx), norm(words))] = (tier, verdict)
    return out


def spans(run: Path) -> tuple[list[tuple[Key, bool]], dict[str, int]]:
    """Author's-voice spans of the run as (key, starred), and each page's word count."""
    page, idx = "", -1
    found: list[tuple[Key, bool]] = []
    words: dict[str, int] = {}
    for line in run.read_text(encoding="utf-8").splitlines():
        if m := _PAGE.match(line):
            page, idx = m.group(1), -1
        elif m := _WORDS.match(line):
            words[page] = int(m.group(1))
        elif m := _SENT.match(line):
            idx = int(m.group(1))
        elif (m := _SPAN.match(line)) and m.group(4) == "author":
            text = ast.literal_eval(m.group(5))
            found.append(((page, idx, norm(str(text))), m.group(1) == "*"))
    return found, words


def verdict_of(key: Key, judged: dict[Key, tuple[str, str]]) -> str:
    if key in judged:
        return judged[key][1]
    same = [v for (p, _i, w), (_t, v) in judged.items() if p == key[0] and w == key[2]]
    return same[0] if len(same) == 1 else "?"


def report(name: str, keys: list[Key], judged: dict[Key, tuple[str, str]]) -> list[Key]:
    counts = Counter(verdict_of(k, judged) for k in keys)
    sure = counts["L"] + counts["N"]
    prec = f"{counts['L'] / sure:.2f}" if sure else "n/a"
    print(
        f"{name}: {len(keys)} spans, L {counts['L']}, N {counts['N']}, unjudged {counts['?']};"
        f" precision {counts['L']}/{sure} = {prec}"
    )
    return [k for k in keys if verdict_of(k, judged) == "?"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path, help="output of bench/read_aeb.py --context --spans")
    ap.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    ap.add_argument("--pages", default="", help="comma-separated page keys for strong/1,000 words")
    args = ap.parse_args()
    judged = judgements(args.judgements)
    found, words = spans(args.run)
    on = {k[0] for k, _s in found} | set(words)
    judged = {k: v for k, v in judged.items() if k[0] in on}
    starred = [k for k, s in found if s]
    mild = [k for k, s in found if not s]
    unjudged = report("default view (starred)", starred, judged)
    unjudged += report("author's voice, not starred (mild)", mild, judged)
    missed = [k for k, (tier, _v) in judged.items() if tier == "missed"]
    caught = [k for k in missed if any(k[:2] == f[:2] and k[2] in f[2] for f, _s in found)]
    print(f"judged missed: {len(missed)}, now with a span: {len(caught)}")
    for k in caught:
        print(f"  now caught: {k[0]} ({k[1]}) {k[2]!r}")
    if args.pages:
        chosen = set(args.pages.split(","))
        n_words = sum(n for p, n in words.items() if p in chosen)
        n_strong = sum(1 for k in starred if k[0] in chosen)
        rate = 1000 * n_strong / n_words if n_words else 0.0
        print(
            f"strong spans on {len(chosen)} pages: {n_strong} in {n_words} words = {rate:.2f}/1,000"
        )
    for k in unjudged:
        print(f"  unjudged: {k[0]} ({k[1]}) {k[2]!r}")


if __name__ == "__main__":
    main()
