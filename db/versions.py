"""Article versions: each text an article has had, and the sentence-level changes between
consecutive versions with the sourcing label before and after (`newsprov recheck`).

Version 1 is the text as first seen; it is recorded from the stored article the first time
the article is rechecked. A later version is recorded only when the extracted text
changed. Every public writer is one transaction.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import sqlite3
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from db.store import transaction, utcnow

# Labels that say who or what the sentence rests on (agentless has no agent).
ATTRIBUTED = {"named_source", "anonymous_source", "vague_document", "weasel"}
UNNAMED = {"anonymous_source", "vague_document", "weasel", "agentless"}
# The telling kinds of change, most telling first, with the words the desk shows.
TELLING = {
    "source_removed": "attribution removed",
    "named_to_anonymous": "named source made anonymous",
    "source_added": "attribution added",
    "anonymous_to_named": "source now named",
    "source_changed": "a different source named",
    "figure_changed": "figure changed",
    "figure_removed": "figure removed",
    "figure_added": "figure added",
}
# Two sentences are "the same sentence, edited" from this similarity up; below it one was
# removed and another added.
PAIR_RATIO = 0.5
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _conn(db: sqlite_utils.Database | sqlite3.Connection) -> sqlite3.Connection:
    return db.conn if isinstance(db, sqlite_utils.Database) else db


def snapshot(db: sqlite_utils.Database | sqlite3.Connection, article_id: int) -> list[dict]:
    """The article's sentences as annotated now: what a version keeps to diff against."""
    rows = _conn(db).execute(
        "SELECT idx, text, sourcing, source FROM sentences WHERE article_id = ? ORDER BY idx",
        (article_id,),
    )
    return [{"idx": r[0], "text": r[1], "sourcing": r[2], "source": r[3]} for r in rows]


def figures(text: str | None) -> list[str]:
    return [f.replace(",", "") for f in _FIGURE.findall(text or "")]


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def telling(kind: str, before: dict | None, after: dict | None) -> list[str]:
    """The telling kinds of one change (see TELLING), most telling first."""
    lb = (before or {}).get("sourcing")
    la = (after or {}).get("sourcing")
    out = []
    if kind == "removed":
        if lb in ATTRIBUTED:
            out.append("source_removed")
        if figures(before["text"]):
            out.append("figure_removed")
        return out
    if kind == "added":
        if la in ATTRIBUTED:
            out.append("source_added")
        if figures(after["text"]):
            out.append("figure_added")
        return out
    if lb in ATTRIBUTED and la not in ATTRIBUTED:
        out.append("source_removed")
    if lb == "named_source" and la in UNNAMED:
        out.append("named_to_anonymous")
    if lb not in ATTRIBUTED and la in ATTRIBUTED:
        out.append("source_added")
    if lb in UNNAMED and la == "named_source":
        out.append("anonymous_to_named")
    sb, sa = (before or {}).get("source"), (after or {}).get("source")
    if lb == la == "named_source" and sb and sa and sb.lower() != sa.lower():
        out.append("source_changed")
    if figures(before["text"]) != figures(after["text"]):
        out.append("figure_changed")
    return out


def _change(kind: str, before: dict | None, after: dict | None) -> dict:
    return {
        "kind": kind,
        "old_idx": before["idx"] if before else None,
        "new_idx": after["idx"] if after else None,
        "old_text": before["text"] if before else None,
        "new_text": after["text"] if after else None,
        "sourcing_before": before.get("sourcing") if before else None,
        "sourcing_after": after.get("sourcing") if after else None,
        "source_before": before.get("source") if before else None,
        "source_after": after.get("source") if after else None,
        "telling": telling(kind, before, after),
    }


def diff_sentences(old: Sequence[dict], new: Sequence[dict]) -> list[dict]:
    """Added, removed and changed sentences between two snapshots, in text order.

    Unchanged sentences (same words, whitespace aside) are left out. Within a replaced
    stretch, each old sentence is paired with the most similar new one still free when
    they are at least PAIR_RATIO alike (an edit); the rest were removed or added.
    """
    a = [_norm(s["text"]) for s in old]
    b = [_norm(s["text"]) for s in new]
    out: list[dict] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        pairs: dict[int, int] = {}  # new index -> old index
        free = set(range(j1, j2))
        for i in range(i1, i2):
            best, best_j = 0.0, None
            for j in sorted(free):
                r = difflib.SequenceMatcher(None, a[i], b[j], autojunk=False).ratio()
                if r > best:
                    best, best_j = r, j
            if best_j is not None and best >= PAIR_RATIO:
                pairs[best_j] = i
                free.discard(best_j)
        paired_old = set(pairs.values())
        # Text order: walk the new side, putting each removal before the next new sentence.
        pending_old = [i for i in range(i1, i2) if i not in paired_old]
        for j in range(j1, j2):
            if j in pairs:
                while pending_old and pending_old[0] < pairs[j]:
                    out.append(_change("removed", old[pending_old.pop(0)], None))
                out.append(_change("changed", old[pairs[j]], new[j]))
            else:
                out.append(_change("added", None, new[j]))
        out.extend(_change("removed", old[i], None) for i in pending_old)
    return out


def _latest(conn: sqlite3.Connection, article_id: int) -> tuple[int, str] | None:
    row = conn.execute(
        "SELECT version, text_sha256 FROM article_versions WHERE article_id = ?"
        " ORDER BY version DESC LIMIT 1",
        (article_id,),
    ).fetchone()
    return (int(row[0]), row[1]) if row else None


def latest_version(db: sqlite_utils.Database, article_id: int) -> tuple[int, str] | None:
    """(version number, text sha256) of the newest recorded version, or None."""
    return _latest(_conn(db), article_id)


def _insert_version(
    conn: sqlite3.Connection,
    article_id: int,
    version: int,
    fetch_id: int | None,
    seen_at: str,
    run_id: int | None,
) -> list[dict]:
    title, text = conn.execute(
        "SELECT title, text FROM articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    snap = snapshot(conn, article_id)
    conn.execute(
        "INSERT INTO article_versions (article_id, version, fetch_id, seen_at, text_sha256,"
        " title, text, sentences, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            version,
            fetch_id,
            seen_at,
            text_hash(text),
            title,
            text,
            json.dumps(snap, ensure_ascii=False),
            run_id,
        ),
    )
    return snap


def ensure_first_version(db: sqlite_utils.Database, article_id: int) -> int:
    """Record the stored article as version 1 if it has no version yet; returns the
    latest version number. The time is that of the fetch that carried the text."""
    with transaction(db) as conn:
        latest = _latest(conn, article_id)
        if latest:
            return latest[0]
        row = conn.execute(
            "SELECT a.fetch_id, coalesce(f.fetched_at, a.created_at) FROM articles a"
            " LEFT JOIN fetches f ON f.fetch_id = a.fetch_id WHERE a.article_id = ?",
            (article_id,),
        ).fetchone()
        _insert_version(conn, article_id, 1, row[0], row[1], None)
        return 1


def record_version(
    db: sqlite_utils.Database,
    article_id: int,
    fetch_id: int | None,
    seen_at: str,
    run_id: int | None,
) -> int:
    """Record the article's current (re-annotated) text as a new version with its diff
    against the previous one; returns the new version number. Call after the new text
    was saved and annotated. A text equal to the latest version records nothing."""
    with transaction(db) as conn:
        latest = _latest(conn, article_id)
        text = conn.execute(
            "SELECT text FROM articles WHERE article_id = ?", (article_id,)
        ).fetchone()[0]
        if latest and latest[1] == text_hash(text):
            return latest[0]
        previous: list[dict] = []
        if latest:
            raw = conn.execute(
                "SELECT sentences FROM article_versions WHERE article_id = ? AND version = ?",
                (article_id, latest[0]),
            ).fetchone()[0]
            previous = json.loads(raw)
        version = (latest[0] if latest else 0) + 1
        snap = _insert_version(conn, article_id, version, fetch_id, seen_at, run_id)
        if latest:
            rows = [
                (
                    article_id,
                    version,
                    pos,
                    c["kind"],
                    c["old_idx"],
                    c["new_idx"],
                    c["old_text"],
                    c["new_text"],
                    c["sourcing_before"],
                    c["sourcing_after"],
                    c["source_before"],
                    c["source_after"],
                    ",".join(c["telling"]) or None,
                )
                for pos, c in enumerate(diff_sentences(previous, snap), 1)
            ]
            conn.executemany(
                "INSERT INTO version_changes (article_id, to_version, position, kind, old_idx,"
                " new_idx, old_text, new_text, sourcing_before, sourcing_after, source_before,"
                " source_after, telling) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        return version


def record_check(
    db: sqlite_utils.Database, article_id: int, result: str, error: str | None = None
) -> None:
    """The article's last recheck: one row per article, replaced each time."""
    with transaction(db) as conn:
        conn.execute(
            "INSERT INTO article_checks (article_id, checked_at, result, error) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET checked_at = excluded.checked_at,"
            " result = excluded.result, error = excluded.error",
            (article_id, utcnow(), result, error),
        )


def _changes(conn: sqlite3.Connection, article_id: int) -> list[dict]:
    cur = conn.execute(
        "SELECT * FROM version_changes WHERE article_id = ? ORDER BY to_version, position",
        (article_id,),
    )
    names = [d[0] for d in cur.description]
    out = []
    for r in cur:
        c = dict(zip(names, r, strict=True))
        c["telling"] = [t for t in (c["telling"] or "").split(",") if t]
        out.append(c)
    return out


def versions(db: sqlite_utils.Database | sqlite3.Connection, article_id: int) -> list[dict]:
    """Every version, oldest first, each with the changes that led to it."""
    conn = _conn(db)
    changes = _changes(conn, article_id)
    out = []
    for version, fetch_id, seen_at, sha, title in conn.execute(
        "SELECT version, fetch_id, seen_at, text_sha256, title"
        " FROM article_versions WHERE article_id = ? ORDER BY version",
        (article_id,),
    ):
        out.append(
            {
                "version": version,
                "fetch_id": fetch_id,
                "seen_at": seen_at,
                "text_sha256": sha,
                "title": title,
                "changes": [c for c in changes if c["to_version"] == version],
            }
        )
    return out


def edit_summary(db: sqlite_utils.Database | sqlite3.Connection, article_id: int) -> dict:
    """Counts for the reader's banner: versions, sentences changed (added, removed or
    edited, over all versions) and each telling kind."""
    conn = _conn(db)
    n_versions = conn.execute(
        "SELECT count(*) FROM article_versions WHERE article_id = ?", (article_id,)
    ).fetchone()[0]
    counts: dict[str, int] = dict.fromkeys(TELLING, 0)
    total = 0
    for c in _changes(conn, article_id):
        total += 1
        for t in c["telling"]:
            counts[t] = counts.get(t, 0) + 1
    return {"versions": n_versions, "sentences": total, "telling": counts}


def to_json(change: dict) -> dict[str, Any]:
    """A change as `newsprov versions --json` prints it."""
    keys = (
        "kind",
        "old_idx",
        "new_idx",
        "old_text",
        "new_text",
        "sourcing_before",
        "sourcing_after",
        "source_before",
        "source_after",
        "telling",
    )
    return {k: change[k] for k in keys}
