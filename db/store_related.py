"""The related-coverage stage's write: `save_related`, one pair of articles found to
cover the same story, upserted on the pair.

Part of `db.store` (see its docstring); import the public names from there.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from db.store_core import _json, transaction, utcnow


def save_related(
    db: sqlite_utils.Database,
    article_id: int,
    other_article_id: int,
    method: str,
    score: float | None = None,
    same_story: bool | None = None,
    syndicated_of: int | None = None,
    evidence: dict[str, Any] | None = None,
) -> int:
    """Upsert the (article, other) pair; returns related_id.

    `method` and created_at keep how and when the pair was first found; score,
    same_story, syndicated_of and evidence are overwritten only by non-None values, so a
    later discovery pass without matching data does not erase the match.
    """
    if article_id == other_article_id:
        raise ValueError(f"article {article_id} cannot be related to itself")
    with transaction(db) as conn:
        conn.execute(
            "INSERT INTO related (article_id, other_article_id, method, score, same_story,"
            " syndicated_of, evidence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (article_id, other_article_id) DO UPDATE SET"
            " score = COALESCE(excluded.score, related.score),"
            " same_story = COALESCE(excluded.same_story, related.same_story),"
            " syndicated_of = COALESCE(excluded.syndicated_of, related.syndicated_of),"
            " evidence = COALESCE(excluded.evidence, related.evidence)",
            (
                article_id,
                other_article_id,
                method,
                score,
                None if same_story is None else int(bool(same_story)),
                syndicated_of,
                _json(evidence),
                utcnow(),
            ),
        )
        row = conn.execute(
            "SELECT related_id FROM related WHERE article_id = ? AND other_article_id = ?",
            (article_id, other_article_id),
        ).fetchone()
    return int(row[0])
