"""Canned queries on a story of syndicated copies, through real Datasette requests on a real
SQLite file: claim matches stored once per group of copies (claim_copies) must give the
same rows and counts as storing every matching pair (the representation before grouping).

The story: a wire report carried word for word by eight outlets, a ninth that runs the same
claim but names who said it, and three outlets with their own, conflicting figure."""

from __future__ import annotations

import pytest
from test_trace_copies import OTHER, save_story_article

from annotate.copies import match_story
from annotate.trace import match_claims
from db import store
from db.claim_groups import matches_of
from db.plugin.app import make_datasette
from db.plugin.queries import CANNED
from db.schema import open_db
from db.trace import rebuild_matches

ATTACKS = "attacks rose to across the province"  # one claim statement, several sentences
WIRE = [
    ("Militants killed 702 security personnel in 2024, the ICCS report said.", 702,
     "security personnel", "named_source", "the ICCS report", None),
    ("Attacks rose to 444 across the province.", 444, "attacks", "unattributed_claim", None,
     ATTACKS),
    ("Roadside bombs hit 37 convoys last month.", 37, "convoys", "agentless", None, None),
]  # fmt: skip
NAMED = [  # the same attacks claim, its origin named: a copy of the wire's claim
    ("Provincial police said attacks rose to 444 across the province.", 444, "attacks",
     "named_source", "Provincial police", ATTACKS),
]  # fmt: skip


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "newsprov.db"
    db = open_db(str(path))
    run_id = store.start_run(db, "test", {})
    seed = save_story_article(db, run_id, 0, "wire.test", 10, WIRE)
    ids = [seed]
    for n in range(1, 9):  # eight outlets carry the wire text, some before the seed's page
        ids.append(save_story_article(db, run_id, n, f"outlet{n}.test", 5 + n, WIRE))
    ids.append(save_story_article(db, run_id, 9, "named.test", 11, NAMED))
    for n in range(10, 13):  # three report their own, conflicting figure
        ids.append(
            save_story_article(db, run_id, n, f"own{n}.test", 12, [(*s, None) for s in OTHER])
        )
    for other in ids[1:]:
        store.save_related(db, seed, other, "test", 0.5, True)
    return path, db, seed, ids


async def _answers(path) -> dict[str, list[dict]]:
    ds = make_datasette(path)
    out = {}
    for name in sorted(CANNED):
        for tier in ("", "all"):
            r = await ds.client.get(f"/newsprov/{name}.json?_shape=array&tier={tier}")
            assert r.status_code == 200, r.text
            rows = r.json()
            for row in rows:
                # which stored row stands for a pair differs between the two forms
                row.pop("first_match", None)
            out[f"{name}?tier={tier}"] = sorted(rows, key=repr)
    return out


def _expanded(db) -> set[tuple]:
    return {
        tuple(r)
        for r in db.execute(
            "SELECT claim_id, other_claim_id, other_article_id, method, score, shared_figures,"
            " conflict FROM claim_matches_expanded"
        )
    }


async def test_canned_queries_give_the_all_pairs_answers_on_a_story_of_copies(story):
    path, db, seed, ids = story
    rebuild_matches(db, [seed], match_claims, story_fn=match_story)
    assert db["claim_copies"].count > 8  # the copies are grouped, the named one among them
    grouped_rows = db["claim_matches"].count
    grouped_view = _expanded(db)
    grouped = await _answers(path)

    rebuild_matches(db, [seed], match_claims)  # every pair, no groups
    db.conn.execute("DELETE FROM claim_copies")
    db.conn.commit()
    assert db["claim_matches"].count > grouped_rows
    all_pairs = {
        tuple(r)
        for r in db.execute(
            "SELECT claim_id, other_claim_id, other_article_id, method, score, shared_figures,"
            " conflict FROM claim_matches"
        )
    }
    assert grouped_view == all_pairs == _expanded(db)
    assert grouped == await _answers(path)

    # What an editor sees: the wire's attacks claim has a named origin (one copy, on
    # named.test, names the police), so no outlet's copy is listed; the convoys claim has
    # none, and each of its nine carriers matches the eight others.
    no_origin = grouped["claims_without_named_origin?tier=all"]
    assert all("Attacks rose" not in r["sentence"] for r in no_origin)
    assert len(no_origin) == 9 and all("convoys" in r["sentence"] for r in no_origin)
    assert {r["matches_elsewhere"] for r in no_origin} == {8}
    conflicts = grouped["conflicting_figures?tier="]
    # 685 against 702: each of nine wire carriers against each of three own reports
    assert len(conflicts) == 9 * 3
    review = {r["article_id"]: r for r in grouped["articles_needing_review?tier="]}
    assert review[ids[10]]["conflicting_figures"] == 9


def test_the_view_matches_matches_of_for_every_article(story):
    path, db, seed, ids = story
    rebuild_matches(db, [seed], match_claims, story_fn=match_story)
    for aid in ids:
        expected = {(cid, *row) for cid, rows in matches_of(db, aid).items() for row in rows}
        got = {
            tuple(r)
            for r in db.execute(
                "SELECT e.claim_id, e.other_claim_id, e.other_article_id, e.method, e.score,"
                " e.shared_figures, e.conflict FROM claim_matches_expanded e"
                " JOIN claims c ON c.claim_id = e.claim_id WHERE c.article_id = ?",
                (aid,),
            )
        }
        assert got == expected, aid


async def test_copies_stored_before_migration_0013_are_counted_the_same(story):
    """A database whose groups of copies were stored without their article and rank
    (before 0013) gets them filled in by the migration: the same answers."""
    path, db, seed, _ids = story
    rebuild_matches(db, [seed], match_claims, story_fn=match_story)
    expected = await _answers(path)
    conn = db.conn
    conn.execute("DROP INDEX idx_claim_copies_side")
    conn.execute("ALTER TABLE claim_copies DROP COLUMN pos")
    conn.execute("ALTER TABLE claim_copies DROP COLUMN article_id")
    conn.execute("DELETE FROM schema_migrations WHERE name = '0013_claim_copies_article'")
    conn.commit()
    db.close()
    db = open_db(str(path))
    assert db.execute("SELECT count(*) FROM claim_copies WHERE pos IS NULL").fetchone()[0] == 0
    assert await _answers(path) == expected
