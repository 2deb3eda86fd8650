"""Probe: would a learned token tagger find framing spans the rules miss? (issue 10)

A measurement, not a shipped component. Trains a logistic-regression token tagger (numpy,
hashed features: the word, its lemma, tag and dependency, its neighbours, its VADER valence,
whether the shipped lexicon or scare-quote detector marks it, whether it sits in a quotation)
on the SemEval-2023 Task 3 English TRAIN split's even half, picks the decision threshold on a
held-back quarter of that half (best F1 with precision >= 0.6), and scores on the odd half with
bench/framing_score's any-overlap scorer, author's voice, against:

- the shipped rules' strong spans (the default view);
- the tagger alone (runs of tagged tokens as spans);
- rules strong plus the tagger (union), and rules strong kept only where the tagger agrees.

Nothing is written to the package: SemEval is for research use, so weights learned from it
stay on this machine. Data: NEWSPROV_SEMEVAL (skips cleanly without it).

Usage: NEWSPROV_SEMEVAL=... .venv/bin/python bench/learned_framing_probe.py [--cache DIR]
       [--epochs 6] [--eval-half odd]
"""

from __future__ import annotations

import argparse
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from framing_data import env_path, half, parsed, read_semeval, score

from annotate.quotes import inside, quote_regions

DIM = 1 << 20


@dataclass
class Pred:
    start: int
    end: int
    in_quote: bool
    category: str | None = None
    tier: str | None = "strong"


def _h(s: str) -> int:
    return zlib.crc32(s.encode()) % DIM


def _valence(vader: dict[str, float], word: str) -> str:
    v = vader.get(word)
    if v is None:
        return "none"
    return "neg2" if v <= -2 else "neg" if v < 0 else "pos2" if v >= 2 else "pos"


def token_features(doc, rule_spans, quotes, vader) -> list[list[int]]:
    """Hashed feature ids for every token of `doc` (why: a linear model over these is the
    simplest learned signal whose weights an editor could still read word by word)."""
    mark = [""] * len(doc)
    for sp in rule_spans:
        for t in doc.char_span(sp.start, sp.end, alignment_mode="expand") or []:
            mark[t.i] = f"{sp.category}/{sp.tier}/{'q' if sp.in_quote else 'a'}"
    out = []
    for t in doc:
        w, lem = t.lower_, t.lemma_.lower()
        prev = doc[t.i - 1].lower_ if t.i > 0 else "<s>"
        nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else "</s>"
        feats = [
            "b",
            f"w={w}",
            f"l={lem}",
            f"t={t.tag_}",
            f"d={t.dep_}",
            f"lt={lem}|{t.tag_}",
            f"p={prev}",
            f"n={nxt}",
            f"pw={prev}|{w}",
            f"wn={w}|{nxt}",
            f"h={t.head.lemma_.lower()}|{t.dep_}",
            f"v={_valence(vader, w)}",
            f"vt={_valence(vader, w)}|{t.pos_}",
            f"r={mark[t.i]}",
            f"q={inside(t.idx, t.idx + len(t), quotes)}",
            f"s={t.is_sent_start}",
        ]
        out.append([_h(f) for f in feats])
    return out


def labels(doc, gold) -> np.ndarray:
    y = np.zeros(len(doc), dtype=np.float32)
    for g in gold:
        for t in doc.char_span(g.start, g.end, alignment_mode="expand") or []:
            y[t.i] = 1.0
    return y


def train(xs: list[list[list[int]]], ys: list[np.ndarray], epochs: int, seed: int = 13):
    """Logistic regression by Adagrad over sparse hashed features."""
    w = np.zeros(DIM, dtype=np.float64)
    g2 = np.full(DIM, 1e-6)
    rows = [(f, y) for x, yy in zip(xs, ys, strict=True) for f, y in zip(x, yy, strict=True)]
    rng = np.random.default_rng(seed)
    lr, l2 = 0.2, 1e-6
    for _ in range(epochs):
        for k in rng.permutation(len(rows)):
            f, y = rows[k]
            z = w[f].sum()
            p = 1.0 / (1.0 + np.exp(-z))
            grad = (p - y) + l2 * w[f]
            g2[f] += grad * grad
            w[f] -= lr * grad / np.sqrt(g2[f])
    return w


def probs(w, x: list[list[int]]) -> np.ndarray:
    z = np.array([w[f].sum() for f in x])
    return 1.0 / (1.0 + np.exp(-z))


def spans_of(doc, p: np.ndarray, thr: float, quotes) -> list[Pred]:
    out, i = [], 0
    while i < len(doc):
        if p[i] >= thr and not doc[i].is_punct:
            j = i
            while j + 1 < len(doc) and p[j + 1] >= thr:
                j += 1
            s, e = doc[i].idx, doc[j].idx + len(doc[j])
            out.append(Pred(s, e, inside(s, e, quotes)))
            i = j + 1
        else:
            i += 1
    return out


def author(arts, preds) -> tuple[float, float, float, int]:
    a, _ = score(((x.gold, p) for x, p in zip(arts, preds, strict=True)), in_quote=False)
    return a.p, a.r, a.f1, a.n_p


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--eval-half", choices=("odd", "even-quarter"), default="odd")
    args = ap.parse_args()
    root = env_path("NEWSPROV_SEMEVAL")
    if root is None:
        return
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from annotate.framing import FramingMatcher
    from annotate.nlp import load_nlp

    nlp = load_nlp()
    matcher = FramingMatcher(nlp)
    vader = SentimentIntensityAnalyzer().lexicon
    arts = read_semeval(root)

    def prepare(part):
        docs = list(parsed(nlp, [a.text for a in part], args.cache))
        quotes = [quote_regions(d.text) for d in docs]
        rules = [matcher.find(d, q) for d, q in zip(docs, quotes, strict=True)]
        xs = [token_features(d, r, q, vader) for d, r, q in zip(docs, rules, quotes, strict=True)]
        ys = [labels(d, a.gold) for d, a in zip(docs, part, strict=True)]
        return docs, quotes, rules, xs, ys

    even = half(arts, "even")
    dev_a, dev_b = even[: len(even) * 3 // 4], even[len(even) * 3 // 4 :]
    print(f"even half {len(even)} articles: threshold on the last quarter ({len(dev_b)})")
    da, db = prepare(dev_a), prepare(dev_b)
    w = train(da[3], da[4], args.epochs)
    pb = [probs(w, x) for x in db[3]]
    best = (0.0, 0.5)
    for thr in np.arange(0.2, 0.96, 0.05):
        preds = [spans_of(d, p, thr, q) for d, p, q in zip(db[0], pb, db[1], strict=True)]
        p, r, f, _n = author(dev_b, preds)
        print(f"  thr {thr:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        if p >= 0.6 and f > best[0]:
            best = (f, float(thr))
    thr = best[1]
    print(f"chosen threshold {thr:.2f} (F1 {best[0]:.3f} on the held-back quarter)")
    if args.eval_half == "even-quarter":
        # development view: the same comparison on the held-back quarter of the even half
        odd, do, po = dev_b, db, pb
    else:
        de = prepare(even)
        w = train(de[3], de[4], args.epochs)
        odd = half(arts, "odd")
        do = prepare(odd)
        po = [probs(w, x) for x in do[3]]
    tagger = [spans_of(d, p, thr, q) for d, p, q in zip(do[0], po, do[1], strict=True)]
    strong = [[s for s in r if s.tier == "strong"] for r in do[2]]

    def agrees(doc, p, sp) -> bool:
        toks = doc.char_span(sp.start, sp.end, alignment_mode="expand") or []
        return any(p[t.i] >= thr / 2 for t in toks)

    kept = [[s for s in st if agrees(d, p, s)] for d, p, st in zip(do[0], po, strong, strict=True)]
    union = [a + b for a, b in zip(strong, tagger, strict=True)]
    print(f"\n{args.eval_half} half, {len(odd)} articles, author's voice, any-overlap:")
    for name, preds in (
        ("rules, strong (shipped default)", strong),
        ("tagger alone", tagger),
        ("rules strong + tagger", union),
        ("rules strong where the tagger agrees", kept),
    ):
        p, r, f, n = author(odd, preds)
        print(f"  {name:38s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (pred {n})")
    top = np.argsort(w)[-15:]
    print(f"\n{len(np.flatnonzero(w))} non-zero weights; largest: {np.round(w[top], 2).tolist()}")


if __name__ == "__main__":
    main()
