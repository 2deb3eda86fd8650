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
    assert len(arts) == N == len({a["article_key"] for a in arts})
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
    assert first["articles"] == N
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
