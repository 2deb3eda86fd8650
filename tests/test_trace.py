"""The claim provenance trail, end to end on the fictional web: scrape the seed with its
related coverage, then ask where its figures came from."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotate.trace import match_claim, units_compatible
from db.schema import open_db
from db.trace import related_list, trail
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
    # ICCS, the Frontier Herald and the Border Post; the Coastal Times copy does not count.
    assert COASTAL in urls and item["independent_outlets"] == 3
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
