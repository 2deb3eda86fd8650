"""Probe: would a learned query/routine tier show editors fewer wrong flags? (issue 9)

A measurement, not a shipped component. Every unsourced flag the annotator raises on the
judged real pages gets a row: the verdict an editor gave it (bench/aeb_judgements.tsv: Q a
query, Q? borderline, R routine, E the writer's evaluation, N not a claim or attributed after
all) and hashed features of the flag (its label, rule, rule tier and the tier rule that
decided it; the sentence's lemmas, entity types, numbers, quotes, person, modality; its place
in the article; whether the page says opinion). A logistic regression (numpy, L2, classes
balanced) learns "an editor would query this" (Q = 1; Q? counted as half a query).

Each split trains on some pages and shows, on the others, the flags a learned tier would show
by default, against the rules' own `query` tier:

- `pages`: five folds grouped by page over every judged source;
- `r14`: train on the AEB and trafilatura readings, test on round 14's L3S-GN1 check pages
  (another corpus, another decade, every flag judged);
- `--test FILE`: train on every row of aeb_judgements.tsv, test on the rows of FILE (same
  format; e.g. a new blind reading whose pages no rule or model has seen).

The threshold is chosen on the training rows alone (grouped inner folds): the highest score
that still shows `--recall` of the training queries. Reported per split: flags shown, their
verdicts, the share that are queries (strict; with Q?), recall of the judged queries among the
flags, and flags shown that no judgement covers. Judged queries the annotator never flagged
are outside any tier's reach and are not counted here (bench/score_reading.py counts them).

Page text is research-use data: nothing learned here is written to the package.
Data: NEWSPROV_PAGES, a colon-separated list of folders in the read_aeb layout (html/<key>.html.gz
and ground-truth-unreserved.json); skips cleanly without it.

Usage: NEWSPROV_PAGES=/work/data/aeb:/work/data/traf-news:/work/data/fresh14-all \
       .venv/bin/python bench/learned_tier_probe.py [--test FILE] [--recall 0.85]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import re
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

JUDGEMENTS = ROOT / "bench" / "aeb_judgements.tsv"
DIM = 1 << 18
_TIER_RULE = re.compile(r"\((sourcing\.tier\.[\w.]+)\)\s*$")
_MODALS = {"will", "would", "could", "may", "might", "should", "must", "can"}
_CONTENT = {"NOUN", "VERB", "ADJ", "ADV", "AUX"}


@dataclass
class Row:
    page: str
    idx: int
    verdict: str | None
    tier: str | None
    feats: list[int] = field(default_factory=list)


def read_judgements(path: Path) -> dict[tuple[str, int], tuple[str, str]]:
    out: dict[tuple[str, int], tuple[str, str]] = {}
    for line in path.read_text().splitlines():
        if line.startswith(("#", "page\t")) or not line.strip():
            continue
        page, idx, verdict, src = line.split("\t")
        out[(page, int(idx))] = (verdict, src)
    return out


def _h(s: str) -> int:
    return zlib.crc32(s.encode()) % DIM


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def flag_features(flag, span, idx: int, n_sents: int, opinion: bool) -> list[str]:
    """Named features of one flag (why names, not raw ids: a maintainer can print the
    heaviest weights and read them as reasons)."""
    tier_rule = m.group(1) if (m := _TIER_RULE.search(flag.reason or "")) else "none"
    f = [
        f"label={flag.sourcing}",
        f"rule={flag.rule}",
        f"tier={flag.tier}",
        f"trule={tier_rule}",
        f"tier_label={flag.tier}|{flag.sourcing}",
        f"pos={_bucket(idx, (0, 1, 3, 6, 12, 25))}",
        f"rel={min(4, int(5 * idx / max(1, n_sents)))}",
        f"len={_bucket(len(span), (6, 12, 20, 30, 45))}",
        f"opinion={opinion}",
        f"in_quote={flag.in_quote}",
    ]
    text = flag.text
    if '"' in text or "\u201c" in text:
        f.append("has_quote_mark")
    for tok in span:
        low = tok.lower_
        if tok.like_num:
            f.append("num")
        if low in ("i", "we", "my", "our", "me", "us"):
            f.append("first_person")
        elif low in ("you", "your"):
            f.append("second_person")
        if low in _MODALS:
            f.append(f"modal={low}")
        if tok.pos_ in _CONTENT and tok.is_alpha and not tok.is_stop:
            f.append(f"lem={tok.lemma_.lower()}")
        if tok.dep_ == "ROOT":
            f.append(f"root={tok.lemma_.lower()}")
            f.append(f"root_tag={tok.tag_}")
        if tok.dep_ in ("nsubj", "nsubjpass"):
            f.append(f"subj_pos={tok.pos_}")
            if tok.ent_type_:
                f.append(f"subj_ent={tok.ent_type_}")
    for ent in span.ents:
        f.append(f"ent={ent.label_}")
    return f


def page_rows(base_dirs: list[Path], prefixes: set[str], annotator) -> dict[str, list[Row]]:
    """Annotate every page whose key starts with one of `prefixes`; one Row per flag."""
    from scraper.extract import ExtractError, extract_article

    found: dict[str, Path] = {}
    urls: dict[str, str] = {}
    for base in base_dirs:
        truth_file = base / "ground-truth-unreserved.json"
        truth = json.loads(truth_file.read_text()) if truth_file.exists() else {}
        for p in sorted((base / "html").glob("*.html.gz")):
            key = p.name.removesuffix(".html.gz")
            if key[:8] in prefixes and key[:8] not in found:
                found[key[:8]] = p
                urls[key[:8]] = truth.get(key, {}).get("url") or f"https://example.invalid/{key}"
    out: dict[str, list[Row]] = {}
    for prefix, path in sorted(found.items()):
        try:
            art = extract_article(gzip.decompress(path.read_bytes()), urls[prefix])
        except ExtractError:
            continue
        doc = annotator.nlp(art.text)
        ann = annotator.annotate_doc(doc, art.opinion)
        rows = []
        n = len(ann.sentences)
        for i, s in enumerate(ann.sentences):
            if not s.unsourced:
                continue
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            if span is None:
                continue
            names = flag_features(s, span, i, n, bool(art.opinion))
            rows.append(Row(prefix, i, None, s.tier, sorted({_h(x) for x in names})))
        out[prefix] = rows
    missing = prefixes - set(found)
    if missing:
        print(f"({len(missing)} judged pages not found under NEWSPROV_PAGES: skipped)")
    return out


def _matrix(rows: list[Row]) -> sparse.csr_matrix:
    # sparse: a flag has tens of features out of DIM
    indptr = np.cumsum([0] + [len(r.feats) for r in rows])
    indices = np.array([f for r in rows for f in r.feats], dtype=np.int64)
    data = np.ones(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), DIM))


def _target(rows: list[Row]) -> np.ndarray:
    return np.array([{"Q": 1.0, "Q?": 0.5}.get(r.verdict or "", 0.0) for r in rows])


def fit(rows: list[Row], l2: float = 1.0, epochs: int = 300, lr: float = 0.5) -> np.ndarray:
    """Logistic regression by full-batch gradient descent; soft targets; classes balanced."""
    x, y = _matrix(rows), _target(rows)
    pos = max(y.sum(), 1.0)
    neg = max((1 - y).sum(), 1.0)
    wpos, wneg = len(y) / (2 * pos), len(y) / (2 * neg)
    sample_w = y * wpos + (1 - y) * wneg
    w = np.zeros(DIM + 1, dtype=np.float64)
    for _ in range(epochs):
        z = x @ w[:-1] + w[-1]
        p = 1 / (1 + np.exp(-z))
        g = sample_w * (p - y)
        grad = x.T @ g / len(y)
        grad += l2 * w[:-1] / len(y)
        w[:-1] -= lr * grad
        w[-1] -= lr * g.mean()
    return w


def predict(w: np.ndarray, rows: list[Row]) -> np.ndarray:
    if not rows:
        return np.zeros(0)
    return _matrix(rows) @ w[:-1] + w[-1]


def _folds(rows: list[Row], k: int) -> list[list[int]]:
    pages = sorted({r.page for r in rows})
    groups = [pages[i::k] for i in range(k)]
    return [[i for i, r in enumerate(rows) if r.page in set(g)] for g in groups]


def threshold(rows: list[Row], recall: float, k: int = 4) -> float:
    """The highest score that still shows `recall` of the training queries, from scores the
    rows got while held out of inner folds (why held out: in-fold scores are overconfident)."""
    scores = np.zeros(len(rows))
    for test in _folds(rows, k):
        keep = set(test)
        w = fit([r for i, r in enumerate(rows) if i not in keep])
        scores[test] = predict(w, [rows[i] for i in test])
    q = np.sort(scores[[r.verdict == "Q" for r in rows]])[::-1]
    if len(q) == 0:
        return 0.0
    return float(q[min(len(q) - 1, int(np.ceil(recall * len(q))) - 1)])


def report(name: str, rows: list[Row], shown_by: dict[str, list[bool]]) -> None:
    qs = sum(r.verdict == "Q" for r in rows)
    qq = sum(r.verdict in ("Q", "Q?") for r in rows)
    print(f"\n{name}: {len({r.page for r in rows})} pages, {len(rows)} flags, {qs} Q, {qq} Q+Q?")
    for view, mask in shown_by.items():
        shown = [r for r, m in zip(rows, mask, strict=True) if m]
        v = Counter(r.verdict or "-" for r in shown)
        judged = sum(n for k, n in v.items() if k != "-")
        share = v["Q"] / judged if judged else 0.0
        share2 = (v["Q"] + v["Q?"]) / judged if judged else 0.0
        rec = v["Q"] / qs if qs else 0.0
        rec2 = (v["Q"] + v["Q?"]) / qq if qq else 0.0
        print(
            f"  {view:<16} shown {len(shown):>4} (unjudged {v['-']:>3})  Q {v['Q']:>3} Q? "
            f"{v['Q?']:>3} R {v['R']:>3} E {v['E']:>3} N {v['N']:>3}  share {share:.3f} "
            f"({share2:.3f})  recall {v['Q']}/{qs} {rec:.2f} ({rec2:.2f})"
        )


def evaluate(name: str, train: list[Row], test: list[Row], recall: float) -> None:
    judged_train = [r for r in train if r.verdict]
    w = fit(judged_train)
    cut = threshold(judged_train, recall)
    s = predict(w, test)
    learned = [bool(x >= cut) for x in s]
    rules = [r.tier in ("query", None) for r in test]
    report(
        name,
        test,
        {
            "rules (query)": rules,
            "learned": learned,
            "rules and learned": [a and b for a, b in zip(rules, learned, strict=True)],
            "rules or learned": [a or b for a, b in zip(rules, learned, strict=True)],
        },
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--test", type=Path, help="judgements of new pages to test on")
    ap.add_argument("--recall", type=float, default=0.85, help="training recall to keep")
    ap.add_argument("--cache", type=Path, help="pickle of the annotated rows (made if absent)")
    args = ap.parse_args()
    env = os.environ.get("NEWSPROV_PAGES")
    if not env:
        print("learned_tier_probe: NEWSPROV_PAGES is not set; skipping")
        return
    bases = [Path(p) for p in env.split(":") if p]
    judged = read_judgements(JUDGEMENTS)
    tested = read_judgements(args.test) if args.test else {}
    # a test reading already appended to aeb_judgements.tsv (round 16 appends its blind
    # verdicts after measuring) must not also train the model: drop its pages from training
    test_pages = {p for p, _ in tested}
    judged = {k: v for k, v in judged.items() if k[0] not in test_pages}

    prefixes = {p for p, _ in judged} | {p for p, _ in tested}
    if args.cache and args.cache.exists():
        by_page = pickle.loads(args.cache.read_bytes())
    else:
        from annotate.annotator import Annotator

        by_page = page_rows(bases, prefixes, Annotator())
        if args.cache:
            args.cache.write_bytes(pickle.dumps(by_page))

    def rows_of(table: dict[tuple[str, int], tuple[str, str]]) -> list[Row]:
        pages = {p for p, _ in table}
        out = []
        for page in sorted(pages & set(by_page)):
            for r in by_page[page]:
                hit = table.get((page, r.idx))
                out.append(Row(r.page, r.idx, hit[0] if hit else None, r.tier, r.feats))
        return out

    base_rows = rows_of(judged)
    src = {p: s for (p, _), (_, s) in judged.items()}
    print(
        f"{len(base_rows)} flags on {len(by_page)} judged pages;"
        f" {sum(r.verdict is not None for r in base_rows)} judged"
        f" ({sum(r.verdict == 'Q' for r in base_rows)} Q)"
    )
    if args.test:
        evaluate(f"test {args.test.name}", base_rows, rows_of(tested), args.recall)
        return
    # grouped folds over pages: each page's flags are scored by a model that never saw it
    folds = _folds(base_rows, 5)
    merged: list[Row] = []
    masks: dict[str, list[bool]] = {k: [] for k in ("rules (query)", "learned")}
    for test in folds:
        keep = set(test)
        train = [r for i, r in enumerate(base_rows) if i not in keep and r.verdict]
        w, cut = fit(train), threshold(train, args.recall)
        rows = [base_rows[i] for i in test]
        merged += rows
        masks["learned"] += [bool(x >= cut) for x in predict(w, rows)]
        masks["rules (query)"] += [r.tier in ("query", None) for r in rows]
    report("pages (5 folds)", merged, masks)
    r14 = [r for r in base_rows if src.get(r.page) == "r14"]
    rest = [r for r in base_rows if src.get(r.page) != "r14"]
    evaluate("r14 (trained on AEB and trafilatura pages)", rest, r14, args.recall)


if __name__ == "__main__":
    main()
