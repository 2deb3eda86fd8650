"""Tiers as an editor meets them: query claims and strong framing first, routine claims and
mild phrases one click away, on real SQLite files, through the real CLI and real Datasette
requests (DESIGN.md "Labels")."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette_dashboards import replace_opts_in_query
from db_builders import TEXT, S, annotation, default_sentences, extracted, fetched

from db import store
from db.plugin.app import make_datasette, metadata
from db.schema import ensure_schema, open_db
from newsprov.cli import main

# The weasel sentence is routine and carries hostile text in its reason; "so-called" is mild.
ROUTINE_REASON = "routine <script>alert(1)</script> check"
ROUTINE_SENTENCE = "Critics say the draconian law is a so-called reform 🙄."
MILD_REASON = "'so-called' is doubt"


def tiered_annotation():
    sentences = default_sentences()
    sentences[1] = S(ROUTINE_SENTENCE, "weasel", source="Critics", cue="say", reason=ROUTINE_REASON)
    ann = annotation(TEXT, sentences)
    for flag in ann.sentences:
        if flag.unsourced:
            flag.tier = "routine" if flag.text == ROUTINE_SENTENCE else "query"
    for sp in ann.spans:
        sp.tier = "mild" if sp.text == "so-called" else "strong"
    return ann


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = str(tmp_path / "newsprov.db")  # served as /newsprov
    db = open_db(path)
    url = "http://nationpress.test/news/story"
    run_id = store.start_run(db, "scrape", {"urls": [url]})
    fetch_id = store.save_fetch(db, fetched(url), run_id)
    article_id = store.save_article(db, extracted(url), fetch_id, url, is_seed=True)
    store.save_annotation(db, article_id, tiered_annotation(), run_id)
    store.finish_run(db, run_id, "ok", {})
    db.close()
    return path


def rows(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    return conn.execute(sql).fetchall()


def test_store_writes_both_tiers(db_path: str) -> None:
    conn = sqlite3.connect(db_path)
    assert rows(conn, "SELECT sourcing, tier FROM sentences ORDER BY idx") == [
        ("anonymous_source", "query"),
        ("weasel", "routine"),
        ("named_source", None),
        ("vague_document", "query"),
        (None, None),
    ]
    assert dict(rows(conn, "SELECT text, tier FROM framing")) == {
        "draconian": "strong",
        "so-called": "mild",
        "regime": "strong",
        "reveal": "strong",
    }


def test_an_unsourced_flag_without_a_tier_is_stored_as_query(tmp_path: Path) -> None:
    db = open_db(str(tmp_path / "n.db"))
    url = "http://nationpress.test/news/story"
    fetch_id = store.save_fetch(db, fetched(url), None)
    article_id = store.save_article(db, extracted(url), fetch_id, url)
    store.save_annotation(db, article_id, annotation(), None)  # no tiers set at all
    assert db.execute("SELECT DISTINCT tier FROM sentences WHERE unsourced = 1").fetchall() == [
        ("query",)
    ]
    assert db.execute("SELECT DISTINCT tier FROM framing").fetchall() == [("strong",)]


def test_migration_backfills_tiers_of_an_existing_database(db_path: str) -> None:
    conn = sqlite3.connect(db_path)
    with conn:  # a database from before 0007_tiers
        conn.execute("DROP INDEX idx_sentences_unsourced_tier")
        conn.execute("DROP INDEX idx_framing_tier")
        conn.execute("ALTER TABLE sentences DROP COLUMN tier")
        conn.execute("ALTER TABLE framing DROP COLUMN tier")
        conn.execute("DELETE FROM schema_migrations WHERE name = '0007_tiers'")
    conn.close()
    db = open_db(db_path)
    assert db.execute("SELECT sourcing, tier FROM sentences ORDER BY idx").fetchall() == [
        ("anonymous_source", "query"),
        ("weasel", "query"),  # nothing known otherwise: shown, not hidden
        ("named_source", None),
        ("vague_document", "query"),
        (None, None),
    ]
    assert db.execute("SELECT DISTINCT tier FROM framing").fetchall() == [("strong",)]
    assert ensure_schema(db) == []


# -- export --------------------------------------------------------------------------------
def export(db_path: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["export", "--csv", "-", "--db", db_path, *args])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))


def flags(csv_rows: list[dict]) -> set[tuple[str, str]]:
    return {(r["label"], r["tier"]) for r in csv_rows}


def test_export_shows_query_and_strong_by_default(db_path: str) -> None:
    got = export(db_path)
    assert flags(got) == {
        ("anonymous_source", "query"),
        ("vague_document", "query"),
        ("loaded_language", "strong"),
        ("labeling", "strong"),
        ("presupposition", "strong"),
    }
    assert ROUTINE_SENTENCE not in {r["sentence"] for r in got if r["flag_type"] == "unsourced"}


def test_export_tier_all_routine_and_framing_tier(db_path: str) -> None:
    everything = export(db_path, "--tier", "all")
    assert ("weasel", "routine") in flags(everything) and ("doubt", "mild") in flags(everything)
    assert len(everything) == 3 + 4
    assert flags(export(db_path, "--tier", "routine")) == {("weasel", "routine"), ("doubt", "mild")}
    mixed = flags(export(db_path, "--framing-tier", "all"))
    assert ("doubt", "mild") in mixed and ("weasel", "routine") not in mixed
    bad = CliRunner().invoke(main, ["export", "--csv", "-", "--db", db_path, "--tier", "urgent"])
    assert bad.exit_code == 2 and "query" in bad.output


# -- the Datasette desk ---------------------------------------------------------------------
def side_panel(html: str) -> str:
    return html[html.index('id="flags"') :]


async def test_reader_hides_routine_and_mild_until_one_click(db_path: str) -> None:
    ds = make_datasette(db_path)
    html = (await ds.client.get("/-/article/1")).text
    panel = side_panel(html)
    assert "routine" not in panel.split("Also show")[0]
    assert "alert(1)" not in html  # the routine flag's reason is not on the page at all
    assert MILD_REASON.replace("'", "&#39;") not in html
    link = re.search(r'<a class="np-tier-toggle" href="([^"]+)">([^<]+)</a>', html)
    assert link is not None
    assert link.group(2) == "Also show 1 routine claim and 1 mild phrase"
    assert link.group(1) == "/-/article/1?tier=all#flags"

    html = (await ds.client.get(link.group(1).split("#")[0])).text
    assert "routine &lt;script&gt;alert(1)&lt;/script&gt; check" in html
    assert "<script>alert(1)" not in html
    assert '<span class="np-tier np-tier-routine">routine</span>' in html
    assert '<span class="np-tier np-tier-mild">mild</span>' in html
    assert 'href="/newsprov/articles/1.xlcsv?tier=all"' in html
    back = re.search(r'<a class="np-tier-toggle" href="([^"]+)">', html)
    assert back is not None and back.group(1) == "/-/article/1#flags"


async def test_flags_csv_renderer_filters_tiers_like_export(db_path: str) -> None:
    ds = make_datasette(db_path)

    async def get(path: str) -> list[dict]:
        r = await ds.client.get(path)
        assert r.status_code == 200, r.text
        return list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))

    assert flags(await get("/newsprov/articles/1.xlcsv")) == flags(export(db_path))
    assert flags(await get("/newsprov/articles/1.xlcsv?tier=all")) == flags(
        export(db_path, "--tier", "all")
    )
    assert flags(await get("/newsprov/framing.xlcsv?tier=mild")) == {("doubt", "mild")}
    r = await ds.client.get("/newsprov/articles/1.xlcsv?tier=urgent")
    assert r.status_code == 400 and "use query, routine or all" in r.text


async def test_canned_queries_list_query_tier_unless_asked(db_path: str) -> None:
    ds = make_datasette(db_path)

    async def canned(name: str, tier: str | None = None) -> list[dict]:
        params = {"_shape": "array"} | ({"tier": tier} if tier else {})
        r = await ds.client.get(f"/newsprov/{name}.json", params=params)
        assert r.status_code == 200, r.text
        return r.json()

    default = await canned("unsourced_assertions")
    assert {(r["sourcing"], r["tier"]) for r in default} == {
        ("anonymous_source", "query"),
        ("vague_document", "query"),
    }
    assert ("weasel", "routine") in {
        (r["sourcing"], r["tier"]) for r in await canned("unsourced_assertions", "all")
    }
    assert [r["tier"] for r in await canned("unsourced_assertions", "routine")] == ["routine"]
    # 2 query claims + 2 strong phrases in the author's voice; all: + 1 routine + 1 mild
    (review,) = await canned("articles_needing_review")
    (review_all,) = await canned("articles_needing_review", "all")
    assert (review["unsourced_assertions"], review["framing_in_authors_voice"]) == (2, 2)
    assert (review_all["unsourced_assertions"], review_all["framing_in_authors_voice"]) == (3, 3)


async def test_dashboards_count_query_and_strong_unless_tier_all(db_path: str) -> None:
    ds = make_datasette(db_path)
    charts = metadata("newsprov")["plugins"]["datasette-dashboards"]["newsprov-overview"]

    async def run(slug: str, options: dict) -> list[dict]:
        sql = replace_opts_in_query(charts["charts"][slug]["query"], options)
        r = await ds.client.get("/newsprov.json", params={"sql": sql, "_shape": "array", **options})
        assert r.status_code == 200, r.text
        return r.json()

    assert (await run("unsourced-count", {}))[0]["n"] == 2
    assert (await run("unsourced-count", {"tier": "all"}))[0]["n"] == 3
    doubt = [r for r in await run("framing-mix", {}) if "doubt" in r["category"]]
    assert [r["n"] for r in doubt] == [0]
    doubt = [r for r in await run("framing-mix", {"tier": "all"}) if "doubt" in r["category"]]
    assert [r["n"] for r in doubt] == [1]
    weasel = [r for r in await run("sourcing-mix", {"tier": "all"}) if "weasel" in r["sourcing"]]
    assert [r["n"] for r in weasel] == [1]
    assert not [r for r in await run("sourcing-mix", {}) if "weasel" in r["sourcing"] and r["n"]]

    def per_flag(rows: list[dict]) -> dict[str, int]:
        return {r["flag"]: r["n"] for r in rows}

    assert per_flag(await run("flags-over-time", {})) == {
        "unsourced assertions": 2,
        "framing (author)": 2,
    }
    assert per_flag(await run("flags-over-time", {"tier": "all"})) == {
        "unsourced assertions": 3,
        "framing (author)": 3,
    }
    page = await ds.client.get("/-/dashboards/newsprov-overview?tier=all")
    assert page.status_code == 200 and "Tier" in page.text


# -- the annotator -------------------------------------------------------------------------
def test_annotate_text_gives_every_unsourced_sentence_a_tier(tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text(
        "Shares in Eastbridge fell slightly on Tuesday.\n"
        "Police shot dead 12 protesters in the square.\n"
        "The mayor will open the new library on Monday.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["annotate-text", str(story), "--json"])
    assert result.exit_code == 0, result.output
    got = [(s["sourcing"], s["tier"]) for s in json.loads(result.output)["sentences"]]
    assert got == [("unattributed_claim", "routine"), ("unattributed_claim", "query"), (None, None)]
