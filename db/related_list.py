"""The `related --json` rows of an article: its whole same-story cluster, then the other-story
candidates found for it (moved out of db/trace.py, which writes the matches, to keep each file
to one job)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import sqlite_utils

from db.trace import SQL_BATCH, copy_originals, story_cluster


def related_list(db: sqlite_utils.Database, article_id: int) -> list[dict]:
    """The `related --json` rows: the article's whole same-story cluster (found for it or
    for any other member), then the other-story candidates found for it; same-story first,
    then by score. `via` is the member a row was found for when it is not this article."""
    members = story_cluster(db, article_id)
    roots = copy_originals(db, members)
    member_set = set(members)
    rows = _related_rows(db, members)
    best: dict[int, tuple] = {}  # other article -> (rank, row)
    others: dict[int, tuple] = {}
    for row in rows:
        _rid, a, b, *_rest = row
        if article_id in (a, b):
            other = b if a == article_id else a
            if row[4] == 1:
                best[other] = ((0, 0.0, _rid), row)
            elif other not in member_set:
                others.setdefault(other, ((2, 0.0, _rid), row))
            continue
        if row[4] != 1:
            continue
        for other in (a, b):
            if other == article_id or other not in member_set:
                continue
            rank = (1, -(row[3] or 0.0), _rid)
            if other not in best or rank < best[other][0]:
                best[other] = (rank, row)
    chosen = {**others, **best}
    info = article_info(db, [*chosen, *{roots[a] for a in chosen if a in roots}])
    out = []
    for other, (_rank, row) in chosen.items():
        _rid, a, b, score, same, syn, method, evidence = row
        pair_other = b if a == other else a
        if other in member_set and roots.get(other, other) != other:
            original = roots[other]
        elif other in member_set and roots.get(article_id) == other != article_id:
            original = other  # asked about a copy: this is its original
        else:
            original = syn
        o = info.get(other, {})
        out.append(
            {
                "url": o.get("url"),
                "outlet": o.get("outlet"),
                "published": o.get("published"),
                "same_story": None if same is None else bool(same),
                "score": score,
                "syndicated_of": info.get(original, {}).get("url") if original else None,
                "method": method,
                "evidence": json.loads(evidence) if evidence else None,
                "via": None
                if pair_other == article_id
                else info.get(pair_other, {}).get("url") or _url(db, pair_other),
            }
        )
    out.sort(key=lambda r: (not r["same_story"], -(r["score"] or 0.0), r["url"] or ""))
    return out


def _related_rows(db: sqlite_utils.Database, members: Sequence[int]) -> list[tuple]:
    seen: dict[int, tuple] = {}
    for i in range(0, len(members), SQL_BATCH):
        chunk = list(members[i : i + SQL_BATCH])
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            "SELECT related_id, article_id, other_article_id, score, same_story,"  # noqa: S608 - placeholders only
            " syndicated_of, method, evidence FROM related"
            f" WHERE article_id IN ({marks}) OR other_article_id IN ({marks})",
            [*chunk, *chunk],
        ).fetchall():
            seen[row[0]] = tuple(row)
    return [seen[k] for k in sorted(seen)]


def article_info(db: sqlite_utils.Database, ids: Iterable[int]) -> dict[int, dict]:
    ids = sorted({i for i in ids if i is not None})
    out: dict[int, dict] = {}
    for i in range(0, len(ids), SQL_BATCH):
        chunk = ids[i : i + SQL_BATCH]
        marks = ",".join("?" * len(chunk))
        for aid, url, outlet, published, title, name in db.execute(
            "SELECT a.article_id, a.url, COALESCE(o.name, a.outlet_id), a.published, a.title, o.name"  # noqa: S608 - placeholders only
            " FROM articles a LEFT JOIN outlets o ON o.outlet_id = a.outlet_id"
            f" WHERE a.article_id IN ({marks})",
            chunk,
        ).fetchall():
            out[aid] = {
                "url": url,
                "outlet": outlet,
                "published": published,
                "_names": [n for n in (name, title) if n],
            }
    return out


def _url(db: sqlite_utils.Database, article_id: int) -> str | None:
    row = db.execute("SELECT url FROM articles WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None
