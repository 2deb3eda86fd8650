"""Corpus mode tiers an opinion page as `scrape` does (rule sourcing.tier.opinion_page): the
same column under an /opinion/ URL and under a news URL, annotated by the corpus partition
worker; the writer's cause is routine only where the page says it is opinion. Page written
for this test."""

from __future__ import annotations

import pyarrow.parquet as pq
from corpus_builders import annotate_in_process, write_warc

COLUMN = (
    b"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>The tram folly</title>"
    b"<meta property='og:site_name' content='Ardley Courier'></head><body><article>"
    b"<h1>The tram folly</h1><p>By Ana Ruiz</p>"
    b"<p>The mayor's obsession with ribbon-cutting caused the overspend on the Ardley line.</p>"
    b"<p>The scheme has raised fares for 40 percent of Ardley households.</p>"
    b"<p>Ardley deserves a council that listens before it spends its money.</p>"
    b"<p>The trams were meant to run every six minutes along the river.</p>"
    b"</article></body></html>"
)


def test_the_corpus_worker_tiers_an_opinion_url_like_scrape(tmp_path) -> None:
    records = [
        ("http://courier.test/opinion/tram-folly.html", COLUMN, "2025-02-01T00:00:00Z"),
        ("http://courier.test/news/tram-folly.html", COLUMN, "2025-02-01T00:00:00Z"),
    ]
    out = tmp_path / "out"
    annotate_in_process([write_warc(tmp_path / "a.warc.gz", records)], out)
    keys = {a["url"]: a["article_key"] for a in pq.read_table(out / "articles").to_pylist()}
    rows = pq.read_table(out / "sentences").to_pylist()

    def tier(url: str, starts: str) -> tuple[str | None, str]:
        (row,) = [r for r in rows if r["article_key"] == keys[url] and r["text"].startswith(starts)]
        return row["tier"], row["reason"] or ""

    got, why = tier("http://courier.test/opinion/tram-folly.html", "The mayor's")
    assert got == "routine" and "page marked opinion (URL path '/opinion/')" in why, why
    assert tier("http://courier.test/opinion/tram-folly.html", "The scheme")[0] == "query"
    # as news, the judgement names no source and waits for its kind alone (round 17)
    news, why = tier("http://courier.test/news/tram-folly.html", "The mayor's")
    assert news == "routine" and why.endswith("(sourcing.tier.kind_only)"), why


def test_corpus_keeps_why_the_page_is_opinion_through_parquet_and_load(tmp_path) -> None:
    """The reason the page gave ("URL path '/opinion/'") is evidence: it is in the Parquet
    articles table and reaches articles.opinion after `corpus load`, as after `scrape`, so the
    reader page can say why the writer's views are routine. A news URL stays null."""
    import sqlite3

    from click.testing import CliRunner

    from newsprov.cli import main

    records = [
        ("http://courier.test/opinion/tram-folly.html", COLUMN, "2025-02-01T00:00:00Z"),
        ("http://courier.test/news/tram-folly.html", COLUMN, "2025-02-01T00:00:00Z"),
    ]
    out = tmp_path / "out"
    annotate_in_process([write_warc(tmp_path / "a.warc.gz", records)], out)
    stored = {a["url"]: a["opinion"] for a in pq.read_table(out / "articles").to_pylist()}
    assert "/opinion/" in (stored["http://courier.test/opinion/tram-folly.html"] or "")
    assert stored["http://courier.test/news/tram-folly.html"] is None
    db = tmp_path / "sub.db"
    r = CliRunner().invoke(main, ["corpus", "load", str(out), "--db", str(db)])
    assert r.exit_code == 0, r.output
    conn = sqlite3.connect(db)
    try:
        rows = dict(conn.execute("SELECT url, opinion FROM articles").fetchall())
    finally:
        conn.close()
    assert "/opinion/" in (rows["http://courier.test/opinion/tram-folly.html"] or "")
    assert rows["http://courier.test/news/tram-folly.html"] is None


def test_a_corpus_written_before_the_opinion_column_still_loads(tmp_path) -> None:
    """Parquet written by an older version has no `opinion` column: reading it with the
    current schema gives null, not an error (pyarrow fills missing schema fields)."""
    import pyarrow as pa

    from db.parquet import SCHEMAS

    old = pa.schema([f for f in SCHEMAS["articles"] if f.name != "opinion"])
    path = tmp_path / "part-0.parquet"
    pq.write_table(pa.Table.from_pylist([{"article_key": "k", "url": "u"}], schema=old), path)
    (row,) = pq.read_table(path, schema=SCHEMAS["articles"]).to_pylist()
    assert row["article_key"] == "k" and row["opinion"] is None
