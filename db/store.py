"""Writes to the newsprov database. Every public function is one transaction: a crash
mid-call leaves the database as it was before the call.

Takes the stage dataclasses (`scraper.models`, `annotate.models`); knows nothing of how
they were made. Re-saving the same input never adds rows: fetches dedupe on their
identity, articles upsert on their URL, related pairs on the pair, and an article's links
and annotations are replaced as a whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import metadata
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

from annotate.models import (
    FRAMING_CATEGORIES,
    FRAMING_TIERS,
    SOURCING_TIERS,
    Annotation,
    SentenceFlag,
)
from scraper.models import Extracted, Fetched

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


# -- fetches ------------------------------------------------------------------------------
def save_fetch(db: sqlite_utils.Database, fetched: Fetched, run_id: int | None) -> int:
    """Store one HTTP exchange (also a failed one); returns its fetch_id.

    The same response seen again (same URL, final URL, status, body hash and error kind)
    keeps its row and first `fetched_at`; only `last_fetched_at` moves. The comparison uses
    IS because status and error_kind are NULL for refusals and successes, and SQLite's
    UNIQUE treats NULLs as distinct (migration 0002 adds an index that does not).
    """
    key = (fetched.url, fetched.final_url, fetched.status, fetched.sha256, fetched.error_kind)
    with transaction(db) as conn:
        row = conn.execute(
            "SELECT fetch_id FROM fetches WHERE url = ? AND final_url = ? AND status IS ?"
            " AND sha256 = ? AND error_kind IS ?",
            key,
        ).fetchone()
        if row is not None:
            # max(): an older capture saved late must not move the clock backwards
            conn.execute(
                "UPDATE fetches SET last_fetched_at = max(last_fetched_at, ?) WHERE fetch_id = ?",
                (fetched.fetched_at, row[0]),
            )
            return int(row[0])
        body = zlib.compress(fetched.body) if fetched.body else None
        cur = conn.execute(
            "INSERT INTO fetches (url, final_url, status, content_type, headers, fetched_at,"
            " last_fetched_at, sha256, body, body_size, redirects, error, error_kind, run_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                fetched.url,
                fetched.final_url,
                fetched.status,
                fetched.content_type,
                _json(dict(fetched.headers)),
                fetched.fetched_at,
                fetched.fetched_at,
                fetched.sha256,
                body,
                len(fetched.body),
                _json(list(fetched.redirects)),
                fetched.error,
                fetched.error_kind,
                run_id,
            ),
        )
        return int(cur.lastrowid)


def get_fetch_body(db: sqlite_utils.Database, fetch_id: int) -> bytes:
    """The raw bytes of a fetch, for re-extraction; checked against the stored sha256."""
    row = db.execute("SELECT body, sha256 FROM fetches WHERE fetch_id = ?", (fetch_id,)).fetchone()
    if row is None:
        raise FetchNotFound(f"no fetch {fetch_id} in the database")
    body = zlib.decompress(row[0]) if row[0] is not None else b""
    if hashlib.sha256(body).hexdigest() != row[1]:
        # The capture is evidence: never hand out bytes that are not what was fetched.
        raise ValueError(f"fetch {fetch_id}: stored body does not match its sha256; re-fetch it")
    return body


# -- outlets and articles -----------------------------------------------------------------
def _save_outlet(
    conn: sqlite3.Connection, domain: str, name: str | None, homepage: str | None
) -> str:
    # COALESCE: a page without og:site_name must not erase the name another page gave
    conn.execute(
        "INSERT INTO outlets (outlet_id, name, homepage) VALUES (?, ?, ?)"
        " ON CONFLICT (outlet_id) DO UPDATE SET"
        " name = COALESCE(excluded.name, outlets.name),"
        " homepage = COALESCE(outlets.homepage, excluded.homepage)",
        (domain, name or None, homepage),
    )
    return domain


def save_outlet(
    db: sqlite_utils.Database, domain: str, name: str | None = None, homepage: str | None = None
) -> str:
    """Upsert an outlet by registered domain; returns the outlet_id (the domain)."""
    with transaction(db) as conn:
        return _save_outlet(conn, domain, name, homepage)


def _homepage(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}/"


def save_article(
    db: sqlite_utils.Database,
    extracted: Extracted,
    fetch_id: int | None,
    input_url: str | None,
    is_seed: bool = False,
) -> int:
    """Upsert an article by URL (article_id and created_at stay), its outlet, its links
    and its embedded posts.

    Once an article is a seed it stays one. When the text changed since the last save,
    the old annotations no longer fit its offsets: they are dropped and annotated_run_id
    is cleared, so `articles_to_annotate` and `newsprov annotate` pick it up again.
    """
    now = utcnow()
    with transaction(db) as conn:
        outlet_id = None
        if extracted.outlet_domain:
            outlet_id = _save_outlet(
                conn, extracted.outlet_domain, extracted.outlet_name, _homepage(extracted.url)
            )
        old = conn.execute(
            "SELECT article_id, text FROM articles WHERE url = ?", (extracted.url,)
        ).fetchone()
        conn.execute(
            "INSERT INTO articles (url, input_url, canonical_url, fetch_id, outlet_id, title,"
            " authors, published, language, description, text, word_count, extractor, is_seed,"
            " created_at, updated_at, opinion)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET"
            # the URL the user typed is the one they will look it up by: a seed's wins
            " input_url = CASE WHEN excluded.is_seed >= articles.is_seed"
            "   THEN COALESCE(excluded.input_url, articles.input_url) ELSE articles.input_url END,"
            " canonical_url = excluded.canonical_url,"
            " fetch_id = COALESCE(excluded.fetch_id, articles.fetch_id),"
            " outlet_id = excluded.outlet_id, title = excluded.title,"
            " authors = excluded.authors, published = excluded.published,"
            " language = excluded.language, description = excluded.description,"
            " text = excluded.text, word_count = excluded.word_count,"
            " extractor = excluded.extractor, is_seed = max(articles.is_seed, excluded.is_seed),"
            " updated_at = excluded.updated_at, opinion = excluded.opinion",
            (
                extracted.url,
                input_url,
                extracted.canonical_url,
                fetch_id,
                outlet_id,
                extracted.title,
                _json(list(extracted.authors)),
                extracted.published,
                extracted.language,
                extracted.description,
                extracted.text,
                extracted.word_count,
                extracted.extractor,
                int(bool(is_seed)),
                now,
                now,
                extracted.opinion,
            ),
        )
        # lastrowid is unreliable after an upsert that updated: look the id up
        article_id = int(
            conn.execute(
                "SELECT article_id FROM articles WHERE url = ?", (extracted.url,)
            ).fetchone()[0]
        )
        if old is not None and old[1] != extracted.text:
            _delete_annotations(conn, article_id)
            conn.execute(
                "UPDATE articles SET annotated_run_id = NULL, annotated_rules = NULL"
                " WHERE article_id = ?",
                (article_id,),
            )
        conn.execute("DELETE FROM embeds WHERE article_id = ?", (article_id,))
        conn.executemany(
            "INSERT INTO embeds (article_id, idx, platform, author, posted, text, url)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, n, e.platform, e.author or None, e.posted, e.text, e.url)
                for n, e in enumerate(extracted.embeds, start=1)
            ],
        )
        conn.execute("DELETE FROM links WHERE article_id = ?", (article_id,))
        # A page may link the same href with the same anchor twice: one row. DO NOTHING
        # skips only that UNIQUE clash; "OR IGNORE" would also drop rows breaking NOT NULL.
        conn.executemany(
            "INSERT INTO links (article_id, href, anchor, context, kind, domain)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [
                (article_id, ln.href, ln.anchor, ln.context, ln.kind, ln.domain or None)
                for ln in extracted.links
            ],
        )
    return article_id


def find_article(db: sqlite_utils.Database, id_or_url: int | str) -> int | None:
    """An article id (int or digits), its URL, the URL it was asked for, or its canonical URL."""
    if isinstance(id_or_url, int) or str(id_or_url).strip().isdigit():
        wanted = int(id_or_url)
        if not 0 <= wanted <= MAX_ID:
            return None  # SQLite cannot even hold it: certainly not an article id
        row = db.execute(
            "SELECT article_id FROM articles WHERE article_id = ?", (wanted,)
        ).fetchone()
        return int(row[0]) if row else None
    ref = str(id_or_url).strip()
    # In order of how specific the match is; several syndicated copies can declare the
    # same canonical URL, then the oldest (the first stored) wins.
    for column in ("url", "input_url", "canonical_url"):
        row = db.execute(
            f"SELECT article_id FROM articles WHERE {column} = ? ORDER BY article_id LIMIT 1",  # noqa: S608 - column from a fixed tuple
            (ref,),
        ).fetchone()
        if row:
            return int(row[0])
    return None


# what an article is annotated from: its text, opinion evidence and dates
_TO_ANNOTATE = (
    "SELECT a.article_id, a.text, a.opinion, a.published,"
    " COALESCE(f.fetched_at, a.created_at)"
    " FROM articles a LEFT JOIN fetches f ON f.fetch_id = a.fetch_id"
)


def _to_annotate(row: Sequence[Any]) -> dict[str, Any]:
    keys = ("article_id", "text", "opinion", "published", "captured")
    return dict(zip(keys, row, strict=True))


def articles_to_annotate(
    db: sqlite_utils.Database, ids: Sequence[int] | None = None
) -> Iterator[dict[str, Any]]:
    """Yield `{"article_id", "text", "opinion", "published", "captured"}` for the given ids
    (in that order), or every article when `ids` is None. Raises ArticleNotFound for an
    unknown id before yielding anything. `opinion` is why the page said it is opinion, or
    None; `published` the page's own date, or None; `captured` when its text was fetched (the
    article's fetch), or stored when it has no fetch (pasted copy)."""
    if ids is None:
        for row in db.execute(f"{_TO_ANNOTATE} ORDER BY a.article_id"):  # noqa: S608 - fixed
            yield _to_annotate(row)
        return
    wanted = list(dict.fromkeys(int(i) for i in ids))
    missing = [
        i
        for i in wanted
        if not 0 <= i <= MAX_ID
        or db.execute("SELECT 1 FROM articles WHERE article_id = ?", (i,)).fetchone() is None
    ]
    if missing:
        raise ArticleNotFound(f"no article with id {', '.join(map(str, missing))}")
    for i in wanted:
        row = db.execute(f"{_TO_ANNOTATE} WHERE a.article_id = ?", (i,)).fetchone()  # noqa: S608
        yield _to_annotate(row)


def annotation_state(db: sqlite_utils.Database, article_id: int) -> str | None:
    """The rules that made the article's flags ("0.4+ab12cd34ef56"), or None when it is
    not annotated yet (stored, then the process was killed; or its text changed since):
    then it has no flags to show, which is not the same as having none."""
    row = db.execute(
        "SELECT annotated_run_id, annotated_rules FROM articles WHERE article_id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise ArticleNotFound(f"no article with id {article_id}")
    if row[0] is None and row[1] is None:
        return None
    return row[1] or "unrecorded"


def unannotated_count(db: sqlite_utils.Database) -> int:
    return int(
        db.execute(
            "SELECT count(*) FROM articles WHERE annotated_run_id IS NULL"
            " AND annotated_rules IS NULL"
        ).fetchone()[0]
    )


def stale_articles(
    db: sqlite_utils.Database, fingerprint: dict[str, str] | None = None
) -> list[int]:
    """Ids of articles never annotated (or whose text changed since), plus, given the
    current `Annotator.fingerprint()`, those annotated by another annotator version, model
    or lexicon set: what `newsprov annotate` without ids should redo."""
    if not fingerprint:
        rows = db.execute(
            "SELECT article_id FROM articles WHERE annotated_run_id IS NULL"
            " AND annotated_rules IS NULL ORDER BY article_id"
        )
        return [int(r[0]) for r in rows]
    rows = db.execute(
        "SELECT a.article_id FROM articles a LEFT JOIN runs r ON r.run_id = a.annotated_run_id"
        " WHERE a.annotated_run_id IS NULL OR r.annotator_version IS NOT ? OR r.model IS NOT ?"
        " OR r.lexicon_sha256 IS NOT ? ORDER BY a.article_id",
        (
            fingerprint.get("annotator_version"),
            fingerprint.get("model"),
            fingerprint.get("lexicon_sha256"),
        ),
    )
    return [int(r[0]) for r in rows]


# -- annotations --------------------------------------------------------------------------
def _delete_annotations(conn: sqlite3.Connection, article_id: int) -> None:
    # claim_matches go with their claims (ON DELETE CASCADE, also those pointing here)
    for table in ("claims", "framing", "framing_density", "sourcing_counts", "sentences"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))  # noqa: S608 - fixed names


def _check_span(text: str, start: int, end: int, span_text: str, what: str) -> None:
    if not (0 <= start <= end <= len(text)) or text[start:end] != span_text:
        raise ValueError(
            f"{what} at {start}:{end} does not match the article text; re-run the annotator"
        )


def save_annotation(
    db: sqlite_utils.Database, article_id: int, annotation: Annotation, run_id: int | None
) -> None:
    """Replace the article's sentences, framing, framing_density, sourcing_counts and
    claims in one transaction, and set articles.annotated_run_id.

    framing_density has one row per category, zeros included (every category in
    FRAMING_CATEGORIES plus any other category found), so averages by outlet count the
    articles that used none. per_1000_words counts the author's voice only (in_quote = 0)
    against articles.word_count.
    """
    with transaction(db) as conn:
        row = conn.execute(
            "SELECT text, word_count FROM articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise ArticleNotFound(f"no article with id {article_id}")
        text, word_count = row
        if annotation.text != text:
            # offsets would land on the wrong characters
            raise ValueError(
                f"annotation of article {article_id} was made on a different text; re-annotate it"
            )
        _delete_annotations(conn, article_id)
        sentence_ids = _insert_sentences(conn, article_id, annotation, run_id)
        _insert_framing(conn, article_id, annotation, run_id, sentence_ids)
        _insert_density(conn, article_id, annotation, word_count)
        refresh_sourcing_counts(conn, article_id)
        _insert_claims(conn, article_id, annotation, sentence_ids)
        # The rule version travels with the flags: a later run with other rules can say
        # which articles it has not redone (stale_articles).
        conn.execute(
            "UPDATE articles SET annotated_run_id = ?, annotated_rules = coalesce("
            " (SELECT coalesce(annotator_version, '?') || '+'"
            "  || substr(coalesce(lexicon_sha256, '?'), 1, 12) FROM runs WHERE run_id = ?),"
            " 'unrecorded') WHERE article_id = ?",
            (run_id, run_id, article_id),
        )


def _insert_sentences(
    conn: sqlite3.Connection, article_id: int, annotation: Annotation, run_id: int | None
) -> list[tuple[int, int, int]]:
    """Insert sentences; returns (start, end, sentence_id) in annotation order."""
    text = annotation.text
    out = []
    for idx, s in enumerate(annotation.sentences, start=1):
        _check_span(text, s.start, s.end, s.text, f"sentence {idx}")
        for name, span in (("source", s.source), ("cue", s.cue)):
            if span is not None:
                _check_span(text, span.start, span.end, span.text, f"{name} of sentence {idx}")
        src, cue = s.source, s.cue
        cur = conn.execute(
            "INSERT INTO sentences (article_id, run_id, idx, start, end, text, sourcing,"
            " unsourced, source, source_start, source_end, cue, cue_start, cue_end, in_quote,"
            " reason, rule, tier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                run_id,
                idx,
                s.start,
                s.end,
                s.text,
                s.sourcing,
                int(s.unsourced),
                src.text if src else None,
                src.start if src else None,
                src.end if src else None,
                cue.text if cue else None,
                cue.start if cue else None,
                cue.end if cue else None,
                int(bool(s.in_quote)),
                s.reason,
                s.rule,
                _sentence_tier(s),
            ),
        )
        out.append((s.start, s.end, int(cur.lastrowid)))
    return out


def _sentence_tier(s: SentenceFlag) -> str | None:
    """The stored tier: the annotator's for an unsourced sentence ('query' when it gave
    none, so an untiered flag is shown rather than hidden), NULL for any other sentence."""
    if not s.unsourced:
        return None
    return s.tier if s.tier in SOURCING_TIERS else "query"


def _sentence_at(sentence_ids: list[tuple[int, int, int]], pos: int) -> int | None:
    # Sentences are few per article; a linear scan is clearer than bisect on tuples.
    for start, end, sid in sentence_ids:
        if start <= pos < end:
            return sid
    return None


def _insert_framing(
    conn: sqlite3.Connection,
    article_id: int,
    annotation: Annotation,
    run_id: int | None,
    sentence_ids: list[tuple[int, int, int]],
) -> None:
    for sp in annotation.spans:
        _check_span(annotation.text, sp.start, sp.end, sp.text, f"framing span {sp.text!r}")
        # Two lexicon entries hitting the same words with the same category are one flag
        # for an editor; the first (lexicon order) keeps its entry id.
        conn.execute(
            "INSERT INTO framing (article_id, sentence_id, run_id, start, end, text,"
            " category, entry, reason, in_quote, tier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (
                article_id,
                _sentence_at(sentence_ids, sp.start),
                run_id,
                sp.start,
                sp.end,
                sp.text,
                sp.category,
                sp.entry,
                sp.reason,
                int(bool(sp.in_quote)),
                sp.tier if sp.tier in FRAMING_TIERS else "strong",
            ),
        )


def _insert_density(
    conn: sqlite3.Connection, article_id: int, annotation: Annotation, word_count: int
) -> None:
    # Count what was stored (duplicates skipped), so density agrees with the framing table.
    counts = {c: [0, 0] for c in FRAMING_CATEGORIES}
    for category, in_quote, n in conn.execute(
        "SELECT category, in_quote, count(*) FROM framing WHERE article_id = ?"
        " GROUP BY category, in_quote",
        (article_id,),
    ):
        counts.setdefault(category, [0, 0])[1 if in_quote else 0] += n
    conn.executemany(
        "INSERT INTO framing_density (article_id, category, author_count, quote_count,"
        " per_1000_words) VALUES (?, ?, ?, ?, ?)",
        [
            (article_id, cat, a, q, round(a * 1000 / word_count, 3) if word_count else 0.0)
            for cat, (a, q) in counts.items()
        ],
    )


_SC_DELETE_ONE = "DELETE FROM sourcing_counts WHERE article_id = ?"
_SC_DELETE_ALL = "DELETE FROM sourcing_counts"
_SC_INSERT_ONE = (
    "INSERT INTO sourcing_counts (article_id, label, n) SELECT article_id, sourcing, count(*)"
    " FROM sentences WHERE article_id = ? AND sourcing IS NOT NULL GROUP BY article_id, sourcing"
)
_SC_INSERT_ALL = (
    "INSERT INTO sourcing_counts (article_id, label, n) SELECT article_id, sourcing, count(*)"
    " FROM sentences WHERE sourcing IS NOT NULL GROUP BY article_id, sourcing"
)


def refresh_sourcing_counts(
    db: sqlite_utils.Database | sqlite3.Connection, article_id: int | None = None
) -> None:
    """Recount sourcing_counts (sentences per article and sourcing label) from the
    sentences table, for one article or (article_id None) for all of them.

    save_annotation calls it inside its transaction; code that writes sentences directly
    (bulk loads, test fixtures) calls it afterwards so the per-outlet queries agree with
    the sentences. Inside a caller's transaction it joins that transaction.
    """
    conn = db.conn if isinstance(db, sqlite_utils.Database) else db
    one = article_id is not None
    params: tuple[int, ...] = (article_id,) if one else ()

    def recount(c: sqlite3.Connection) -> None:
        c.execute(_SC_DELETE_ONE if one else _SC_DELETE_ALL, params)
        c.execute(_SC_INSERT_ONE if one else _SC_INSERT_ALL, params)

    if conn.in_transaction:
        recount(conn)
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        recount(conn)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _insert_claims(
    conn: sqlite3.Connection,
    article_id: int,
    annotation: Annotation,
    sentence_ids: list[tuple[int, int, int]],
) -> None:
    for c in annotation.claims:
        if not 0 <= c.sentence_index < len(sentence_ids):
            raise ValueError(
                f"claim at {c.start}:{c.end} points to sentence {c.sentence_index}, "
                f"which the annotation does not have; re-run the annotator"
            )
        figures = sorted(c.figures, key=lambda f: f.start)
        # The schema keeps one claim per sentence; the first one wins
        conn.execute(
            "INSERT INTO claims (article_id, sentence_id, start, end, statement,"
            " figures, entities, predicate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (
                article_id,
                sentence_ids[c.sentence_index][2],
                c.start,
                c.end,
                c.statement,
                _json([asdict(f) for f in figures]),
                _json(list(c.entities)),
                c.predicate,
            ),
        )


# -- related coverage ---------------------------------------------------------------------
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
