"""A page that says it is opinion (its section, JSON-LD type or own URL) has its writer's
reasoning tiered routine (rule sourcing.tier.opinion_page), while its figures stay queries;
a news page that only links to the opinion desk is untouched. Pages and sentences written
for these tests; scraped over the local test server into a real SQLite file."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner
from page_builders import article_page

from annotate.annotator import Annotator
from annotate.sourcing.tier_kind import decided_tier
from newsprov.cli import main
from scraper.extract import extract_article
from scraper.page_kind import opinion_evidence

COLUMN = [
    "The Ardley tram scheme was doomed by the council's reckless borrowing.",
    "The mayor's obsession with ribbon-cutting caused the overspend.",
    "The scheme has raised fares for 40 percent of Ardley households.",
    "The new route will probably be abandoned within a year.",
    "Ardley deserves a council that listens before it spends.",
]


def page(section: str | None, extra_head: str = "", nav: str = "") -> str:
    meta = f"<meta property='article:section' content='{section}'>" if section else ""
    return article_page(
        "The tram folly", COLUMN, "Ardley Courier", "Ana Ruiz", head=meta + extra_head, nav=nav
    )


def test_the_page_says_opinion_in_its_section_type_or_url() -> None:
    assert opinion_evidence("https://x.test/a", "Opinion", set()) == "section 'Opinion'"
    assert opinion_evidence("https://x.test/a", "Comment, Politics", set()) == "section 'Comment'"
    got = opinion_evidence("https://x.test/a", None, {"opinionnewsarticle"})
    assert got == "type OpinionNewsArticle"
    got = opinion_evidence("https://x.test/columnists/2026/tram", None, set())
    assert got == "URL path '/columnists/'"
    # a news desk, a review type, or 'opinion' inside a word of the URL is not evidence
    assert opinion_evidence("https://x.test/news/poll-opinions-split", "World", set()) is None
    assert opinion_evidence("https://x.test/a", "Business", {"reviewnewsarticle"}) is None


def test_extraction_reads_the_section_and_ignores_a_link_to_the_opinion_desk() -> None:
    got = extract_article(page("Opinion").encode(), "https://courier.test/2026/tram-folly")
    assert got.opinion == "section 'Opinion'"
    nav = '<a href="https://courier.test/opinion/">Opinion</a>'
    news = extract_article(page("Local news", nav=nav).encode(), "https://courier.test/n/tram")
    assert news.opinion is None


def test_the_writers_reasoning_is_routine_on_an_opinion_page_but_figures_stay_queries(
    annotator: Annotator,
) -> None:
    text = "\n\n".join(COLUMN)
    plain = {f.text[:12]: f for f in annotator.annotate(text).sentences}
    marked = {f.text[:12]: f for f in annotator.annotate(text, "section 'Opinion'").sentences}
    for starts in ("The Ardley t", "The mayor's ", "The new rout"):
        assert decided_tier(plain[starts]) == "query", plain[starts].reason
        assert marked[starts].tier == "routine", marked[starts].reason
        assert "page marked opinion (section 'Opinion')" in (marked[starts].reason or "")
        assert (marked[starts].reason or "").endswith("(sourcing.tier.opinion_page)")
    figure = marked["The scheme h"]
    assert (figure.sourcing, figure.tier) == ("unattributed_claim", "query"), figure.reason


def _tiers(db_path: str) -> tuple[str | None, dict[str, str | None]]:
    conn = sqlite3.connect(db_path)
    try:
        opinion = conn.execute("SELECT opinion FROM articles").fetchone()[0]
        rows = conn.execute("SELECT text, tier FROM sentences WHERE tier IS NOT NULL").fetchall()
        return opinion, {t[:12]: tier for t, tier in rows}
    finally:
        conn.close()


def scrape(site, tmp_path, path: str, html: str) -> str:
    """Serve `html` at `path` on the local test server, scrape it into a new SQLite file
    under `tmp_path`, and return the file's path."""
    site.set_page(path, html)
    db_path = str(tmp_path / f"{path.strip('/').replace('/', '-')}.db")
    opts = ["--db", db_path, "--allow-host", site.allow, "--delay", "0.05"]
    result = CliRunner().invoke(
        main, ["scrape", site.url(path), "--no-related", "--no-gdelt", *opts]
    )
    assert result.exit_code == 0, result.output
    return db_path


def test_a_scraped_opinion_page_keeps_its_tiers_when_re_annotated(site, tmp_path) -> None:
    db_path = scrape(site, tmp_path, f"/opinion/tram-folly-{tmp_path.name}", page("Opinion"))
    opinion, tiers = _tiers(db_path)
    assert opinion == "section 'Opinion'"
    assert tiers["The mayor's "] == "routine" and tiers["The scheme h"] == "query", tiers
    result = CliRunner().invoke(main, ["annotate", "--all", "--db", db_path])
    assert result.exit_code == 0, result.output
    assert "annotated 1" in result.output or "1 article" in result.output, result.output
    assert _tiers(db_path) == (opinion, tiers)


async def test_the_reader_page_says_why_the_page_is_opinion_as_text(site, tmp_path) -> None:
    from db.plugin.app import make_datasette

    # a section name is scraped text: it must be shown, never made an element
    hostile = page('Opinion &lt;b onmouseover="alert(1)"&gt;')
    db_path = scrape(site, tmp_path, f"/columnists/tram-folly-{tmp_path.name}", hostile)
    reader = (await make_datasette(db_path).client.get("/-/article/1")).text
    assert "The page says it is opinion: section &#39;Opinion &lt;b onmouseover=" in reader
    assert "<b onmouseover" not in reader
    news_db = scrape(site, tmp_path, f"/news/tram-{tmp_path.name}", page("Local news"))
    reader = (await make_datasette(news_db).client.get("/-/article/1")).text
    assert "says it is opinion" not in reader
