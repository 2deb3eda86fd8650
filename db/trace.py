"""Queries for related coverage and the claim provenance trail.

An article's story is its same-story cluster: the articles linked to it by same-story
`related` rows in either direction, transitively (only that cluster is ever read, never the
whole database). Claims are compared between members of one cluster only.

Canonical representation of `claim_matches`: every matching pair of claims is stored in
both directions, (ours -> theirs) and (theirs -> ours), and each pair of articles is
compared once, the lower article id as "ours", the other row being its mirror. So the rows
are a function of the stored claims and related rows alone: `scrape`, `annotate` (through
`retrace`) and `trace` all write the same rows, and running any of them again adds none.
A claim's matches are simply the rows `WHERE claim_id = ?`.

The comparison itself is a function the conductor passes in (`annotate.trace.match_claims`),
since db/ knows the data shapes, not how they are made. `related_list` (the `related --json` rows) is in db.related_list; `trail` is in db.trail.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlite_utils

from db.claim_groups import StoryFn, delete_copies, insert_copies, story_rows

MatchFn = Callable[[Sequence[dict], Sequence[dict]], Sequence[Any]]
# Matches a whole story at once (annotate.trace.match_cluster): {article: claims} and an
# optional article to restrict to -> (a, b, match) with a < b. Blocking makes it cheaper
# than calling MatchFn on every pair of articles; the rows are the same.
ClusterFn = Callable[..., Sequence[tuple[int, int, Any]]]

# A guard, not a design limit: a story is tens of articles; runaway chains stop here.
MAX_CLUSTER = 5000
SQL_BATCH = 500  # SQLite host parameters per IN (...) list


def story_cluster(db: sqlite_utils.Database, article_id: int) -> list[int]:
    """The article's same-story cluster, itself included, sorted: every article reachable
    through same-story `related` rows in either direction."""
    seen = {article_id}
    frontier = [article_id]
    while frontier and len(seen) < MAX_CLUSTER:
        nxt: list[int] = []
        for i in range(0, len(frontier), SQL_BATCH):
            chunk = frontier[i : i + SQL_BATCH]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(
                f"SELECT other_article_id FROM related WHERE same_story = 1 AND article_id IN ({marks})"  # noqa: S608 - placeholders only
                f" UNION SELECT article_id FROM related WHERE same_story = 1 AND other_article_id IN ({marks})",  # noqa: S608
                [*chunk, *chunk],
            ).fetchall()
            for (other,) in rows:
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    return sorted(seen)


def same_story_articles(db: sqlite_utils.Database, article_id: int) -> list[int]:
    """The other members of the article's same-story cluster."""
    return [a for a in story_cluster(db, article_id) if a != article_id]


def copy_originals(db: sqlite_utils.Database, members: Sequence[int]) -> dict[int, int]:
    """Syndicated copy -> the original it copies (followed to the first copy), among these
    articles. Originals and independent articles map to themselves."""
    member_set = set(members)
    parent: dict[int, int] = {}
    for i in range(0, len(members), SQL_BATCH):
        chunk = list(members[i : i + SQL_BATCH])
        marks = ",".join("?" * len(chunk))
        for a, b, orig in db.execute(
            "SELECT article_id, other_article_id, syndicated_of FROM related"  # noqa: S608 - placeholders only
            f" WHERE syndicated_of IS NOT NULL AND article_id IN ({marks})",
            chunk,
        ).fetchall():
            copy = b if orig == a else a
            if orig in member_set and copy in member_set and copy != orig:
                parent.setdefault(copy, orig)
    out = {}
    for a in members:
        root, hops = a, 0
        while root in parent and hops < len(parent):
            root, hops = parent[root], hops + 1
        out[a] = root
    return out


def _claim_dict(r: Sequence[Any]) -> dict:
    """(claim_id, statement, figures, entities, predicate) as a plain dict, JSON decoded."""
    return {
        "claim_id": r[0],
        "statement": r[1],
        "figures": json.loads(r[2] or "[]"),
        "entities": json.loads(r[3] or "[]"),
        "predicate": r[4],
    }


def load_claims(db: sqlite_utils.Database, article_id: int) -> list[dict]:
    """The article's claims as plain dicts (figures and entities decoded), in text order."""
    rows = db.execute(
        "SELECT claim_id, statement, figures, entities, predicate FROM claims"
        " WHERE article_id = ? ORDER BY start, claim_id",
        (article_id,),
    ).fetchall()
    return [_claim_dict(r) for r in rows]


def load_story_claims(db: sqlite_utils.Database, members: Sequence[int]) -> dict[int, list[dict]]:
    """`load_claims` of many articles in a few queries: article -> claims, for the
    members with claims."""
    out: dict[int, list[dict]] = {}
    for i in range(0, len(members), SQL_BATCH):
        chunk = list(members[i : i + SQL_BATCH])
        marks = ",".join("?" * len(chunk))
        for aid, *r in db.execute(
            "SELECT article_id, claim_id, statement, figures, entities, predicate"  # noqa: S608 - placeholders only
            f" FROM claims WHERE article_id IN ({marks}) ORDER BY article_id, start, claim_id",
            chunk,
        ):
            out.setdefault(aid, []).append(_claim_dict(r))
    return out


def _pair_rows(a: int, ca: list[dict], b: int, cb: list[dict], match_fn: MatchFn) -> list[tuple]:
    """Both directions of every claim match between articles a < b (a is "ours")."""
    rows = []
    for m in match_fn(ca, cb):
        back = m.mirrored()
        rows.append(_row(ca[m.our_index]["claim_id"], cb[m.their_index]["claim_id"], b, m))
        rows.append(_row(cb[back.our_index]["claim_id"], ca[back.their_index]["claim_id"], a, back))
    return rows


def _row(claim_id: int, other_claim_id: int, other_article: int, m: Any) -> tuple:
    return (
        claim_id,
        other_claim_id,
        other_article,
        m.method,
        m.score,
        json.dumps(list(m.shared_figures)) if m.shared_figures else None,
        json.dumps(m.conflict) if m.conflict else None,
    )


_INSERT = (
    "INSERT OR REPLACE INTO claim_matches (claim_id, other_claim_id, other_article_id, method,"
    " score, shared_figures, conflict) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _delete_article_matches(conn: Any, article_id: int) -> None:
    """Every stored match of the article's claims, in both directions."""
    conn.execute(
        "DELETE FROM claim_matches WHERE claim_id IN (SELECT claim_id FROM claims WHERE article_id = ?)",
        (article_id,),
    )
    conn.execute(
        "DELETE FROM claim_matches WHERE other_claim_id IN"
        " (SELECT claim_id FROM claims WHERE article_id = ?)",
        (article_id,),
    )


def build_claim_matches(
    db: sqlite_utils.Database,
    article_id: int,
    match_fn: MatchFn,
    cluster_fn: ClusterFn | None = None,
    story_fn: StoryFn | None = None,
) -> int:
    """Replace the claim matches between this article and the rest of its cluster (both
    directions); returns how many of them are this article's (rows WHERE claim_id is its).
    With `story_fn` (copies collapsed, db.claim_groups) the whole story is rebuilt: which
    claim stands for a group of copies depends on every member.

    Linear in the cluster: what `trace` runs when one article's claims were replaced.
    `match_fn(ours, theirs)` returns objects with our_index, their_index, method, score,
    shared_figures, conflict and mirrored() (see annotate.trace.ClaimMatch)."""
    mine = load_claims(db, article_id)
    rows: list[tuple] = []
    if story_fn is not None:
        build_cluster_matches(db, story_cluster(db, article_id), match_fn, story_fn=story_fn)
        return db.execute(
            "SELECT count(*) FROM claim_matches WHERE claim_id IN"
            " (SELECT claim_id FROM claims WHERE article_id = ?)",
            (article_id,),
        ).fetchone()[0]
    if mine and cluster_fn is not None:
        claims = {article_id: mine}
        for other in same_story_articles(db, article_id):
            claims[other] = load_claims(db, other)
        rows = _cluster_rows(claims, cluster_fn(claims, only=article_id))
    elif mine:
        for other in same_story_articles(db, article_id):
            theirs = load_claims(db, other)
            if not theirs:
                continue
            if article_id < other:
                rows += _pair_rows(article_id, mine, other, theirs, match_fn)
            else:
                rows += _pair_rows(other, theirs, article_id, mine, match_fn)
    conn = db.conn
    with conn:  # one transaction: a crash leaves the previous matches, never half of them
        _delete_article_matches(conn, article_id)
        conn.executemany(_INSERT, rows)
    own = {c["claim_id"] for c in mine}
    return sum(1 for r in rows if r[0] in own)


def _cluster_rows(claims: dict[int, list[dict]], matches: Iterable[tuple]) -> list[tuple]:
    rows = []
    for a, b, m in matches:
        back = m.mirrored()
        ca, cb = claims[a], claims[b]
        rows.append(_row(ca[m.our_index]["claim_id"], cb[m.their_index]["claim_id"], b, m))
        rows.append(_row(cb[back.our_index]["claim_id"], ca[back.their_index]["claim_id"], a, back))
    return rows


def build_cluster_matches(
    db: sqlite_utils.Database,
    members: Sequence[int],
    match_fn: MatchFn,
    cluster_fn: ClusterFn | None = None,
    story_fn: StoryFn | None = None,
) -> int:
    """Replace every claim match among the cluster's members (each pair of articles compared
    once, or only the blocked candidate pairs with `cluster_fn`, or copies collapsed with
    `story_fn`); returns the rows stored (both directions)."""
    claims = {a: [] for a in members} | load_story_claims(db, members)
    with_claims = sorted(a for a in members if claims[a])
    rows: list[tuple] = []
    copies: list[tuple] = []
    deferred = False
    if story_fn is not None:
        rows, copies, deferred = story_rows({a: claims[a] for a in with_claims}, story_fn)
    elif cluster_fn is not None:
        kept = {a: claims[a] for a in with_claims}
        rows = _cluster_rows(kept, cluster_fn(kept))
    for i, a in enumerate(with_claims if cluster_fn is None and story_fn is None else []):
        for b in with_claims[i + 1 :]:
            rows += _pair_rows(a, claims[a], b, claims[b], match_fn)
    conn = db.conn
    with conn:
        for a in members:
            _delete_article_matches(conn, a)
            delete_copies(conn, a)
            conn.execute("DELETE FROM claim_matches_deferred WHERE article_id = ?", (a,))
        conn.executemany(_INSERT, rows)
        insert_copies(conn, copies)
        if deferred:  # worked out when read (db.trail): nothing pairwise is stored
            conn.executemany(
                "INSERT INTO claim_matches_deferred (article_id) VALUES (?)",
                [(a,) for a in with_claims],
            )
    return len(rows)


def is_deferred(db: sqlite_utils.Database, article_id: int) -> bool:
    """True when the article's story is too large to store its claim matches: they are
    worked out when its trail is read (db.trail)."""
    row = db.execute(
        "SELECT 1 FROM claim_matches_deferred WHERE article_id = ?", (article_id,)
    ).fetchone()
    return row is not None


def rebuild_matches(
    db: sqlite_utils.Database,
    article_ids: Iterable[int],
    match_fn: MatchFn,
    cluster_fn: ClusterFn | None = None,
    story_fn: StoryFn | None = None,
) -> int:
    """Rebuild the claim matches of the clusters these articles belong to (each cluster
    once): after scraping or re-annotating them. Returns the rows stored."""
    done: set[int] = set()
    stored = 0
    for aid in sorted(set(article_ids)):
        if aid in done:
            continue
        members = story_cluster(db, aid)
        done.update(members)
        stored += build_cluster_matches(db, members, match_fn, cluster_fn, story_fn)
    return stored


def needs_matching(db: sqlite_utils.Database, article_id: int) -> bool:
    """True when the article's stored matches are missing or not in the canonical form
    (re-annotation replaces claims, and with them their matches in both directions; a
    database written before matches were stored both ways has them one way only)."""
    if not same_story_articles(db, article_id) or is_deferred(db, article_id):
        return False
    row = db.execute(
        "SELECT (SELECT count(*) FROM claim_matches WHERE claim_id IN"
        "        (SELECT claim_id FROM claims WHERE article_id = :id)),"
        "       (SELECT count(*) FROM claim_matches WHERE other_claim_id IN"
        "        (SELECT claim_id FROM claims WHERE article_id = :id)),"
        "       EXISTS (SELECT 1 FROM claims WHERE article_id = :id)",
        {"id": article_id},
    ).fetchone()
    mine, theirs, has_claims = row
    return bool(has_claims) and (mine == 0 or mine != theirs)


def articles_to_retrace(db: sqlite_utils.Database, article_ids: Sequence[int]) -> list[int]:
    """Articles whose trails involve any of these: their whole clusters."""
    out: set[int] = set()
    for aid in article_ids:
        if aid not in out:
            out.update(story_cluster(db, aid))
    return sorted(out)
