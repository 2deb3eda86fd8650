"""How much the annotator's rules cost on top of spaCy, and whether memory stays flat.

Builds a corpus of at least --words words from the gold articles (tests/gold/*.txt) and
any text fixtures (tests/fixtures/**/*.txt), recombining their paragraphs with a fixed
seed so every document is different, then in one run times:
  - bare `nlp.pipe` over the corpus (the floor: the spaCy pass the annotator needs), and
  - the full `Annotator.annotate_many` (spaCy + sentences, quotes, sourcing, framing, claims),
both with the same batch size and process count, alternating in --rounds rounds over parts
of the corpus so that other load on a shared machine falls on both alike. Prints words/s for
each and their ratio (target >= 0.8) by wall clock and by CPU time of this process (with one
process the CPU ratio is the steadier one on a shared machine: time other programs take from
us is not counted), each round's CPU ratio, the load average, the process's peak RSS after
half and after all of the corpus (when memory is flat the two are close), and what each rule
stage costs.

Usage: .venv/bin/python bench/annotate_speed.py [--words 200000] [--rounds 4] [--processes 1]
    [--batch 48]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotate.annotator import Annotator  # noqa: E402
from annotate.nlp import load_nlp  # noqa: E402


def source_paragraphs() -> list[str]:
    files = sorted((ROOT / "tests" / "gold").glob("*.txt"))
    files += sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    paras: list[str] = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        paras += [p.strip() for p in text.split("\n\n") if len(p.split()) >= 8]
    if not paras:
        raise SystemExit("no source texts: expected tests/gold/*.txt")
    return paras


def build_corpus(words: int, seed: int = 7) -> list[str]:
    """Documents of 6-12 paragraphs drawn from the sources until `words` is reached."""
    rng = random.Random(seed)
    paras = source_paragraphs()
    docs: list[str] = []
    total = 0
    while total < words:
        doc = "\n\n".join(rng.choice(paras) for _ in range(rng.randint(6, 12)))
        docs.append(doc)
        total += len(doc.split())
    return docs


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_bare(nlp, docs: list[str], batch: int, processes: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds of this process."""
    start, cpu = time.perf_counter(), time.process_time()
    for doc in nlp.pipe(docs, batch_size=batch, n_process=processes):
        len(doc)
    return time.perf_counter() - start, time.process_time() - cpu


def time_annotator(
    annotator: Annotator, docs: list[str], batch: int, processes: int
) -> tuple[float, float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS after half the words, peak RSS at the end,
    flags produced."""
    half_words = sum(len(d.split()) for d in docs) / 2
    seen, flags, rss_half = 0, 0, 0.0
    start, cpu = time.perf_counter(), time.process_time()
    anns: Iterator = annotator.annotate_many(docs, batch_size=batch, n_process=processes)
    for text, ann in zip(docs, anns, strict=True):
        # results are consumed and dropped, as the pipeline does when it writes them out
        flags += sum(1 for s in ann.sentences if s.unsourced) + len(ann.spans)
        seen += len(text.split())
        if not rss_half and seen >= half_words:
            rss_half = peak_rss_mb()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return wall, cpu, rss_half, peak_rss_mb(), flags


def stage_breakdown(annotator: Annotator, docs: list[str], batch: int) -> dict[str, float]:
    """Seconds per rule stage over already-parsed docs, to show which stage costs what."""
    from annotate.claims import extract_claims
    from annotate.quotes import quote_regions
    from annotate.sentences import split_sentences

    parsed = list(annotator.nlp.pipe(docs, batch_size=batch))
    took = dict.fromkeys(("sentences", "quotes", "sourcing", "framing", "claims"), 0.0)
    for doc in parsed:
        t0 = time.perf_counter()
        quotes = quote_regions(doc.text)
        t1 = time.perf_counter()
        sents = split_sentences(doc)
        t2 = time.perf_counter()
        flags = annotator.sourcing.classify(doc, sents, quotes)
        t3 = time.perf_counter()
        annotator.framing.find(doc, quotes)
        t4 = time.perf_counter()
        extract_claims(doc, sents, flags)
        t5 = time.perf_counter()
        for name, dt in zip(took, (t2 - t1, t1 - t0, t3 - t2, t4 - t3, t5 - t4), strict=True):
            took[name] += dt
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--batch", type=int, default=48)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=4, help="alternations of bare and full")
    ap.add_argument(
        "--stages", type=int, default=20_000, help="words for the per-stage breakdown (0: skip)"
    )
    args = ap.parse_args()

    docs = build_corpus(args.words)
    words = sum(len(d.split()) for d in docs)
    nlp = load_nlp()
    annotator = Annotator(nlp)
    # warm up both paths so model loading and first-batch costs are not timed
    warm = docs[:8]
    list(nlp.pipe(warm, batch_size=args.batch))
    list(annotator.annotate_many(warm, batch_size=args.batch))

    print(
        f"corpus: {len(docs)} documents, {words:,} words; batch {args.batch}, processes {args.processes}"
    )
    print(f"pipeline: {', '.join(nlp.pipe_names)}")
    # alternate the two in rounds over parts of the corpus, so that load from other
    # processes on a shared machine falls on both alike
    load_before = os.getloadavg()
    bare = full = bare_cpu = full_cpu = 0.0
    flags, rss_half, rss_end = 0, 0.0, 0.0
    rounds = max(1, args.rounds)
    per_round = []
    for r in range(rounds):
        part = docs[r::rounds]
        # whichever goes first over new text pays for interning its strings: swap each round
        if r % 2:
            secs, cpu, _, rss, n = time_annotator(annotator, part, args.batch, args.processes)
            b_secs, b_cpu = time_bare(nlp, part, args.batch, args.processes)
        else:
            b_secs, b_cpu = time_bare(nlp, part, args.batch, args.processes)
            secs, cpu, _, rss, n = time_annotator(annotator, part, args.batch, args.processes)
        bare, bare_cpu = bare + b_secs, bare_cpu + b_cpu
        full, full_cpu = full + secs, full_cpu + cpu
        per_round.append((b_secs / secs, b_cpu / cpu))
        flags += n
        if r == rounds // 2 - 1:
            rss_half = rss
        rss_end = rss
    load_after = os.getloadavg()
    bare_wps, full_wps = words / bare, words / full
    print(f"bare nlp.pipe:       {bare:7.1f} s  {bare_wps:9,.0f} words/s  (CPU {bare_cpu:.1f} s)")
    print(
        f"annotate_many:       {full:7.1f} s  {full_wps:9,.0f} words/s  (CPU {full_cpu:.1f} s)"
        f"  ({flags:,} flags)"
    )
    ratio, cpu_ratio = full_wps / bare_wps, bare_cpu / full_cpu
    for name, value in (("wall", ratio), ("CPU", cpu_ratio)):
        verdict = "ok" if value >= 0.8 else "below target 0.8"
        print(f"ratio annotator/bare ({name}): {value:.2f} ({verdict})")
    print(
        "per round (wall/CPU): "
        + ", ".join(f"{w:.2f}/{c:.2f}" for w, c in per_round)
        + f"; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after"
    )
    print(
        f"peak RSS: {rss_half:,.0f} MB after {words // 2:,} words, {rss_end:,.0f} MB after {words:,} words"
        f" ({rss_end - rss_half:+,.0f} MB)"
    )
    if args.stages:
        sample = build_corpus(args.stages, seed=11)
        sample_words = sum(len(d.split()) for d in sample)
        spacy_s = sample_words / bare_wps
        print(f"rule stages over {sample_words:,} words (spaCy pass there: about {spacy_s:.1f} s):")
        for name, secs in stage_breakdown(annotator, sample, args.batch).items():
            print(f"  {name:<10} {secs:6.2f} s  ({100 * secs / spacy_s:5.1f}% of the spaCy pass)")


if __name__ == "__main__":
    main()
