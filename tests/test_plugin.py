"""The Datasette side: reader page, tables, canned queries, dashboards, CSV renderer and
headers, checked in-process with real SQLite files holding hostile scraped content.

Here: the highlighter, the reader page, the palette and errors. Tables, search, canned
queries and dashboards are in test_plugin_tables.py, CSV in test_plugin_csv.py; the
shared payload check is in plugin_checks.py."""

from __future__ import annotations

import csv
import io
import re

import pytest
from datasette.app import Datasette
from plugin_checks import assert_no_raw_payload
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
