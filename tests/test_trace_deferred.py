"""A story too large to store its claim matches (annotate.copies.MAX_STORED_WORK) in a real
SQLite file: the rebuild stores no pairs, only which articles are deferred, and each
article's trail, worked out when read, is the trail that storing every pair gives."""

from __future__ import annotations

import functools

from test_trace_copies import OTHER, WIRE, save_story_article

from annotate.copies import match_story
from annotate.trace import match_claims
from db import store
from db.plugin.queries import CANNED
from db.schema import open_db
from db.trace import needs_matching, rebuild_matches
from db.trail import trail

# Each outlet its own figure for the same counted thing: every pair of them conflicts.
OWN = [
    (f"Officials said {n} security personnel were killed in 2024.", n, "security personnel",
     "anonymous_source", "Officials")
    for n in (610, 633, 650, 671)
]  # fmt: skip


def _story(tmp_path):
    db = open_db(str(tmp_path / "deferred.db"))
    run_id = store.start_run(db, "test", {})
    seed = save_story_article(db, run_id, 0, "wire.test", 10, WIRE)
    ids = [seed]
    for n in range(1, 5):  # copies of the wire text
        ids.append(save_story_article(db, run_id, n, f"outlet{n}.test", 5 + n, WIRE))
    for n in range(5, 8):
        ids.append(save_story_article(db, run_id, n, f"own{n}.test", 12, OTHER))
    for k, sentence in enumerate(OWN):
        ids.append(save_story_article(db, run_id, 8 + k, f"self{k}.test", 14, [sentence]))
    for other in ids[1:]:
        store.save_related(db, seed, other, "test", 0.5, True)
    return db, seed, ids


def test_a_deferred_story_stores_no_pairs_and_reads_the_all_pairs_trails(tmp_path):
    db, seed, ids = _story(tmp_path)
    rebuild_matches(db, [seed], match_claims)  # every pair stored: the reference
    expected = {a: trail(db, a) for a in ids}
    assert sum(len(i["conflicts"]) for t in expected.values() for i in t) > 20
    over = functools.partial(match_story, max_work=0)  # any story is over this bound
    rebuild_matches(db, [seed], match_claims, story_fn=over)
    assert db["claim_matches"].count == 0 and db["claim_copies"].count == 0
    assert db["claim_matches_deferred"].count == len(ids)
    assert not any(needs_matching(db, a) for a in ids)  # `trace` must not rebuild it again
    assert {a: trail(db, a) for a in ids} == expected
    # Under the bound again (the story shrank, or the bound was raised): stored as before.
    rebuild_matches(db, [seed], match_claims, story_fn=match_story)
    assert db["claim_matches_deferred"].count == 0
    assert {a: trail(db, a) for a in ids} == expected


def test_claims_of_a_deferred_story_are_not_listed_as_having_no_named_origin(tmp_path):
    db, seed, _ids = _story(tmp_path)
    sql = CANNED["claims_without_named_origin"]["sql"]
    rebuild_matches(db, [seed], match_claims, story_fn=match_story)
    stored = db.conn.execute(sql, {"tier": "all"}).fetchall()
    assert stored, "the own reports' figures have no named origin anywhere"
    rebuild_matches(db, [seed], match_claims, story_fn=functools.partial(match_story, max_work=0))
    # Nothing is stored to tell: the query leaves these claims out instead of guessing.
    assert db.conn.execute(sql, {"tier": "all"}).fetchall() == []
