"""The annotate stage's reads and writes: which articles need annotating
(`articles_to_annotate`, `stale_articles`, `annotation_state`, `unannotated_count`) and
`save_annotation`, which replaces an article's sentences, framing, framing_density,
sourcing_counts and claims as a whole; `refresh_sourcing_counts` for code that writes
sentences directly.

Part of `db.store` (see its docstring); import the public names from there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import Any

import sqlite_utils

from annotate.models import (
    FRAMING_CATEGORIES,
    FRAMING_TIERS,
    SOURCING_TIERS,
    Annotation,
    SentenceFlag,
)
from db.store_core import MAX_ID, ArticleNotFound, _json, transaction

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
