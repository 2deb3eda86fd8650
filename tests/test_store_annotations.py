"""db/store.py's annotation rows against real SQLite files: sentences, framing, density
and claims saved with exact offsets, per-label sourcing counts kept in step, atomic
re-annotation, and stale articles found for re-annotation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from db_builders import TEXT, S, annotation, extracted
from store_helpers import dump, save_story

from annotate.models import Claim, FramingSpan
from db import store
from db.schema import open_db


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_db(str(tmp_path / "news.db"))


def test_save_annotation_offsets_select_the_span_with_emoji_before_it(db):
    aid = save_story(db)
    bad = db.execute(
        """
        SELECT 'sentence', s.text FROM sentences s JOIN articles a USING (article_id)
          WHERE substr(a.text, s.start + 1, s.end - s.start) != s.text
        UNION ALL SELECT 'source', s.source FROM sentences s JOIN articles a USING (article_id)
          WHERE s.source IS NOT NULL AND substr(a.text, s.source_start + 1, s.source_end - s.source_start) != s.source
        UNION ALL SELECT 'cue', s.cue FROM sentences s JOIN articles a USING (article_id)
          WHERE s.cue IS NOT NULL AND substr(a.text, s.cue_start + 1, s.cue_end - s.cue_start) != s.cue
        UNION ALL SELECT 'framing', f.text FROM framing f JOIN articles a USING (article_id)
          WHERE substr(a.text, f.start + 1, f.end - f.start) != f.text
        """
    ).fetchall()
    assert bad == []
    # the last span sits after two emoji: check it is really that far in
    row = db.execute("SELECT start FROM framing WHERE text = 'reveal'").fetchone()
    assert row[0] == TEXT.index("reveal") and TEXT[: row[0]].count("🙄") == 1
    assert db["articles"].get(aid)["annotated_run_id"] is not None


def test_save_annotation_stores_sentences_one_based_with_labels(db):
    aid = save_story(db)
    rows = db.execute(
        "SELECT idx, sourcing, unsourced, source, cue, rule FROM sentences WHERE article_id = ? ORDER BY idx",
        (aid,),
    ).fetchall()
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0][1:] == (
        "anonymous_source",
        1,
        "Officials familiar with the matter",
        "said",
        "rule.anonymous_source",
    )
    assert rows[2][1:3] == ("named_source", 0)
    assert rows[4][1:3] == (None, 0)


def test_save_annotation_links_framing_to_the_sentence_holding_it(db):
    save_story(db)
    rows = db.execute(
        "SELECT f.text, s.idx, f.in_quote, f.entry FROM framing f JOIN sentences s USING (sentence_id)"
        " WHERE f.article_id = 1 ORDER BY f.start"
    ).fetchall()
    assert rows == [
        ("draconian", 2, 0, "framing.loaded_language.draconian"),
        ("so-called", 2, 0, "framing.doubt.so-called"),
        ("regime", 3, 1, "framing.labeling.regime"),
        ("reveal", 4, 0, "framing.presupposition.reveal"),
    ]


def test_framing_density_counts_authors_voice_and_keeps_zero_categories(db):
    aid = save_story(db)
    words = len(TEXT.split())
    rows = {
        r[0]: r[1:]
        for r in db.execute(
            "SELECT category, author_count, quote_count, per_1000_words FROM framing_density WHERE article_id = ?",
            (aid,),
        )
    }
    assert rows["loaded_language"] == (1, 0, round(1000 / words, 3))
    assert rows["labeling"] == (0, 1, 0.0)  # the minister's word, not the outlet's
    assert rows["intensifier"] == (0, 0, 0.0)  # zero rows kept so outlet averages count them
    assert set(rows) == {"loaded_language", "intensifier", "presupposition", "doubt", "labeling"}


def test_save_annotation_stores_claims_with_figures_as_json(db):
    aid = save_story(db)
    rows = db["claims"].rows_where("article_id = ?", [aid], order_by="start")
    claims = list(rows)
    assert [c["figures"] for c in claims] == [
        f'[{{"end": {TEXT.index("685") + 3}, "start": {TEXT.index("685")}, "text": "685", "unit": null, "value": 685.0}}]',
        f'[{{"end": {TEXT.index("2,546") + 5}, "start": {TEXT.index("2,546")}, "text": "2,546", "unit": null, "value": 2546.0}}]',
    ]
    assert claims[0]["entities"] == '["Olivia Grant"]'
    idx = db.execute(
        "SELECT idx FROM sentences WHERE sentence_id = ?", (claims[1]["sentence_id"],)
    ).fetchone()[0]
    assert idx == 4


def test_reannotation_replaces_rows_and_drops_matches_of_old_claims(db):
    a = save_story(db)
    b = save_story(db, url="http://dailyledger.test/world/strike")
    ca, cb = (
        db.execute("SELECT min(claim_id) FROM claims WHERE article_id = ?", (x,)).fetchone()[0]
        for x in (a, b)
    )
    db["claim_matches"].insert(
        {
            "claim_id": cb,
            "other_claim_id": ca,
            "other_article_id": a,
            "method": "same_figure",
            "score": 1.0,
        }
    )
    fewer = annotation(
        sentences=[S(TEXT.split(". ")[0] + ".", "anonymous_source")],
        spans=[("draconian", "loaded_language", False)],
    )
    run_id = store.start_run(db, "annotate", {})

    store.save_annotation(db, a, fewer, run_id)

    assert (
        db.execute("SELECT count(*) FROM sentences WHERE article_id = ?", (a,)).fetchone()[0] == 1
    )
    assert db.execute("SELECT count(*) FROM framing WHERE article_id = ?", (a,)).fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM claims WHERE article_id = ?", (a,)).fetchone()[0] == 0
    assert db["claim_matches"].count == 0  # pointed at a claim that no longer exists
    assert (
        db.execute("SELECT count(*) FROM sentences WHERE article_id = ?", (b,)).fetchone()[0] == 5
    )
    assert db["articles"].get(a)["annotated_run_id"] == run_id
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # The per-label counts follow the new sentences; the other article keeps its own.
    assert sourcing_counts(db, a) == {"anonymous_source": 1}
    assert (
        sum(sourcing_counts(db, b).values())
        == db.execute(
            "SELECT count(*) FROM sentences WHERE article_id = ? AND sourcing IS NOT NULL", (b,)
        ).fetchone()[0]
    )


def sourcing_counts(db: sqlite_utils.Database, article_id: int) -> dict[str, int]:
    return dict(
        db.execute(
            "SELECT label, n FROM sourcing_counts WHERE article_id = ?", (article_id,)
        ).fetchall()
    )


def counted_from_sentences(db: sqlite_utils.Database) -> list[tuple]:
    return db.execute(
        "SELECT article_id, sourcing, count(*) FROM sentences WHERE sourcing IS NOT NULL"
        " GROUP BY article_id, sourcing ORDER BY 1, 2"
    ).fetchall()


def test_save_annotation_stores_sourcing_counts_per_label(db):
    aid = save_story(db)
    expected = dict(
        db.execute(
            "SELECT sourcing, count(*) FROM sentences WHERE article_id = ?"
            " AND sourcing IS NOT NULL GROUP BY sourcing",
            (aid,),
        ).fetchall()
    )
    assert expected["anonymous_source"] >= 1 and expected["named_source"] >= 1
    assert sourcing_counts(db, aid) == expected
    save_story(db)  # saved again: replaced, not added to
    assert sourcing_counts(db, aid) == expected


def test_sourcing_counts_go_with_a_changed_text_and_a_deleted_article(db):
    aid = save_story(db)
    url = "http://nationpress.test/news/story"
    store.save_article(db, extracted(url, text=TEXT + " Changed."), None, url)
    assert sourcing_counts(db, aid) == {}  # the annotation no longer fits the text
    other = save_story(db, url="http://dailyledger.test/world/strike")
    with db.conn:
        db.conn.execute("DELETE FROM articles WHERE article_id = ?", (other,))
    assert sourcing_counts(db, other) == {}


def test_migration_backfills_sourcing_counts_of_an_existing_database(tmp_path):
    from db.schema import ensure_schema

    path = str(tmp_path / "old.db")
    db = open_db(path)
    save_story(db)
    save_story(db, url="http://dailyledger.test/world/strike")
    expected = counted_from_sentences(db)
    # A database from before migration 0006: no table, migration not recorded.
    with db.conn:
        db.conn.execute("DROP TABLE sourcing_counts")
        db.conn.execute("DELETE FROM schema_migrations WHERE name = '0006_sourcing_counts'")
    db.close()

    db = open_db(path)
    assert (
        db.execute("SELECT article_id, label, n FROM sourcing_counts ORDER BY 1, 2").fetchall()
        == expected
    )
    assert ensure_schema(db) == []  # applied once


def test_refresh_sourcing_counts_after_direct_sentence_writes(db):
    aid = save_story(db)
    with db.conn:
        db.conn.execute("UPDATE sentences SET sourcing = 'weasel' WHERE article_id = ?", (aid,))
    store.refresh_sourcing_counts(db)
    assert db.execute("SELECT article_id, label, n FROM sourcing_counts").fetchall() == (
        counted_from_sentences(db)
    )
    assert not db.conn.in_transaction


@pytest.mark.parametrize(
    "breakage",
    [
        "framing_category_null",  # fails in SQLite (NOT NULL), after the old rows were deleted
        "claim_without_sentence",  # fails in Python, after sentences and framing were inserted
        "span_off_by_one",  # offsets that would highlight the wrong characters
    ],
)
def test_reannotation_failing_midway_keeps_the_old_annotations(db, breakage):
    aid = save_story(db)
    tables = ("sentences", "framing", "framing_density", "sourcing_counts", "claims", "articles")
    before = {t: dump(db, t) for t in tables}
    bad = annotation()
    if breakage == "framing_category_null":
        bad.spans.append(FramingSpan(0, 1, TEXT[0], None, None, "broken"))  # type: ignore[arg-type]
    elif breakage == "claim_without_sentence":
        bad.claims.append(Claim(sentence_index=99, start=0, end=5, statement="x"))
    else:
        s = bad.spans[-1]
        bad.spans[-1] = FramingSpan(s.start + 1, s.end + 1, s.text, s.category, s.entry, s.reason)
    run_id = store.start_run(db, "annotate", {})

    with pytest.raises((sqlite3.IntegrityError, ValueError)):
        store.save_annotation(db, aid, bad, run_id)

    assert {t: dump(db, t) for t in tables} == before
    assert not db.conn.in_transaction


def test_save_annotation_refuses_an_annotation_of_another_text(db):
    aid = save_story(db)
    with pytest.raises(ValueError, match="different text"):
        store.save_annotation(db, aid, annotation(TEXT + " One more sentence."), None)
    with pytest.raises(store.ArticleNotFound):
        store.save_annotation(db, 999, annotation(), None)


def test_save_annotation_from_the_real_annotator(db):
    from annotate.annotator import Annotator

    text = (
        "🚨 Internal documents reveal that 685 officers were killed. "
        "Critics say the staggering toll was hidden. "
        "Finance Minister Olivia Grant told parliament the figure was accurate."
    )
    annotator = Annotator()
    aid = store.save_article(db, extracted(text=text), None, None)
    run_id = store.start_run(db, "annotate", {}, annotator.fingerprint())
    store.save_annotation(db, aid, annotator.annotate(text), run_id)
    store.save_annotation(db, aid, annotator.annotate(text), run_id)

    assert (
        db.execute("SELECT count(*) FROM sentences WHERE article_id = ?", (aid,)).fetchone()[0] == 3
    )
    assert (
        db.execute(
            "SELECT count(*) FROM sentences s JOIN articles a USING (article_id)"
            " WHERE substr(a.text, s.start + 1, s.end - s.start) != s.text"
        ).fetchone()[0]
        == 0
    )
    assert db["runs"].get(run_id)["lexicon_sha256"]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_stale_articles_are_unannotated_or_annotated_by_another_lexicon(db):
    old_fp = {"annotator_version": "0.1.0", "model": "m", "lexicon_sha256": "old"}
    annotated = store.save_article(db, extracted(url="http://n.test/1"), None, None)
    store.save_annotation(db, annotated, annotation(), store.start_run(db, "annotate", {}, old_fp))
    fresh = store.save_article(db, extracted(url="http://n.test/2"), None, None)

    assert store.stale_articles(db) == [fresh]
    assert store.stale_articles(db, old_fp) == [fresh]
    assert store.stale_articles(db, {**old_fp, "lexicon_sha256": "new"}) == [annotated, fresh]
