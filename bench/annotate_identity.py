"""A digest of the annotator's full output over a few thousand sentences, to prove that a
speed change changes nothing a user sees.

Annotates, in this order and with `Annotator.annotate_many` (the path the pipeline uses):
  - our own sets: tests/gold/*.txt and tests/heldout/*.txt (read only, never scored here),
  - with NEWSPROV_POLNEAR set, the first --polnear articles of PolNeAR's train split,
  - with NEWSPROV_AEB set, the first --aeb unreserved AEB pages (extracted as the scraper
    does),
and prints one sha256 per source and one over everything: every sentence flag (label,
source, cue, reason, rule, tier, attributions), every framing span and every claim, as
JSON. Run it on two commits with the same environment and PYTHONHASHSEED=0; equal digests
mean equal output. --out writes the JSON lines, to diff when the digests differ.

Usage: PYTHONHASHSEED=0 NEWSPROV_POLNEAR=... NEWSPROV_AEB=... \
    .venv/bin/python bench/annotate_identity.py [--polnear 40] [--aeb 40] [--out rows.jsonl]
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def own_texts() -> list[tuple[str, str]]:
    out = []
    for folder in ("gold", "heldout"):
        for f in sorted((ROOT / "tests" / folder).glob("*.txt")):
            out.append((f"{folder}/{f.name}", f.read_text(encoding="utf-8")))
    return out


def polnear_texts(limit: int) -> list[tuple[str, str]]:
    env = os.environ.get("NEWSPROV_POLNEAR")
    if not env or limit <= 0:
        return []
    base = Path(env)
    text_dir = next(
        (d for d in (base / "data" / "train" / "text", base / "train" / "text") if d.is_dir()),
        None,
    )
    if text_dir is None:
        return []
    files = sorted(text_dir.glob("*.txt"))[:limit]
    return [(f"polnear/{f.name}", f.read_text(encoding="utf-8")) for f in files]


def aeb_texts(limit: int) -> list[tuple[str, str]]:
    env = os.environ.get("NEWSPROV_AEB")
    if not env or limit <= 0:
        return []
    from read_aeb import pages  # skips the reserved pages

    from scraper.extract import ExtractError, extract_article

    out = []
    for path in pages(Path(env)):
        if len(out) >= limit:
            break
        key = path.name.removesuffix(".html.gz")
        try:
            art = extract_article(
                gzip.decompress(path.read_bytes()), f"https://example.invalid/{key}"
            )
        except ExtractError:
            continue
        out.append((f"aeb/{key}", art.text))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=int, default=40, help="PolNeAR train articles")
    ap.add_argument("--aeb", type=int, default=40, help="AEB pages")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--out", type=Path, default=None, help="write the JSON lines here")
    args = ap.parse_args()

    from annotate.annotator import Annotator

    items = own_texts() + polnear_texts(args.polnear) + aeb_texts(args.aeb)
    annotator = Annotator()
    total = hashlib.sha256()
    per_source: dict[str, hashlib._Hash] = {}
    counts: dict[str, list[int]] = {}
    out = args.out.open("w", encoding="utf-8") if args.out else None
    anns = annotator.annotate_many([t for _, t in items], batch_size=args.batch)
    for (name, _), ann in zip(items, anns, strict=True):
        row = json.dumps(
            {"name": name, **dataclasses.asdict(ann)}, sort_keys=True, ensure_ascii=False
        )
        source = name.split("/", 1)[0]
        total.update(row.encode())
        per_source.setdefault(source, hashlib.sha256()).update(row.encode())
        c = counts.setdefault(source, [0, 0, 0, 0])
        c[0] += 1
        c[1] += len(ann.sentences)
        c[2] += len(ann.spans)
        c[3] += len(ann.claims)
        if out is not None:
            out.write(row + "\n")
    if out is not None:
        out.close()
    print(f"PYTHONHASHSEED={os.environ.get('PYTHONHASHSEED', '(unset)')}")
    for source, h in per_source.items():
        n, s, sp, cl = counts[source]
        print(
            f"{source:<8} {n:4d} texts {s:6d} sentences {sp:5d} spans {cl:5d} claims"
            f"  {h.hexdigest()[:16]}"
        )
    print(f"all: {total.hexdigest()}")


if __name__ == "__main__":
    main()
