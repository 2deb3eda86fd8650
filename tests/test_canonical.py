"""A declared canonical link is a claim, never a way to move text between articles
(issue 11, case 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.schema import open_db
from db.store import find_article
from newsprov.pipeline import Pipeline, ScrapeOptions
from scraper.extract import extract_article
from scraper.fetch import Fetcher

SITE = Path(__file__).parent / "fixtures" / "site"
BUDGET = "http://www.canonpost.test/news/budget.html"


@pytest.mark.parametrize(
    "other",
    [
        "http://blog.canonpost.test/x/",  # another host of the same outlet
        "http://www.canonpost.test/other/roads.html",  # the same host
    ],
)
def test_canonical_link_never_overwrites_another_article(site, fetch_config, tmp_path, other):
    db = open_db(str(tmp_path / "n.db"))
    with Fetcher(fetch_config) as fetcher:
        pipe = Pipeline(db, fetcher)
        first, second = pipe.scrape([BUDGET, other], ScrapeOptions(related=False))
    assert first.status == second.status == "ok"
    assert first.article_id != second.article_id
    budget_text = db.execute("SELECT text FROM articles WHERE url = ?", (BUDGET,)).fetchone()[0]
    assert "nine votes to four" in budget_text
    assert "blog has argued" not in budget_text and "Mill Lane" not in budget_text
    (url, canonical) = db.execute(
        "SELECT url, canonical_url FROM articles WHERE article_id = ?", (second.article_id,)
    ).fetchone()
    assert url == other.rstrip("/") or url == other
    assert canonical == BUDGET  # recorded as the page's claim
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    # Looking the canonical URL up finds the article that really lives there.
    assert find_article(db, BUDGET) == first.article_id


def test_extract_keeps_the_fetched_url_as_identity() -> None:
    body = (SITE / "www.canonpost.test/other/roads.html").read_bytes()
    art = extract_article(body, "http://www.canonpost.test/other/roads.html", "text/html")
    assert art.url == "http://www.canonpost.test/other/roads.html"
    assert art.canonical_url == BUDGET
