"""Claim matches of a story with syndicated copies collapsed: writing and reading them.

A story's matcher (annotate.copies.match_story, passed in by the conductor) groups the
copies of a claim and returns a linear set of pairs plus the groups. Stored form:
- `claim_copies (claim_id, copy_of, article_id, pos)`: every member of a group but the
  first points at it; article_id is the member's and pos its rank among the group's
  copies by article, so the copies on one side of an article are counted by one search;
- `claim_matches`: the returned pairs, both directions, as before (same columns).
A stored row (claim X -> claim O) stands for X's match with every member of O's group
that lies on the same side of X's article (lower or higher article id) as O's article:
the match rules orient a pair by article order, so each side has its own row.
`matches_of` expands the rows of one article's claims back to every matching claim:
the same answer as storing all pairs, in time linear in that article's matches.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import sqlite_utils

# {article: claims} -> object with .pairs [(a, i, b, j, match)] and .copies {(a, i): (a, i)}
StoryFn = Callable[[Mapping[int, Sequence[dict]]], Any]
_BATCH = 500


def story_rows(
    claims: Mapping[int, list[dict]], story_fn: StoryFn
) -> tuple[list[tuple], list[tuple], bool]:
    """(claim_matches rows, claim_copies rows, deferred) for a story of loaded claims;
    deferred: the story is too large to store, its matches are worked out when read."""
    result = story_fn(claims)
    if getattr(result, "deferred", False):
        return [], [], True
    rows = []
    cells: dict[int, tuple[tuple, tuple]] = {}  # one match object stands for many pairs
    for a, i, b, j, m in result.pairs:
        if id(m) not in cells:
            cells[id(m)] = (_cells(m), _cells(m.mirrored()))
        ours, back = cells[id(m)]
        ca, cb = claims[a][i]["claim_id"], claims[b][j]["claim_id"]
        rows.append((ca, cb, b, *ours))
        rows.append((cb, ca, a, *back))
    copies = []
    ranks: dict[tuple, int] = {}  # group's first member -> copies ranked so far
    # by article, so each copy's rank (pos) counts its group's copies up to its article
    for (a, i), first in sorted(result.copies.items()):
        ranks[first] = pos = ranks.get(first, 0) + 1
        fa, fi = first
        copies.append((claims[a][i]["claim_id"], claims[fa][fi]["claim_id"], a, pos))
    return rows, copies, False


def _cells(m: Any) -> tuple:
    return (
        m.method,
        m.score,
        json.dumps(list(m.shared_figures)) if m.shared_figures else None,
        json.dumps(m.conflict) if m.conflict else None,
    )


def delete_copies(conn: Any, article_id: int) -> None:
    """The article's claims leave their groups (both as members and as first members)."""
    conn.execute(
        "DELETE FROM claim_copies WHERE claim_id IN (SELECT claim_id FROM claims WHERE article_id = ?)",
        (article_id,),
    )
    conn.execute(
        "DELETE FROM claim_copies WHERE copy_of IN (SELECT claim_id FROM claims WHERE article_id = ?)",
        (article_id,),
    )


def insert_copies(conn: Any, copies: Iterable[tuple]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO claim_copies (claim_id, copy_of, article_id, pos)"
        " VALUES (?, ?, ?, ?)",
        copies,
    )


def matches_of(db: sqlite_utils.Database, article_id: int) -> dict[int, list[tuple]]:
    """claim id of this article -> [(other claim id, other article id, method, score,
    shared_figures, conflict)] for every claim elsewhere that matches it, copies
    expanded (see the module docstring)."""
    direct: dict[int, list[tuple]] = {}
    for cid, other, oa, *values in db.execute(
        "SELECT m.claim_id, m.other_claim_id, m.other_article_id, m.method, m.score,"
        " m.shared_figures, m.conflict FROM claim_matches m"
        " JOIN claims c ON c.claim_id = m.claim_id WHERE c.article_id = ?"
        " ORDER BY m.claim_id, m.other_claim_id",
        (article_id,),
    ):
        direct.setdefault(cid, []).append((other, oa, tuple(values)))
    groups = _groups(db, {o for rows in direct.values() for o, _a, _v in rows})
    out: dict[int, list[tuple]] = {}
    for cid, rows in direct.items():
        found: dict[int, tuple] = {}
        for other, oa, values in rows:
            above = oa > article_id
            for m, ma in groups.get(other, ((other, oa),)):
                if ma != article_id and (ma > article_id) == above:
                    found.setdefault(m, (m, ma, *values))
        out[cid] = list(found.values())
    return out


def _groups(db: sqlite_utils.Database, claim_ids: set[int]) -> dict[int, list[tuple[int, int]]]:
    """claim id -> its whole group [(claim id, article id)], for claims in a group."""
    ids = sorted(claim_ids)
    first: dict[int, int] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for cid, copy_of in db.execute(
            f"SELECT claim_id, copy_of FROM claim_copies WHERE claim_id IN ({marks})"  # noqa: S608 - placeholders only
            f" UNION ALL SELECT copy_of, copy_of FROM claim_copies WHERE copy_of IN ({marks})",  # noqa: S608
            [*chunk, *chunk],
        ):
            first[cid] = copy_of
    heads = sorted(set(first.values()))
    members: dict[int, list[tuple[int, int]]] = {}
    for chunk in _chunks(heads):
        marks = ",".join("?" * len(chunk))
        for head, cid, art in db.execute(
            "SELECT cc.copy_of, cc.claim_id, c.article_id FROM claim_copies cc"  # noqa: S608 - placeholders only
            f" JOIN claims c ON c.claim_id = cc.claim_id WHERE cc.copy_of IN ({marks})"
            " UNION ALL SELECT claim_id, claim_id, article_id FROM claims"
            f" WHERE claim_id IN ({marks})",
            [*chunk, *chunk],
        ):
            members.setdefault(head, []).append((cid, art))
    return {cid: members.get(head, []) for cid, head in first.items()}


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _BATCH):
        yield ids[i : i + _BATCH]
