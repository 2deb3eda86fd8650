"""db/store.py against real SQLite files: idempotent saves, atomic replacement, offsets.

Here: runs, fetches, articles, related pairs, nesting and migrations; annotation rows
(sentences, framing, claims, sourcing counts) are in test_store_annotations.py, the
shared helpers in store_helpers.py."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest
import sqlite_utils
from db_builders import TEXT, extracted, fetched
from store_helpers import counts, dump, save_story

from db import store
from db.schema import open_db
from scraper.models import Link


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_db(str(tmp_path / "news.db"))


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


def test_open_db_twice_applies_each_migration_once(tmp_path):
    path = str(tmp_path / "m.db")
    open_db(path).close()
    db = open_db(path)
    from db.schema import MIGRATIONS

    applied = [r[0] for r in db.execute("SELECT name FROM schema_migrations ORDER BY name")]
    assert applied == sorted(name for name, _ in MIGRATIONS)
    assert "0002_fetch_identity" in applied
    assert db["articles"].detect_fts() and db["sentences"].detect_fts()
