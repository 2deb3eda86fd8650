"""Score the sourcing annotator against PolNeAR's hand-annotated attributions.

PolNeAR (github:networkdynamics/PolNeAR) marks every attribution in 1,028 US political news
articles as brat spans: Source, Cue, Content, joined by an `Attribution` relation (or an
`Attribution-no-source` relation when no source is given). Its `test` split is reserved for
acceptance: this script refuses it.

Data path: env NEWSPROV_POLNEAR, the folder holding `data/{train,dev}` (or `data` itself).
Without it the script prints one line and exits 0.

Several articles were annotated by more than one annotator (files `<article>_<annotator>.ann`).
We always take the version whose file name sorts first, so runs are comparable.

How attributions meet our sentences. A sentence of ours belongs to an attribution when the
attribution's content covers at least half of the sentence's characters, or when the
attribution's cue sits in the sentence and its content overlaps it. The gold source is
classed from its words:
- named: a proper noun, a person/organisation/place entity, or a personal pronoun
  (he, she, I, we: PolNeAR marks the pronoun; its antecedent is a named person far more often
  than not), and no generic head noun such as "officials" or "a spokesman";
- unnamed: a generic person or group noun with no name in it ("officials", "people familiar
  with", "a senior aide", "White House officials", "some Republicans"); since round 8 also
  when the only person named is whom they serve or back ("Clinton's advisers", "one Trump
  supporter", "people close to Sanders");
- other: documents, polls, "the campaign" and the rest (reported apart, in neither rate).

Printed, for the chosen split:
- named-source false alarms: of sentences whose content a named source gave, the share we
  flag unsourced; overall, and where the cue is a verb of saying; and overall in the round-7
  view (any person's name in the gold source made it named: 'the senator's advisers');
- unnamed-source recall: of sentences whose content an unnamed source gave, the share we label
  anonymous_source, vague_document, agentless, weasel or unattributed_claim;
- Attribution-no-source recall: the same share for attributions with no source at all;
- content a sentence away: of sentences whose gold cue and source both lie in another
  sentence, the share we flag unsourced, by source class (round 13: for a named source these
  are the carry-over misses, 'A poll released Tuesday found ... . Another 30 percent ...');
- for each carry-over rule (`sourcing.carry*`), the share of the sentences it carried that
  are the content of some gold attribution (a rough precision of carrying);
- source-span and cue-span precision/recall/F1 by overlap. Our spans are each sentence's
  main source and cue plus every attribution it lists (`SentenceFlag.attributions`;
  `--main-only` scores the main ones alone), counted once per position. A gold pronoun source is credited when, for its sentence, our source span lies in
  an earlier sentence and is a name or a gold source there (the antecedent).

Reading PolNeAR and classing its gold sources and cues is in polnear_data.py.

Usage: NEWSPROV_POLNEAR=/work/data/polnear .venv/bin/python bench/eval_polnear.py
       [--split dev|train] [--limit N] [--errors N] [--main-only] [--cache DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from polnear_data import (
    NAMED_ENTS,
    PRONOUNS,
    GoldAttr,
    classify_source,
    data_root,
    is_saying,
    overlap,
    parse_ann,
    pick_versions,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotate.models import UNSOURCED_LABELS  # noqa: E402


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def err(self, kind: str, text: str, limit: int) -> None:
        if limit:
            self.errors[kind].append(text)


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> str:
    p = tp_p / n_p if n_p else 1.0
    r = tp_g / n_g if n_g else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (ours {n_p}, gold {n_g})"


def short(text: str, n: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def score_article(
    doc, ann, attrs: list[GoldAttr], t: Tally, nerr: int, name: str, main_only: bool = False
) -> None:
    text = doc.text
    for a in attrs:
        a.source_class = classify_source(doc, a)
        a.older_class = classify_source(doc, a, older=True)
        a.saying = is_saying(doc, a)
    sents = ann.sentences
    # --- sentence-level rates
    for s in sents:
        length = len(s.text.strip()) or 1
        best, best_cov = None, 0
        for a in attrs:
            cov = sum(overlap((s.start, s.end), c) for c in a.content)
            cue_in = any(overlap((s.start, s.end), c) for c in a.cue)
            if cov / length >= 0.5 or (cue_in and cov):
                if cov > best_cov:
                    best, best_cov = a, cov
        if s.rule and s.rule.startswith("sourcing.carry"):
            # how often a carried sentence is the content of some gold attribution at all
            t.counts[f"carry:{s.rule}"] += 1
            t.counts[f"carry:{s.rule}:gold"] += best is not None
            if best is None:
                t.err(
                    f"carried by {s.rule}, no gold attribution", f"[{name}] {short(s.text)}", nerr
                )
        if best is None:
            continue
        flagged = s.sourcing in UNSOURCED_LABELS
        # the attribution a sentence away: its cue and source both lie outside this sentence
        span = (s.start, s.end)
        away = not any(overlap(span, c) for c in best.cue + best.source)
        where = (
            f"[{name}] {short(s.text)}\n      gold source {best.source_text!r} cue"
            f" {best.cue_text!r}; ours {s.sourcing} ({s.rule}): {s.reason}"
        )
        if away:
            cls = "nosrc" if best.kind == "Attribution-no-source" else best.source_class
            t.counts[f"away_{cls}"] += 1
            t.counts[f"away_{cls}_flagged"] += flagged
            if flagged and cls == "named":
                t.err("named source a sentence away, flagged", where, nerr)
        if best.older_class == "named":
            t.counts["named_r7"] += 1
            t.counts["named_r7_fa"] += flagged
        if best.kind == "Attribution-no-source":
            t.counts["nosrc"] += 1
            t.counts["nosrc_hit"] += flagged
            if not flagged:
                t.err("no-source attribution not flagged", where, nerr)
        elif best.source_class == "named":
            t.counts["named"] += 1
            t.counts["named_fa"] += flagged
            if best.saying:
                t.counts["named_say"] += 1
                t.counts["named_say_fa"] += flagged
            if flagged:
                kind = (
                    "named source flagged (saying cue)"
                    if best.saying
                    else "named source flagged (other cue)"
                )
                t.err(kind, where, nerr)
        elif best.source_class == "unnamed":
            t.counts["unnamed"] += 1
            t.counts["unnamed_hit"] += flagged
            if not flagged:
                t.err("unnamed source not flagged", where, nerr)
        else:
            t.counts["other_src"] += 1
            t.counts["other_src_flagged"] += flagged
    # --- span scores
    sent_of = [(s.start, s.end) for s in sents]

    def sent_index(pos: int) -> int:
        for i, (a, b) in enumerate(sent_of):
            if a <= pos < b:
                return i
        return -1

    gold_src = [(sp, a) for a in attrs for sp in a.source]
    gold_cue = [sp for a in attrs for sp in a.cue]
    pred_src: dict[tuple[int, int], int] = {}
    pred_cue: set[tuple[int, int]] = set()
    for i, s in enumerate(sents):
        if s.source:
            pred_src.setdefault((s.source.start, s.source.end), i)
        if s.cue:
            pred_cue.add((s.cue.start, s.cue.end))
        for at in [] if main_only else s.attributions:
            if at.source:
                pred_src.setdefault((at.source.start, at.source.end), i)
            if at.cue:
                pred_cue.add((at.cue.start, at.cue.end))
    # precision: our spans that overlap a gold span
    for sp in pred_src:
        t.counts["src_pred"] += 1
        if any(overlap(sp, g) for g, _ in gold_src):
            t.counts["src_pred_ok"] += 1
        else:
            t.err(
                "source span not in gold",
                f"[{name}] {text[sp[0] : sp[1]]!r} in: {short(sents[pred_src[sp]].text, 160)}",
                nerr,
            )
    for sp in pred_cue:
        t.counts["cue_pred"] += 1
        if any(overlap(sp, g) for g in gold_cue):
            t.counts["cue_pred_ok"] += 1
        else:
            t.err(
                "cue span not in gold",
                f"[{name}] {text[sp[0] : sp[1]]!r} in: "
                f"{short(text[max(0, sp[0] - 80) : sp[1] + 80], 200)}",
                nerr,
            )
    # recall: gold spans that one of ours overlaps, or a pronoun whose antecedent we gave
    gold_src_spans = [g for g, _ in gold_src]
    for g, a in gold_src:
        t.counts["src_gold"] += 1
        if any(overlap(g, sp) for sp in pred_src):
            t.counts["src_gold_ok"] += 1
            continue
        word = text[g[0] : g[1]].strip().lower()
        si = sent_index(g[0])
        credited = False
        if word in PRONOUNS and si >= 0 and sents[si].source:
            ps = (sents[si].source.start, sents[si].source.end)
            if ps[1] <= sents[si].start:  # our source is in an earlier sentence
                span = doc.char_span(*ps, alignment_mode="expand")
                named = span is not None and any(
                    tok.pos_ == "PROPN" or tok.ent_type_ in NAMED_ENTS for tok in span
                )
                credited = named or any(overlap(ps, x) for x in gold_src_spans)
        if credited:
            t.counts["src_gold_ok"] += 1
            t.counts["src_pronoun_credited"] += 1
        else:
            t.err(
                "gold source missed",
                f"[{name}] {text[g[0] : g[1]]!r} ({a.source_class}) in: "
                f"{short(sents[si].text if si >= 0 else '', 160)}",
                nerr,
            )
    for g in gold_cue:
        t.counts["cue_gold"] += 1
        if any(overlap(g, sp) for sp in pred_cue):
            t.counts["cue_gold_ok"] += 1
        else:
            t.err(
                "gold cue missed",
                f"[{name}] {text[g[0] : g[1]]!r} in: "
                f"{short(text[max(0, g[0] - 100) : g[1] + 60], 200)}",
                nerr,
            )


def parsed(nlp, texts: list[str], cache: Path | None, key: str):
    """The parsed articles, from `cache` when a run with the same split, limit, model and
    texts stored them there (rule work re-reads the same articles many times)."""
    if cache is None:
        return nlp.pipe(texts, batch_size=32)
    from spacy.tokens import DocBin

    from annotate.nlp import model_id

    digest = hashlib.sha256("\0".join(texts).encode()).hexdigest()[:12]
    name = f"polnear-{key}-{model_id(nlp)}-{digest}.spacy".replace("/", "_")
    path = cache / name
    if path.exists():
        return DocBin().from_disk(path).get_docs(nlp.vocab)
    docs = list(nlp.pipe(texts, batch_size=32))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs


def rate(n: int, d: int) -> str:
    return f"{n / d:.3f} ({n}/{d})" if d else "n/a (0)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="print N examples of each error kind")
    ap.add_argument(
        "--main-only",
        action="store_true",
        help="score only each sentence's main source and cue (as before sentences listed"
        " all their attributions)",
    )
    ap.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="keep the parsed articles in this folder (spaCy DocBin) so later runs skip parsing",
    )
    args = ap.parse_args()
    split_dir = data_root(args.split)
    if split_dir is None:
        print("eval_polnear: NEWSPROV_POLNEAR is not set; skipping (point it at PolNeAR's folder)")
        return
    pairs = pick_versions(split_dir)
    if args.limit:
        pairs = pairs[: args.limit]
    from annotate.annotator import Annotator

    annotator = Annotator()
    texts = [p.read_text(encoding="utf-8") for p, _ in pairs]
    tally = Tally()
    started = time.perf_counter()
    words = 0
    docs = parsed(annotator.nlp, texts, args.cache, f"{args.split}-{args.limit or 'all'}")
    for (txt, ann_path), doc in zip(pairs, docs, strict=True):
        ann = annotator.annotate_doc(doc)
        words += len(doc.text.split())
        score_article(
            doc, ann, parse_ann(ann_path), tally, args.errors, txt.stem[:40], args.main_only
        )
    secs = time.perf_counter() - started
    c = tally.counts
    print(
        f"PolNeAR {args.split}: {len(pairs)} articles, {words:,} words, {secs:.0f} s"
        " (one annotation per article: the file name that sorts first)"
    )
    print(f"named-source false alarms, overall:      {rate(c['named_fa'], c['named'])}")
    print(f"named-source false alarms, saying cues:  {rate(c['named_say_fa'], c['named_say'])}")
    print(f"named-source false alarms, round-7 view: {rate(c['named_r7_fa'], c['named_r7'])}")
    print(f"unnamed-source recall:                   {rate(c['unnamed_hit'], c['unnamed'])}")
    print(f"Attribution-no-source recall:            {rate(c['nosrc_hit'], c['nosrc'])}")
    print(
        f"other sources (documents, 'the campaign'...) flagged: "
        f"{rate(c['other_src_flagged'], c['other_src'])}"
    )
    away = ", ".join(
        f"{cls} {rate(c[f'away_{cls}_flagged'], c[f'away_{cls}'])}"
        for cls in ("named", "unnamed", "other", "nosrc")
    )
    print(f"cue and source in another sentence, flagged: {away}")
    print(
        "source spans: "
        + prf(c["src_pred_ok"], c["src_pred"], c["src_gold_ok"], c["src_gold"])
        + f"; pronouns credited {c['src_pronoun_credited']}"
    )
    for key in sorted(k for k in c if k.startswith("carry:") and not k.endswith(":gold")):
        print(f"{key[6:]}: with gold content {rate(c[key + ':gold'], c[key])}")
    print("cue spans:    " + prf(c["cue_pred_ok"], c["cue_pred"], c["cue_gold_ok"], c["cue_gold"]))
    if args.errors:
        rng = random.Random(0)  # a fixed sample across all articles, not the first ones
        for kind, every in tally.errors.items():
            rows = rng.sample(every, min(args.errors, len(every)))
            print(f"\n== {kind} ({len(rows)} of {len(every)})")
            for r in rows:
                print("  - " + r)


if __name__ == "__main__":
    main()
