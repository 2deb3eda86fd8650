"""Stored articles are annotated against their own date: a year the page names that was
still to come on its published date is a plan, one already past is the article's latest year
(rule sourcing.tier.history_years). Scraping, re-annotating (`newsprov annotate`) and
rechecking a page read it against the same date, so the flags do not drift with the day the
command runs. Pages and sentences written for these tests, served by the local test server
and stored in a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import date

from click.testing import CliRunner
from page_builders import article_page

from annotate.annotator import reference_date
from newsprov.cli import main

STORY = [
    "The Wend bridge opened to traffic in 2060.",
    "In 1961, about 2,000 people crossed the river by ferry each day.",
    "The ferry landing at Corran is now a small park with benches and a café.",
    "Walkers cross the bridge on the east side, where the path is widest.",
]


def page(title: str, published: str | None) -> str:
    meta = f"<meta property='article:published_time' content='{published}'>" if published else ""
    return article_page(title, STORY, "Wend Gazette", "Lia Moss", head=meta)


def ferry_tiers(db_path: str) -> dict[str, str | None]:
    """The tier of the 1961 sentence, by article title."""
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT a.title, s.tier FROM sentences s JOIN articles a USING (article_id)"
            " WHERE s.text LIKE 'In 1961%'"
        ).fetchall()
        return dict(rows)
    finally:
        conn.close()


def test_reference_date_takes_the_first_stamp_that_gives_a_date() -> None:
    assert reference_date("2080-03-01T09:00:00Z", "2026-12-01T00:00:00Z") == date(2080, 3, 1)
    assert reference_date(None, "1991-06-01T10:11:12Z") == date(1991, 6, 1)
    assert reference_date("", "last Tuesday", "1991-06-01") == date(1991, 6, 1)
    assert reference_date(None, "not a date") is None


def test_stored_articles_are_annotated_and_re_annotated_against_their_own_date(
    site, tmp_path
) -> None:
    db_path = str(tmp_path / "dated.db")
    pages = {
        "Bridge at twenty": ("/gazette/bridge-at-twenty", "2080-03-01T09:00:00Z"),
        "Bridge plans": ("/gazette/bridge-plans", "1991-06-01T09:00:00Z"),
    }
    for title, (path, published) in pages.items():
        site.set_page(f"{path}-{tmp_path.name}", page(title, published))
    urls = [site.url(f"{path}-{tmp_path.name}") for path, _ in pages.values()]
    opts = ["--db", db_path, "--allow-host", site.allow, "--delay", "0.02"]
    result = CliRunner().invoke(main, ["scrape", *urls, "--no-related", "--no-gdelt", *opts])
    assert result.exit_code == 0, result.output
    # the same sentence: history on the 2080 page (2060 is past), a query on the 1991 one
    want = {"Bridge at twenty": "routine", "Bridge plans": "query"}
    assert ferry_tiers(db_path) == want
    conn = sqlite3.connect(db_path)
    try:
        reason = conn.execute(
            "SELECT s.reason FROM sentences s JOIN articles a USING (article_id)"
            " WHERE s.text LIKE 'In 1961%' AND a.title = 'Bridge at twenty'"
        ).fetchone()[0]
    finally:
        conn.close()
    assert "1961, a lifetime before 2060" in reason, reason
    # re-annotating reads each stored article against its stored date, not today
    again = CliRunner().invoke(main, ["annotate", "--all", "--db", db_path])
    assert again.exit_code == 0, again.output
    assert ferry_tiers(db_path) == want
