"""The scrape stage's writes: one HTTP exchange (`save_fetch`, `get_fetch_body`), an
outlet, an article with its links and embedded posts (`save_article`), and
`find_article`, which turns what a user typed (an id or one of the article's URLs) into
an article id.

Part of `db.store` (see its docstring); import the public names from there.
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from urllib.parse import urlsplit

import sqlite_utils

from db.store_annotations import _delete_annotations
from db.store_core import MAX_ID, FetchNotFound, _json, transaction, utcnow
from scraper.models import Extracted, Fetched


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
