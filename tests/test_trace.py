"""The claim provenance trail, end to end on the fictional web: scrape the seed with its
related coverage, then ask where its figures came from."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotate.trace import match_claim, match_claims, units_compatible, units_related
from db.related_list import related_list
from db.schema import open_db
from db.trace import build_claim_matches, needs_matching, story_cluster
from db.trail import trail
from newsprov.cli import main
from newsprov.cli_related import related_command, trace_command
from newsprov.pipeline import Pipeline, ScrapeOptions
from scraper.fetch import FetchConfig, Fetcher

SEED = "http://nationpress.test/news/2025/02/26/post-balakot-pakistan-concealment.html"
MERIDIAN = "http://dailymeridian.test/national/2025/02/25/702-security-personnel-killed-2024.html"
HERALD = (
    "http://frontierherald.test/pakistan/2025/02/27/security-forces-deadliest-year-iccs-report.html"
)
TEXTILES = "http://frontierherald.test/business/2025/02/26/textile-exports-rise-january.html"
COASTAL = "http://coastaltimes.test/wire/2025/02/26/post-balakot-pakistan-concealment-soldier-casualties.html"
ICCS = "http://iccs.test/reports/2025/01/annual-security-report-2024.html"
BORDER = "http://borderpost.test/news/2025/02/27/unreported-attacks-officials-say.html"


@pytest.fixture(scope="module")
def traced(site, tmp_path_factory):
    """One scrape of the seed with discovery from links, sitemaps, feeds and GDELT."""
    path = str(tmp_path_factory.mktemp("trace") / "t.db")
    db = open_db(path)
    config = FetchConfig(
        allow_hosts=(site.allow,), connect_to={"*.test": f"127.0.0.1:{site.port}"}, min_delay=0.05
    )
    options = ScrapeOptions(
        gdelt_base="http://gdeltapi.test/results.json",
        feeds=("http://frontierherald.test/feed.xml",),
        extra={"gdelt_min_interval": 0},
    )
    with Fetcher(config) as fetcher:
        results = Pipeline(db, fetcher).scrape([SEED], options)
    assert results[0].status == "ok", results[0].error
    return db, path, results[0].article_id


def _by_url(rows: list[dict]) -> dict[str, dict]:
    return {r["url"]: r for r in rows}


def test_related_list_marks_same_story_unrelated_and_syndicated(traced):
    db, _path, seed_id = traced
    rows = _by_url(related_list(db, seed_id))
    assert rows[MERIDIAN]["same_story"] is True and rows[HERALD]["same_story"] is True
    assert rows[TEXTILES]["same_story"] is False  # shares the feed, not the story
    assert rows[COASTAL]["syndicated_of"] == SEED  # the wire copy points at the original
    assert "personnel" in rows[MERIDIAN]["evidence"]["quantities"]  # why: both count the dead
    assert rows[TEXTILES]["score"] < rows[MERIDIAN]["score"]


def test_related_discovers_the_origin_report_through_the_outlet_naming_it(traced):
    db, _path, seed_id = traced
    rows = _by_url(related_list(db, seed_id))
    assert ICCS in rows and rows[ICCS]["same_story"] is True


def _sentence(db, seed_id: int, start: str) -> dict:
    return next(t for t in trail(db, seed_id) if t["sentence"].startswith(start))


def test_trail_earliest_named_source_of_the_685_figure_is_the_think_tank_report(traced):
    db, _path, seed_id = traced
    item = _sentence(db, seed_id, "Investigations indicate that 685")
    assert item["sourcing"] == "vague_document"
    assert any(f["value"] == 685 and f["unit"] == "security personnel" for f in item["figures"])
    urls = [m["url"] for m in item["matches"]]
    assert HERALD in urls
    # ICCS, the Frontier Herald and the Border Post; the Coastal Times copy does not count:
    # it is listed with this article's own text, not as a match.
    assert COASTAL not in urls and item["independent_outlets"] == 3
    assert COASTAL in [c["url"] for c in item["copies"]]
    origin = item["earliest_named_source"]
    assert (
        origin is not None
        and origin["url"] == ICCS
        and origin["published"].startswith("2025-01-04")
    )
    assert "Conflict Studies" in origin["source"] or "ICCS" in origin["source"]


def test_trail_conflicts_show_the_different_death_toll(traced):
    db, _path, seed_id = traced
    item = _sentence(db, seed_id, "Investigations indicate that 685")
    conflicts = [c for c in item["conflicts"] if c["url"] == MERIDIAN]
    assert conflicts and conflicts[0]["ours"] == "685" and conflicts[0]["theirs"] == "702"


def test_trail_does_not_count_the_syndicated_copy_as_a_named_origin(traced):
    db, _path, seed_id = traced
    for item in trail(db, seed_id):
        origin = item["earliest_named_source"]
        assert origin is None or origin["url"] != COASTAL


def test_cli_related_and_trace_json_shapes(traced):
    _db, path, _seed_id = traced
    runner = CliRunner()
    out = runner.invoke(related_command, [SEED, "--db", path, "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert set(rows[0]) >= {
        "url",
        "outlet",
        "published",
        "same_story",
        "score",
        "syndicated_of",
        "method",
        "evidence",
    }
    out = runner.invoke(trace_command, [SEED, "--db", path, "--json"])
    assert out.exit_code == 0, out.output
    items = json.loads(out.output)
    assert set(items[0]) >= {
        "sentence",
        "sourcing",
        "figures",
        "matches",
        "earliest_named_source",
        "conflicts",
    }
    text = runner.invoke(trace_command, [SEED, "--db", path])
    assert text.exit_code == 0 and "685" in text.output and "iccs.test" in text.output


def test_cli_trace_unknown_article_is_a_one_line_error(traced):
    _db, path, _seed_id = traced
    out = CliRunner().invoke(trace_command, ["http://nowhere.test/x.html", "--db", path])
    assert (
        out.exit_code != 0
        and "newsprov scrape" in out.output
        and len(out.output.strip().splitlines()) == 1
    )


def test_match_claim_same_figure_and_conflict_on_plain_data():
    ours = {"statement": "685 security personnel lose life 2024 444 terror attack",
            "figures": [{"text": "685", "value": 685.0, "unit": "security personnel"},
                        {"text": "444", "value": 444.0, "unit": "terror attacks"}]}  # fmt: skip
    theirs = {"statement": "institute count 702 security personnel kill 2024 444 attack",
              "figures": [{"text": "702", "value": 702.0, "unit": "soldiers"},
                          {"text": "444", "value": 444.0, "unit": "attacks"}]}  # fmt: skip
    m = match_claim(ours, theirs)
    assert m is not None and m.method == "same_figure" and m.shared_figures == ["444"]
    assert m.conflict == [{"quantity": "security personnel", "ours": "685", "theirs": "702"}]


def test_match_claim_different_years_are_different_quantities():
    ours = {
        "statement": "685 security personnel kill 2024",
        "figures": [{"text": "685", "value": 685.0, "unit": "personnel"}],
    }
    theirs = {
        "statement": "500 security personnel kill 2023",
        "figures": [{"text": "500", "value": 500.0, "unit": "personnel"}],
    }
    assert match_claim(ours, theirs) is None


def test_units_compatible_by_head_noun_and_modifiers():
    assert units_compatible("security personnel", "soldiers")
    assert units_compatible("terror attacks", "attacks")
    assert not units_compatible("terror attacks", "drone attacks")
    assert not units_compatible("ratio", "%")


def test_rescrape_adds_no_duplicate_related_rows_or_claim_matches(traced, site):
    db, _path, seed_id = traced
    before = {t: db[t].count for t in ("articles", "related", "claim_matches")}
    config = FetchConfig(
        allow_hosts=(site.allow,), connect_to={"*.test": f"127.0.0.1:{site.port}"}, min_delay=0.05
    )
    options = ScrapeOptions(gdelt_base="http://gdeltapi.test/results.json", extra={"gdelt_min_interval": 0},
                            feeds=("http://frontierherald.test/feed.xml",))  # fmt: skip
    with Fetcher(config) as fetcher:
        Pipeline(db, fetcher).scrape([SEED], options)
    assert {t: db[t].count for t in before} == before
    assert trail(db, seed_id)  # and the trail is still there


def test_gdelt_unreachable_prints_one_notice_and_scrape_still_succeeds(site, tmp_path, capfd):
    db = open_db(str(tmp_path / "n.db"))
    config = FetchConfig(
        allow_hosts=(site.allow,), connect_to={"*.test": f"127.0.0.1:{site.port}"}, min_delay=0.05
    )
    options = ScrapeOptions(gdelt_base="http://10.255.255.1/api/v2/doc/doc", max_related=3)
    with Fetcher(config) as fetcher:
        results = Pipeline(db, fetcher).scrape([SEED], options)
    assert results[0].status == "ok"
    err = capfd.readouterr().err
    assert err.count("GDELT off") == 1 and "--no-gdelt" in err
    assert options.gdelt is False and db["related"].count == 3  # the cap holds


def test_related_asked_about_a_copy_shows_the_original(traced):
    db, _path, _seed_id = traced
    copy_id = db.execute("SELECT article_id FROM articles WHERE url = ?", (COASTAL,)).fetchone()[0]
    rows = _by_url(related_list(db, copy_id))
    assert rows[SEED]["syndicated_of"] == SEED


def test_trace_after_reannotation_rebuilds_the_lost_matches(traced):
    db, path, seed_id = traced
    from annotate.annotator import Annotator
    from db import store

    text = db.execute("SELECT text FROM articles WHERE article_id = ?", (seed_id,)).fetchone()[0]
    run_id = store.start_run(db, "annotate", {})
    store.save_annotation(db, seed_id, Annotator().annotate(text), run_id)  # claims replaced
    mine = (
        "SELECT count(*) FROM claim_matches m JOIN claims c USING (claim_id) WHERE c.article_id = ?"
    )
    assert db.execute(mine, (seed_id,)).fetchone()[0] == 0
    out = CliRunner().invoke(trace_command, [str(seed_id), "--db", path, "--json"])
    assert out.exit_code == 0, out.output
    assert db.execute(mine, (seed_id,)).fetchone()[0] > 0
    item = next(
        i
        for i in json.loads(out.output)
        if i["sentence"].startswith("Investigations indicate that 685")
    )
    assert item["earliest_named_source"]["url"] == ICCS


# --- Any member of the story, not only the seed (same-story clusters) ---------------------


def _id(db, url: str) -> int:
    return db.execute("SELECT article_id FROM articles WHERE url = ?", (url,)).fetchone()[0]


def test_story_cluster_is_the_same_story_articles_only(traced):
    db, _path, seed_id = traced
    cluster = story_cluster(db, _id(db, BORDER))
    assert cluster == story_cluster(db, seed_id)  # the same story, whichever member asks
    assert {_id(db, u) for u in (SEED, MERIDIAN, HERALD, COASTAL, ICCS, BORDER)} <= set(cluster)
    assert _id(db, TEXTILES) not in cluster  # same feed, other story


def test_trail_from_a_related_article_compares_with_every_other_member(traced):
    db, _path, _seed_id = traced
    border = _id(db, BORDER)
    item = _sentence(db, border, "At least 264 attacks")
    urls = {m["url"] for m in item["matches"]}
    # "264 incidents" elsewhere: an attack is an incident, the same figure.
    assert {SEED, ICCS, HERALD} <= urls
    assert item["earliest_named_source"]["url"] == ICCS
    item = _sentence(db, border, "According to two officials")
    assert item["earliest_named_source"]["url"] == ICCS
    assert MERIDIAN not in {m["url"] for m in item["matches"]}  # different figures: a conflict
    assert any(c["url"] == MERIDIAN and c["theirs"] == "702" for c in item["conflicts"])


def test_related_from_a_related_article_lists_the_whole_story(traced):
    db, _path, seed_id = traced
    rows = _by_url(related_list(db, _id(db, BORDER)))
    assert {SEED, ICCS, HERALD, MERIDIAN, COASTAL} <= set(rows)
    assert rows[ICCS]["same_story"] is True and rows[ICCS]["via"] == SEED
    assert rows[SEED]["via"] is None  # found for the seed: a direct pair
    assert rows[COASTAL]["syndicated_of"] == SEED
    assert BORDER not in rows


def test_trail_from_the_origin_report_shows_itself_as_the_origin(traced):
    db, path, _seed_id = traced
    iccs = _id(db, ICCS)
    item = _sentence(db, iccs, "Islamabad, January 4, 2025")
    # The centre's own release names itself as the source: it is the origin, first to name it.
    origin = item["earliest_named_source"]
    assert origin["url"] == ICCS and "Conflict Studies" in origin["source"]
    assert item["sourcing"] == "named_source"
    out = CliRunner().invoke(trace_command, [str(iccs), "--db", path])
    assert "this article is the first to name it" in out.output


def test_syndicated_copy_is_grouped_not_counted_nor_a_missing_origin(traced):
    db, _path, seed_id = traced
    for item in trail(db, seed_id):
        assert all(not m["syndicated"] for m in item["matches"])
        assert COASTAL not in {m["url"] for m in item["matches"]}
    # A sentence only the copy repeats: no match at all (so no "no named origin" line).
    item = _sentence(db, seed_id, "Currently, Pakistan is grappling")
    assert item["matches"] == [] and [c["url"] for c in item["copies"]] == [COASTAL]
    assert item["earliest_named_source"] is None
    # Asked about the copy: the original is the same text, and names DGISPR first.
    copy_id = _id(db, COASTAL)
    item = _sentence(db, copy_id, "A report from the Director General")
    assert item["matches"] == [] and item["copies"][0]["url"] == SEED
    assert item["copies"][0]["original"] is True
    assert item["earliest_named_source"]["url"] == SEED
    # Seen from elsewhere, the copy is grouped under its original.
    item = _sentence(db, _id(db, ICCS), "ICCS researchers documented 264")
    seed_match = next(m for m in item["matches"] if m["url"] == SEED)
    assert [c["url"] for c in seed_match["copies"]] == [COASTAL]
    assert COASTAL not in {m["url"] for m in item["matches"]}


def test_claim_matches_are_stored_both_ways_exactly_once(traced):
    db, _path, _seed_id = traced
    one_way = db.execute(
        "SELECT count(*) FROM claim_matches m WHERE NOT EXISTS (SELECT 1 FROM claim_matches r"
        " WHERE r.claim_id = m.other_claim_id AND r.other_claim_id = m.claim_id)"
    ).fetchone()[0]
    assert one_way == 0 and db["claim_matches"].count > 0


def test_trace_of_any_member_writes_nothing_new(traced):
    db, path, _seed_id = traced
    before = _fingerprint(db)
    for url in (SEED, MERIDIAN, HERALD, COASTAL, ICCS, BORDER, TEXTILES):
        out = CliRunner().invoke(trace_command, [url, "--db", path, "--json"])
        assert out.exit_code == 0, out.output
    assert _fingerprint(db) == before


def test_trace_rebuilds_one_way_matches_of_an_old_database(traced):
    db, _path, seed_id = traced
    border = _id(db, BORDER)
    before = _fingerprint(db)
    # As the old code stored them: only the seed's side.
    db.conn.execute(
        "DELETE FROM claim_matches WHERE claim_id IN (SELECT claim_id FROM claims WHERE article_id = ?)",
        (border,),
    )
    db.conn.commit()
    assert needs_matching(db, border)
    build_claim_matches(db, border, match_claims)
    assert not needs_matching(db, border) and _fingerprint(db) == before


def _fingerprint(db) -> list[tuple]:
    """claim_matches by content (claim ids change when articles are re-annotated)."""
    return db.execute(
        "SELECT a.url, s.idx, oa.url, os.idx, m.method, m.score, m.shared_figures, m.conflict"
        " FROM claim_matches m JOIN claims c ON c.claim_id = m.claim_id"
        " JOIN sentences s ON s.sentence_id = c.sentence_id"
        " JOIN articles a ON a.article_id = c.article_id"
        " JOIN claims oc ON oc.claim_id = m.other_claim_id"
        " JOIN sentences os ON os.sentence_id = oc.sentence_id"
        " JOIN articles oa ON oa.article_id = oc.article_id"
        " ORDER BY 1, 2, 3, 4"
    ).fetchall()


def test_trail_tables_are_the_same_after_demo_annotate_all_and_demo_again(tmp_path):
    path = str(tmp_path / "demo.db")
    runner = CliRunner()

    def counts_and_rows():
        db = open_db(path)
        try:
            counts = {
                "claim_matches": db["claim_matches"].count,
                "conflicts": db.execute(
                    "SELECT count(*) FROM claim_matches WHERE conflict IS NOT NULL"
                ).fetchone()[0],
                "related": db["related"].count,
            }
            return counts, _fingerprint(db)
        finally:
            db.close()

    assert runner.invoke(main, ["demo", "--db", path, "--no-serve", "-q"]).exit_code == 0
    first = counts_and_rows()
    assert first[0]["claim_matches"] > 0
    out = runner.invoke(main, ["annotate", "--all", "--db", path])
    assert out.exit_code == 0, out.output
    assert counts_and_rows() == first
    out = runner.invoke(main, ["annotate", "3", "--db", path])  # one article, its cluster
    assert out.exit_code == 0, out.output
    assert counts_and_rows() == first
    assert runner.invoke(main, ["demo", "--db", path, "--no-serve", "-q"]).exit_code == 0
    assert counts_and_rows() == first


# --- Conflicts: whom the other outlet names, and no subtotal against a total ---------------


def test_cli_conflict_line_names_the_other_outlets_source(traced):
    _db, path, _seed_id = traced
    out = CliRunner().invoke(trace_command, [SEED, "--db", path])
    assert out.exit_code == 0, out.output
    assert "The Daily Meridian says 702 (Karakoram Policy Institute)" in out.output


def test_no_conflict_between_a_subtotal_and_another_outlets_total(traced):
    db, _path, seed_id = traced
    # 909 terror attacks (against 257 operations) is not the year's count of attacks.
    item = _sentence(db, seed_id, "The number of terror attacks targeting")
    assert not [c for c in item["conflicts"] if c["ours"] == "909"]
    meridian = _id(db, MERIDIAN)
    for item in trail(db, meridian):
        assert not [c for c in item["conflicts"] if c["theirs"] == "909"]
    # The year's counts still conflict: 685 personnel in 444 attacks vs 702 in 471.
    item = _sentence(db, seed_id, "Investigations indicate that 685")
    assert {(c["ours"], c["theirs"]) for c in item["conflicts"] if c["url"] == MERIDIAN} == {
        ("685", "702"),
        ("444", "471"),
    }


def test_cli_trace_unknown_number_is_a_one_line_error_without_scrape_advice(traced):
    _db, path, _seed_id = traced
    out = CliRunner().invoke(trace_command, ["999", "--db", path])
    lines = out.output.strip().splitlines()
    assert out.exit_code != 0 and len(lines) == 1
    assert "no article 999" in lines[0] and "scrape 999" not in lines[0]
    out = CliRunner().invoke(related_command, ["999", "--db", path])
    assert out.exit_code != 0 and "no article 999" in out.output


def _fig(text, value, unit):
    return {"text": text, "value": value, "unit": unit}


def test_match_claims_subtotal_is_not_compared_with_a_total():
    seed = [
        {"statement": "685 security personnel 444 terror attack 2024",
         "figures": [_fig("685", 685.0, "security personnel"), _fig("444", 444.0, "terror attacks")]},
        {"statement": "909 terror attack compare 257 operation",
         "figures": [_fig("909", 909.0, "terror attacks"), _fig("257", 257.0, "operations")]},
    ]  # fmt: skip
    other = [
        {"statement": "702 security personnel kill 471 attack 2024",
         "figures": [_fig("702", 702.0, "security personnel"), _fig("471", 471.0, "attacks")]},
        {"statement": "institute count 471 attack security force civilian year",
         "figures": [_fig("471", 471.0, "attacks")]},
    ]  # fmt: skip
    pairs = {(c["ours"], c["theirs"]) for m in match_claims(seed, other) for c in m.conflict or []}
    assert pairs == {("685", "702"), ("444", "471")}


def test_match_claims_mirror_is_the_other_direction():
    ours = [{"statement": "685 security personnel 2024", "figures": [_fig("685", 685.0, "security personnel")]}]  # fmt: skip
    theirs = [{"statement": "702 soldier kill 2024", "figures": [_fig("702", 702.0, "soldiers")]}]
    (m,) = match_claims(ours, theirs)
    back = m.mirrored()
    assert back.conflict == [{"quantity": "soldiers", "ours": "702", "theirs": "685"}]
    assert (back.our_index, back.their_index) == (m.their_index, m.our_index)


def test_match_claim_broader_count_is_the_same_figure_not_a_conflict():
    attacks = {"statement": "264 attack security force public", "figures": [_fig("264", 264.0, "attacks")]}  # fmt: skip
    incidents = {"statement": "264 incident go unreported official", "figures": [_fig("264", 264.0, "incidents")]}  # fmt: skip
    m = match_claim(attacks, incidents)
    assert m is not None and m.method == "same_figure" and not m.conflict
    assert units_related("attacks", "incidents") and not units_compatible("attacks", "incidents")
    other = {"statement": "300 incident go unreported official", "figures": [_fig("300", 300.0, "incidents")]}  # fmt: skip
    assert match_claim(attacks, other) is None


def test_match_claim_alike_words_with_other_figures_are_a_conflict_not_a_match():
    ours = {"statement": "685 security personnel kill 444 terror attack year balochistan",
            "figures": [_fig("685", 685.0, "security personnel"), _fig("444", 444.0, "terror attacks")]}  # fmt: skip
    theirs = {"statement": "security review 702 security personnel kill 471 attack",
              "figures": [_fig("702", 702.0, "security personnel"), _fig("471", 471.0, "attacks")]}  # fmt: skip
    m = match_claim(ours, theirs)
    assert m is not None and m.method == "same_quantity" and len(m.conflict) == 2


def test_a_dateline_year_does_not_make_a_different_quantity():
    from annotate.trace import match_claims

    release = {
        "statement": "islamabad january 4 2025 centre release 685 security personnel kill year",
        "figures": [{"text": "685", "value": 685.0, "unit": "security personnel"}],
    }
    story = {
        "statement": "685 security personnel lose life 2024",
        "figures": [{"text": "685", "value": 685.0, "unit": "security personnel"}],
    }
    assert match_claims([story], [release])


def test_copies_stored_once_give_the_same_trails_as_every_pair(traced):
    """The coastal wire copy repeats the seed's claims: they are stored once, as a group
    (claim_copies), and every article's trail is what storing every pair gives."""
    from annotate.copies import match_story
    from db.trace import rebuild_matches

    db, _path, seed_id = traced
    ids = story_cluster(db, seed_id)
    assert db["claim_copies"].count > 0, "the fixture's wire copy must form copy groups"
    grouped_rows = db["claim_matches"].count
    grouped = {a: trail(db, a) for a in ids}
    try:
        rebuild_matches(db, [seed_id], match_claims)
        db.conn.execute("DELETE FROM claim_copies")
        db.conn.commit()
        assert db["claim_matches"].count >= grouped_rows  # two copies: a star is every pair
        assert {a: trail(db, a) for a in ids} == grouped
    finally:
        rebuild_matches(db, [seed_id], match_claims, story_fn=match_story)
    assert db["claim_matches"].count == grouped_rows
