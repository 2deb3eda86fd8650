"""`newsprov recheck` and `newsprov versions` against the local test server, whose page is
edited between fetches: versions, sentence diffs with sourcing labels, and 304s that store
nothing new."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from db import versions
from db.schema import open_db
from newsprov.cli import main
from newsprov.recheck import parse_duration, select_articles

HEAD = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Port plan cost rises</title>
<meta property="og:site_name" content="Harbour Herald">
<meta property="article:published_time" content="2026-03-02T08:00:00Z">
</head><body><article><h1>Port plan cost rises</h1>
<p class="byline">By Ana Ruiz</p>
"""
TAIL = "</article></body></html>"

FIRST = [
    "Finance Minister Olivia Grant told parliament on Tuesday that the new container port "
    "at Kestrel Bay would cost 240 million dollars.",
    "The port authority said in its annual report that the project would add 3,000 jobs "
    "over the next decade.",
    "Construction is due to begin in the spring, once the dredging contract has been signed "
    "and the environmental permits are in place.",
    "The harbour has been used by fishing boats since the nineteenth century, and several "
    "families still run boats from the old quay.",
    "Local councillors will discuss the timetable at a public meeting on Thursday evening "
    "in the town hall.",
]
SECOND = [
    "The new container port at Kestrel Bay will cost 310 million dollars, officials familiar "
    "with the plan said on Tuesday.",
    # the port authority's jobs sentence is gone
    "Construction is due to begin in the spring, once the dredging contract has been signed "
    "and the environmental permits are in place.",
    "The harbour has been used by fishing boats since the nineteenth century, and several "
    "families still run boats from the old quay.",
    "Critics say the project will ruin the bay for the fishing families.",
    "Local councillors will discuss the timetable at a public meeting on Thursday evening "
    "in the town hall.",
]


def page(sentences: list[str]) -> str:
    return HEAD + "".join(f"<p>{s}</p>\n" for s in sentences) + TAIL


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def article(site, tmp_path):
    """An article scraped from the test server, served with an ETag; returns (db path,
    path on the server, fetch options)."""
    path = f"/news/port-{tmp_path.name}"
    site.set_page(path, page(FIRST), etag='"v1"', last_modified="Mon, 02 Mar 2026 08:00:00 GMT")
    db_path = str(tmp_path / "desk.db")
    opts = ["--db", db_path, "--allow-host", site.allow, "--delay", "0.05"]
    result = run("scrape", site.url(path), "--no-related", "--no-gdelt", *opts)
    assert result.exit_code == 0, result.output
    return db_path, path, opts


def counts(db_path: str) -> dict[str, int]:
    db = open_db(db_path)
    try:
        return {
            t: db[t].count
            for t in ("fetches", "article_versions", "version_changes", "sentences", "runs")
        }
    finally:
        db.close()


def test_recheck_not_modified_stores_nothing_new(site, article):
    db_path, path, opts = article
    before = counts(db_path)
    result = run("recheck", "1", "--json", *opts)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "article_id": 1,
        "changed": False,
        "version": 1,
        "error": None,
    }
    assert counts(db_path) == before
    # The request was conditional, with the validators stored from the first fetch.
    last = site.log(path=path)[-1]
    assert last.headers.get("if-none-match") == '"v1"'
    assert last.headers.get("if-modified-since") == "Mon, 02 Mar 2026 08:00:00 GMT"


def test_recheck_edit_records_version_and_sourcing_diff(site, article):
    db_path, path, opts = article
    site.set_page(path, page(SECOND), etag='"v2"')
    result = run("recheck", "--all", "--json", *opts)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "article_id": 1,
        "changed": True,
        "version": 2,
        "error": None,
    }
    db = open_db(db_path)
    rows = list(db.query("SELECT * FROM article_versions ORDER BY version"))
    assert [r["version"] for r in rows] == [1, 2]
    assert rows[0]["text_sha256"] == versions.text_hash(rows[0]["text"])
    assert "240 million" in rows[0]["text"] and "310 million" in rows[1]["text"]
    assert rows[1]["fetch_id"] != rows[0]["fetch_id"]
    # The article itself now holds the new text, annotated.
    art = db.execute("SELECT text, annotated_run_id FROM articles").fetchone()
    assert "310 million" in art[0] and art[1] is not None
    changes = list(db.query("SELECT * FROM version_changes ORDER BY position"))
    by_kind = {c["kind"]: [] for c in changes}
    for c in changes:
        by_kind[c["kind"]].append(c)
    cost = next(c for c in changes if c["old_text"] and "240 million" in c["old_text"])
    assert cost["kind"] == "changed" and "310 million" in cost["new_text"]
    assert cost["sourcing_before"] == "named_source"
    assert cost["sourcing_after"] == "anonymous_source"
    assert "named_to_anonymous" in cost["telling"] and "figure_changed" in cost["telling"]
    jobs = next(c for c in changes if c["old_text"] and "3,000 jobs" in c["old_text"])
    assert jobs["kind"] == "removed" and jobs["new_text"] is None
    assert jobs["sourcing_before"] == "named_source"
    assert "source_removed" in jobs["telling"]
    critics = next(c for c in changes if c["new_text"] and c["new_text"].startswith("Critics"))
    assert critics["kind"] == "added" and critics["sourcing_after"] == "weasel"
    # Unchanged sentences are not in the diff.
    assert not any(c["old_text"] and "nineteenth century" in c["old_text"] for c in changes)
    db.close()

    # A second recheck answered 304 stores nothing new.
    before = counts(db_path)
    result = run("recheck", "1", "--json", *opts)
    assert json.loads(result.output)["changed"] is False
    assert json.loads(result.output)["version"] == 2
    assert counts(db_path) == before

    listing = run("versions", "1", "--db", db_path)
    assert listing.exit_code == 0, listing.output
    assert "2 versions" in listing.output
    assert "[named source -> anonymous source]" in listing.output
    assert "named source made anonymous" in listing.output
    as_json = json.loads(run("versions", "1", "--json", "--db", db_path).output)
    assert [v["version"] for v in as_json["versions"]] == [1, 2]
    assert as_json["versions"][1]["changes"]


def test_recheck_without_validators_compares_bytes(site, article):
    # A server that ignores conditional requests sends the same bytes: nothing new stored.
    db_path, path, opts = article
    site.set_page(path, page(FIRST))  # no ETag, no Last-Modified now
    before = counts(db_path)
    result = run("recheck", "1", "--json", *opts)
    assert json.loads(result.output)["changed"] is False
    assert counts(db_path) == before


def test_recheck_batch_carries_on_past_errors(site, article, tmp_path):
    db_path, path, opts = article
    site.set_page(path, page(FIRST), etag='"v1"')
    result = CliRunner().invoke(main, ["recheck", "1", "99", "--json", *opts])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert lines[0]["article_id"] == 1 and lines[0]["error"] is None
    assert lines[1]["article_id"] == 99 and "no article 99" in lines[1]["error"]


def test_recheck_refuses_pasted_copy_and_bad_duration(article):
    db_path, _path, opts = article
    from newsprov.desk import Desk

    Desk(db_path).paste("The council said the bridge will reopen in May.", "Bridge")
    result = CliRunner().invoke(main, ["recheck", "2", *opts])
    assert result.exit_code == 1
    assert "pasted copy, not fetched" in result.output
    bad = CliRunner().invoke(main, ["recheck", "--all", "--older-than", "soon", *opts])
    assert bad.exit_code == 2 and "use a number and s, m, h, d or w" in bad.output


def test_select_articles_older_than(article):
    db_path, _path, _opts = article
    db = open_db(db_path)
    assert select_articles(db, None) == [1]
    assert select_articles(db, None, parse_duration("6h")) == []  # fetched just now
    later = datetime.now(UTC) + timedelta(hours=7)
    assert select_articles(db, None, parse_duration("6h"), now=later) == [1]
    assert select_articles(db, [1], parse_duration("8h"), now=later) == []
    assert parse_duration("90m") == timedelta(minutes=90)


async def test_recheck_edit_shows_in_reader_versions_view_and_desk_views(site, article):
    db_path, path, opts = article
    site.set_page(
        path, page(SECOND[:1] + ["&lt;img src=x onerror=alert(1)&gt; " + SECOND[1]] + SECOND[2:])
    )
    assert run("recheck", "1", *opts).exit_code == 0
    from db.plugin.app import make_datasette

    ds = make_datasette(db_path)
    reader = (await ds.client.get("/-/article/1")).text
    banner = re.search(r'<p class="np-edited".*?</p>', reader, re.S).group(0)
    n = open_db(db_path)["version_changes"].count
    assert f"edited after first seen: {n} sentences changed, 1 attribution removed" in banner
    assert "named source made anonymous" in banner
    assert 'href="/-/article/1/versions"' in banner
    view = (await ds.client.get("/-/article/1/versions")).text
    assert "Version 2" in view and "Version 1 (as first seen)" in view
    # Scraped text that spells a tag is shown as text, never made an element.
    assert "&lt;img src=x onerror=alert(1)&gt;" in view and "<img src=x" not in view
    # The edited figure is marked word by word; the telling change is highlighted.
    assert "<del>240</del>" in view or "<del>240 " in view
    assert '<span class="np-note named-to-anonymous">named source made anonymous</span>' in view
    assert 'class="np-change changed telling"' in view
    rows = (
        await ds.client.get("/desk/sourcing_changed_after_publication.json?_shape=array")
    ).json()
    kinds = {(r["kind"], r["sourcing_before"], r["sourcing_after"]) for r in rows}
    assert ("changed", "named_source", "anonymous_source") in kinds
    assert ("removed", "named_source", None) in kinds
    assert all(r["outlet"] == "127.0.0.1" or r["outlet"] for r in rows)
    board = await ds.client.get("/-/dashboards/newsprov-overview")
    assert board.status_code == 200 and "Sourcing edits after publication" in board.text


async def test_reader_without_edits_has_no_banner(site, article):
    db_path, _path, _opts = article
    from db.plugin.app import make_datasette

    ds = make_datasette(db_path)
    reader = (await ds.client.get("/-/article/1")).text
    assert "np-edited" not in reader
    view = (await ds.client.get("/-/article/1/versions")).text
    assert "No edits recorded for this article" in view


def test_recheck_new_bytes_same_text_keeps_the_version(site, article):
    db_path, path, opts = article
    site.set_page(path, page(FIRST).replace("</body>", "<!-- new ad slot --></body>"), etag='"v1b"')
    before = counts(db_path)
    result = run("recheck", "1", "--json", *opts)
    assert json.loads(result.output) == {
        "article_id": 1,
        "changed": False,
        "version": 1,
        "error": None,
    }
    after = counts(db_path)
    assert after["fetches"] == before["fetches"] + 1  # the new bytes are kept as evidence
    assert after["article_versions"] == before["article_versions"] == 0
    assert after["sentences"] == before["sentences"]
    # The next recheck asks with the new validator.
    run("recheck", "1", *opts)
    assert site.log(path=path)[-1].headers.get("if-none-match") == '"v1b"'
