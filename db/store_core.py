"""The store's shared ground: the write transaction every `db.store` function runs in,
the run records each command writes under, the errors for an unknown article or fetch,
and the small helpers (`utcnow`, `_json`) the stage modules share.

Part of `db.store` (see its docstring); import the public names from there.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import metadata
from typing import Any

import sqlite_utils

RUN_STATUSES = ("running", "ok", "partial", "failed", "interrupted")
MAX_ID = 2**63 - 1  # SQLite's largest INTEGER


class ArticleNotFound(LookupError):
    """An article id or URL that is not in the database."""


class FetchNotFound(LookupError):
    """A fetch id that is not in the database."""


def utcnow() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _json(value: Any) -> str | None:
    if value is None:
        return None
    # default=str: options may hold Paths; ensure_ascii=False keeps names readable in Datasette
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """One write transaction; nests as a savepoint when the caller already opened one.

    BEGIN IMMEDIATE takes the write lock up front, so a second writer (another
    `newsprov` process on the same file) waits on busy_timeout instead of failing when a
    deferred transaction tries to upgrade its lock.
    """
    conn = db.conn
    if conn.in_transaction:
        conn.execute("SAVEPOINT newsprov_store")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK TO SAVEPOINT newsprov_store")
                conn.execute("RELEASE SAVEPOINT newsprov_store")
            raise
        conn.execute("RELEASE SAVEPOINT newsprov_store")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _tool_version() -> str:
    try:
        return metadata.version("news-provenance")
    except metadata.PackageNotFoundError:
        return "0+unknown"


# -- runs ---------------------------------------------------------------------------------
def start_run(
    db: sqlite_utils.Database,
    command: str,
    options: dict[str, Any] | None,
    fingerprint: dict[str, str] | None = None,
) -> int:
    """Record the start of a command; `fingerprint` is `Annotator.fingerprint()`."""
    fp = fingerprint or {}
    options = dict(options or {})
    tool_version = str(options.get("tool_version") or _tool_version())
    with transaction(db) as conn:
        cur = conn.execute(
            "INSERT INTO runs (command, started_at, status, tool_version, annotator_version,"
            " model, lexicon_sha256, options, pid, host)"
            " VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?)",
            (
                command,
                utcnow(),
                tool_version,
                fp.get("annotator_version"),
                fp.get("model"),
                fp.get("lexicon_sha256"),
                _json(options),
                os.getpid(),  # so a later command can tell a killed run from a live one
                socket.gethostname(),
            ),
        )
    return int(cur.lastrowid)


def finish_run(
    db: sqlite_utils.Database, run_id: int, status: str, summary: dict[str, Any] | None
) -> None:
    if status not in RUN_STATUSES:
        raise ValueError(f"run status {status!r} is not one of {', '.join(RUN_STATUSES)}")
    with transaction(db) as conn:
        conn.execute(
            "UPDATE runs SET finished_at = ?, status = ?, summary = ? WHERE run_id = ?",
            (utcnow(), status, _json(summary), run_id),
        )
