"""The Datasette side, tables and queries: article ids and titles linking to the reader,
facets, full-text search, the canned queries and dashboard charts on full and empty
databases, and the reader on a story written by the real store."""

from __future__ import annotations

import re

import pytest
from datasette.app import Datasette
from plugin_checks import assert_no_raw_payload
from plugin_data import build_db, parse_marks

from db.plugin.app import make_datasette, metadata
from db.plugin.queries import CANNED
from db.schema import open_db


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "newsprov.db"
    build_db(path)
    return path


@pytest.fixture
def ds(db_path):
    return make_datasette(db_path)


@pytest.fixture
def empty_ds(tmp_path):
    path = tmp_path / "empty.db"
    open_db(str(path)).conn.close()
    return make_datasette(path)


# -- tables, facets, search, queries ----------------------------------------------------------
async def test_article_id_cells_link_to_the_reader(ds):
    html = (await ds.client.get("/newsprov/sentences")).text
    assert 'href="/-/article/1"' in html
    html = (await ds.client.get("/newsprov/related")).text
    assert 'href="/-/article/2"' in html
    html = (await ds.client.get("/newsprov/unsourced_assertions")).text
    assert 'href="/-/article/1"' in html
    assert_no_raw_payload(html)


async def test_article_titles_link_to_the_reader_and_row_pages_escape(ds):
    html = (await ds.client.get("/newsprov/articles")).text
    assert '<a href="/-/article/1">Budget &lt;script&gt;' in html
    for path in (
        "/newsprov/articles/1",
        "/newsprov/outlets/nationpress~2Etest",
        "/newsprov/sentences/1",
    ):
        r = await ds.client.get(path)
        assert r.status_code == 200, path
        assert_no_raw_payload(r.text)


@pytest.mark.parametrize(
    "path, facet",
    [
        ("/newsprov/articles", "outlet_id"),
        ("/newsprov/sentences", "sourcing"),
        ("/newsprov/framing", "category"),
        ("/newsprov/articles", "published"),
    ],
)
async def test_table_pages_show_facets(ds, path, facet):
    r = await ds.client.get(path + ".json?_size=1")
    assert r.status_code == 200
    data = r.json()
    names = set(data["facet_results"])
    assert facet in names, names


async def test_article_table_has_description_and_published_date_facet(ds):
    html = (await ds.client.get("/newsprov/articles")).text
    assert "Open the reader page" in html
    assert "2026-11-20" in html  # the date facet's bucket
    assert_no_raw_payload(html)


async def test_full_text_search_on_articles_and_sentences(ds):
    r = await ds.client.get("/newsprov/articles.json?_search=staggering&_shape=array")
    assert [row["article_id"] for row in r.json()] == [1]
    r = await ds.client.get("/newsprov/sentences.json?_search=critics&_shape=array")
    assert [row["sentence_id"] for row in r.json()] == [3]


@pytest.mark.parametrize("name", sorted(CANNED))
async def test_canned_queries_run_on_full_and_empty_databases(ds, empty_ds, name):
    r = await ds.client.get(f"/newsprov/{name}.json?_shape=array")
    assert r.status_code == 200, r.text
    assert r.json(), f"{name} returned no rows on the fixture"
    html = (await ds.client.get(f"/newsprov/{name}")).text
    assert_no_raw_payload(html)
    r = await empty_ds.client.get(f"/empty/{name}.json?_shape=array")
    assert r.status_code == 200 and r.json() == []


async def test_canned_query_answers(ds):
    async def rows(name):
        return (await ds.client.get(f"/newsprov/{name}.json?_shape=array")).json()

    unsourced = await rows("unsourced_assertions")
    assert [r["sentence_number"] for r in unsourced] == [1, 2, 3]
    share = {r["outlet"]: r for r in await rows("anonymous_vague_share")}
    assert share["nationpress.test"]["anonymous_or_vague_pct"] == 25.0
    assert share["wire.test"]["anonymous_or_vague_pct"] == 0.0
    framing = {r["outlet"]: r for r in await rows("framing_per_1000_words")}
    words = framing["nationpress.test"]["words"]
    assert framing["nationpress.test"]["loaded_language"] == round(1000 / words, 2)
    assert framing["nationpress.test"]["presupposition"] == 0  # only quoted: not counted
    assert framing["wire.test"]["all_framing"] == 0  # annotated, nothing flagged
    conflicts = await rows("conflicting_figures")
    assert conflicts[0]["figure_here"] == "685" and conflicts[0]["figure_there"] == "700"
    no_origin = await rows("claims_without_named_origin")
    # Claim 1 has a named origin on wire.test; the critics' claim is found nowhere else.
    assert [(r["article_id"], r["sentence_number"]) for r in no_origin] == [(1, 3)]
    review = await rows("articles_needing_review")
    assert review[0]["article_id"] == 1 and review[0]["score"] == 3 + 3 + 3


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/newsprov",
        "/empty",
        "/-/dashboards",
        "/-/dashboards/newsprov-overview",
        "/-/dashboards/newsprov-outlet?outlet=wire.test",
    ],
)
async def test_pages_work_on_full_and_empty_databases(ds, empty_ds, path):
    assert (await ds.client.get(path.replace("/empty", "/newsprov"))).status_code == 200
    empty_path = path.replace("/newsprov-", "/newsprov-").replace("/newsprov", "/empty")
    if "dashboards" in path:
        # Dashboards are configured per database name; build them for the empty file too.
        empty = Datasette([empty_ds.databases["empty"].path], metadata=metadata("empty"))
        assert (await empty.client.get(path)).status_code == 200
    else:
        assert (await empty_ds.client.get(empty_path)).status_code == 200


async def test_empty_database_tables_render(empty_ds):
    for table in ("articles", "sentences", "framing", "related", "claims", "claim_matches"):
        r = await empty_ds.client.get(f"/empty/{table}")
        assert r.status_code == 200, table


async def test_dashboard_chart_queries_run(ds):
    conf = metadata("newsprov")["plugins"]["datasette-dashboards"]
    for dash in conf.values():
        for slug, chart in dash["charts"].items():
            if "query" not in chart:
                continue
            sql = re.sub(r"\[\[.*?\]\]", "", chart["query"])
            r = await ds.client.get("/newsprov.json", params={"sql": sql, "_shape": "array"})
            assert r.status_code == 200, (slug, r.text)
            assert r.json(), slug


# -- through the real write layer -----------------------------------------------------------
async def test_reader_on_a_story_saved_by_the_store(tmp_path):
    from db_builders import TEXT as STORE_TEXT
    from db_builders import annotation, extracted, fetched

    from db import store

    path = tmp_path / "stored.db"
    db = open_db(str(path))
    url = "http://nationpress.test/news/story"
    run_id = store.start_run(db, "scrape", {"urls": [url]})
    fetch_id = store.save_fetch(db, fetched(url), run_id)
    article_id = store.save_article(db, extracted(url), fetch_id, url, is_seed=True)
    store.save_annotation(db, article_id, annotation(STORE_TEXT), run_id)
    store.finish_run(db, run_id, "ok", {"inputs": 1})
    db.conn.close()

    ds = make_datasette(path)
    r = await ds.client.get(f"/-/article/{article_id}")
    assert r.status_code == 200
    marks = parse_marks(r.text)
    texts = sorted(marks.text.values())
    # The emoji before every span must not shift a single mark.
    for phrase in ("draconian", "so-called", "regime", "reveal"):
        assert phrase in texts, phrase
    assert "🚨 Officials familiar with the matter said 685 people were killed." in texts
    assert 'href="http://nationpress.test/news/story"' in r.text
    for name in CANNED:
        r = await ds.client.get(f"/stored/{name}.json?_shape=array")
        assert r.status_code == 200, (name, r.text)
    framing = (await ds.client.get("/stored/framing_per_1000_words.json?_shape=array")).json()
    assert framing[0]["outlet"] == "nationpress.test" and framing[0]["presupposition"] > 0


async def test_reader_survives_a_malformed_conflict_cell(ds, db_path):
    db = open_db(str(db_path))
    with db.conn:
        db.conn.execute('UPDATE claim_matches SET conflict = \'{"quantity": "x"}\'')
    db.conn.close()
    r = await ds.client.get("/-/article/1")
    assert r.status_code == 200
    assert "The claim trail could not be read" in r.text  # the rest of the page still shows
    assert parse_marks(r.text).text
    r = await ds.client.get("/newsprov/conflicting_figures.json?_shape=array")
    assert r.status_code == 200
