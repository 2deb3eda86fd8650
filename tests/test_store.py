"""db/store.py against real SQLite files: idempotent saves, atomic replacement, offsets."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest
import sqlite_utils
from db_builders import TEXT, S, annotation, extracted, fetched

from annotate.models import Claim, FramingSpan
from db import store
from db.schema import open_db
from scraper.models import Link

SHADOW = ("_fts",)  # FTS shadow tables reorganise themselves; their row counts mean nothing


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_db(str(tmp_path / "news.db"))


def counts(db: sqlite_utils.Database, skip: tuple[str, ...] = ("runs",)) -> dict[str, int]:
    return {
        t: db[t].count
        for t in db.table_names()
        if t not in skip and not any(s in t for s in SHADOW)
    }


def dump(db: sqlite_utils.Database, table: str) -> list[tuple]:
    return db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()  # noqa: S608


def save_story(
    db: sqlite_utils.Database, text: str = TEXT, url: str = "http://nationpress.test/news/story"
) -> int:
    """What the pipeline does for one page: run, fetch, article, annotation."""
    run_id = store.start_run(db, "scrape", {"urls": [url]})
    fetch_id = store.save_fetch(db, fetched(url), run_id)
    article_id = store.save_article(db, extracted(url, text=text), fetch_id, url, is_seed=True)
    store.save_annotation(db, article_id, annotation(text), run_id)
    store.finish_run(db, run_id, "ok", {"inputs": 1})
    return article_id


def test_save_story_twice_adds_no_rows_in_any_table(db):
    a = save_story(db)
    b = save_story(db, url="http://dailyledger.test/world/strike")
    store.save_related(db, a, b, "links", score=0.8, same_story=True, evidence={"figures": ["685"]})
    first = counts(db)
    assert first["sentences"] == 10 and first["framing"] == 8 and first["claims"] == 4

    a2 = save_story(db)
    b2 = save_story(db, url="http://dailyledger.test/world/strike")
    store.save_related(db, a2, b2, "links", score=0.8, same_story=True)

    assert (a2, b2) == (a, b)
    assert counts(db) == first
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_runs_record_command_fingerprint_and_outcome(db):
    fp = {
        "annotator_version": "0.1.0",
        "model": "en_core_web_sm-3.8.0",
        "lexicon_sha256": "ab" * 32,
    }
    run_id = store.start_run(db, "annotate", {"ids": [1, 2], "db": Path("x.db")}, fp)
    row = db["runs"].get(run_id)
    assert row["status"] == "running" and row["model"] == "en_core_web_sm-3.8.0"
    assert '"db": "x.db"' in row["options"]  # Paths are stored as text, not a crash

    store.finish_run(db, run_id, "partial", {"failed": [{"url": "http://x.test/", "error": "404"}]})
    row = db["runs"].get(run_id)
    assert row["status"] == "partial" and row["finished_at"] and "404" in row["summary"]
    with pytest.raises(ValueError, match="not one of"):
        store.finish_run(db, run_id, "done", {})


def test_save_fetch_same_response_keeps_one_row_and_moves_last_fetched_at(db):
    first = store.save_fetch(db, fetched(fetched_at="2026-11-28T01:00:00Z"), None)
    again = store.save_fetch(db, fetched(fetched_at="2026-11-28T02:00:00Z"), None)
    late_old = store.save_fetch(db, fetched(fetched_at="2026-11-27T00:00:00Z"), None)

    assert first == again == late_old
    row = db["fetches"].get(first)
    assert (row["fetched_at"], row["last_fetched_at"]) == (
        "2026-11-28T01:00:00Z",
        "2026-11-28T02:00:00Z",
    )
    # a changed page is new evidence: a new row
    changed = store.save_fetch(db, fetched(body=b"<html>updated</html>"), None)
    assert changed != first and db["fetches"].count == 2


def test_save_fetch_failed_fetch_is_stored_with_its_error_once(db):
    refused = fetched(
        url="http://169.254.169.254/latest",
        body=b"",
        status=None,
        error="169.254.169.254 is a link-local address; pass --allow-host HOST:PORT to open it",
        error_kind="blocked",
    )
    fid = store.save_fetch(db, refused, None)
    assert store.save_fetch(db, refused, None) == fid
    row = db["fetches"].get(fid)
    assert row["status"] is None and row["error_kind"] == "blocked" and "link-local" in row["error"]
    assert row["body"] is None and row["body_size"] == 0
    assert store.get_fetch_body(db, fid) == b""
    assert db["fetches"].count == 1


def test_fetch_identity_index_refuses_a_duplicate_written_behind_save_fetch(db):
    fid = store.save_fetch(db, fetched(), None)
    row = db["fetches"].get(fid)
    row.pop("fetch_id")
    with pytest.raises(sqlite3.IntegrityError):
        db["fetches"].insert(row)


def test_get_fetch_body_returns_the_exact_bytes_stored_compressed(db):
    body = ("<html><body>" + "Café déjà vu 🚨 " * 2000 + "</body></html>").encode("utf-8")
    fid = store.save_fetch(db, fetched(body=body), None)
    stored = db.execute("SELECT body FROM fetches WHERE fetch_id = ?", (fid,)).fetchone()[0]
    assert len(stored) < len(body) / 10 and zlib.decompress(stored) == body
    assert store.get_fetch_body(db, fid) == body
    with pytest.raises(store.FetchNotFound):
        store.get_fetch_body(db, 999)


def test_get_fetch_body_refuses_bytes_that_do_not_match_the_hash(db):
    fid = store.save_fetch(db, fetched(), None)
    db.execute("UPDATE fetches SET body = ? WHERE fetch_id = ?", (zlib.compress(b"tampered"), fid))
    with pytest.raises(ValueError, match="sha256"):
        store.get_fetch_body(db, fid)


def test_save_article_upsert_keeps_id_and_created_at_and_bumps_updated_at(db):
    fid = store.save_fetch(db, fetched(), None)
    aid = store.save_article(
        db, extracted(), fid, "http://nationpress.test/news/story?utm=x", is_seed=True
    )
    db.execute(
        "UPDATE articles SET created_at = '2020-01-01T00:00:00Z', updated_at = '2020-01-01T00:00:00Z'"
    )

    again = store.save_article(
        db, extracted(title="Strike kills 685, officials say"), fid, "http://other", is_seed=False
    )

    row = db["articles"].get(aid)
    assert again == aid and db["articles"].count == 1
    assert row["created_at"] == "2020-01-01T00:00:00Z" and row["updated_at"] > "2026"
    assert row["title"] == "Strike kills 685, officials say"
    assert row["is_seed"] == 1  # found again as related coverage: still the user's seed
    assert row["input_url"] == "http://nationpress.test/news/story?utm=x"
    assert row["authors"] == '["Ana Ruiz", "Ben Okafor"]'
    assert row["outlet_id"] == "nationpress.test"


def test_save_article_replaces_its_links(db):
    aid = store.save_article(db, extracted(), None, None)
    dup = Link("http://x.test/a", "same", "ctx", "news", "x.test")
    store.save_article(
        db, extracted(links=[dup, dup, Link("http://y.test/", "y", "c", "other", "")]), None, None
    )
    rows = db.execute(
        "SELECT href, domain FROM links WHERE article_id = ? ORDER BY href", (aid,)
    ).fetchall()
    assert rows == [("http://x.test/a", "x.test"), ("http://y.test/", None)]


def test_save_article_keeps_outlet_name_when_a_page_lacks_one(db):
    store.save_article(db, extracted(), None, None)
    store.save_article(
        db, extracted(url="http://nationpress.test/other", outlet_name=None), None, None
    )
    outlet = db["outlets"].get("nationpress.test")
    assert outlet["name"] == "The Nation Press" and outlet["homepage"] == "http://nationpress.test/"
    assert store.save_outlet(db, "nationpress.test", name="Nation Press") == "nationpress.test"
    assert (
        db["outlets"].get("nationpress.test")["name"] == "Nation Press" and db["outlets"].count == 1
    )


def test_save_article_failure_midway_leaves_the_previous_article(db):
    aid = save_story(db)
    before = {t: dump(db, t) for t in ("articles", "links", "outlets", "sentences")}
    broken = Link("http://z.test/", "z", "ctx", None, "z.test")  # kind is NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        store.save_article(
            db, extracted(title="New title", outlet="new.test", links=[broken]), None, None
        )
    assert {t: dump(db, t) for t in before} == before
    assert db["articles"].get(aid)["title"] == "Strike kills 685"


def test_save_article_with_changed_text_drops_annotations_that_no_longer_fit(db):
    aid = save_story(db)
    store.save_article(db, extracted(text=TEXT + " A new paragraph."), None, None)
    assert db["articles"].get(aid)["annotated_run_id"] is None
    for table in ("sentences", "framing", "framing_density", "claims"):
        assert db[table].count == 0, table
    assert [r["article_id"] for r in store.articles_to_annotate(db)] == [aid]


def test_find_article_by_id_url_input_url_or_canonical_url(db):
    aid = store.save_article(
        db,
        extracted(url="http://wire.test/a", canonical_url="http://origin.test/a"),
        None,
        "http://wire.test/a?ref=home",
    )
    for ref in (
        aid,
        str(aid),
        f" {aid} ",
        "http://wire.test/a",
        "http://wire.test/a?ref=home",
        "http://origin.test/a",
    ):
        assert store.find_article(db, ref) == aid, ref
    assert store.find_article(db, 999) is None
    assert store.find_article(db, "http://nowhere.test/") is None


def test_articles_to_annotate_yields_text_in_the_asked_order(db):
    a = store.save_article(db, extracted(url="http://n.test/1"), None, None)
    b = store.save_article(db, extracted(url="http://n.test/2", text="Another story."), None, None)
    assert [r["article_id"] for r in store.articles_to_annotate(db)] == [a, b]
    rows = list(store.articles_to_annotate(db, [b, a, b]))
    assert [(r["article_id"], r["text"]) for r in rows] == [(b, "Another story."), (a, TEXT)]
    with pytest.raises(store.ArticleNotFound, match="42"):
        list(store.articles_to_annotate(db, [a, 42]))


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


def test_save_related_upserts_the_pair_and_keeps_match_data(db):
    a = save_story(db)
    b = save_story(db, url="http://dailyledger.test/world/strike")
    rid = store.save_related(db, a, b, "links")
    assert (
        store.save_related(
            db,
            a,
            b,
            "feed",
            score=0.91,
            same_story=True,
            syndicated_of=a,
            evidence={"gap_hours": 2},
        )
        == rid
    )
    assert store.save_related(db, a, b, "sitemap") == rid  # rediscovered without matching
    row = db["related"].get(rid)
    assert (row["method"], row["score"], row["same_story"], row["syndicated_of"]) == (
        "links",
        0.91,
        1,
        a,
    )
    assert row["evidence"] == '{"gap_hours": 2}'
    assert store.save_related(db, b, a, "links") != rid  # the other direction is its own row
    assert db["related"].count == 2
    with pytest.raises(ValueError, match="itself"):
        store.save_related(db, a, a, "links")


def test_store_calls_inside_a_caller_transaction_nest(db):
    # a caller batching several saves keeps control of the outer transaction
    with db.atomic():
        aid = save_story(db)
        store.save_related(db, aid, save_story(db, url="http://x.test/2"), "links")
    assert db["related"].count == 1 and not db.conn.in_transaction


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


def test_open_db_twice_applies_each_migration_once(tmp_path):
    path = str(tmp_path / "m.db")
    open_db(path).close()
    db = open_db(path)
    from db.schema import MIGRATIONS

    applied = [r[0] for r in db.execute("SELECT name FROM schema_migrations ORDER BY name")]
    assert applied == sorted(name for name, _ in MIGRATIONS)
    assert "0002_fetch_identity" in applied
    assert db["articles"].detect_fts() and db["sentences"].detect_fts()


def test_stale_articles_are_unannotated_or_annotated_by_another_lexicon(db):
    old_fp = {"annotator_version": "0.1.0", "model": "m", "lexicon_sha256": "old"}
    annotated = store.save_article(db, extracted(url="http://n.test/1"), None, None)
    store.save_annotation(db, annotated, annotation(), store.start_run(db, "annotate", {}, old_fp))
    fresh = store.save_article(db, extracted(url="http://n.test/2"), None, None)

    assert store.stale_articles(db) == [fresh]
    assert store.stale_articles(db, old_fp) == [fresh]
    assert store.stale_articles(db, {**old_fp, "lexicon_sha256": "new"}) == [annotated, fresh]
