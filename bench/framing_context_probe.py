"""Context probes for the framing tiers on SemEval-2023 train (development half only): would
a flag's context, rather than its word, tell a marked span from an unmarked one?

Prints, for author's-voice flags (any-overlap against author's-voice gold):
- mild flags by what shares their sentence (a strong flag, another mild flag, nothing) and
  by a direct dependency link to another flag: the case for promoting mild to strong when
  two loaded signals meet in one clause;
- mild and strong flags by the article's density of strong flags (per 1,000 words): the
  case for reading an opinion piece's mild words as strong, or a lone strong flag as a slip;
- strong flags under negation, in a conditional, and as the clause of a verb of saying: the
  case for demoting a strong flag by its clause;
- the strong view's P/R/F1 when each strong lexicon span is widened to its phrase (the
  modified noun or adjective, and the modifiers before it): how much any-overlap depends on
  span boundaries.
Only counts are printed, never the text of the set. The check half is refused: probing it
would spend the honest figure.

Usage: NEWSPROV_SEMEVAL=/work/data/semeval2023-en-train .venv/bin/python \
       bench/framing_context_probe.py [--cache DIR]
"""

from __future__ import annotations

import argparse
import copy
from collections import Counter
from pathlib import Path

from framing_data import annotated, env_path, read_semeval
from framing_score import _ov

SAY = frozenset(
    """say tell claim write add state argue insist allege suggest warn believe think
    contend assert note explain declare announce""".split()
)


def _hit(gold, s) -> bool:
    return any(_ov(s.start, s.end, g.start, g.end) for g in gold if not g.in_quote)


def _rate(c: Counter, key) -> str:
    h, n = c[(key, True)], c[(key, True)] + c[(key, False)]
    return f"{h:4d} of {n:4d} ({h / n if n else 0:.2f})"


def _strong_prf(arts, preds) -> str:
    tp = n = gh = gn = 0
    for a, p in zip(arts, preds, strict=True):
        s = [x for x in p if not x.in_quote and x.tier == "strong"]
        n += len(s)
        tp += sum(_hit(a.gold, x) for x in s)
        for g in a.gold:
            if not g.in_quote:
                gn += 1
                gh += any(_ov(x.start, x.end, g.start, g.end) for x in s)
    p, r = tp / n if n else 0.0, gh / gn if gn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  (pred {n})"


def _widen(doc, s):
    """The span grown to its phrase: a modifier to the word it modifies (up to four words
    on), and the modifiers just before the span's head."""
    sp = doc.char_span(s.start, s.end, alignment_mode="expand")
    if sp is None:
        return s
    last, start, end = sp[-1], sp.start, sp.end
    if last.dep_ in ("amod", "advmod", "compound") and 0 < last.head.i - last.i <= 4:
        end = last.head.i + 1
    mods = [c for c in sp.root.lefts if c.dep_ in ("amod", "advmod", "compound")]
    mods = [c for c in mods if 0 < start - c.i <= 3]
    if mods:
        start = min(c.i for c in mods)
    out = copy.copy(s)
    out.start, out.end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return out


def _clause(sp) -> str:
    """negated / conditional / a verb of saying's clause / plain, for a strong span."""
    sent, root = sp.sent, sp.root
    chain = [root, *list(root.ancestors)[:2]]
    if any(c.dep_ == "neg" for t in chain for c in t.children):
        return "negated"
    if any(t.lower_ in ("if", "whether", "unless") for t in sent.doc[sent.start : sp.start]):
        return "conditional"
    tok = root
    for _ in range(6):
        head = tok.head
        if head is tok:
            break
        if tok.dep_ == "ccomp" and head.lemma_ in SAY and tok.i > head.i:
            return "say-clause"
        tok = head
    return "plain"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, help="keep parsed docs here between runs")
    args = ap.parse_args()
    root = env_path("NEWSPROV_SEMEVAL")
    if root is None:
        return
    from annotate.nlp import load_nlp

    arts, preds = annotated(read_semeval(root), "even", args.cache)
    nlp = load_nlp()
    from framing_data import parsed

    docs = list(parsed(nlp, [a.text for a in arts], args.cache))
    c: Counter = Counter()
    for a, d, p in zip(arts, docs, preds, strict=True):
        own = [x for x in p if not x.in_quote]
        strong = [x for x in own if x.tier == "strong"]
        dens = 1000 * len(strong) / max(1, len(a.text.split()))
        band = "<2" if dens < 2 else "2-4" if dens < 4 else "4-10" if dens < 10 else "10+"
        by_tok = {}
        for x in own:
            sp = d.char_span(x.start, x.end, alignment_mode="expand")
            for t in sp or ():
                by_tok[t.i] = x
        for x in own:
            sp = d.char_span(x.start, x.end, alignment_mode="expand")
            if sp is None:
                continue
            h = _hit(a.gold, x)
            c[(f"{x.tier} density {band}", h)] += 1
            if x.tier == "strong":
                if x.entry is not None:
                    c[(f"strong {_clause(sp)}", h)] += 1
                continue
            s = sp.sent
            near = [y for y in own if y is not x and s.start_char <= y.start < s.end_char]
            with_ = "strong" if any(y.tier == "strong" for y in near) else "mild" if near else "-"
            c[(f"mild, sentence with {with_}", h)] += 1
            # FramingSpan is an unhashable dataclass: collect the linked flags by identity
            linked = {id(y): y for t in sp for n in (t.head, *t.children) if (y := by_tok.get(n.i))}
            linked.pop(id(x), None)
            if linked:
                tier = "strong" if any(y.tier == "strong" for y in linked.values()) else "mild"
                c[(f"mild {x.category}, linked to {tier}", h)] += 1
    for key in sorted({k for k, _ in c}):
        print(f"  {key:<48} {_rate(c, key)}")
    wide = [
        [_widen(d, x) if x.entry and x.tier == "strong" and not x.in_quote else x for x in p]
        for d, p in zip(docs, preds, strict=True)
    ]
    print(f"strong view as shipped:        {_strong_prf(arts, preds)}")
    print(f"strong spans widened to phrase: {_strong_prf(arts, wide)}")


if __name__ == "__main__":
    main()
