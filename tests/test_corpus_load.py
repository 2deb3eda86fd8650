"""`newsprov corpus load`: a subset of a Parquet corpus into SQLite, then the desk
(Datasette reader page, trace, export) on it."""

from __future__ import annotations

import sqlite3

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from corpus_builders import annotate_in_process, corpus_records, write_warc

from db.plugin.app import make_datasette
from newsprov.cli import main

N = 10


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    records = corpus_records(N)
    # a second crawl meets three of the URLs again, a day earlier: those copies are kept
    early = [(u, b, "2025-01-31T00:00:00Z") for u, b, _d in records[:3]]
    # and a wire service's copy of the NationPress piece, a day later under its own URL
    (nation,) = [r for r in records if "nationpress.test" in r[0]]
    records.append(
        ("http://wirecopy.test/world/concealment.html", nation[1], "2025-02-02T09:00:00Z")
    )
    inputs = [write_warc(tmp / "a.warc.gz", records), write_warc(tmp / "b.warc.gz", early)]
    out = tmp / "out"
    annotate_in_process(inputs, out)
    return out


def _counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
            for t in ("articles", "sentences", "framing", "claims", "links", "sourcing_counts")
        }
    finally:
        conn.close()


def test_corpus_stores_each_url_once_keeping_the_earliest_capture(corpus):
    arts = pq.read_table(corpus / "articles").to_pylist()
    assert len(arts) == N + 1 == len({a["article_key"] for a in arts})
    early = [a for a in arts if a["source"].endswith("b.warc.gz")]
    assert len(early) == 3 and all(a["captured_at"] == "2025-01-31T00:00:00Z" for a in early)
    dups = pq.read_table(corpus / "duplicates").to_pylist()
    assert len(dups) == 3 and all(d["kept_source"].endswith("b.warc.gz") for d in dups)


def test_load_is_idempotent_and_matches_the_parquet_rows(corpus, tmp_path):
    db = tmp_path / "sub.db"
    runner = CliRunner()
    r = runner.invoke(main, ["corpus", "load", str(corpus), "--db", str(db)])
    assert r.exit_code == 0, r.output
    first = _counts(db)
    r = runner.invoke(main, ["corpus", "load", str(corpus), "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert _counts(db) == first
    assert first["articles"] == N + 1
    assert first["sentences"] == pq.read_table(corpus / "sentences").num_rows
    assert first["claims"] == pq.read_table(corpus / "claims").num_rows
    assert first["framing"] == pq.read_table(corpus / "framing").num_rows


def test_load_filters_by_outlet_date_and_limit(corpus, tmp_path):
    runner = CliRunner()
    db = tmp_path / "f.db"
    r = runner.invoke(main, ["corpus", "load", str(corpus), "--db", str(db),
                             "--outlet", "frontierherald.test", "--limit", "1"])  # fmt: skip
    assert r.exit_code == 0, r.output
    conn = sqlite3.connect(db)
    outlets = {row[0] for row in conn.execute("SELECT outlet_id FROM articles")}
    assert outlets == {"frontierherald.test"}
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    r = runner.invoke(main, ["corpus", "load", str(corpus), "--db", str(tmp_path / "g.db"),
                             "--since", "2031-01-01"])  # fmt: skip
    assert r.exit_code == 1 and "no finished article" in r.output
    r = runner.invoke(main, ["corpus", "load", str(corpus), "--db", str(db), "--since", "Feb"])
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output


async def test_loaded_subset_serves_the_reader_page_in_datasette(corpus, tmp_path):
    db = tmp_path / "desk.db"
    r = CliRunner().invoke(main, ["corpus", "load", str(corpus), "--db", str(db), "--limit", "4"])
    assert r.exit_code == 0, r.output
    conn = sqlite3.connect(db)
    aid, title = conn.execute(
        "SELECT article_id, title FROM articles ORDER BY article_id"
    ).fetchone()
    sentence = conn.execute(
        "SELECT text FROM sentences WHERE article_id = ? AND sourcing IS NOT NULL", (aid,)
    ).fetchone()[0]
    conn.close()
    ds = make_datasette(db)
    page = await ds.client.get(f"/-/article/{aid}")
    assert page.status_code == 200
    assert title.split("'")[0][:20] in page.text
    assert sentence.split("'")[0][:30] in page.text
    rows = (await ds.client.get("/desk/sentences.json?_shape=array&sourcing__notblank=1")).json()
    assert isinstance(rows, list) and rows


def test_load_without_a_corpus_says_what_to_do(tmp_path):
    r = CliRunner().invoke(main, ["corpus", "load", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 1 and "corpus annotate" in r.output


@pytest.fixture(scope="module")
def storied(corpus):
    r = CliRunner().invoke(main, ["corpus", "stories", str(corpus), "--workers", "1"])
    assert r.exit_code == 0, r.output
    return corpus


def test_stories_groups_syndicated_copies_and_keeps_other_stories_apart(storied):
    arts = {a["article_key"]: a for a in pq.read_table(storied / "articles").to_pylist()}
    stories = {s["article_key"]: s for s in pq.read_table(storied / "stories").to_pylist()}
    assert set(stories) == set(arts)

    def story_of(part: str) -> set[str]:
        return {stories[k]["story_key"] for k, a in arts.items() if part in a["url"]}

    # the wire copy of the NationPress piece is the same text under another outlet
    assert story_of("wirecopy.test") == story_of("nationpress.test/news")
    (wire,) = [k for k, a in arts.items() if "wirecopy.test" in a["url"]]
    assert arts[stories[wire]["copy_of"]]["url"].startswith("http://nationpress.test/")
    assert story_of("textile-exports") & story_of("nationpress.test/news") == set()
    for s in stories.values():
        if s["copy_of"]:
            assert s["similarity"] >= 0.8
            assert stories[s["copy_of"]]["copy_of"] is None  # points at the group's first


def test_stories_claim_matches_compare_across_stories_only_within_blocks(storied):
    stories = {
        s["article_key"]: s["story_key"] for s in pq.read_table(storied / "stories").to_pylist()
    }
    matches = pq.read_table(storied / "claim_matches").to_pylist()
    assert any(m["method"] == "same_figure" for m in matches)
    pairs = [
        (m["article_key"], m["sentence_idx"], m["other_article_key"], m["other_sentence_idx"])
        for m in matches
    ]
    assert len(pairs) == len(set(pairs))
    for m in matches:
        assert stories[m["article_key"]] != stories[m["other_article_key"]]
        value, noun, _week = m["block"].split("|")
        assert noun and value


def test_loaded_stories_give_trace_a_same_story_cluster(storied, tmp_path):
    db = tmp_path / "t.db"
    runner = CliRunner()
    r = runner.invoke(main, ["corpus", "load", str(storied), "--db", str(db)])
    assert r.exit_code == 0, r.output
    conn = sqlite3.connect(db)
    (aid,) = conn.execute(
        "SELECT article_id FROM articles WHERE url LIKE '%nationpress.test/news%'"
    ).fetchone()
    assert conn.execute("SELECT count(*) FROM related WHERE same_story = 1").fetchone()[0] > 0
    conn.close()
    r = runner.invoke(main, ["trace", str(aid), "--db", str(db), "--json"])
    assert r.exit_code == 0, r.output
    import json

    items = json.loads(r.output)
    # the wire copy states the seed's claims: the trail finds them there
    assert any(i["matches"] or i["copies"] for i in items), items[:2]
