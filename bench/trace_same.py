"""Dump what a story rebuild stores and shows, to compare two versions of the code.

Copies DB, rebuilds every story's claim matches in the copy with the code this script is
run from (or the tree given with --code), and writes as JSON: the claim_matches rows, the
claim_copies (claim_id, copy_of) rows, every article's trail and every canned query's
answer at both tier settings. Run it once with an older tree (`git archive <commit> | tar
-x -C /tmp/old`) and once with this one on the same DB, then compare the two files:

    .venv/bin/python bench/trace_same.py DB OUT.json [--code /tmp/old]
    .venv/bin/python bench/trace_same.py --compare BEFORE.json AFTER.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path


def dump(db_path: str, out: str, code: str) -> None:
    sys.path.insert(0, code)
    from annotate.copies import match_story
    from annotate.trace import match_claims
    from db.plugin.queries import CANNED
    from db.schema import open_db
    from db.trace import rebuild_matches
    from db.trail import trail

    copy = out + ".db"
    for ext in ("", "-wal", "-shm"):  # a stale WAL next to the copy would be replayed
        if os.path.exists(copy + ext):
            os.remove(copy + ext)
        if os.path.exists(db_path + ext):
            shutil.copy(db_path + ext, copy + ext)
    db = open_db(copy)
    ids = [a for (a,) in db.execute("SELECT article_id FROM articles ORDER BY article_id")]
    rebuild_matches(db, ids, match_claims, story_fn=match_story)
    got: dict[str, object] = {
        "claim_matches": sorted(
            map(
                list,
                db.execute(
                    "SELECT claim_id, other_claim_id, other_article_id, method,"
                    " score, shared_figures, conflict FROM claim_matches"
                ),
            )
        ),  # fmt: skip
        "claim_copies": sorted(map(list, db.execute("SELECT claim_id, copy_of FROM claim_copies"))),
        "trails": {str(a): trail(db, a) for a in ids},
    }
    for name in sorted(CANNED):
        for tier in ("", "all"):
            rows = db.conn.execute(CANNED[name]["sql"], {"tier": tier}).fetchall()
            got[f"{name}?tier={tier}"] = sorted(map(list, rows), key=repr)
    Path(out).write_text(json.dumps(got, sort_keys=True, default=str), encoding="utf-8")
    print(f"{len(got['claim_matches'])} claim_matches rows, {len(ids)} articles -> {out}")


def compare(before: str, after: str) -> bool:
    a = json.loads(Path(before).read_text(encoding="utf-8"))
    b = json.loads(Path(after).read_text(encoding="utf-8"))
    same = True
    for key in sorted(a):
        ok = a[key] == b.get(key)
        same &= ok
        print(f"{key}: {'same' if ok else 'DIFFERENT'} ({len(a[key])} items)")
    return same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs=2)
    ap.add_argument("--code", default=str(Path(__file__).resolve().parent.parent))
    ap.add_argument("--compare", action="store_true")
    args = ap.parse_args()
    if args.compare:
        sys.exit(0 if compare(*args.paths) else 1)
    dump(args.paths[0], args.paths[1], args.code)


if __name__ == "__main__":
    main()
