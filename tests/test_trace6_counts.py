"""How many claim matches `scrape` reports for a story (its "related: ... N claim matches"
line): counted through the copy groups, not through the view claim_matches_expanded (which
took minutes on a 1,000-copy story), and still counted when the story is too large to
store its matches. Real SQLite files, and a real scrape of the bundled fictional web."""

from __future__ import annotations

import functools
import re

from test_trace_copies import OTHER, WIRE, save_story_article

from annotate.copies import match_story
from annotate.trace import match_claims
from db import store
from db.schema import open_db
from db.trace import rebuild_matches
from db.trail import match_count
from newsprov.pipeline import Pipeline, ScrapeOptions
from scraper.fetch import FetchConfig, Fetcher

SEED = "http://nationpress.test/news/2025/02/26/post-balakot-pakistan-concealment.html"


def _view_count(db, article_id: int) -> int:
    return db.execute(
        "SELECT count(*) FROM claim_matches_expanded WHERE claim_id IN"
        " (SELECT claim_id FROM claims WHERE article_id = ?)",
        (article_id,),
    ).fetchone()[0]


def _story(tmp_path, copies: int = 12):
    """A wire story carried by `copies` outlets, three outlets with their own report."""
    db = open_db(str(tmp_path / "story.db"))
    run_id = store.start_run(db, "test", {})
    seed = save_story_article(db, run_id, 0, "wire.test", 10, WIRE)
    ids = [seed]
    for n in range(1, copies + 1):
        ids.append(save_story_article(db, run_id, n, f"outlet{n}.test", 1 + n % 20, WIRE))
    for n in range(copies + 1, copies + 4):
        ids.append(save_story_article(db, run_id, n, f"own{n}.test", 12, OTHER))
    for other in ids[1:]:
        store.save_related(db, seed, other, "test", 0.5, True)
    return db, seed, ids


def test_match_count_is_the_views_count_for_every_article_of_a_story_with_copies(tmp_path):
    db, seed, ids = _story(tmp_path)
    rebuild_matches(db, [seed], match_claims, story_fn=match_story)
    assert db["claim_copies"].count > 0  # the copies are stored once per group
    counts = {a: match_count(db, a) for a in ids}
    assert counts == {a: _view_count(db, a) for a in ids}
    # every copy of the wire text matches the other 12 copies' two claims at least
    assert counts[seed] >= 2 * 12


def test_a_deferred_story_counts_what_storing_every_pair_would_store(tmp_path):
    db, seed, ids = _story(tmp_path)
    rebuild_matches(db, [seed], match_claims)  # every pair stored: the reference
    expected = {a: _view_count(db, a) for a in ids}
    assert expected[seed] > 0
    over = functools.partial(match_story, max_work=0)  # any story is over this bound
    rebuild_matches(db, [seed], match_claims, story_fn=over)
    assert db["claim_matches_deferred"].count == len(ids)
    assert _view_count(db, seed) == 0  # nothing stored for SQL to see
    assert {a: match_count(db, a) for a in ids} == expected


def test_scrape_reports_the_seeds_claim_matches_with_copies_counted(site, tmp_path):
    db = open_db(str(tmp_path / "scrape.db"))
    said: list[str] = []
    config = FetchConfig(
        allow_hosts=(site.allow,), connect_to={"*.test": f"127.0.0.1:{site.port}"}, min_delay=0.05
    )
    options = ScrapeOptions(
        gdelt_base="http://gdeltapi.test/results.json",
        feeds=("http://frontierherald.test/feed.xml",),
        extra={"gdelt_min_interval": 0},
    )
    with Fetcher(config) as fetcher:
        results = Pipeline(db, fetcher, progress=said.append).scrape([SEED], options)
    seed_id = results[0].article_id
    line = next(m for m in said if m.startswith("related:"))
    reported = int(re.search(r"(\d+) claim matches", line).group(1))
    assert reported > 0  # the seed's figures appear in the other outlets' reports
    assert reported == _view_count(db, seed_id)  # the same number the view gives
