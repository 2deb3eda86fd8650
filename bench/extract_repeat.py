"""Does the same page give the same article text on every run? (evidence integrity)

Extracts every saved page of the given folders (the read_aeb layout: html/<key>.html.gz and an
optional ground-truth-unreserved.json with urls) in `--runs` separate processes, and prints
the pages whose extracted text differs between runs, with the word counts each run gave.
Separate processes, because what varied in round 20 was newspaper4k's choice among tied
candidates, which followed the memory layout of a process (scraper/newspaper_order.py).

Data stays outside the repository: pass folders, or set NEWSPROV_PAGES to a colon-separated
list of them; without either the script prints one line and exits 0.

Usage: .venv/bin/python bench/extract_repeat.py [--runs 3] [FOLDER ...]
Round 20: 152 pages of eight fresh sets, three runs each: 1 page unstable before the fix
(602 or 691 words), 0 after.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# One process's pass over the folders: key, words and a digest of the text per page.
# The pages are read_aeb's (reserved AEB pages left out), so the two see the same set.
_ONE_RUN = """
import gzip, hashlib, json, logging, sys
from pathlib import Path
sys.path.insert(0, "bench")
from read_aeb import pages
from scraper.extract import ExtractError, extract_article
logging.disable(logging.WARNING)
for folder in sys.argv[1:]:
    base = Path(folder)
    gt = base / "ground-truth-unreserved.json"
    truth = json.loads(gt.read_text()) if gt.exists() else {}
    for p in pages(base):
        key = p.name.removesuffix(".html.gz")
        url = truth.get(key, {}).get("url") or f"https://example.invalid/{key}"
        try:
            a = extract_article(gzip.decompress(p.read_bytes()), url)
            print(key, len(a.text.split()), hashlib.sha1(a.text.encode()).hexdigest())
        except ExtractError:
            print(key, 0, "failed")
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("folders", nargs="*")
    args = ap.parse_args()
    folders = args.folders or [f for f in os.environ.get("NEWSPROV_PAGES", "").split(":") if f]
    if not folders:
        print("extract_repeat: no page folders given (args or NEWSPROV_PAGES); skipping")
        return
    seen: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", _ONE_RUN, *folders],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
        for line in out.splitlines():
            key, words, digest = line.split()
            seen[key].append((words, digest))
    unstable = {k: v for k, v in seen.items() if len({d for _, d in v}) > 1}
    print(f"{len(seen)} pages, {args.runs} runs each: {len(unstable)} gave different text")
    for key, runs in sorted(unstable.items()):
        print(f"  {key[:8]}: words per run {', '.join(w for w, _ in runs)}")
    digest = hashlib.sha1(json.dumps(sorted(seen.items())).encode()).hexdigest()[:12]
    print(f"digest of all runs: {digest}")


if __name__ == "__main__":
    main()
