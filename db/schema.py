"""Opening a newsprov database and bringing its schema up to date (`ensure_schema(db)`).

Offsets (`start`, `end`) are code-point indices into `articles.text`, so
`substr(articles.text, start + 1, end - start)` returns the span.
Booleans are INTEGER 0/1. Times are ISO 8601 UTC text ("2026-11-28T01:02:03Z").
JSON columns hold JSON text.
"""

from __future__ import annotations

import os
import socket

import sqlite_utils

from db.migrations import MIGRATIONS

SCHEMA_VERSION_TABLE = "schema_migrations"

# The ordered migrations live in db.migrations (applied once each, in order, inside one
# transaction by ensure_schema); MIGRATIONS is re-exported here for older importers.

FTS = [("articles", ["title", "text"]), ("sentences", ["text"])]


class NotANewsprovDatabase(Exception):
    """The file is SQLite but belongs to something else: we must not touch it."""


def open_db(path: str, create: bool = True) -> sqlite_utils.Database:
    """Open a newsprov database: WAL, foreign keys on, schema current.

    With `create=False` a missing file raises FileNotFoundError instead of appearing
    empty (a mistyped --db must not pass silently). Another application's SQLite file
    raises NotANewsprovDatabase before anything in it is changed.
    """
    existing = os.path.exists(path) and os.path.getsize(path) > 0
    if not existing and not create:
        raise FileNotFoundError(path)
    db = sqlite_utils.Database(path)
    if existing:
        tables = db.table_names()  # sqlite3.DatabaseError here for a file that is not SQLite
        if tables and SCHEMA_VERSION_TABLE not in tables:
            db.close()
            raise NotANewsprovDatabase(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=10000")
    ensure_schema(db)
    mark_interrupted(db)
    return db


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, but alive
    return True


def mark_interrupted(db: sqlite_utils.Database) -> list[int]:
    """Runs left 'running' by a process that is gone (killed, crashed, power cut) become
    'interrupted'; returns their ids. A run of a live process on this host is left alone:
    two commands may share one database file."""
    host = socket.gethostname()
    rows = db.execute("SELECT run_id, pid, host FROM runs WHERE status = 'running'").fetchall()
    gone = [
        int(run_id)
        for run_id, pid, run_host in rows
        if pid is None or run_host != host or not _alive(int(pid))
    ]
    # Another host's process may still be alive, but a desk database lives on one machine;
    # a run that cannot be checked is reported as interrupted rather than left "running".
    if gone:
        conn = db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany(
                "UPDATE runs SET status = 'interrupted',"
                " finished_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                " WHERE run_id = ? AND status = 'running'",
                [(r,) for r in gone],
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return gone


def ensure_schema(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations; return the names applied."""
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {SCHEMA_VERSION_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT)"
    )
    done = {r[0] for r in db.execute(f"SELECT name FROM {SCHEMA_VERSION_TABLE}").fetchall()}  # noqa: S608 - constant
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        if _apply(db, name, sql):
            applied.append(name)
    # Checked every time, not only after a migration: a crash between the migration and
    # this step must not leave a database without full-text search.
    for table, cols in FTS:
        if not db[table].detect_fts():
            db[table].enable_fts(cols, create_triggers=True, tokenize="porter")
    return applied


def _apply(db: sqlite_utils.Database, name: str, sql: str) -> bool:
    """Apply one migration atomically; False when another process applied it first."""
    conn = db.conn
    # Python's sqlite3 (legacy mode) does not open a transaction before DDL, so `with conn:`
    # alone would autocommit each CREATE; an explicit BEGIN makes the migration all or
    # nothing. IMMEDIATE: two processes opening a new file at once take turns.
    conn.execute("BEGIN IMMEDIATE")
    try:
        already = conn.execute(
            f"SELECT 1 FROM {SCHEMA_VERSION_TABLE} WHERE name = ?",  # noqa: S608 - constant
            (name,),
        ).fetchone()
        if not already:
            for stmt in _split_sql(sql):
                conn.execute(stmt)
            conn.execute(
                f"INSERT INTO {SCHEMA_VERSION_TABLE} VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",  # noqa: S608 - constant
                (name,),
            )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return not already


def _split_sql(sql: str) -> list[str]:
    lines = [ln.split("--", 1)[0] for ln in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
