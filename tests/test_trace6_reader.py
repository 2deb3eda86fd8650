"""The reader page of a story carried by many outlets: each list shows its first items,
says how many more there are and links to all of them; the summaries still count every
report. A real SQLite story and real Datasette requests."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from test_trace_copies import WIRE, save_story_article

from annotate.copies import match_story
from annotate.trace import match_claims
from db import store
from db.plugin.app import make_datasette
from db.plugin.limits import RELATED_SHOWN, TRAIL_SHOWN
from db.schema import open_db
from db.trace import rebuild_matches

OUTLETS = 60  # more than either limit


@pytest.fixture
def story(tmp_path):
    return wide_story(tmp_path)


def wide_story(tmp_path) -> tuple[str, int]:
    """The wire story (a named 702 figure, an unattributed 444) run by 60 outlets."""
    path = str(tmp_path / "wide.db")
    db = open_db(path)
    run_id = store.start_run(db, "test", {})
    seed = save_story_article(db, run_id, 0, "wire.test", 27, WIRE)
    for n in range(1, OUTLETS + 1):
        other = save_story_article(db, run_id, n, f"outlet{n}.test", 1 + n % 26, WIRE)
        store.save_related(db, seed, other, "test", 0.5, True)
    rebuild_matches(db, [seed], match_claims, story_fn=match_story)
    return path, seed


async def _page(path: str, url: str) -> BeautifulSoup:
    r = await make_datasette(path).client.get(url)
    assert r.status_code == 200, r.text[:500]
    return BeautifulSoup(r.text, "html.parser")


def _trail(page: BeautifulSoup, starts: str):
    return next(
        t for t in page.select("div.np-trail") if t.blockquote.get_text().startswith(starts)
    )


async def test_a_trail_lists_its_first_reports_and_links_to_all(story):
    path, seed = story
    page = await _page(path, f"/-/article/{seed}")
    trail = _trail(page, "Attacks rose to 444")
    assert len(trail.select("ol.np-matches > li")) == TRAIL_SHOWN
    more = trail.select_one("p.np-more")
    assert more.get_text(" ", strip=True).startswith(f"{OUTLETS - TRAIL_SHOWN} more matching")
    # the summary still counts every report, not the ones listed
    assert f"No named origin in the {OUTLETS} matching reports" in trail.get_text(" ", strip=True)
    assert f"Independent outlets stating it: {OUTLETS}" in trail.get_text(" ", strip=True)
    full = await _page(path, more.a["href"].split("#")[0])
    assert len(_trail(full, "Attacks rose to 444").select("ol.np-matches > li")) == OUTLETS
    assert full.select("div.np-trail p.np-more") == []


async def test_related_coverage_lists_its_first_pages_and_links_to_all(story):
    path, seed = story
    page = await _page(path, f"/-/article/{seed}")
    section = page.select_one("section.np-related")
    assert section.select_one(".np-count").get_text() == str(OUTLETS)  # the whole story
    assert len(section.select("ul > li")) == RELATED_SHOWN
    more = section.select_one("p.np-more")
    assert f"{OUTLETS - RELATED_SHOWN} more same-story pages" in more.get_text(" ", strip=True)
    full = await _page(path, more.a["href"].split("#")[0])
    assert len(full.select("section.np-related ul > li")) == OUTLETS
    # the trails stay cut: one list opened, not the others
    assert full.select("div.np-trail p.np-more")


async def test_show_all_links_keep_the_chosen_tier(story):
    path, seed = story
    page = await _page(path, f"/-/article/{seed}?tier=all")
    hrefs = [p.a["href"] for p in page.select("p.np-more")]
    assert hrefs and all("tier=all" in h for h in hrefs)
    assert any("matches=all" in h for h in hrefs) and any("related=all" in h for h in hrefs)


async def test_a_small_story_shows_no_more_links(tmp_path):
    db = open_db(str(tmp_path / "small.db"))
    run_id = store.start_run(db, "test", {})
    seed = save_story_article(db, run_id, 0, "wire.test", 27, WIRE)
    for n in range(1, 4):
        other = save_story_article(db, run_id, n, f"outlet{n}.test", n, WIRE)
        store.save_related(db, seed, other, "test", 0.5, True)
    rebuild_matches(db, [seed], match_claims, story_fn=match_story)
    page = await _page(str(tmp_path / "small.db"), f"/-/article/{seed}")
    assert page.select("p.np-more") == []
    assert len(_trail(page, "Attacks rose to 444").select("ol.np-matches > li")) == 3
