"""How long extraction takes per page, against parsing the same bytes with lxml alone.

Replaces a wall-clock assertion that used to sit in tests/test_extract.py (speed belongs in
bench/, where a loaded machine cannot fail a build). In one run, alternating rounds over the
bundled sample pages (newsprov/sample), it times:
  - `lxml.html.fromstring` on each page (the floor: parsing the HTML once), and
  - `extract_article` on the same page (decoding, trafilatura, metadata, the guards),
and prints the median ms/page of each and their ratio. Pages are small news articles, so
the ratio says how many HTML parses' worth of work extraction costs.

Usage: .venv/bin/python bench/extract_speed.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402

from scraper.extract import extract_article  # noqa: E402

SAMPLE = ROOT / "newsprov" / "sample"


def pages() -> list[tuple[str, bytes]]:
    manifest = json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))
    return [(p["url"], (SAMPLE / p["url"].split("://", 1)[1]).read_bytes()) for p in manifest]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    sample = pages()
    extract_article(sample[0][1], sample[0][0], "text/html")  # warm the imports once
    parse_ms: list[float] = []
    extract_ms: list[float] = []
    for _ in range(args.rounds):
        # Alternate per page, so load on a shared machine falls on both alike.
        for url, body in sample:
            t = time.perf_counter()
            lxml.html.fromstring(body)
            parse_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            extract_article(body, url, "text/html")
            extract_ms.append((time.perf_counter() - t) * 1000)
    p, e = statistics.median(parse_ms), statistics.median(extract_ms)
    print(f"{len(sample)} sample pages x {args.rounds} rounds")
    print(f"lxml parse:      median {p:.1f} ms/page")
    print(f"extract_article: median {e:.1f} ms/page ({e / p:.1f}x the parse)")


if __name__ == "__main__":
    main()
